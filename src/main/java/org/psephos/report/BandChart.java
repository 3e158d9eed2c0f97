package org.psephos.report;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lines with optional shaded bands: power curves with their Monte Carlo intervals, a Klimek model fit against the
 * data, a Shpilkin curve with its bootstrap band, the cumulative votes curve. Each band is drawn as a translucent
 * polygon in its line's Okabe–Ito colour, under the lines. Takes plain arrays (no estimator classes), so any module
 * can draw with it. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class BandChart {
    /**
     * One line, with an optional band.
     *
     * @param name the legend label
     * @param x    x values, increasing
     * @param y    y values, same length
     * @param low  the band's lower edge, same length, or {@code null} for no band
     * @param high the band's upper edge, same length, or {@code null} for no band
     * @param dashed whether to dash the line (e.g. a model against data drawn solid)
     * @since 0.1
     */
    public record Line(String name, double[] x, double[] y, double[] low, double[] high, boolean dashed) {
        /** Copies the arrays and checks their lengths. */
        public Line {
            Objects.requireNonNull(name, "name");
            x = x.clone();
            y = y.clone();
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
            }
            if ((low == null) != (high == null)) {
                throw new IllegalArgumentException("a band needs both edges: " + name);
            }
            if (low != null) {
                low = low.clone();
                high = high.clone();
                if (low.length != x.length || high.length != x.length) {
                    throw new IllegalArgumentException("band edges differ in length from x: " + name);
                }
            }
        }

        /**
         * @param name the legend label
         * @param x    x values
         * @param y    y values
         * @return a solid line without a band
         */
        public static Line of(String name, double[] x, double[] y) {
            return new Line(name, x, y, null, null, false);
        }

        /**
         * @param name the legend label
         * @param x    x values
         * @param y    y values
         * @param low  the band's lower edge
         * @param high the band's upper edge
         * @return a solid line with a band
         */
        public static Line withBand(String name, double[] x, double[] y, double[] low, double[] high) {
            return new Line(name, x, y, low, high, false);
        }

        /** @return a copy of x */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** @return a copy of y */
        @Override
        public double[] y() {
            return y.clone();
        }

        /** @return a copy of the band's lower edge, or null */
        @Override
        public double[] low() {
            return low == null ? null : low.clone();
        }

        /** @return a copy of the band's upper edge, or null */
        @Override
        public double[] high() {
            return high == null ? null : high.clone();
        }
    }

    private BandChart() {
    }

    /**
     * @param title  what is shown and for which election
     * @param xTitle the x-axis title with its unit
     * @param yTitle the y-axis title with its unit
     * @param lines  the lines
     * @return the chart
     * @throws IllegalArgumentException if there is no line
     */
    public static XYChart of(String title, String xTitle, String yTitle, List<Line> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a band chart needs at least one line");
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setMarkerSize(6);
        int i = 0;
        for (Line l : lines) {
            if (l.low != null) {
                int n = l.x.length;
                double[] px = new double[2 * n];
                double[] py = new double[2 * n];
                for (int k = 0; k < n; k++) {
                    px[k] = l.x[k];
                    py[k] = l.high[k];
                    px[2 * n - 1 - k] = l.x[k];
                    py[2 * n - 1 - k] = l.low[k];
                }
                XYSeries band = chart.addSeries(l.name + " (band)", px, py);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(ChartStyle.translucent(ChartStyle.colour(i), 60));
                band.setLineColor(ChartStyle.translucent(ChartStyle.colour(i), 0));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
            i++;
        }
        // XChart puts the x ticks on the data points when every x value is equally spaced (a curve on a grid,
        // e.g. every 0.5%: ticks at 0, 3, 6...); an invisible point between the first two x values prevents that.
        Line first = lines.get(0);
        if (first.x.length >= 2) {
            XYSeries anchor = chart.addSeries("\u200b", new double[] {(first.x[0] + first.x[1]) / 2},
                    new double[] {first.y[0]});
            anchor.setMarker(SeriesMarkers.NONE);
            anchor.setLineColor(ChartStyle.translucent(ChartStyle.colour(0), 0));
            anchor.setShowInLegend(false);
        }
        // Long names (a party's registered name) do not fit side by side under the plot.
        int legend = lines.stream().mapToInt(l -> l.name.length() + 6).sum();
        if (legend > 110) {
            chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        }
        i = 0;
        for (Line l : lines) {
            XYSeries xy = chart.addSeries(l.name, l.x, l.y);
            xy.setMarkerColor(ChartStyle.colour(i));
            xy.setLineColor(ChartStyle.colour(i));
            xy.setLineStyle(l.dashed
                    ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f)
                    : new BasicStroke(2.5f));
            xy.setMarker(l.x.length <= 30 ? TimeSeriesChart.MARKERS[i % TimeSeriesChart.MARKERS.length]
                    : SeriesMarkers.NONE);
            i++;
        }
        return chart;
    }

    /**
     * Fixes the x axis to 0–100 (a percentage) and the y axis to start at 0, with whole-number tick labels.
     *
     * @param chart    the chart
     * @param yPattern the y tick labels' decimal pattern, e.g. {@code "#,##0"} for counts
     */
    static void percentX(XYChart chart, String yPattern) {
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(100.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern(yPattern);
    }
}
