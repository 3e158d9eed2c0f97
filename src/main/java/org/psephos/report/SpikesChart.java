package org.psephos.report;

import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Rozenas's spikes chart, as the {@code plot.out} method of his R package {@code spikes} draws it (Rozenas 2017,
 * "Detecting election fraud from irregularities in vote-share distributions", Political Analysis 25(1):41–56,
 * doi:10.1017/pan.2016.9): the kernel density of the observed vote shares v/t (bandwidth 0.0001, 1001 points),
 * the upper envelope of the densities of the shares resampled from the fitted smooth null, and a dot at every share
 * where the observed density rises above the envelope and the observed bin holds more units than the resamples
 * do on average: the spikes whose excess makes up the estimate F, given in the title. Takes the curves from the
 * {@code Spikes} test's details. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class SpikesChart {
    private SpikesChart() {
    }

    /**
     * @param grid         the share grid, in [0, 1]
     * @param density      the observed density on it
     * @param envelope     the envelope of the resampled densities on it
     * @param spikes       the spikes counted in F: {share, excess percentage} each
     * @param fraudPercent F
     * @param option       the option whose shares these are
     * @param title        the election's name for the title
     * @return the chart
     * @throws IllegalArgumentException if the curves differ in length from the grid
     */
    public static XYChart of(double[] grid, double[] density, double[] envelope, List<double[]> spikes,
                             double fraudPercent, String option, String title) {
        if (density.length != grid.length || envelope.length != grid.length) {
            throw new IllegalArgumentException("curves differ in length from the grid: " + grid.length + ", "
                    + density.length + ", " + envelope.length);
        }
        double[] x = new double[grid.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = 100 * grid[j];
        }
        String who = ChartStyle.shorten(option, 40);
        List<BandChart.Line> lines = List.of(
                BandChart.Line.of("Observed: " + who + "'s share of the ballots", x, density),
                new BandChart.Line("Upper envelope of the resampled densities (smooth null)", x, envelope, null, null,
                        true));
        XYChart chart = BandChart.of(String.format(Locale.ROOT, "%s: spikes in %s's vote share, F = %.2f%%",
                ChartStyle.shorten(title, 40), who, fraudPercent), "Vote share v/t (%)",
                "Kernel density (bandwidth 0.01%)", lines);
        if (!spikes.isEmpty()) {
            double[] sx = new double[spikes.size()];
            double[] sy = new double[spikes.size()];
            for (int k = 0; k < sx.length; k++) {
                double share = spikes.get(k)[0];
                int j = (int) Math.round(share * (grid.length - 1));
                sx[k] = 100 * share;
                sy[k] = density[Math.max(0, Math.min(grid.length - 1, j))];
            }
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "Spikes counted in F (%d)", sx.length), sx, sy);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(ChartStyle.colour(7));
        }
        BandChart.percentX(chart, "0.#");
        return chart;
    }
}
