package org.psephos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinEstimate;
import org.psephos.estimation.ShpilkinResult;
import org.psephos.estimation.ShpilkinSensitivity;
import org.psephos.forensics.Conventions;
import org.psephos.report.CsvWriter;

/**
 * What {@code psephos shpilkin} prints and writes, laid out: the tables on stdout (the estimates by level, the
 * chosen peak and why, the estimate under each peak rule and at each turnout of the grid), the sensitivity CSV, the
 * per-unit CSV and the JSON document. Stateless.
 */
final class ShpilkinOutput {
    private ShpilkinOutput() {
    }

    /** Prints the estimates, national and by group, then the sensitivity. */
    static void printTables(PrintWriter out, ShpilkinResult national, List<Shpilkin.GroupEstimate> groups,
                            ShpilkinSensitivity fragility) {
        out.printf(Locale.ROOT, "%-24s %12s %12s %12s %12s %8s %8s %8s%n", "level", "excess", "sd", "stuffing",
                "switching", "t*", "share*", "turnout");
        line(out, "national", national.estimate(), national.excessSd());
        for (Shpilkin.GroupEstimate g : groups) {
            line(out, g.level(), g.estimate(), Double.NaN);
        }
        printSensitivity(out, fragility);
    }

    /**
     * @param file      the input file's name
     * @param c         the conventions
     * @param peak      the peak rule as given, or the method's rule
     * @param groups    the group estimates
     * @param national  the national estimate
     * @param redraws   the bootstrap resamples
     * @param fragility the sensitivity
     * @return the JSON document
     */
    static Map<String, Object> json(String file, Conventions c, String peak, List<Shpilkin.GroupEstimate> groups,
                                    ShpilkinResult national, int redraws, ShpilkinSensitivity fragility) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", file);
        doc.put("conventions", c.id());
        doc.put("peak", peak);
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
        return doc;
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
    static void writeSensitivity(Path file, ShpilkinSensitivity s) {
        OutputFiles.writeText(file, w -> {
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
    static void writeUnits(Path file, Election e, ShpilkinEstimate national, List<Shpilkin.GroupEstimate> groups,
                           String level) {
        double[] nat = national.unitExcess();
        double[] grp = new double[e.size()];
        Arrays.fill(grp, Double.NaN);
        for (Shpilkin.GroupEstimate g : groups) {
            int[] units = g.units();
            double[] x = g.estimate().unitExcess();
            for (int j = 0; j < units.length; j++) {
                grp[units[j]] = x[j];
            }
        }
        Grouping g = level == null ? null : e.grouping(level).orElseThrow();
        int lead = e.leader();
        OutputFiles.writeText(file, w -> {
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
