package org.psephos.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.psephos.data.AtomicFiles;

/**
 * Encodes any XChart chart as PNG or SVG bytes and writes both files atomically. The SVG gets a {@code <title>}
 * element with the chart's title (XChart draws text as glyph outlines, so the file would otherwise hold no searchable
 * text). Runs headless ({@code java.awt.headless=true} unless already set). Stateless and thread-safe; a chart must
 * not be modified while it is encoded.
 *
 * @since 0.1
 */
public final class ChartImages {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartImages() {
    }

    /**
     * @param chart a chart
     * @return the chart as a PNG image at its own size
     * @throws UncheckedIOException if encoding fails
     */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart '" + chart.getTitle() + "' as PNG", e);
        }
    }

    /**
     * @param chart a chart
     * @return the chart as an SVG document with a {@code <title>}
     * @throws UncheckedIOException if encoding fails
     */
    public static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, buf, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart '" + chart.getTitle() + "' as SVG", e);
        }
        String svg = buf.toString(StandardCharsets.UTF_8);
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end > 0) {
            svg = svg.substring(0, end + 1) + "\n  <title>" + Html.escape(chart.getTitle()) + "</title>"
                    + svg.substring(end + 1);
        }
        return svg;
    }

    /**
     * Writes {@code base.png} and {@code base.svg} into {@code dir} (created if needed), each atomically.
     *
     * @param chart the chart
     * @param dir   the directory
     * @param base  the file name without extension
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void write(Chart<?, ?> chart, Path dir, String base) {
        write(chart, png(chart), dir, base);
    }

    /**
     * As {@link #write(Chart, Path, String)} with the chart already encoded as PNG (by {@link #png}), so that a
     * chart shown in a report and written as a file is encoded once.
     *
     * @param chart the chart (for the SVG)
     * @param png   its PNG encoding
     * @param dir   the directory
     * @param base  the file name without extension
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void write(Chart<?, ?> chart, byte[] png, Path dir, String base) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(base + ".png"), out -> out.write(png));
            byte[] svg = svg(chart).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(dir.resolve(base + ".svg"), out -> out.write(svg));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + base + " charts to " + dir + " ("
                    + AtomicFiles.reason(e) + ")", e);
        }
    }
}
