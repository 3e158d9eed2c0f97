package org.psephos.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Digit-frequency charts: the observed share of each digit 0–9 as bars, against the share expected under the null
 * model as a line with its 95% interval for the observed number of counts,
 * \( p_d \pm 1.96 \sqrt{p_d (1 - p_d) / n} \) (normal approximation to the binomial). Used for the second digit of
 * counts against the second-digit Benford law (Mebane 2006, "Election forensics: vote counts and Benford's law") and
 * the last digit against the uniform distribution (Beber and Scacco 2012, "What the numbers say: a digit-based test
 * for election fraud", Political Analysis 20(2), doi:10.1093/pan/mps003). A bar outside the interval is a digit that
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
     * @return a bar chart of observed shares with the expected shares and their 95% interval
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
        chart.getStyler().setAvailableSpaceFill(0.6);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        double top = 0;
        for (int d = 0; d < 10; d++) {
            top = Math.max(top, Math.max(obs[d], exp[d] + half[d]));
        }
        chart.getStyler().setYAxisMax(Math.ceil(top * 1.1 + 0.5));
        CategorySeries bars = chart.addSeries(String.format(Locale.ROOT, "observed (n = %,d counts)", n), x, obs);
        bars.setFillColor(ChartStyle.OKABE_ITO[5]);
        CategorySeries line = chart.addSeries("expected, with 95% interval", x, exp, half);
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        line.setLineColor(ChartStyle.OKABE_ITO[1]);
        line.setMarkerColor(ChartStyle.OKABE_ITO[1]);
        line.setMarker(SeriesMarkers.DIAMOND);
        line.setLineStyle(new BasicStroke(2f));
        return chart;
    }
}
