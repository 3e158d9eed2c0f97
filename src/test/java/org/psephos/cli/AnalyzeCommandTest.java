package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;
import picocli.CommandLine;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    /** 120 units of 2 options in region "North" and 5 in region "=HYPERLINK()", plus one unit over 100% turnout. */
    private static Election stub() {
        int n = 126;
        int[] reg = new int[n];
        int[] bal = new int[n];
        int[] a = new int[n];
        int[] b = new int[n];
        String[] region = new String[n];
        for (int i = 0; i < n; i++) {
            reg[i] = 500 + 37 * i % 900;
            bal[i] = reg[i] * (40 + i % 37) / 100;
            a[i] = bal[i] * (30 + i % 29) / 100;
            b[i] = bal[i] - a[i];
            region[i] = i < 120 ? "North" : "=HYPERLINK()";
        }
        bal[125] = reg[125] + 1;
        return Election.builder("stub").registered(reg).ballots(bal).option("A", a).option("B", b)
                .grouping(Grouping.ofLabels("region", region)).build();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** @return the run of analyze on this election, whatever FILE names */
    private static Run runOn(Election e, String... args) {
        return run(Main.configure(new CommandLine(new AnalyzeCommand((file, mapping) -> e))), args);
    }

    private static CommandLine stubbed() {
        return Main.configure(new CommandLine(new AnalyzeCommand((file, mapping) -> stub())));
    }

    @Test
    void writesTheTableTheJsonContractAndNeutralisedCsv() throws IOException {
        Path json = dir.resolve("out.json");
        Path csv = dir.resolve("out.csv");
        Run r = run(stubbed(), "results.csv", "--level", "region", "--replicates", "40", "--threads", "1",
                "--tests", "2BL, Kurt,Correlation", "--null", "reference", "--json", json.toString(), "--csv",
                csv.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("test +variable +level +value +expected +95% CI +p +q +flag"), lines[0]);
        assertTrue(r.out().contains("Correlation  turnout   national"), r.out());
        assertTrue(lines[lines.length - 1].startsWith("Flags: "), lines[lines.length - 1]);
        assertTrue(lines[lines.length - 1].contains("Units: 125 kept of 126 read."));

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(List.of("input", "conventions", "nulls", "fdr", "verdict", "summary", "dropped", "tests"),
                iterable(root.fieldNames()));
        assertEquals("reference", root.get("nulls").asText());
        assertEquals("not computed", root.at("/verdict/answer").asText());
        assertEquals("psephos", root.get("conventions").asText());
        assertEquals("results.csv", root.at("/input/file").asText());
        assertEquals(125, root.at("/summary/units").asInt());
        assertTrue(root.at("/summary/shares/A").isDouble());
        assertEquals(1, root.at("/dropped/ballots exceed registered").asInt());
        JsonNode tests = root.get("tests");
        assertEquals(3 * 3 * 3, tests.size(), "3 groups x 3 variables x 3 tests");
        JsonNode first = tests.get(0);
        assertEquals(List.of("id", "variable", "level", "value", "expected", "ci_low", "ci_high", "p_value",
                "q_value", "flag", "n", "applicable", "conventions", "null", "details"), iterable(first.fieldNames()));
        assertEquals("reference", first.get("null").asText());
        assertEquals("psephos", first.get("conventions").asText());
        assertEquals("2BL", first.get("id").asText());
        assertTrue(first.get("value").isDouble() && first.get("q_value").isDouble());
        JsonNode kurt = tests.get(1);
        assertTrue(kurt.get("p_value").isNull(), "no p-value: null, not NaN");
        JsonNode corrTurnout = tests.get(2);
        assertFalse(corrTurnout.get("applicable").asBoolean());
        assertTrue(corrTurnout.get("value").isNull());
        assertTrue(corrTurnout.get("reason").asText().startsWith("not applicable to turnout"));
        assertFalse(Files.readString(json).contains("NaN"));

        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("id,variable,level,value,expected,ci_low,ci_high,p_value,q_value,flag,n,applicable,reason,"
                + "conventions,null,label", rows.get(0));
        assertTrue(rows.subList(1, rows.size()).stream().allMatch(x -> x.endsWith(",psephos,reference,")),
                rows.toString());
        assertEquals(28, rows.size());
        assertTrue(rows.stream().anyMatch(x -> x.startsWith("Kurt,A,'=HYPERLINK(),,")), "neutralised label");
        assertTrue(rows.stream().noneMatch(x -> x.contains(",=HYPERLINK")));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void writesASelfContainedReportAndAMarkdownTable() throws IOException {
        Path html = dir.resolve("report.html");
        Path md = dir.resolve("notes.md");
        Run r = run(stubbed(), "results.csv", "--level", "region", "--replicates", "30", "--threads", "1",
                "--quiet", "--report", html.toString(), "--markdown", md.toString(), "--charts",
                dir.resolve("charts").toString());
        assertEquals(0, r.code(), r.err());
        for (String chart : List.of("fingerprint", "turnout_hist", "share_hist", "cumulative_votes", "second_digits",
                "last_digits")) {
            assertTrue(Files.size(dir.resolve("charts").resolve(chart + ".png")) > 1000, chart);
            assertTrue(Files.readString(dir.resolve("charts").resolve(chart + ".svg")).contains("<title>"), chart);
        }
        assertEquals("", r.err(), "no progress output when not on a terminal");
        String doc = Files.readString(html);
        assertTrue(doc.startsWith("<!DOCTYPE html>"));
        assertTrue(doc.contains("Tests per region"));
        assertTrue(doc.contains("=HYPERLINK()"), "the region name appears (HTML does not run formulas)");
        assertTrue(doc.contains("psephos analyze results.csv --level region --replicates 30"), "command line");
        assertFalse(doc.contains("<script"));
        List<String> lines = Files.readAllLines(md);
        assertTrue(lines.get(0).startsWith("Verdict: "), lines.get(0));
        assertTrue(doc.indexOf("Verdict: ") < doc.indexOf("Summary"), "the report leads with the verdict");
        assertTrue(doc.contains("Why a reference value alone would mislead"), "one sentence per test");
        assertTrue(doc.contains("Null used: resampling (binomial, matched spread)") && doc.contains("Null used: clean twins"));
        int table = lines.indexOf("| test | variable | level | value | expected | null 95% | p | q | flag | null |");
        assertTrue(table > 0, lines.toString());
        assertEquals("Conventions: psephos (Psephos's own definitions)", lines.get(table - 2));
        assertTrue(doc.contains("Conventions"), "the report says which conventions");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("| 2BL | A | national |")), lines.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("Flags: "));
    }

    /**
     * --charts and --report draw the same units, those the battery used: units the standard filter drops (here
     * votes beyond the ballots, which the fingerprint alone would still place) are in neither.
     */
    @Test
    void chartFilesAndTheReportShowTheFilteredUnits() throws IOException {
        Election base = stub();
        int n = base.size() + 10;
        int[] reg = new int[n];
        int[] bal = new int[n];
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            boolean extra = i >= base.size();
            reg[i] = extra ? 1000 : base.registered(i);
            bal[i] = extra ? 500 : base.ballots(i);
            a[i] = extra ? 450 : base.votes(0, i);
            b[i] = extra ? 100 : base.votes(1, i);
        }
        Election e = Election.builder("stub").registered(reg).ballots(bal).option("A", a).option("B", b).build();
        int kept = org.psephos.data.UnitFilter.standard().apply(e).election().size();
        assertEquals(base.size() - 1, kept, "the extra units and the one over 100% turnout are dropped");
        Path html = dir.resolve("report.html");
        Path charts = dir.resolve("charts");
        Run r = runOn(e, "results.csv", "--replicates", "10", "--threads", "1", "--tests", "Skew", "--quiet",
                "--report", html.toString(), "--charts", charts.toString());
        assertEquals(0, r.code(), r.err());
        double units = 0;
        for (String row : Files.readAllLines(charts.resolve("fingerprint.csv")).subList(1, 10_001)) {
            units += Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
        }
        assertEquals(kept, units, 0, "fingerprint.csv counts the kept units");
        String doc = Files.readString(html);
        for (String chart : List.of("fingerprint", "turnout_hist", "share_hist", "cumulative_votes")) {
            String png = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(charts.resolve(chart
                    + ".png")));
            assertTrue(doc.contains("data:image/png;base64," + png + "\""), chart + ": the report shows the file");
        }
    }

    /** @return the first replicate of a Klimek-fraud election (θ = 0.4, α = 2) of U{500..1500}-voter units */
    private static Election klimek(int units, long seed, double incremental, double extreme) {
        ElectorateModel electorate = ElectorateModel.of(units, new SizeDistribution.Uniform(500, 1500),
                ProportionDistribution.normal(0.5, 0.1), ProportionDistribution.normal(0.55, 0.08));
        return MonteCarloEngine.run(SimulationModel.clean(electorate).with(FraudModel.Klimek.of(incremental, 0.4, 2,
                extreme)), seed, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE).units()
                .orElseThrow();
    }

    /** With the opt-in estimators, --charts and --report also draw the Shpilkin curve and the Klimek fit. */
    @Test
    void estimatorsAddTheirCharts() throws IOException {
        Path html = dir.resolve("report.html");
        Path charts = dir.resolve("charts");
        Run r = runOn(klimek(2_000, 3, 0.3, 0.03), "sim.csv", "--tests", "Shpilkin,KlimekFit", "--replicates", "30", "--threads", "2", "--quiet", "--report",
                html.toString(), "--charts", charts.toString());
        assertEquals(0, r.code(), r.err());
        for (String chart : List.of("shpilkin", "shpilkin_sensitivity", "klimek_fit")) {
            assertTrue(Files.size(charts.resolve(chart + ".png")) > 1000, chart);
            assertTrue(Files.readString(charts.resolve(chart + ".svg")).contains("<title>"), chart);
        }
        String doc = Files.readString(html);
        assertTrue(doc.contains("Shpilkin curve (Kobak") && doc.contains("Klimek model fit (Klimek"), "captions");
        assertTrue(doc.contains("How fragile the estimates are") && doc.contains("by the first rule"),
                "Shpilkin's chosen peak and why");
        assertFalse(doc.contains("KlimekFit refitted with one setting moved"), "KlimekFit's refits are opt-in");
    }

    /** --klimek-sensitivity: KlimekFit's row carries the refits (JSON) and the report their table. */
    @Test
    void klimekSensitivityIsReportedWhenAskedFor() throws IOException {
        Path json = dir.resolve("k.json");
        Path html = dir.resolve("k.html");
        Run r = runOn(klimek(1_500, 3, 0.3, 0.03), "sim.csv", "--tests", "KlimekFit", "--klimek-sensitivity",
                "--threads", "2", "--quiet", "--json", json.toString(), "--report", html.toString());
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile()).get("tests").get(0).get("details");
        assertEquals(12, d.get("sensitivity").size());
        assertEquals("baseline", d.get("sensitivity").get(0).get("parameter").asText());
        assertEquals(2, d.get("sensitivity_range").get("f_i").size());
        assertTrue(Files.readString(html).contains("KlimekFit refitted with one setting moved"));
        Run bad = runOn(klimek(500, 3, 0.3, 0.03), "sim.csv", "--tests", "Shpilkin", "--klimek-sensitivity");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("add KlimekFit to --tests"), bad.err());
    }

    /** --units-csv writes the FraudMixture fit per unit; its vote columns add up to the JSON's totals. */
    @Test
    void unitsCsvWritesTheMixturePerUnit() throws IOException {
        Election e = klimek(3_000, 5, 0.2, 0.03);
        Path units = dir.resolve("units.csv");
        Path json = dir.resolve("mixture.json");
        Run r = runOn(e, "sim.csv", "--tests", "FraudMixture", "--quiet", "--json", json.toString(), "--units-csv", units.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(units);
        assertEquals("unit,registered,ballots,leader,turnout,share,p_clean,p_incremental,p_extreme,class,"
                + "manufactured_votes,stolen_votes", lines.get(0));
        assertEquals(e.size() + 1, lines.size());
        double man = 0;
        double stolen = 0;
        int extreme = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            assertEquals(1, Double.parseDouble(c[6]) + Double.parseDouble(c[7]) + Double.parseDouble(c[8]), 1e-9);
            extreme += c[9].equals("extreme") ? 1 : 0;
            man += Double.parseDouble(c[10]);
            stolen += Double.parseDouble(c[11]);
        }
        JsonNode d = new ObjectMapper().readTree(json.toFile()).get("tests").get(0).get("details");
        assertEquals(d.get("manufactured_votes").asDouble(), man, 1e-6 * man);
        assertEquals(d.get("stolen_votes").asDouble(), stolen, 1e-6 * stolen);
        assertEquals(d.get("units_extreme").asInt(), extreme);
        assertTrue(man > 0 && extreme > 0);
    }

    @Test
    void unitsCsvWithoutTheMixtureIsAUsageError() {
        Run r = run(stubbed(), "results.csv", "--tests", "Correlation", "--units-csv",
                dir.resolve("u.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("add FraudMixture to --tests"), r.err());
        assertFalse(Files.exists(dir.resolve("u.csv")));
    }

    /** The JSON is byte-identical for 1 and 2 threads: every random draw is keyed by test, variable and group. */
    @Test
    void jsonIsByteIdenticalForAnyThreadCount() throws IOException {
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        assertEquals(0, run(stubbed(), "f.csv", "--level", "region", "--replicates", "50", "--threads", "1",
                "--json", one.toString()).code());
        assertEquals(0, run(stubbed(), "f.csv", "--level", "region", "--replicates", "50", "--threads", "2",
                "--json", two.toString()).code());
        assertEquals(Files.readString(one), Files.readString(two));
        JsonNode c05 = new ObjectMapper().readTree(one.toFile()).get("tests").get(4);
        assertEquals("C05s", c05.get("id").asText());
        assertEquals("exact binomial, two-sided", c05.at("/details/reference/p_value_method").asText());
        assertEquals("resampling (binomial, matched spread)", c05.get("null").asText());
        assertTrue(c05.at("/details/null/p_value_method").asText().startsWith("Monte Carlo"));
        assertTrue(c05.at("/details/successes").asInt() > 0);
    }

    /** --engine spark runs the IntegerPercent null on Spark local[2]: the JSON is byte-identical to the local one. */
    @Test
    void sparkEngineGivesTheLocalJson() throws IOException {
        Path local = dir.resolve("local.json");
        Path spark = dir.resolve("spark.json");
        assertEquals(0, run(stubbed(), "f.csv", "--level", "region", "--tests", "IntegerPercent,2BL",
                "--replicates", "50", "--threads", "2", "--json", local.toString()).code());
        Run r = run(stubbed(), "f.csv", "--level", "region", "--tests", "IntegerPercent,2BL", "--replicates", "50",
                "--engine", "spark", "--master", "local[2]", "--json", spark.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(local), Files.readString(spark));
        assertTrue(Files.readString(spark).contains("IntegerPercent"));
        assertEquals(Main.USAGE, run(stubbed(), "f.csv", "--master", "local[2]").code());
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run r = run(stubbed(), "f.csv", "--tests", "2BL,Benford");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("no test with id 'Benford'"), r.err());
        assertEquals(Main.USAGE, run(stubbed(), "f.csv", "--level", "province").code());
        assertEquals(Main.USAGE, run(stubbed(), "f.csv", "--replicates", "0").code());
    }

    @Test
    void readsACsvThroughTheLoaderAndTheRootCommand() throws IOException {
        Path f = dir.resolve("minimal.csv");
        writeMinimalCsv(f);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path html = dir.resolve("r.html");
        int code = Main.run(new String[] {"analyze", f.toString(), "--level", "district", "--replicates", "30",
            "--tests", "LastC", "--report", html.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(Files.readString(html).contains("<dd>psephos analyze " + f), "command line once");
        assertTrue(out.toString().contains("LastC  B         d2"), out.toString());

        Files.writeString(f, "registered,ballots,A\n100,50,20\n100,50,x\n");
        err = new StringWriter();
        code = Main.run(new String[] {"analyze", f.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(Main.DATA, code);
        assertTrue(err.toString().contains("line 3, column 'A' (#3): not a count: 'x'"), err.toString());
    }

    /**
     * {@code --level '#5'} (and another spelling of the header) names the grouping column like every other {@code #N}
     * mapping: the same table as {@code --level district}. Before the fix it was refused as a usage error ("the file
     * has no such grouping column"), since the groupings are named by their headers.
     */
    @Test
    void levelByPositionWorksLikeByName() throws Exception {
        Path f = dir.resolve("levels.csv");
        writeMinimalCsv(f);
        String byName = null;
        for (String level : List.of("district", "#5", "DISTRICT")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"analyze", f.toString(), "--level", level, "--replicates", "30",
                "--tests", "LastC", "--quiet"}, new PrintWriter(out), new PrintWriter(err));
            assertEquals(0, code, level + ": " + err);
            assertTrue(out.toString().contains("LastC  B         d2"), level + ": " + out);
            byName = byName == null ? out.toString() : byName;
            assertEquals(byName, out.toString(), level);
        }
    }

    /** A level naming no grouping of the loaded election is a usage error that lists the groupings it has. */
    @Test
    void unknownGroupingIsAUsageErrorListingTheGroupings() throws Exception {
        Path f = dir.resolve("levels.csv");
        writeMinimalCsv(f);
        org.psephos.data.Election e = org.psephos.data.ElectionCsv.load(f,
                org.psephos.data.ColumnMapping.builder().level("district").build(),
                java.nio.charset.StandardCharsets.UTF_8).election();
        MappingOptions.requireGrouping(e, "district");
        MappingOptions.requireGrouping(e, null);
        UsageException x = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> MappingOptions.requireGrouping(e, "ward"));
        assertEquals("--level ward: the file has no such grouping column; groupings are [district]", x.getMessage());
    }

    /** Writes 60 units with columns registered, ballots, A, B and district (d1, d2 alternating). */
    private static void writeMinimalCsv(Path f) throws IOException {
        StringBuilder sb = new StringBuilder("registered,ballots,A,B,district\n");
        for (int i = 0; i < 60; i++) {
            int reg = 400 + 13 * i;
            int bal = reg / 2 + i;
            sb.append(reg).append(',').append(bal).append(',').append(bal / 3).append(',')
                    .append(bal - bal / 3).append(',').append(i % 2 == 0 ? "d1" : "d2").append('\n');
        }
        Files.writeString(f, sb.toString());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /**
     * --conventions: EFToolkit's keep every unit and take shares of ballots unless --share-of says otherwise; the
     * JSON says which conventions; an unknown tool is a usage error.
     */
    @Test
    void conventionsSetTheFilterAndTheShareBaseAndAnExplicitShareOfWins() throws IOException {
        Path json = dir.resolve("eft.json");
        Run r = run(stubbed(), "results.csv", "--replicates", "20", "--threads", "1", "--quiet", "--tests",
                "2BL,LastDigitChi2", "--conventions", "eftoolkit", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("eftoolkit", root.get("conventions").asText());
        assertEquals("ballots", root.at("/summary/share_base").asText());
        assertEquals(126, root.at("/summary/units").asInt(), "EFToolkit keeps the unit over 100% turnout");
        assertEquals(125, root.at("/dropped_by_conventions/psephos/units_kept").asInt());
        JsonNode tests = root.get("tests");
        assertEquals("eftoolkit", tests.get(0).get("conventions").asText());
        assertEquals("psephos", tests.get(1).get("conventions").asText(), "EFToolkit has no LastDigitChi2");
        assertTrue(r.out().startsWith("Conventions: eftoolkit"), r.out());
        assertTrue(r.out().contains("LastDigitChi2 (psephos)"), r.out());

        Run explicit = run(stubbed(), "results.csv", "--replicates", "20", "--threads", "1", "--quiet", "--tests",
                "2BL", "--conventions", "eftoolkit", "--share-of", "found", "--json", json.toString());
        assertEquals(0, explicit.code(), explicit.err());
        assertEquals("found", new ObjectMapper().readTree(json.toFile()).at("/summary/share_base").asText());

        Run bad = run(stubbed(), "results.csv", "--conventions", "stata");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--conventions") && bad.err().contains("psephos, eftoolkit or kobak"),
                bad.err());
    }

    /**
     * --null: calibrated by default under Psephos's conventions (verdict first, JSON "nulls" and "verdict"), reference
     * on request and implied by a reference tool's conventions (no verdict), calibrated under another tool's
     * conventions a usage error; --fdr outside (0, 1) a usage error.
     */
    @Test
    void nullKindFollowsTheConventionsAndTheVerdictLeads() throws IOException {
        Path json = dir.resolve("null.json");
        Run cal = run(stubbed(), "results.csv", "--replicates", "40", "--threads", "1", "--quiet", "--tests",
                "2BL,IntegerPercent", "--json", json.toString());
        assertEquals(0, cal.code(), cal.err());
        assertTrue(cal.out().startsWith("Verdict: "), cal.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("calibrated", root.get("nulls").asText());
        assertEquals(0.05, root.get("fdr").asDouble());
        assertTrue(List.of("anomalous", "no anomaly detected").contains(root.at("/verdict/answer").asText()));
        int family = 0;
        for (JsonNode t : root.get("tests")) {
            family += t.get("level").asText().equals("national") && t.hasNonNull("p_value") ? 1 : 0;
        }
        assertTrue(family >= 4, root.get("tests").toString());
        assertEquals(family, root.at("/verdict/family_size").asInt(), "every national row with a p-value");
        assertEquals("resampling (binomial, matched spread)", root.get("tests").get(0).get("null").asText());

        Run kobak = run(stubbed(), "results.csv", "--replicates", "40", "--threads", "1", "--quiet", "--tests",
                "2BL", "--conventions", "kobak", "--json", json.toString());
        assertEquals(0, kobak.code(), kobak.err());
        root = new ObjectMapper().readTree(json.toFile());
        assertEquals("reference", root.get("nulls").asText());
        assertEquals("not computed", root.at("/verdict/answer").asText());
        assertFalse(kobak.out().contains("Verdict: "), kobak.out());

        Run both = run(stubbed(), "results.csv", "--conventions", "eftoolkit", "--null", "calibrated");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--null calibrated"), both.err());
        Run fdr = run(stubbed(), "results.csv", "--fdr", "1.5");
        assertEquals(2, fdr.code());
        assertTrue(fdr.err().contains("--fdr"), fdr.err());
    }

    /**
     * --resampling: drift-corrected names its null in the table and the JSON and puts each row's drift in the
     * details; an unknown model, or the option under --null reference, is a usage error naming it.
     */
    @Test
    void resamplingModelIsChosenByName() throws IOException {
        Path json = dir.resolve("drift.json");
        Run drift = run(stubbed(), "results.csv", "--replicates", "40", "--threads", "1", "--quiet", "--tests",
                "2BL,IntegerPercent", "--resampling", "drift-corrected", "--json", json.toString());
        assertEquals(0, drift.code(), drift.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode first = root.get("tests").get(0);
        assertEquals("resampling (binomial, drift-corrected)", first.get("null").asText());
        assertTrue(first.at("/details/null/drift").isNumber(), first.toString());
        assertEquals(40, first.at("/details/null/drift_replicates").asInt(), first.toString());

        Run unknown = run(stubbed(), "results.csv", "--resampling", "simex");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--resampling") && unknown.err().contains("drift-corrected"),
                unknown.err());
        Run reference = run(stubbed(), "results.csv", "--null", "reference", "--resampling", "binomial");
        assertEquals(2, reference.code());
        assertTrue(reference.err().contains("--resampling"), reference.err());
    }
}
