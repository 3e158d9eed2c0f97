package org.psephos.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.psephos.data.AtomicFiles;
import org.psephos.data.Election;
import org.psephos.forensics.Fingerprint;

/**
 * Charts of the election fingerprint, drawn with XChart and written as PNG and SVG: the 2-D histogram of turnout ×
 * leader's share as a heat map in the colour-blind-safe viridis palette (empty cells left white), and the 1-D
 * histograms at 0.1% resolution as lines with the whole-percentage bins marked, where Kobak et al.'s integer peaks
 * show. Runs headless: the class sets {@code java.awt.headless=true} unless the property is already set.
 *
 * <p>Stateless and thread-safe (each call builds its own charts).
 *
 * @since 0.1
 */
public final class FingerprintCharts {
    /** Okabe–Ito blue and vermilion: the histogram line and the whole-percentage marks. */
    private static final Color LINE = ChartStyle.OKABE_ITO[0];
    private static final Color MARK = ChartStyle.OKABE_ITO[1];
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 820;
    private static final int WIDE = ChartStyle.WIDTH;
    private static final int HIST_HEIGHT = 560;

    private FingerprintCharts() {
    }

    /**
     * Writes, into {@code dir} (created if needed): {@code fingerprint.png/.svg/.csv} (1% bins, unit weights),
     * {@code turnout_hist.png/.svg/.csv} and {@code share_hist.png/.svg/.csv} (0.1% bins). Every file is written
     * atomically.
     *
     * @param election the units
     * @param dir      the output directory
     * @param title    the election's name as the charts' titles should show it
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void writeAll(Election election, Path dir, String title) {
        writeAll(election, dir, title, Fingerprint.withDefaults());
    }

    /**
     * As {@link #writeAll(Election, Path, String)} with the given bin widths, weighting and noise.
     *
     * @param election the units
     * @param dir      the output directory
     * @param title    the election's name for the titles
     * @param config   the fingerprint settings
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void writeAll(Election election, Path dir, String title, Fingerprint config) {
        createDirectory(dir);
        Fingerprint.Grid grid = config.grid(election);
        Fingerprint.Histogram turnout = config.turnoutHistogram(election);
        Fingerprint.Histogram share = config.shareHistogram(election);
        grid.writeCsv(dir.resolve("fingerprint.csv"));
        turnout.writeCsv(dir.resolve("turnout_hist.csv"));
        share.writeCsv(dir.resolve("share_hist.csv"));
        ChartImages.write(heatMap(grid, title), dir, "fingerprint");
        ChartImages.write(histogram(turnout, title), dir, "turnout_hist");
        ChartImages.write(histogram(share, title), dir, "share_hist");
    }

    /** Creates a chart directory, saying why not if it cannot. */
    static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + dir + " ("
                    + (Files.exists(dir) ? "a file of that name exists" : AtomicFiles.reason(e)) + ")", e);
        }
    }

    /**
     * @param grid  the 2-D histogram
     * @param title the election's name
     * @return the heat map: x turnout, y leader's share, colour the weight (white where empty)
     */
    public static HeatMapChart heatMap(Fingerprint.Grid grid, String title) {
        int bins = grid.bins();
        String leader = grid.leader().isEmpty() ? "" : " (" + ChartStyle.shorten(grid.leader(), 40) + ")";
        String weight = weightName(grid.weighting()).toLowerCase(Locale.ROOT);
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title + ": election fingerprint (" + num(grid.binWidth()) + "% bins; colour = log10(1 + "
                        + weight + "))")
                .xAxisTitle("Turnout (%)").yAxisTitle("Leader's share (%)" + leader).build();
        List<Number> axis = new ArrayList<>(bins);
        for (int k = 0; k < bins; k++) {
            axis.add(k * grid.binWidth());
        }
        // Colour on a log scale: a few very full cells (often at 100% turnout) would otherwise leave the bulk of
        // the distribution in the darkest colour.
        List<Number[]> cells = new ArrayList<>();
        double max = 0;
        for (int t = 0; t < bins; t++) {
            for (int s = 0; s < bins; s++) {
                double v = grid.cell(t, s);
                if (v > 0) {
                    double c = Math.log10(1 + v);
                    cells.add(new Number[] {t, s, c});
                    max = Math.max(max, c);
                }
            }
        }
        if (cells.isEmpty()) {
            cells.add(new Number[] {0, 0, 0});
        }
        chart.addSeries(weightName(grid.weighting()), axis, axis, cells);
        int labelEvery = Math.max(1, (int) Math.rint(10.0 / grid.binWidth()));
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setRangeColors(ChartStyle.VIRIDIS).setShowValue(false).setDrawBorder(false).setMin(0)
                .setMax(Math.max(Math.ceil(10 * max) / 10, 1));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> label(v, grid.binWidth(), labelEvery));
        chart.getStyler().setyAxisTickLabelsFormattingFunction(v -> label(v, grid.binWidth(), labelEvery));
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        return chart;
    }

    /** Labels every tenth percentage point of a categorical heat-map axis and leaves the others blank. */
    private static String label(Double value, double binWidth, int every) {
        long k = Math.round(value / binWidth);
        return k % every == 0 ? num(value) : " ";
    }

    /**
     * @param h     a 1-D histogram
     * @param title the election's name
     * @return the histogram as a line, with its whole-percentage bins marked
     */
    public static XYChart histogram(Fingerprint.Histogram h, String title) {
        boolean turnout = "turnout".equals(h.variable());
        String what = turnout ? "Turnout (%)" : "Leader's share (%)";
        int n = h.bins();
        double[] x = new double[n];
        double[] y = new double[n];
        int perPercent = (int) Math.rint(1.0 / h.binWidth());
        List<Double> wx = new ArrayList<>();
        List<Double> wy = new ArrayList<>();
        double interiorMax = 0;
        for (int k = 0; k < n; k++) {
            x[k] = h.centre(k);
            y[k] = h.weight(k);
            if (perPercent >= 2 && k % perPercent == 0) {
                wx.add(x[k]);
                wy.add(y[k]);
            }
            if (x[k] >= 1 && x[k] <= 99) {
                interiorMax = Math.max(interiorMax, y[k]);
            }
        }
        // Stations at exactly 0% or 100% can outnumber any interior bin many times over; keep the axis for the
        // interior, where the integer peaks are, and name the end bins that go off the scale.
        double yMax = 1.15 * interiorMax;
        StringBuilder offScale = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (interiorMax > 0 && y[k] > yMax) {
                offScale.append(offScale.length() == 0 ? "; off scale: " : ", ").append(num(x[k])).append("% = ")
                        .append(String.format(Locale.ROOT, "%,.0f", y[k]));
            }
        }
        XYChart chart = new XYChartBuilder().width(WIDE).height(HIST_HEIGHT)
                .title(title + ": " + (turnout ? "turnout" : "leader's share") + " at " + num(h.binWidth())
                        + "% resolution" + offScale)
                .xAxisTitle(what + "; dots mark whole percentages")
                .yAxisTitle(weightName(h.weighting()) + " per " + num(h.binWidth()) + "% bin").build();
        ChartStyle.apply(chart.getStyler());
        XYSeries line = chart.addSeries(weightName(h.weighting()), x, y);
        line.setMarker(SeriesMarkers.NONE).setLineColor(LINE).setLineStyle(new BasicStroke(1f));
        if (!wx.isEmpty()) {
            XYSeries marks = chart.addSeries("whole percentages", wx, wy);
            marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE)
                    .setMarkerColor(MARK);
        }
        // XChart places ticks on the data points when all x values are equally spaced (it chose every 18th bin,
        // 1.8 points apart, unreadable); one invisible point half a bin left of 0 breaks the equal spacing, so the
        // ordinary numeric ticks (every 10 points, checked in FingerprintChartsTest) are used.
        XYSeries ends = chart.addSeries(" ", new double[] {-h.binWidth() / 2}, new double[] {0});
        ends.setMarker(SeriesMarkers.NONE).setLineColor(new Color(0, 0, 0, 0)).setShowInLegend(false);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(100.0);
        // With about 1,100 plot pixels for 100 points, a spacing hint of 100 pixels gives a step of 10.
        chart.getStyler().setXAxisTickMarkSpacingHint(100);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisMin(0.0);
        if (offScale.length() > 0) {
            chart.getStyler().setYAxisMax(yMax);
        }
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    private static String weightName(Fingerprint.Weighting w) {
        return switch (w) {
            case UNITS -> "Units";
            case REGISTERED -> "Registered voters";
            case BALLOTS -> "Ballots";
            case LEADER_VOTES -> "Leader's votes";
        };
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
