package org.psephos.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.psephos.data.AtomicFiles;
import org.psephos.estimation.BinomialRate;
import org.psephos.estimation.CalibrationResult;

/**
 * Text, CSV and chart forms of a {@link CalibrationResult}: the verdict's false-positive rate and power per
 * scenario, then per test and variable the false-positive rates on the clean scenarios and the power on the fraud
 * scenarios, each with its 95% Clopper–Pearson interval, and the labels measured. Stateless.
 *
 * @since 0.1
 */
public final class CalibrationReport {
    private static final String NL = System.lineSeparator();

    private CalibrationReport() {
    }

    /** @param r a result @return the tables as aligned text */
    public static String text(CalibrationResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Calibration: %d elections per scenario, battery with %d null replicates "
                + "per election (calibrated nulls, %s rows), seed %d, level %s%n", r.elections(), r.replicates(),
                r.grouping() == null ? "national" : "national and per-" + r.grouping(), r.seed(),
                pct(r.level())));
        b.append("Verdict labels applied: ").append(r.labelsApplied()).append(NL);
        b.append("Scenarios:").append(NL);
        int w = 12;
        for (CalibrationResult.Scenario s : r.scenarios()) {
            w = Math.max(w, s.name().length());
        }
        for (CalibrationResult.Scenario s : r.scenarios()) {
            b.append(String.format(Locale.ROOT, "  %-" + w + "s  %-5s  %s%n", s.name(), s.kind(), s.description()));
            if (!s.targets().isEmpty()) {
                b.append(String.format(Locale.ROOT, "  %-" + w + "s         targets %s%n", "",
                        String.join(", ", s.targets())));
            }
        }
        b.append(NL).append("Verdict (anomalous = Holm over the national rows at 5%, tests labelled descriptive "
                + "left out): rate with its 95% Clopper-Pearson interval; 'applied' = the labels the battery applied "
                + "(the verdict analyze prints), 'measured' = the labels measured by this run (in-sample)")
                .append(NL);
        b.append(String.format(Locale.ROOT, "  %-" + w + "s  %-5s  %-15s  %9s  %-22s  %s%n", "scenario", "kind",
                "labels", "anomalous", "rate [95% CI]", "measures"));
        for (CalibrationResult.Rate x : r.rates()) {
            if (x.test().equals(CalibrationResult.VERDICT)) {
                b.append(String.format(Locale.ROOT, "  %-" + w + "s  %-5s  %-15s  %9s  %-22s  %s%n", x.scenario(),
                        x.kind(), x.variable(), x.rate().events() + "/" + x.rate().trials(), cell(x.rate()),
                        x.kind().equals("clean") ? "false-positive rate" + (x.rate().above(r.level())
                                ? " (significantly above " + pct(r.level()) + ")" : "") : "power"));
            }
        }
        table(b, r, "clean", "False-positive rate of each test at " + pct(r.level()) + " (national row p <= "
                + r.level() + "), clean scenarios; * significantly above " + pct(r.level())
                + " (one-sided exact binomial, Bonferroni over the test's scenarios and variables); other: the smallest"
                + " p over the options but the leader, times their number");
        table(b, r, "fraud", "Power of each test at " + pct(r.level()) + " (national row p <= " + r.level()
                + "), fraud scenarios; > marks the tests a fraud targets");
        b.append(NL).append("Labels measured (descriptive: false-positive rate significantly above ")
                .append(pct(r.level())).append("; no-power: no power against the fraud it targets):").append(NL);
        if (r.labels().isEmpty()) {
            b.append("  none: every test calibrated on these scenarios").append(NL);
        }
        for (CalibrationResult.Label l : r.labels()) {
            b.append(String.format(Locale.ROOT, "  %-16s %-8s %-12s %s%n", l.test(), l.variable(), l.label(),
                    l.reason()));
        }
        return b.toString();
    }

    private static void table(StringBuilder b, CalibrationResult r, String kind, String title) {
        List<CalibrationResult.Scenario> cols = r.scenarios().stream().filter(s -> s.kind().equals(kind)).toList();
        if (cols.isEmpty()) {
            return;
        }
        b.append(NL).append(title).append(NL);
        int[] width = new int[cols.size()];
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-16s %-8s", "test", "variable"));
        for (int c = 0; c < cols.size(); c++) {
            width[c] = Math.max(19, cols.get(c).name().length());
            head.append("  ").append(String.format(Locale.ROOT, "%-" + width[c] + "s", cols.get(c).name()));
        }
        b.append(head.toString().stripTrailing()).append(NL);
        for (String test : r.tests()) {
            for (String v : List.of("turnout", "leader", "other")) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-16s %-8s", test, v));
                boolean any = false;
                for (int c = 0; c < cols.size(); c++) {
                    CalibrationResult.Scenario s = cols.get(c);
                    String text = r.rate(s.name(), test, v).map(x -> {
                        String mark = kind.equals("clean") ? (x.rate().above(r.level() / pairs(r, test)) ? "*" : "")
                                : s.targets().contains(test) ? ">" : "";
                        return cell(x.rate()) + mark;
                    }).orElse("");
                    any |= !text.isEmpty();
                    line.append("  ").append(String.format(Locale.ROOT, "%-" + width[c] + "s", text));
                }
                if (any) {
                    b.append(line.toString().stripTrailing()).append(NL);
                }
            }
        }
    }

    /** @return the (clean scenario, variable) pairs a test was measured on */
    private static int pairs(CalibrationResult r, String test) {
        int n = 0;
        for (CalibrationResult.Rate x : r.rates()) {
            if (x.test().equals(test) && x.kind().equals("clean")
                    && !x.scenario().equals(CalibrationResult.ALL_CLEAN)) {
                n++;
            }
        }
        return Math.max(1, n);
    }

    /** @return "4.5% [2.1, 8.4]" */
    static String cell(BinomialRate x) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * x.rate(), 100 * x.low(), 100 * x.high());
    }

    private static String pct(double level) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * level);
    }

    /**
     * @param r    a result
     * @param path the CSV file (written atomically): one row per scenario, test and variable, and the verdict
     */
    public static void writeCsv(CalibrationResult r, Path path) {
        AtomicFiles.writeText(path, out -> {
            CsvWriter.row(out, List.of("scenario", "kind", "test", "variable", "rejections", "elections", "rate",
                    "ci_low", "ci_high", "p_above_level", "targeted"));
            for (CalibrationResult.Rate x : r.rates()) {
                boolean targeted = r.scenarios().stream().anyMatch(s -> s.name().equals(x.scenario())
                        && s.targets().contains(x.test()));
                CsvWriter.row(out, List.of(x.scenario(), x.kind(), x.test(), x.variable(), x.rate().events(),
                        x.rate().trials(), x.rate().rate(), x.rate().low(), x.rate().high(), x.rate().pAbove(),
                        targeted));
            }
        });
    }

    /**
     * Writes a chart: PNG if the name ends in {@code .png}, SVG otherwise.
     *
     * @param r    a result
     * @param kind {@code clean} (false-positive rates) or {@code fraud} (power)
     * @param path the chart file (written atomically)
     */
    public static void writeChart(CalibrationResult r, String kind, Path path) {
        CategoryChart chart = chart(r, kind);
        byte[] bytes = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")
                ? ChartImages.png(chart) : ChartImages.svg(chart).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(path, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calibration chart " + path + " ("
                    + AtomicFiles.reason(e) + ")", e);
        }
    }

    /**
     * @param r    a result
     * @param kind {@code clean} or {@code fraud}
     * @return bars per test (the verdict first, with the labels the battery applied) and scenario of that kind: the
     *         largest rate over the test's variables, with the upper end of its Clopper–Pearson interval as the
     *         whisker's top (XChart draws whiskers symmetric, so the lower whisker is not the interval's lower end);
     *         for clean scenarios the level as a line
     */
    public static CategoryChart chart(CalibrationResult r, String kind) {
        boolean clean = kind.equals("clean");
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(clean ? "False-positive rate on clean elections (largest over the test's variables)"
                        : "Power against each fraud (largest over the test's variables)")
                .xAxisTitle("test (whisker top: upper end of the 95% Clopper-Pearson interval)")
                .yAxisTitle(clean ? "false-positive rate at " + pct(r.level()) : "power at " + pct(r.level()))
                .build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(clean ? null : 1.0);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        List<String> cats = new ArrayList<>();
        cats.add(CalibrationResult.VERDICT);
        cats.addAll(r.tests());
        int series = 0;
        for (CalibrationResult.Scenario s : r.scenarios()) {
            if (!s.kind().equals(kind)) {
                continue;
            }
            List<Double> ys = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (String test : cats) {
                BinomialRate best = null;
                for (CalibrationResult.Rate x : r.rates()) {
                    if (x.scenario().equals(s.name()) && x.test().equals(test)
                            && !x.variable().equals(CalibrationResult.MEASURED)
                            && (best == null || x.rate().rate() > best.rate())) {
                        best = x.rate();
                    }
                }
                ys.add(best == null || Double.isNaN(best.rate()) ? 0.0 : best.rate());
                err.add(best == null || Double.isNaN(best.rate()) ? 0.0 : best.high() - best.rate());
            }
            CategorySeries cs = chart.addSeries(s.name(), cats, ys, err);
            cs.setFillColor(ChartStyle.colour(series++));
        }
        if (clean && series > 0) {
            List<Double> level = new ArrayList<>();
            for (int i = 0; i < cats.size(); i++) {
                level.add(r.level());
            }
            CategorySeries line = chart.addSeries("level " + pct(r.level()), cats, level);
            line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            line.setLineColor(java.awt.Color.BLACK);
            line.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        return chart;
    }
}
