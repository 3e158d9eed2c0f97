package org.psephos.report;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinSensitivity;

/**
 * How Shpilkin's excess votes depend on the clean peak ({@link Shpilkin#sensitivity}): F, and its stuffing part,
 * with the clean peak put by hand at each turnout of the grid, the clean peak of each automatic rule as a point,
 * and the chosen peak as a vertical line. Where the curve is steep near the chosen peak, or the rules' points lie
 * far apart, the estimate rests on the choice of the peak (Kobak, Shpilkin and Pshenichnikov 2016, "Statistical
 * fingerprints of electoral fraud?", Significance 13(4), 20–23, doi:10.1111/j.1740-9713.2016.00936.x, place the
 * peak by eye). Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ShpilkinSensitivityChart {
    /** Legend label of the grid's line. */
    static final String EXCESS = "Excess votes F with the clean peak at this turnout";
    /** Legend label prefix of the chosen peak's line. */
    static final String CHOSEN = "Chosen clean peak";

    private ShpilkinSensitivityChart() {
    }

    /**
     * @param s     the sensitivity
     * @param title the election's name for the title
     * @return the chart
     * @throws IllegalArgumentException if the grid has fewer than two turnouts with an estimate
     */
    public static XYChart of(ShpilkinSensitivity s, String title) {
        List<ShpilkinSensitivity.Row> rows = s.grid().stream().filter(r -> !Double.isNaN(r.excessVotes())).toList();
        if (rows.size() < 2) {
            throw new IllegalArgumentException("fewer than two clean-peak turnouts with an estimate");
        }
        double[] x = new double[rows.size()];
        double[] f = new double[rows.size()];
        double[] stuffing = new double[rows.size()];
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < x.length; i++) {
            ShpilkinSensitivity.Row r = rows.get(i);
            x[i] = 100 * r.peakTurnout();
            f[i] = r.excessVotes();
            stuffing[i] = r.stuffing();
            lo = Math.min(lo, Math.min(f[i], stuffing[i]));
            hi = Math.max(hi, Math.max(f[i], stuffing[i]));
        }
        List<BandChart.Line> lines = new ArrayList<>();
        lines.add(BandChart.Line.of(EXCESS, x, f));
        lines.add(new BandChart.Line("of which stuffing", x, stuffing, null, null, true));
        XYChart chart = BandChart.of(ChartStyle.shorten(title, 50) + ": Shpilkin excess votes against the clean peak",
                "Clean-peak turnout t* (%)", "Leader's excess votes", lines);
        int colour = 2;
        for (Map.Entry<Shpilkin.PeakRule, ShpilkinSensitivity.Row> e : s.rules().entrySet()) {
            ShpilkinSensitivity.Row r = e.getValue();
            if (Double.isNaN(r.excessVotes())) {
                continue;
            }
            XYSeries p = chart.addSeries(String.format(Locale.ROOT, "%s rule: %.1f%%, F = %s", e.getKey().label(),
                    100 * r.peakTurnout(), ShpilkinChart.votes(r.excessVotes())),
                    new double[] {100 * r.peakTurnout()}, new double[] {r.excessVotes()});
            p.setMarker(TimeSeriesChart.MARKERS[colour % TimeSeriesChart.MARKERS.length]);
            p.setMarkerColor(ChartStyle.colour(colour));
            p.setLineColor(ChartStyle.translucent(ChartStyle.colour(colour), 0));
            lo = Math.min(lo, r.excessVotes());
            hi = Math.max(hi, r.excessVotes());
            colour++;
        }
        ShpilkinSensitivity.Row c = s.chosen();
        XYSeries mark = chart.addSeries(String.format(Locale.ROOT, "%s (%s rule): t* = %.1f%%, F = %s", CHOSEN,
                s.rule().label(), 100 * c.peakTurnout(), ShpilkinChart.votes(c.excessVotes())),
                new double[] {100 * c.peakTurnout(), 100 * c.peakTurnout()}, new double[] {lo, hi});
        mark.setMarker(SeriesMarkers.NONE);
        mark.setLineColor(ChartStyle.colour(7));
        mark.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {2f, 4f}, 0f));
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        return chart;
    }
}
