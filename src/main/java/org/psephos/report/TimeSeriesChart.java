package org.psephos.report;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A time series of percentages over years, several series in the Okabe–Ito palette with a marker at every data
 * point (history data usually has few, unevenly spaced elections, so points matter more than lines). Years are
 * labelled without thousands separators. Takes plain arrays. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TimeSeriesChart {
    /**
     * One line of the chart.
     *
     * @param name   the legend label (may come from the input; it is drawn as text, not markup)
     * @param years  the x values (years, possibly fractional for the date within a year)
     * @param values the y values, same length; NaN leaves a gap
     * @since 0.1
     */
    public record Series(String name, double[] years, double[] values) {
        /** Copies the arrays and checks their lengths. */
        public Series {
            Objects.requireNonNull(name, "name");
            years = years.clone();
            values = values.clone();
            if (years.length != values.length) {
                throw new IllegalArgumentException("years and values differ in length: " + years.length + " and "
                        + values.length);
            }
        }

        /** @return a copy of the years */
        @Override
        public double[] years() {
            return years.clone();
        }

        /** @return a copy of the values */
        @Override
        public double[] values() {
            return values.clone();
        }
    }

    private TimeSeriesChart() {
    }

    /**
     * @param title  what is shown and for which country or election series
     * @param yTitle the y-axis title with its unit, e.g. "Share of valid votes (%)"
     * @param series the lines
     * @return the chart (x axis "Year")
     * @throws IllegalArgumentException if there is no series
     */
    public static XYChart of(String title, String yTitle, List<Series> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a time series chart needs at least one series");
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("Year").yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setMarkerSize(9);
        int i = 0;
        for (Series s : series) {
            XYSeries xy = chart.addSeries(s.name(), s.years, s.values);
            xy.setMarkerColor(ChartStyle.colour(i));
            xy.setLineColor(ChartStyle.colour(i));
            xy.setLineStyle(new BasicStroke(2.5f));
            xy.setMarker(MARKERS[i % MARKERS.length]);
            i++;
        }
        return chart;
    }

    /** Marker shapes vary with the colour, so series stay apart in greyscale print too. */
    static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND,
        SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
}
