package org.psephos.cases.kazakhstan;

import java.nio.file.Path;
import org.psephos.data.AtomicFiles;
import org.psephos.report.ChartSet;
import org.psephos.scenarios.ScenarioJson;

/**
 * Writes the Kazakhstan case study: {@code results.json} (every figure), CSV tables, PNG and SVG charts
 * ({@link KazakhstanCharts}) and a self-contained {@code report.html} (charts embedded, all text escaped). Every
 * sentence with a number is composed from the result: the legal thresholds and articles from the law data, the
 * figures from the data files and the runs. Stateless.
 *
 * @since 0.1
 */
public final class KazakhstanReport {
    /** Bounds the report checks the Monte Carlo errors against: 0.2 percentage points and 0.03. */
    public static final double SHARE_ERROR_BOUND = 0.002;
    /** See {@link #SHARE_ERROR_BOUND}. */
    public static final double PROBABILITY_ERROR_BOUND = 0.03;

    private KazakhstanReport() {
    }

    /**
     * @param r   the case study
     * @param dir an existing directory
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public static void write(KazakhstanCase.Result r, Path dir) {
        AtomicFiles.writeText(dir.resolve("results.json"), w -> w.write(ScenarioJson.write(r)));
        KazakhstanTables.writeTables(r, dir);
        ChartSet charts = new ChartSet(KazakhstanCharts.charts(r));
        charts.write(dir);
        KazakhstanHtml.report(r, charts).write(dir.resolve("report.html"));
    }
}
