package org.psephos.report;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.psephos.data.Election;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinEstimate;

/**
 * The Shpilkin curve (Shpilkin 2011, 2012; Kobak, Shpilkin and Pshenichnikov 2016, "Statistical fingerprints of
 * electoral fraud?", Significance 13(4), 20–23, doi:10.1111/j.1740-9713.2016.00936.x, Fig. 1): votes per 1% turnout
 * bin for the leader and for the other options together, the clean peak t* marked, and above it the leader's clean
 * expectation r·O_b (r the leader's votes per vote of the others in the peak bin). The shaded area between the
 * leader's curve and the expectation is the estimator's excess F = Σ_{b &gt; t*} (W_b − r·O_b), given in the legend
 * and the title. Bins and peak are those of {@link Shpilkin}. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ShpilkinChart {
    /** Legend label of the leader's line (prefix). */
    static final String CLEAN = "Leader's clean expectation r\u00b7others";

    private ShpilkinChart() {
    }

    /**
     * @param election the units the estimate was made on
     * @param estimate {@link Shpilkin#estimate(Election)} on them
     * @param title    the election's name for the title
     * @return the chart
     * @throws IllegalArgumentException if the election has no leader
     */
    public static XYChart of(Election election, ShpilkinEstimate estimate, String title) {
        return of(election, estimate, title, null);
    }

    /**
     * @param election the units the estimate was made on
     * @param estimate {@link Shpilkin#estimate(Election)} on them
     * @param title    the election's name for the title
     * @param peakRule the rule that chose the clean peak, named in the peak's legend entry, or null
     * @return the chart
     * @throws IllegalArgumentException if the election has no leader
     */
    public static XYChart of(Election election, ShpilkinEstimate estimate, String title, String peakRule) {
        double[][] wo = Shpilkin.binnedVotes(election);
        double[] w = wo[0];
        double[] o = wo[1];
        int bins = w.length;
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = Math.min(100, b + 0.5); // in percent: 100 · TurnoutBins.percentCentre(b) may be an ulp off
        }
        int peak = estimate.peakBin();
        double r = estimate.ratio();
        int m = bins - peak;
        double[] cx = new double[m];
        double[] clean = new double[m];
        double[] high = new double[m];
        for (int k = 0; k < m; k++) {
            int b = peak + k;
            cx[k] = x[b];
            clean[k] = r * o[b];
            high[k] = Math.max(clean[k], w[b]);
        }
        String leader = ChartStyle.shorten(election.leaderName(), 40);
        String excess = votes(estimate.excessVotes());
        List<BandChart.Line> lines = new ArrayList<>();
        lines.add(BandChart.Line.of(leader + " (leader)", x, w));
        lines.add(BandChart.Line.of("Other options together", x, o));
        lines.add(new BandChart.Line(String.format(Locale.ROOT, "%s (r = %.3f); shaded: excess %s votes", CLEAN, r,
                excess), cx, clean, clean, high, true));
        XYChart chart = BandChart.of(ChartStyle.shorten(title, 50) + ": Shpilkin curve, excess " + excess
                + " leader's votes", "Turnout (%), 1% bins", "Votes in the bin", lines);
        double top = 0;
        for (int b = 0; b < bins; b++) {
            top = Math.max(top, Math.max(w[b], o[b]));
        }
        XYSeries mark = chart.addSeries(String.format(Locale.ROOT, "Clean peak t* = %.1f%%%s",
                100 * estimate.peakTurnout(), peakRule == null ? "" : " (" + peakRule + " rule)"),
                new double[] {x[peak], x[peak]}, new double[] {0, top});
        mark.setMarker(SeriesMarkers.NONE);
        mark.setLineColor(ChartStyle.colour(7));
        mark.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {2f, 4f}, 0f));
        BandChart.percentX(chart, "#,##0");
        return chart;
    }

    /** @return a vote count as a whole number with thousands separators */
    static String votes(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
