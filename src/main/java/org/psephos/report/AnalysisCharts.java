package org.psephos.report;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;
import org.psephos.data.Election;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.Fingerprint;

/**
 * The charts of one {@code psephos analyze} run, computed once from the units the battery used (after the standard
 * unit filter): the fingerprint family ({@code fingerprint}, {@code turnout_hist}, {@code share_hist}, default
 * {@link Fingerprint} settings) followed by {@link AnalysisReport#moreCharts}. The HTML report
 * ({@link AnalysisReport#report(Election, BatteryResult, AnalysisCharts, String, String, String)}) and the chart
 * files ({@link #write}) take the same charts, and each chart is encoded as PNG at most once.
 *
 * <p>Thread-safe; the charts must not be modified.
 *
 * @since 0.1
 */
public final class AnalysisCharts {
    private final Election kept;
    private final Fingerprint.Grid grid;
    private final Fingerprint.Histogram turnout;
    private final Fingerprint.Histogram share;
    private final ChartSet charts;

    private AnalysisCharts(Election kept, Fingerprint.Grid grid, Fingerprint.Histogram turnout,
                           Fingerprint.Histogram share, Map<String, Chart<?, ?>> charts) {
        this.kept = kept;
        this.grid = grid;
        this.turnout = turnout;
        this.share = share;
        this.charts = new ChartSet(charts);
    }

    /**
     * @param kept   the units the battery used (after the standard filter)
     * @param result the battery's outcome on them
     * @return the charts
     */
    public static AnalysisCharts of(Election kept, BatteryResult result) {
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(result, "result");
        Fingerprint fp = Fingerprint.withDefaults();
        Fingerprint.Grid grid = fp.grid(kept);
        Fingerprint.Histogram turnout = fp.turnoutHistogram(kept);
        Fingerprint.Histogram share = fp.shareHistogram(kept);
        String name = kept.name();
        Map<String, Chart<?, ?>> m = new LinkedHashMap<>();
        m.put("fingerprint", FingerprintCharts.heatMap(grid, name));
        m.put("turnout_hist", FingerprintCharts.histogram(turnout, name));
        m.put("share_hist", FingerprintCharts.histogram(share, name));
        m.putAll(AnalysisReport.moreCharts(kept, result));
        return new AnalysisCharts(kept, grid, turnout, share, m);
    }

    /** @return the units the charts show */
    public Election kept() {
        return kept;
    }

    /** @return the charts by file name, in order (unmodifiable) */
    public Map<String, Chart<?, ?>> charts() {
        return charts.charts();
    }

    /**
     * @param name    a chart's file name
     * @param caption the caption
     * @return the chart as a report figure, its title as the alternative text
     */
    HtmlReport.Figure figure(String name, String caption) {
        return charts.figure(name, caption);
    }

    /**
     * Writes into {@code dir} (created if needed) {@code fingerprint.csv}, {@code turnout_hist.csv},
     * {@code share_hist.csv} and every chart as {@code NAME.png} and {@code NAME.svg}, each file atomically.
     *
     * @param dir the output directory
     * @throws UncheckedIOException if a file cannot be written
     */
    public void write(Path dir) {
        FingerprintCharts.createDirectory(dir);
        grid.writeCsv(dir.resolve("fingerprint.csv"));
        turnout.writeCsv(dir.resolve("turnout_hist.csv"));
        share.writeCsv(dir.resolve("share_hist.csv"));
        charts.write(dir);
    }
}
