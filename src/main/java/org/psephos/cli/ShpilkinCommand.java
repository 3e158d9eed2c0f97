package org.psephos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.data.UnitFilter;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinEstimate;
import org.psephos.estimation.ShpilkinResult;
import org.psephos.estimation.ShpilkinSensitivity;
import org.psephos.forensics.Conventions;
import org.psephos.report.CsvWriter;
import org.psephos.report.ShpilkinReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psephos shpilkin}: the leader's anomalous votes by Shpilkin's clean-peak method ({@link Shpilkin}),
 * nationally and per group of {@code --level}, with the per-unit anomalous votes in {@code --csv}. Parses and
 * delegates.
 */
@Command(name = "shpilkin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Estimates the leader's anomalous votes by Shpilkin's clean-peak extrapolation (1%% "
            + "turnout bins), split into ballot stuffing and vote switching, nationally and per group of --level; "
            + "--csv writes the anomalous votes of every unit. It says how fragile the estimate is: the clean peak "
            + "chosen and why, the estimate under every peak rule, and the excess votes with the clean peak put at "
            + "each turnout of --sensitivity (printed, and in --json, --sensitivity-csv and the --report chart)."},
        footer = {"", Main.EXIT_CODES})
final class ShpilkinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputColumns input;

    @Option(names = "--peak", paramLabel = "RULE",
            description = "Clean peak: first (the first peak from below of the other options' votes smoothed over "
                    + "5 bins, at least a quarter as high as the highest: where the next 5 bins rise by at most "
                    + "10%%; a higher pile of stuffed units above it is ignored), smoothed (the maximum of the "
                    + "smoothed other options' votes: integer-percent spikes ignored), others (the bin with most "
                    + "votes of the other options), height (most leader votes; under --conventions eftoolkit "
                    + "EFToolkit's rule: the highest peak below the official turnout) or a turnout in [0, 1] (under "
                    + "eftoolkit a bin label such as 0.65). Default: first; height under --conventions eftoolkit.")
    String peak;

    @Option(names = "--sensitivity", paramLabel = "FROM:TO:STEP", defaultValue = "40:90:2",
            description = "Clean-peak turnouts, in whole per cent, at which the excess votes are recomputed with the "
                    + "peak put there by hand (default ${DEFAULT-VALUE}: 40%%, 42%%, ..., 90%%).")
    String sensitivity;

    @Option(names = "--sensitivity-csv", paramLabel = "FILE",
            description = "Write the sensitivity table: the estimate under each peak rule (kind rule, the chosen one "
                    + "marked) and at each clean-peak turnout of --sensitivity (kind grid).")
    Path sensitivityCsv;

    @Option(names = "--redraws", paramLabel = "R", defaultValue = "200",
            description = "Bootstrap resamples of the units for the sd (default ${DEFAULT-VALUE}).")
    int redraws;

    @Mixin
    AnalysisSettings settings;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write each unit's anomalous votes.")
    Path csv;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write a self-contained HTML report: the estimate, the votes-by-turnout chart, the groups.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the estimates as JSON.")
    Path json;

    @Override
    public Integer call() {
        Path file = input.file;
        MappingOptions mapping = input.mapping;
        OutputFiles.requireNotInput(List.of(file), json, csv, report, sensitivityCsv);
        int[] grid = sensitivityGrid();
        Shpilkin method;
        int t = settings.threads.resolve();
        Conventions c = settings.conventions.resolve();
        try {
            if (mapping.levels.size() > 1) {
                throw new IllegalArgumentException("shpilkin takes one --level; got " + mapping.levels);
            }
            Shpilkin base = Shpilkin.withDefaults().withConventions(c);
            String p = peak == null ? "" : peak.trim().toLowerCase(Locale.ROOT);
            method = switch (p) {
                case "" -> base;
                case "others" -> base.with(Shpilkin.PeakRule.OTHERS);
                case "height" -> base.with(Shpilkin.PeakRule.HEIGHT);
                case "smoothed" -> base.with(Shpilkin.PeakRule.SMOOTHED);
                case "first" -> base.with(Shpilkin.PeakRule.FIRST_PEAK);
                default -> base.withManualTurnout(Double.parseDouble(p));
            };
        } catch (NumberFormatException e) {
            throw new UsageException("--peak is not first, smoothed, others, height or a turnout: " + peak, e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Election all = InputColumns.load(file, mapping);
        Election e = c.unitFilter(UnitFilter.standard()).apply(ConventionsOption.withShareBase(all, mapping, c))
                .election();
        String level = mapping.levelName(all);
        if (level != null && e.grouping(level).isEmpty()) {
            throw new UsageException("--level " + level + ": the file has no such grouping column");
        }
        ShpilkinResult national;
        ShpilkinSensitivity fragility;
        try {
            national = method.estimate(e, redraws, settings.seed, t);
            fragility = method.sensitivity(e, grid[0], grid[1], grid[2]);
        } catch (IllegalArgumentException ex) {
            throw new UsageException("no estimate: " + ex.getMessage(), ex);
        }
        List<Shpilkin.GroupEstimate> groups = level == null ? List.of() : method.byGroup(e, level);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-24s %12s %12s %12s %12s %8s %8s %8s%n", "level", "excess", "sd", "stuffing",
                "switching", "t*", "share*", "turnout");
        line(out, "national", national.estimate(), national.excessSd());
        for (Shpilkin.GroupEstimate g : groups) {
            line(out, g.level(), g.estimate(), Double.NaN);
        }
        printSensitivity(out, fragility);
        out.flush();
        if (sensitivityCsv != null) {
            writeSensitivity(fragility);
        }
        if (csv != null) {
            writeUnits(e, national.estimate(), groups, level);
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.getFileName().toString());
            doc.put("conventions", c.id());
            doc.put("peak", peak != null ? peak : method.peakRule().label());
            List<Map<String, Object>> g = new ArrayList<>();
            for (Shpilkin.GroupEstimate ge : groups) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("level", ge.level());
                m.put("estimate", summary(ge.estimate()));
                g.add(m);
            }
            doc.put("groups", g);
            Map<String, Object> nat = new LinkedHashMap<>(summary(national.estimate()));
            nat.put("excess_sd", national.excessSd());
            nat.put("redraws", redraws);
            nat.putAll(fragility.details());
            doc.put("national", nat);
            OutputFiles.writeJson(json, doc);
        }
        if (report != null) {
            ShpilkinReport.html(e, national, groups, peakLabel(method), fragility).write(report);
        }
        return Main.OK;
    }

    /** @return the peak rule as the report names it, with the conventions when they are not Psephos's */
    private String peakLabel(Shpilkin method) {
        String rule = method.peakRule() == Shpilkin.PeakRule.MANUAL ? peak : method.peakRule().label();
        Conventions c = settings.conventions.resolve();
        return c == Conventions.PSEPHOS ? rule : rule + " (" + c.id() + " conventions)";
    }

    /** @return {from, to, step} of --sensitivity, in whole per cent @throws UsageException if malformed */
    private int[] sensitivityGrid() {
        double[] g = ColonNumbers.parse("--sensitivity", sensitivity, 3, 3);
        int[] out = new int[3];
        for (int k = 0; k < 3; k++) {
            if (g[k] != Math.rint(g[k])) {
                throw new UsageException("--sensitivity takes whole percentages FROM:TO:STEP, e.g. 40:90:2; got "
                        + sensitivity);
            }
            out[k] = (int) g[k];
        }
        if (out[0] < 0 || out[1] > 100 || out[0] > out[1] || out[2] < 1) {
            throw new UsageException("--sensitivity needs 0 <= FROM <= TO <= 100 and STEP >= 1, e.g. 40:90:2; got "
                    + sensitivity);
        }
        return out;
    }

    /** Prints the chosen peak and why, the estimate under each rule and F against t*. */
    private static void printSensitivity(PrintWriter out, ShpilkinSensitivity s) {
        out.println();
        out.println(s.reason());
        out.printf(Locale.ROOT, "%n%-24s %12s %12s %12s %8s %8s%n", "peak rule", "excess", "stuffing", "switching",
                "t*", "share*");
        s.rules().forEach((r, row) -> sensitivityLine(out, r.label() + (r == s.rule() ? " (chosen)" : ""), row));
        if (!s.rules().containsKey(s.rule())) {
            sensitivityLine(out, s.rule().label() + " (chosen)", s.chosen());
        }
        out.printf(Locale.ROOT, "%nExcess votes with the clean peak put by hand at each turnout:%n");
        for (ShpilkinSensitivity.Row row : s.grid()) {
            sensitivityLine(out, "t* " + num("%.1f%%", 100 * row.peakTurnout()), row);
        }
    }

    private static void sensitivityLine(PrintWriter out, String label, ShpilkinSensitivity.Row r) {
        out.printf(Locale.ROOT, "%-24s %12s %12s %12s %8s %8s%n", label, num("%.0f", r.excessVotes()),
                num("%.0f", r.stuffing()), num("%.0f", r.switching()), num("%.3f", r.peakTurnout()),
                num("%.3f", r.cleanShare()));
    }

    /** One row per peak rule (kind rule; the chosen one marked) and per turnout of the grid (kind grid). */
    private void writeSensitivity(ShpilkinSensitivity s) {
        OutputFiles.writeText(sensitivityCsv, w -> {
            CsvWriter.row(w, List.of("kind", "peak_rule", "chosen", "clean_turnout", "excess_votes", "stuffing",
                    "switching", "ratio", "clean_share"));
            s.rules().forEach((r, row) -> CsvWriter.row(w, csvRow("rule", r.label(), r == s.rule(), row)));
            if (!s.rules().containsKey(s.rule())) {
                CsvWriter.row(w, csvRow("rule", s.rule().label(), true, s.chosen()));
            }
            for (ShpilkinSensitivity.Row row : s.grid()) {
                CsvWriter.row(w, csvRow("grid", "manual", false, row));
            }
        });
    }

    private static List<Object> csvRow(String kind, String rule, boolean chosen, ShpilkinSensitivity.Row r) {
        return List.of(kind, rule, chosen, r.peakTurnout(), r.excessVotes(), r.stuffing(), r.switching(), r.ratio(),
                r.cleanShare());
    }

    private static Map<String, Object> summary(ShpilkinEstimate s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("excess_votes", s.excessVotes());
        m.put("stuffing", s.stuffing());
        m.put("switching", s.switching());
        m.put("clean_turnout", s.cleanTurnout());
        m.put("clean_share", s.cleanShare());
        m.put("official_turnout", s.officialTurnout());
        m.put("ratio", s.ratio());
        m.put("leader_votes", s.leaderVotes());
        return m;
    }

    private static void line(PrintWriter out, String level, ShpilkinEstimate s, double sd) {
        out.printf(Locale.ROOT, "%-24s %12s %12s %12s %12s %8s %8s %8s%n", level, num("%.0f", s.excessVotes()),
                num("%.0f", sd), num("%.0f", s.stuffing()), num("%.0f", s.switching()), num("%.3f", s.peakTurnout()),
                num("%.3f", s.cleanShare()), num("%.3f", s.officialTurnout()));
    }

    /** @return the number in the format, or "n/a" where it is undefined (no redraws within a group, no units) */
    private static String num(String format, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "n/a";
    }

    /** One row per unit: id, group, counts, the national and (with --level) the group's anomalous votes. */
    private void writeUnits(Election e, ShpilkinEstimate national, List<Shpilkin.GroupEstimate> groups,
                            String level) {
        double[] nat = national.unitExcess();
        double[] grp = new double[e.size()];
        java.util.Arrays.fill(grp, Double.NaN);
        for (Shpilkin.GroupEstimate g : groups) {
            int[] units = g.units();
            double[] x = g.estimate().unitExcess();
            for (int j = 0; j < units.length; j++) {
                grp[units[j]] = x[j];
            }
        }
        Grouping g = level == null ? null : e.grouping(level).orElseThrow();
        int lead = e.leader();
        OutputFiles.writeText(csv, w -> {
            List<Object> head = new ArrayList<>(List.of("unit"));
            if (g != null) {
                head.add(level);
            }
            head.addAll(List.of("registered", "ballots", "leader", "turnout", "anomalous_votes"));
            if (g != null) {
                head.add("anomalous_votes_in_group");
            }
            CsvWriter.row(w, head);
            for (int i = 0; i < e.size(); i++) {
                List<Object> row = new ArrayList<>();
                row.add(e.hasUnitIds() ? e.unitId(i) : Integer.toString(i + 1));
                if (g != null) {
                    row.add(g.label(i));
                }
                row.add(e.registered(i));
                row.add(e.ballots(i));
                row.add(e.votes(lead, i));
                row.add((double) e.ballots(i) / e.registered(i));
                row.add(nat[i]);
                if (g != null) {
                    row.add(grp[i]);
                }
                CsvWriter.row(w, row);
            }
        });
    }
}
