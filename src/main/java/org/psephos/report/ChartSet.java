package org.psephos.report;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Named charts that a report shows and that are also written as files: each chart is encoded as PNG at most once,
 * whichever comes first. Thread-safe; the charts must not be modified.
 *
 * @since 0.1
 */
public final class ChartSet {
    private final Map<String, Chart<?, ?>> charts;
    private final Map<String, byte[]> png = new HashMap<>();

    /** @param charts the charts by file name (without extension), in order */
    public ChartSet(Map<String, Chart<?, ?>> charts) {
        this.charts = Collections.unmodifiableMap(new LinkedHashMap<>(charts));
    }

    /** @return the charts by file name, in order (unmodifiable) */
    public Map<String, Chart<?, ?>> charts() {
        return charts;
    }

    /**
     * @param name a chart's file name
     * @return its PNG encoding, encoded on first use
     */
    synchronized byte[] png(String name) {
        return png.computeIfAbsent(name, k -> ChartImages.png(Objects.requireNonNull(charts.get(k), k)));
    }

    /**
     * @param name    a chart's file name
     * @param caption the caption
     * @return the chart as a report figure, its title as the alternative text
     */
    public HtmlReport.Figure figure(String name, String caption) {
        return new HtmlReport.Figure(png(name), charts.get(name).getTitle(), caption);
    }

    /**
     * Writes every chart as {@code NAME.png} and {@code NAME.svg} into {@code dir} (created if needed).
     *
     * @param dir the directory
     * @throws UncheckedIOException if a file cannot be written
     */
    public void write(Path dir) {
        charts.forEach((name, chart) -> ChartImages.write(chart, png(name), dir, name));
    }
}
