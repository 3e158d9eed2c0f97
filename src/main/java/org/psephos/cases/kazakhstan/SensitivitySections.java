package org.psephos.cases.kazakhstan;

import static org.psephos.cases.kazakhstan.KazakhstanHtml.num;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.pts;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.table;
import static org.psephos.cases.kazakhstan.KazakhstanReport.PROBABILITY_ERROR_BOUND;
import static org.psephos.cases.kazakhstan.KazakhstanReport.SHARE_ERROR_BOUND;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.report.ChartSet;
import org.psephos.report.HtmlReport;
import org.psephos.scenarios.ScenarioResult;

/**
 * Sections 8 and 9 of the Kazakhstan report: the sensitivity of every answer to the station-level assumptions
 * ({@link KazakhstanSensitivity}) and the Monte Carlo precision of every run against the bounds of
 * {@link KazakhstanReport}. Stateless.
 */
final class SensitivitySections {
    private SensitivitySections() {
    }

    /** Sensitivity figures shown in the report: every figure but the observer sample sizes between the ends. */
    private static boolean shown(KazakhstanSensitivity.Result s, KazakhstanSensitivity.Summary m) {
        if (!m.scenario().equals("e") || m.label().startsWith("station-level")) {
            return true;
        }
        List<KazakhstanSensitivity.Summary> sizes = s.summaries().stream().filter(x -> x.scenario().equals("e")
                && !x.label().startsWith("station-level")).toList();
        return m == sizes.get(0) || m == sizes.get(sizes.size() - 1);
    }

    /** @return a sensitivity figure as printed: stations whole, the rest to 3 decimals */
    private static String figure(KazakhstanSensitivity.Kind kind, double v) {
        return kind == KazakhstanSensitivity.Kind.OTHER && Math.abs(v) >= 10 ? num(v, 0) : num(v, 3);
    }

    private static String withError(KazakhstanSensitivity.Kind kind, double v, double error) {
        return Double.isFinite(error) ? figure(kind, v) + " ± " + num(error, 3) : figure(kind, v);
    }

    /** The smallest range over the grid, relative to the calibrated value, that counts as a dependence. */
    private static final double MATERIAL = 0.05;

    static void sensitivity(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
        KazakhstanSensitivity.Result s = r.sensitivity();
        List<KazakhstanSensitivity.Variant> cells = s.variants();
        h.heading("8. Sensitivity to the station-level assumptions");
        h.paragraph(s.description());
        int combinations = 1;
        List<String> grid = new ArrayList<>();
        for (String p : KazakhstanSensitivity.PARAMETERS) {
            combinations *= s.values().get(p).size();
            grid.add(SensitivityCharts.parameterName(p) + " " + String.join(", ", s.values().get(p).stream()
                    .map(x -> num(x, 3)).toList()) + " (calibrated " + num(cells.get(0).value(p), 3) + ")");
        }
        long moving = s.summaries().stream().filter(m -> Double.isFinite(m.largestError())
                && m.highest() - m.lowest() > 2 * m.largestError()).count();
        long withError = s.summaries().stream().filter(m -> Double.isFinite(m.largestError())).count();
        h.paragraph(String.format(Locale.ROOT, "The grid: %s; %d cells, %s. The station sd is that of clean turnout "
                        + "and of clean support alike; the size log-sd that of the registered voters per station; the "
                        + "regional sd the logit-scale spread of a region's clean support, drawn afresh in every "
                        + "replicate. On every cell the electorates are recalibrated (largest regional difference "
                        + "from the published turnout on any cell: %.4f points) and every scenario is rerun, "
                        + "detection power included. Of the %d figures with a Monte Carlo error, %d move by more than "
                        + "twice their largest Monte Carlo error over the grid; the others do not move beyond "
                        + "simulation noise.", String.join("; ", grid), cells.size(), cells.size() == combinations
                        ? "every combination" : cells.size() + " of the " + combinations + " combinations",
                cells.stream().mapToDouble(KazakhstanSensitivity.Variant::regionalDifference).max().orElse(0),
                withError, moving));
        List<String> depends = new ArrayList<>();
        List<String> steady = new ArrayList<>();
        for (KazakhstanSensitivity.Summary m : s.summaries()) {
            double range = m.highest() - m.lowest();
            boolean moves = (Double.isFinite(m.largestError()) ? range > 2 * m.largestError() : range > 0)
                    && range > MATERIAL * Math.abs(m.calibrated());
            if (!shown(s, m) || m.effects().isEmpty()) {
                continue;
            }
            if (!moves) {
                steady.add(m.scenario() + ", " + m.label() + " (" + figure(m.kind(), m.lowest()) + " to "
                        + figure(m.kind(), m.highest()) + ")");
                continue;
            }
            String main = m.effects().entrySet().stream().filter(en -> Double.isFinite(en.getValue()))
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            if (main == null) {
                continue;
            }
            depends.add(String.format(Locale.ROOT, "%s, %s: %s on the calibrated cell, %s to %s over the grid, "
                            + "mostly through the %s (main effect %s)", m.scenario(), m.label(),
                    figure(m.kind(), m.calibrated()), figure(m.kind(), m.lowest()), figure(m.kind(), m.highest()),
                    SensitivityCharts.parameterName(main), figure(m.kind(), m.effects().get(main))));
        }
        h.paragraph(String.format(Locale.ROOT, "An answer depends on the assumptions here if its range over the grid "
                + "exceeds twice its largest Monte Carlo error and %.0f%% of its calibrated value. %s %s", 100 * MATERIAL,
                depends.isEmpty() ? "No answer does." : "These do: " + String.join("; ", depends) + ".",
                steady.isEmpty() ? "" : "These do not: " + String.join("; ", steady) + "."));
        for (String k : List.of("a", "b", "c", "d", "e")) {
            if (charts.charts().containsKey("sensitivity_" + k)) {
                h.add(charts.figure("sensitivity_" + k, "Scenario " + k + " on every cell of the grid (sensitivity_"
                        + k + ".png / .svg)."));
            }
        }
        List<String> varied = s.varied();
        List<String> header = new ArrayList<>(List.of("Scenario", "Figure", "Calibrated ± MC", "Lowest (cell)",
                "Highest (cell)"));
        varied.forEach(p -> header.add("Effect of " + SensitivityCharts.parameterName(p)));
        header.add("Largest MC error");
        List<List<String>> rows = new ArrayList<>();
        for (KazakhstanSensitivity.Summary m : s.summaries()) {
            if (!shown(s, m)) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(m.scenario(), m.label(), withError(m.kind(), m.calibrated(),
                    m.calibratedError()), figure(m.kind(), m.lowest()) + " (" + (m.lowestAt() + 1) + ")",
                    figure(m.kind(), m.highest()) + " (" + (m.highestAt() + 1) + ")"));
            varied.forEach(p -> row.add(figure(m.kind(), m.effects().get(p))));
            row.add(Double.isFinite(m.largestError()) ? num(m.largestError(), 3) : "n/a");
            rows.add(row);
        }
        h.add(table(String.format(Locale.ROOT, "Each answer over the %d cells. Calibrated: the reduced rerun on the "
                + "calibrated cell, ± its Monte Carlo error. Lowest and highest: the range over the cells (cell "
                + "numbers as in the tables below), which holds the assumptions' effect and Monte Carlo noise "
                + "together. Effect: the range of the answer's mean at each value of the parameter, the mean taken "
                + "over the cells with that value.", cells.size()), header, rows, null));
        for (String k : List.of("a", "b", "c", "d", "e")) {
            List<KazakhstanSensitivity.Summary> figs = s.summaries().stream()
                    .filter(m -> m.scenario().equals(k) && shown(s, m)).toList();
            if (figs.isEmpty()) {
                continue;
            }
            List<String> hd = new ArrayList<>(List.of("Cell"));
            varied.forEach(p -> hd.add(SensitivityCharts.parameterName(p)));
            figs.forEach(m -> hd.add(m.label()));
            if (k.equals("a")) {
                hd.add("National turnout residual " + r.calibration("kz-2022-presidential").year() + " (points)");
            }
            List<List<String>> body = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                KazakhstanSensitivity.Variant v = cells.get(i);
                List<String> row = new ArrayList<>(List.of((i + 1) + (v.calibrated() ? " (calibrated)" : "")));
                varied.forEach(p -> row.add(num(v.value(p), 3)));
                for (KazakhstanSensitivity.Summary m : figs) {
                    KazakhstanSensitivity.Figure f = v.figure(m.scenario(), m.label());
                    row.add(f == null ? "n/a" : withError(f.kind(), f.value(), f.error()));
                }
                if (k.equals("a")) {
                    row.add(String.format(Locale.ROOT, "%+.2f", 100 * v.residual()));
                }
                body.add(row);
            }
            h.add(table("Scenario " + k + " on every cell (± Monte Carlo error)", hd, body, null));
        }
    }

    static void precision(HtmlReport.Builder h, KazakhstanCase.Result r) {
        ScenarioResult.Precision p = r.precision();
        h.heading("9. Monte Carlo precision");
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioResult s : r.scenarios()) {
            rows.add(List.of(s.name(), Integer.toString(s.replicates()), pts(s.precision().shareOrTurnout()),
                    num(s.precision().probability(), 4)));
        }
        rows.add(List.of("sensitivity runs", "see section 8", pts(r.sensitivity().precision().shareOrTurnout()),
                num(r.sensitivity().precision().probability(), 4)));
        h.add(table("Largest Monte Carlo standard error per run", List.of("Run", "Replicates",
                "Share or turnout, mean or quantile (points)", "Probability or power"), rows, null));
        boolean shares = p.shareOrTurnout() < SHARE_ERROR_BOUND;
        boolean probs = p.probability() < PROBABILITY_ERROR_BOUND;
        h.paragraph(String.format(Locale.ROOT, "Largest Monte Carlo error of any share or turnout mean or quantile: "
                        + "%s points (bound %s points: %s); of any probability or power: %s (bound %s: %s). Errors of the "
                        + "replicates' 2.5%% and 97.5%% quantiles are Maritz-Jarrett estimates (Maritz and Jarrett 1978), "
                        + "of the crossing quantiles of b and f order-statistic intervals at one binomial sd (Conover "
                        + "1999); mean errors sd/sqrt(R); probability errors sqrt(p(1 - p)/R); figures interpolated between "
                        + "grid points carry the larger error of the two.", pts(p.shareOrTurnout()),
                pts(SHARE_ERROR_BOUND), shares ? "holds" : "does not hold", num(p.probability(), 4),
                num(PROBABILITY_ERROR_BOUND, 2), probs ? "holds" : "does not hold"));
    }
}
