package org.psephos.report;

import java.awt.BasicStroke;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Digit-frequency charts: the observed share of each digit 0–9 as dots, against the share expected under the null
 * model as a line with its 95% interval for the observed number of counts,
 * \( p_d \pm 1.96 \sqrt{p_d (1 - p_d) / n} \) (normal approximation to the binomial). Used for the second digit of
 * counts against the second-digit Benford law (Mebane 2006, "Election forensics: vote counts and Benford's law") and
 * the last digit against the uniform distribution (Beber and Scacco 2012, "What the numbers say: a digit-based test
 * for election fraud", Political Analysis 20(2), doi:10.1093/pan/mps003). A dot outside the interval is a digit that
 * departs from the null by more than chance alone would usually allow (per digit, not corrected for ten digits).
 *
 * <p>Takes plain arrays so that any caller (the battery's {@code details}, a recount, another estimator) can draw
 * it. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class DigitCharts {
    private DigitCharts() {
    }

    /**
     * @param observed frequencies of digits 0..9 (10 entries, non-negative)
     * @param expected null probabilities of digits 0..9 (10 entries)
     * @param title    the chart title (say which digit, which variable and which election)
     * @param digit    the axis title for the digit, e.g. "Second digit of the leader's vote counts"
     * @return a dot chart of observed shares with the expected shares and their 95% interval
     * @throws IllegalArgumentException if the arrays do not have 10 entries or a frequency is negative
     */
    public static CategoryChart of(long[] observed, double[] expected, String title, String digit) {
        Objects.requireNonNull(title, "title");
        if (observed.length != 10 || expected.length != 10) {
            throw new IllegalArgumentException("digit frequencies need 10 entries: observed " + observed.length
                    + ", expected " + expected.length);
        }
        long n = 0;
        for (long o : observed) {
            if (o < 0) {
                throw new IllegalArgumentException("digit frequency is negative: " + Arrays.toString(observed));
            }
            n += o;
        }
        double[] x = new double[10];
        double[] obs = new double[10];
        double[] exp = new double[10];
        double[] half = new double[10];
        for (int d = 0; d < 10; d++) {
            x[d] = d;
            obs[d] = n == 0 ? 0 : 100.0 * observed[d] / n;
            exp[d] = 100.0 * expected[d];
            half[d] = n == 0 ? 0 : 100.0 * 1.96 * Math.sqrt(expected[d] * (1 - expected[d]) / n);
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle(digit).yAxisTitle("Share of counts (%)").build();
        ChartStyle.apply(chart.getStyler());
        // Observed shares as dots, not bars: departures are a few tenths of a percentage point, invisible on bars
        // that must start at zero; dots allow an axis zoomed to the data.
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setErrorBarsColor(ChartStyle.OKABE_ITO[1]);
        chart.getStyler().setMarkerSize(14);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < 10; d++) {
            lo = Math.min(lo, Math.min(obs[d], exp[d] - half[d]));
            hi = Math.max(hi, Math.max(obs[d], exp[d] + half[d]));
        }
        double pad = Math.max(0.25, 0.08 * (hi - lo));
        chart.getStyler().setYAxisMin(Math.max(0, Math.floor(2 * (lo - pad)) / 2));
        chart.getStyler().setYAxisMax(Math.ceil(2 * (hi + pad)) / 2);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        CategorySeries line = chart.addSeries("expected, with 95% interval", x, exp, half);
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        line.setLineColor(ChartStyle.OKABE_ITO[1]);
        line.setMarkerColor(ChartStyle.OKABE_ITO[1]);
        line.setMarker(SeriesMarkers.DIAMOND);
        line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 5f}, 0f));
        CategorySeries dots = chart.addSeries(String.format(Locale.ROOT, "observed (n = %,d counts)", n), x, obs);
        dots.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        dots.setMarker(SeriesMarkers.CIRCLE);
        dots.setMarkerColor(ChartStyle.OKABE_ITO[0]);
        return chart;
    }
}
