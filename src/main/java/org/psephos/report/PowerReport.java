package org.psephos.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        if (!r.conventions().equals("psephos")) {
            b.append("Conventions: ").append(r.conventions()).append(" (a test the tool lacks runs under psephos "
                    + "conventions)").append(System.lineSeparator());
        }
        for (int t = 0; t < r.tests().size(); t++) {
            b.append(String.format(Locale.ROOT, "  %-14s threshold %s, own flag rule fires on %s of clean "
                    + "replicates%n", r.tests().get(t), num("%.6g", r.thresholds().get(t)),
                    num("%.3f", r.cleanFlagRate().get(t))));
        }
        b.append(String.format(Locale.ROOT, "%-28s %-14s %7s %9s %12s %12s %12s %12s%n", String.join(",",
                r.parameters()), "test", "power", "flag_rate", "mean", "truth", "bias", "sd"));
        for (PowerResult.Point p : r.points()) {
            String coords = coords(r, p);
            for (PowerResult.TestPower t : p.tests()) {
                b.append(String.format(Locale.ROOT, "%-28s %-14s %7s %9s %12s %12s %12s %12s%n", coords,
                        t.test(), num("%.3f", t.power()), num("%.3f", t.flagRate()), num("%.5g", t.mean()),
                        num("%.5g", t.truth()), num("%.5g", t.bias()), num("%.5g", t.sd())));
            }
        }
        return b.toString();
    }

    /** @return the number in the format, or "n/a" where it is undefined (NaN: the test did not apply) */
    private static String num(String format, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "n/a";
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
        XYChart chart = chart(r);
        byte[] bytes = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")
                ? ChartImages.png(chart) : ChartImages.svg(chart).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(path, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the power chart " + path + " (" + AtomicFiles.reason(e)
                    + ")", e);
        }
    }

    /**
     * @param r a result
     * @return the power curves: power against the first grid parameter, one line per test (and per value of the
     *         second parameter, if any)
     */
    public static XYChart chart(PowerResult r) {
        String x = r.parameters().get(0);
        String second = r.parameters().size() > 1 ? r.parameters().get(1) : null;
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("Detection power: " + r.fraud() + " (false-positive rate "
                        + String.format(Locale.ROOT, "%.2f", r.falsePositiveRate()) + ")")
                .xAxisTitle(x).yAxisTitle("power").build();
        ChartStyle.apply(chart.getStyler());
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
                java.awt.Color colour = ChartStyle.colour(t * Math.max(1, seconds.size()) + s);
                org.knowm.xchart.XYSeries series = chart.addSeries(name, xs, ys);
                series.setLineColor(colour);
                series.setMarkerColor(colour);
            }
        }
        return chart;
    }

    /**
     * The power analysis as a section list for an {@link HtmlReport}: what was simulated, the calibrated thresholds
     * and the clean flag rates, the curves, and the table of every grid point.
     *
     * @param r a result
     * @return the report
     */
    public static HtmlReport html(PowerResult r) {
        HtmlReport.Builder b = HtmlReport.builder("Detection power: " + r.fraud());
        b.paragraph(String.format(Locale.ROOT, "Each grid point simulates %d elections with the fraud model '%s' at "
                + "that intensity and runs %s on each. Power is the share of those elections a test flags when its "
                + "threshold is set so that it flags %.1f%% of %d clean elections (the calibrated false-positive "
                + "rate); the tests' own flag rules are reported beside it. Seed %d.", r.replicates(), r.fraud(),
                String.join(", ", r.tests()), 100 * r.falsePositiveRate(), r.replicates(), r.seed()));
        List<List<String>> thresholds = new ArrayList<>();
        for (int t = 0; t < r.tests().size(); t++) {
            thresholds.add(List.of(r.tests().get(t), num("%.6g", r.thresholds().get(t)),
                    num("%.3f", r.cleanFlagRate().get(t))));
        }
        b.add(new HtmlReport.Table("Calibration on clean elections", List.of("test", "threshold",
                "own rule fires on clean"), thresholds, List.of(1, 2), java.util.Collections.nCopies(thresholds.size(), "")));
        b.figure(chart(r), "Power against intensity, one line per test" + (r.parameters().size() > 1
                ? " and value of " + r.parameters().get(1) : "") + ".");
        List<String> head = new ArrayList<>(r.parameters());
        head.addAll(List.of("test", "power", "own-rule rate", "mean", "truth", "bias", "sd"));
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < head.size(); i++) {
            if (i != r.parameters().size()) {
                numeric.add(i);
            }
        }
        for (PowerResult.Point p : r.points()) {
            for (PowerResult.TestPower t : p.tests()) {
                List<String> row = new ArrayList<>();
                for (String name : r.parameters()) {
                    row.add(String.format(Locale.ROOT, "%.4g", p.values().get(name)));
                }
                row.addAll(List.of(t.test(), num("%.3f", t.power()), num("%.3f", t.flagRate()), num("%.5g", t.mean()),
                        num("%.5g", t.truth()), num("%.5g", t.bias()), num("%.5g", t.sd())));
                rows.add(row);
            }
        }
        b.add(new HtmlReport.Table("Every grid point", head, rows, numeric,
                java.util.Collections.nCopies(rows.size(), ""), true));
        b.provenance("Fraud model", r.fraud());
        b.provenance("Replicates per point", Integer.toString(r.replicates()));
        b.provenance("Seed", Long.toString(r.seed()));
        b.provenance("Conventions", r.conventions());
        return b.build();
    }
}
