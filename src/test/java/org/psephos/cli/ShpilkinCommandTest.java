package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShpilkinCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void estimatesPerRegionAndWritesEveryUnitsAnomalousVotes() throws IOException {
        Path units = simulated(3000, "--extreme", "0.02");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "shpilkin", units.toString(), "--registered", "registered", "--ballots", "ballots",
                "--candidate", "leader", "--candidate", "option2", "--level", "region", "--redraws", "10",
                "--threads", "2", "--csv", dir.resolve("a.csv").toString(), "--json", dir.resolve("a.json").toString(),
                "--report", dir.resolve("a.html").toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("national") && out.toString().contains("R02"), out.toString());
        List<String> rows = Files.readAllLines(dir.resolve("a.csv"), StandardCharsets.UTF_8);
        assertEquals(3001, rows.size());
        assertEquals("unit,region,registered,ballots,leader,turnout,anomalous_votes,anomalous_votes_in_group",
                rows.get(0));
        String json = Files.readString(dir.resolve("a.json"));
        assertTrue(json.contains("\"excess_sd\""));
        // Every unit's anomalous votes add up to its estimate: nationally, and within each region.
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        double nationalSum = 0;
        java.util.Map<String, Double> byRegion = new java.util.TreeMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            nationalSum += Double.parseDouble(c[6]);
            byRegion.merge(c[1], Double.parseDouble(c[7]), Double::sum);
        }
        double nationalExcess = tree.get("national").get("excess_votes").asDouble();
        assertTrue(nationalExcess > 10_000, "fraud was injected: " + nationalExcess);
        assertEquals(nationalExcess, nationalSum, 1e-6 * nationalExcess);
        for (com.fasterxml.jackson.databind.JsonNode g : tree.get("groups")) {
            double excess = g.get("estimate").get("excess_votes").asDouble();
            assertEquals(excess, byRegion.get(g.get("level").asText()), 1e-6 * Math.abs(excess), g.toString());
        }
        String html = Files.readString(dir.resolve("a.html"));
        String national = out.toString().lines().filter(l -> l.startsWith("national")).findFirst().orElseThrow();
        String excess = String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(national.trim().split(" +")[1]));
        assertTrue(html.contains("<dd>" + excess + " (sd "), "the report's excess is the printed one: " + excess);
        assertTrue(html.contains("Estimate per group") && html.contains("R02"), "per-group table");
        assertTrue(html.contains("src=\"data:image/png;base64,"), "the Shpilkin curve is inlined");
    }

    /**
     * How fragile the estimate is: the chosen peak and why on stdout and in the JSON, the estimate under every peak
     * rule and at each turnout of --sensitivity in the JSON and in --sensitivity-csv, the same numbers in both.
     */
    @Test
    void reportsTheChosenPeakWhyAndTheSensitivityTable() throws IOException {
        Path units = dir.resolve("units.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "simulate", "--units", "4000", "--turnout", "0.5:0.1", "--stuffing", "0.5:0.4",
                "--seed", "4", "--replicates", "1", "--quiet", "--out", units.toString()), err.toString());
        out = new StringWriter();
        Path csv = dir.resolve("s.csv");
        Path json = dir.resolve("s.json");
        assertEquals(0, run(out, err, "shpilkin", units.toString(), "--redraws", "10", "--sensitivity", "40:80:10",
                "--sensitivity-csv", csv.toString(), "--json", json.toString(), "--report",
                dir.resolve("s.html").toString()), err.toString());
        assertTrue(out.toString().contains("by the first rule (the default under Psephos's conventions)"),
                out.toString());
        com.fasterxml.jackson.databind.JsonNode nat = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile()).get("national");
        assertEquals("first", nat.get("peak_rule").asText());
        assertEquals(nat.get("clean_turnout").asDouble(), nat.get("peak_turnout").asDouble(), 0);
        assertTrue(nat.get("peak_reason").asText().contains("first rule"));
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("kind,peak_rule,chosen,clean_turnout,excess_votes,stuffing,switching,ratio,clean_share",
                rows.get(0));
        assertEquals(1 + 4 + 5, rows.size(), "4 rules and 40%, 50%, ..., 80%");
        assertEquals(List.of("others", "height", "smoothed", "first"), rows.subList(1, 5).stream()
                .map(r -> r.split(",")[1]).toList());
        assertEquals(List.of("false", "false", "false", "true"), rows.subList(1, 5).stream()
                .map(r -> r.split(",")[2]).toList());
        for (int k = 0; k < 5; k++) {
            String[] c = rows.get(5 + k).split(",");
            com.fasterxml.jackson.databind.JsonNode g = nat.get("sensitivity").get(k);
            assertEquals("grid", c[0]);
            assertEquals(0.405 + 0.1 * k, Double.parseDouble(c[3]), 1e-12);
            assertEquals(g.get("clean_turnout").asDouble(), Double.parseDouble(c[3]), 0);
            assertEquals(g.get("excess_votes").asDouble(), Double.parseDouble(c[4]), 1e-6);
        }
        // the chosen peak's row is the national estimate
        String[] first = rows.get(4).split(",");
        assertEquals(nat.get("excess_votes").asDouble(), Double.parseDouble(first[4]), 1e-6);
        String html = Files.readString(dir.resolve("s.html"));
        assertTrue(html.contains("How fragile the estimate is") && html.contains("The estimate under each "
                + "clean-peak rule"), "the report's sensitivity section");
        // --peak names a rule; a malformed grid is a usage error
        assertEquals(0, run(out, err, "shpilkin", units.toString(), "--redraws", "2", "--peak", "smoothed",
                "--json", json.toString()));
        assertEquals("smoothed", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile())
                .get("peak").asText());
        for (String bad : new String[] {"40:90", "90:40:2", "40:90:0", "40.5:90:2", "40:101:2"}) {
            StringWriter e2 = new StringWriter();
            assertEquals(2, run(new StringWriter(), e2, "shpilkin", units.toString(), "--sensitivity", bad), bad);
            assertTrue(e2.toString().contains("--sensitivity"), e2.toString());
        }
    }

    /** {@code --level '#2'} names the region column of the simulated file as {@code --level region} does. */
    @Test
    void levelByPosition() throws IOException {
        Path units = simulated(2000);
        StringWriter err = new StringWriter();
        String byName = null;
        for (String level : List.of("region", "#2")) {
            StringWriter out = new StringWriter();
            assertEquals(0, run(out, err, "shpilkin", units.toString(), "--registered", "registered", "--ballots",
                    "ballots", "--candidate", "leader", "--candidate", "option2", "--level", level, "--redraws", "10",
                    "--threads", "1"), level + ": " + err);
            assertTrue(out.toString().contains("R02"), out.toString());
            byName = byName == null ? out.toString() : byName;
            assertEquals(byName, out.toString(), level);
        }
    }

    /** @return a file of simulated units (2 regions, seed 4, f_i = 0.2 and the extra simulate options) */
    private Path simulated(int n, String... more) {
        Path units = dir.resolve("units.csv");
        StringWriter err = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--units", Integer.toString(n), "--regions",
                "2", "--seed", "4", "--replicates", "1", "--incremental", "0.2", "--quiet", "--out",
                units.toString()));
        args.addAll(List.of(more));
        assertEquals(0, run(new StringWriter(), err, args.toArray(new String[0])), err.toString());
        return units;
    }
}
