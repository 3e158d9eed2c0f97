package org.psephos.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.psephos.data.AtomicFiles;
import org.psephos.estimation.PowerResult;

/**
 * Text, CSV and chart forms of a {@link PowerResult}: one row per grid point and test (power at the calibrated
 * threshold, the own flag rule's rate, mean, truth, bias and sd of the estimate), and a line chart of power against
 * the first grid parameter, one line per test (and per value of the second parameter, if any). Stateless.
 *
 * @since 0.1
 */
public final class PowerReport {
    private PowerReport() {
    }

    /** @param r a result @return the table as aligned text */
    public static String text(PowerResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Power of %s at false-positive rate %.3f (thresholds calibrated on %d clean "
                + "replicates, seed %d)%n", r.tests(), r.falsePositiveRate(), r.replicates(), r.seed()));
        for (int t = 0; t < r.tests().size(); t++) {
            b.append(String.format(Locale.ROOT, "  %-14s threshold %.6g, own flag rule fires on %.3f of clean "
                    + "replicates%n", r.tests().get(t), r.thresholds().get(t), r.cleanFlagRate().get(t)));
        }
        b.append(String.format(Locale.ROOT, "%-28s %-14s %7s %9s %12s %12s %12s %12s%n", String.join(",",
                r.parameters()), "test", "power", "flag_rate", "mean", "truth", "bias", "sd"));
        for (PowerResult.Point p : r.points()) {
            String coords = coords(r, p);
            for (PowerResult.TestPower t : p.tests()) {
                b.append(String.format(Locale.ROOT, "%-28s %-14s %7.3f %9.3f %12.5g %12.5g %12.5g %12.5g%n", coords,
                        t.test(), t.power(), t.flagRate(), t.mean(), t.truth(), t.bias(), t.sd()));
            }
        }
        return b.toString();
    }

    private static String coords(PowerResult r, PowerResult.Point p) {
        List<String> c = new ArrayList<>();
        for (String name : r.parameters()) {
            c.add(name + "=" + String.format(Locale.ROOT, "%.4g", p.values().get(name)));
        }
        return String.join(",", c);
    }

    /**
     * @param r    a result
     * @param path the CSV file (written atomically)
     */
    public static void writeCsv(PowerResult r, Path path) {
        AtomicFiles.writeText(path, out -> {
            List<Object> head = new ArrayList<>(r.parameters());
            head.addAll(List.of("test", "power", "flag_rate", "applicable", "mean", "truth", "bias", "sd",
                    "threshold", "clean_flag_rate", "false_positive_rate"));
            CsvWriter.row(out, head);
            for (PowerResult.Point p : r.points()) {
                for (int t = 0; t < p.tests().size(); t++) {
                    PowerResult.TestPower tp = p.tests().get(t);
                    List<Object> row = new ArrayList<>();
                    for (String name : r.parameters()) {
                        row.add(p.values().get(name));
                    }
                    row.addAll(List.of(tp.test(), tp.power(), tp.flagRate(), tp.applicable(), tp.mean(), tp.truth(),
                            tp.bias(), tp.sd(), r.thresholds().get(t), r.cleanFlagRate().get(t),
                            r.falsePositiveRate()));
                    CsvWriter.row(out, row);
                }
            }
        });
    }

    /**
     * Writes the power curve chart: PNG if the name ends in {@code .png}, SVG otherwise.
     *
     * @param r    a result
     * @param path the chart file (written atomically)
     */
    public static void writeChart(PowerResult r, Path path) {
        String x = r.parameters().get(0);
        String second = r.parameters().size() > 1 ? r.parameters().get(1) : null;
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("Detection power: " + r.fraud() + " (false-positive rate "
                        + String.format(Locale.ROOT, "%.2f", r.falsePositiveRate()) + ")")
                .xAxisTitle(x).yAxisTitle("power").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0.####");
        List<Double> seconds = new ArrayList<>();
        for (PowerResult.Point p : r.points()) {
            Double v = second == null ? null : p.values().get(second);
            if (v != null && !seconds.contains(v)) {
                seconds.add(v);
            }
        }
        for (int t = 0; t < r.tests().size(); t++) {
            for (int s = 0; s < Math.max(1, seconds.size()); s++) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (PowerResult.Point p : r.points()) {
                    if (second != null && !p.values().get(second).equals(seconds.get(s))) {
                        continue;
                    }
                    double power = p.tests().get(t).power();
                    xs.add(p.values().get(x));
                    ys.add(Double.isNaN(power) ? 0 : power);
                }
                String name = r.tests().get(t) + (second == null ? ""
                        : String.format(Locale.ROOT, " %s=%.4g", second, seconds.get(s)));
                chart.addSeries(name, xs, ys);
            }
        }
        try {
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                AtomicFiles.write(path, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
            } else {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                VectorGraphicsEncoder.saveVectorGraphic(chart, buf, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                byte[] bytes = buf.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(path, out -> out.write(bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the power chart " + path, e);
        }
    }
}
