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
import org.psephos.data.ElectionCsv;
import org.psephos.data.Grouping;
import org.psephos.data.UnitFilter;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinEstimate;
import org.psephos.estimation.ShpilkinResult;
import org.psephos.forensics.Conventions;
import org.psephos.report.CsvWriter;
import org.psephos.report.ShpilkinReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code psephos shpilkin}: the leader's anomalous votes by Shpilkin's clean-peak method ({@link Shpilkin}),
 * nationally and per group of {@code --level}, with the per-unit anomalous votes in {@code --csv}. Parses and
 * delegates.
 */
@Command(name = "shpilkin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Estimates the leader's anomalous votes by Shpilkin's clean-peak extrapolation (1%% turnout bins),",
            "split into ballot stuffing and vote switching, nationally and per group of --level; --csv writes the",
            "anomalous votes of every unit."},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage error, 3 data error."})
final class ShpilkinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Results per unit (CSV).")
    Path file;

    @Mixin
    MappingOptions mapping;

    @Option(names = "--peak", paramLabel = "RULE",
            description = "Clean peak: others (most votes of the other options), height (most leader votes; "
                    + "under --conventions eftoolkit EFToolkit's rule: the highest peak below the official turnout) "
                    + "or a turnout in [0, 1] (under eftoolkit a bin label such as 0.65). Default: others; height "
                    + "under --conventions eftoolkit.")
    String peak;

    @Option(names = "--redraws", paramLabel = "R", defaultValue = "200",
            description = "Bootstrap resamples of the units for the sd (default ${DEFAULT-VALUE}).")
    int redraws;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Mixin
    ConventionsOption conventions;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write each unit's anomalous votes.")
    Path csv;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write a self-contained HTML report: the estimate, the votes-by-turnout chart, the groups.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the estimates as JSON.")
    Path json;

    @Override
    public Integer call() {
        OutputFiles.requireNotInput(List.of(file), json, csv, report);
        Shpilkin method;
        int t = threads.resolve();
        Conventions c = conventions.resolve();
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
                default -> base.withManualTurnout(Double.parseDouble(p));
            };
        } catch (NumberFormatException e) {
            throw new UsageException("--peak is not others, height or a turnout: " + peak, e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Election all;
        try {
            all = ElectionCsv.load(file, mapping.mapping(), mapping.charset()).election();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Election e = c.unitFilter(UnitFilter.standard()).apply(ConventionsOption.withShareBase(all, mapping, c))
                .election();
        String level = mapping.levelName(all);
        if (level != null && e.grouping(level).isEmpty()) {
            throw new UsageException("--level " + level + ": the file has no such grouping column");
        }
        ShpilkinResult national;
        try {
            national = method.estimate(e, redraws, seed, t);
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
        out.flush();
        if (csv != null) {
            writeUnits(e, national.estimate(), groups, level);
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.getFileName().toString());
            doc.put("conventions", c.id());
            doc.put("peak", peak != null ? peak : method.peakRule().name().toLowerCase(Locale.ROOT));
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
            doc.put("national", nat);
            OutputFiles.writeJson(json, doc);
        }
        if (report != null) {
            ShpilkinReport.html(e, national, groups, peakLabel(method)).write(report);
        }
        return Main.OK;
    }

    /** @return the peak rule as the report names it, with the conventions when they are not Psephos's */
    private String peakLabel(Shpilkin method) {
        String rule = method.peakRule() == Shpilkin.PeakRule.MANUAL ? peak
                : method.peakRule().name().toLowerCase(Locale.ROOT);
        Conventions c = conventions.resolve();
        return c == Conventions.PSEPHOS ? rule : rule + " (" + c.id() + " conventions)";
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
