package org.psephos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.ColumnMapping;
import org.psephos.data.Election;
import org.psephos.data.ShareBase;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinEstimate;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.TestResult;

/**
 * {@code --conventions eftoolkit} gives EFToolkit's numbers: the golden tables of
 * {@code src/test/resources/reference/eftoolkit/} were written by EFToolkit's own {@code BasicElectionForensics}
 * (commit ca7b585, R 4.2.2; the commands are in {@code reference/README.md}) on {@code input.csv}, a file of
 * {@code psephos simulate} with documented edits (units with no registered voters and no ballots, a missing cell,
 * leaders above their ballots, ballots above registered). Point estimates (2BL, LastC, P05s, C05s, Skew, Kurt,
 * Sobyanin, Correlation) for turnout and every option must equal EFToolkit's to 1e-9, the DipT p-values exactly;
 * the basic bootstrap intervals (R's are random) within Monte Carlo error.
 */
class EftoolkitParityTest {
    private static final String DIR = "/reference/eftoolkit/";
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("_2BL", "2BL");
        COLUMNS.put("LastC", "LastC");
        COLUMNS.put("P05s", "P05s");
        COLUMNS.put("C05s", "C05s");
        COLUMNS.put("Sobyanin", "Sobyanin");
        COLUMNS.put("Skew", "Skew");
        COLUMNS.put("Kurt", "Kurt");
        COLUMNS.put("DipT", "DipT");
        COLUMNS.put("Correlation", "Correlation");
    }

    @TempDir
    static Path dir;
    private static Election election;

    @BeforeAll
    static void load() throws IOException {
        Path input = dir.resolve("input.csv");
        try (InputStream in = EftoolkitParityTest.class.getResourceAsStream(DIR + "input.csv")) {
            Files.copy(in, input);
        }
        election = Psephos.load(input, ColumnMapping.builder().registered("registered").ballots("ballots")
                .candidate("leader").candidate("option2").candidate("option3").level("region").id("unit").build());
    }

    /** One cell of EFToolkit's table: the point estimate and, for the bootstrapped statistics, the interval. */
    private record Cell(double value, double low, double high) {
    }

    /** EFToolkit's table: rows in pairs (estimates, then intervals "(lo, hi)"), keyed level/variable/test. */
    private static Map<String, Cell> golden(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = EftoolkitParityTest.class.getResourceAsStream(DIR + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                rows.add(t.substring(1, t.length() - 1).split("\",\"", -1));
            }
        }
        List<String> head = List.of(rows.get(0));
        Map<String, Cell> out = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r += 2) {
            String[] point = rows.get(r);
            String[] ci = rows.get(r + 1);
            String variable = point[1].equals("Turnout") ? "turnout" : point[1];
            for (Map.Entry<String, String> c : COLUMNS.entrySet()) {
                int col = head.indexOf(c.getKey());
                double lo = Double.NaN;
                double hi = Double.NaN;
                if (ci[col].startsWith("(")) {
                    String[] parts = ci[col].substring(1, ci[col].length() - 1).split(",");
                    lo = Double.parseDouble(parts[0].strip());
                    hi = Double.parseDouble(parts[1].strip());
                }
                out.put(point[0] + "/" + variable + "/" + c.getValue(), new Cell(number(point[col]), lo, hi));
            }
        }
        return out;
    }

    private static double number(String s) {
        return s.equals("NA") || s.equals("--") || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static Map<String, TestResult> psephos(String level) {
        AnalysisOptions o = AnalysisOptions.defaults().withConventions(Conventions.EFTOOLKIT).withLevel(level)
                .withTests("2BL", "LastC", "P05s", "C05s", "Skew", "Kurt", "DipT", "Sobyanin", "Correlation")
                .withReplicates(1000).withSeed(7);
        Analysis a = Psephos.analyze(election, o);
        assertEquals(ShareBase.BALLOTS, a.election().shareBase(), "EFToolkit's shares are of TotalVotes");
        assertEquals(election.size(), a.result().filter().kept(), "EFToolkit keeps every unit");
        Map<String, TestResult> out = new LinkedHashMap<>();
        for (TestResult r : a.result().results()) {
            String lv = r.level().equals("national") ? "National" : r.level();
            out.put(lv + "/" + r.variable() + "/" + r.id(), r);
        }
        return out;
    }

    @Test
    void pointEstimatesAndDipTestPValuesPerRegionEqualEftoolkits() throws IOException {
        compare(golden("basic_region.csv"), psephos("region"), 4 * 3 * 7 + 3 * 2 * 3);
    }

    @Test
    void pointEstimatesAndDipTestPValuesNationallyEqualEftoolkits() throws IOException {
        compare(golden("basic_national.csv"), psephos(null), 4 * 7 + 3 * 2);
    }

    /**
     * @param expected EFToolkit's cells
     * @param actual   Psephos's rows
     * @param defined  how many of EFToolkit's cells hold a number (turnout has no Sobyanin or Correlation)
     */
    private static void compare(Map<String, Cell> expected, Map<String, TestResult> actual, int defined) {
        int compared = 0;
        int intervals = 0;
        for (Map.Entry<String, Cell> e : expected.entrySet()) {
            Cell g = e.getValue();
            TestResult r = actual.get(e.getKey());
            if (Double.isNaN(g.value())) {
                assertTrue(r == null || !r.applicable(), e.getKey() + ": EFToolkit has no value, Psephos " + r);
                continue;
            }
            assertTrue(r != null && r.applicable(), e.getKey() + " " + r);
            compared++;
            if (r.id().equals("DipT")) {
                assertEquals(g.value(), r.pValue(), 0.0, e.getKey() + ": the same p-value");
                continue;
            }
            assertEquals(g.value(), r.value(), 1e-9, e.getKey());
            if (!Double.isNaN(g.low())) {
                intervals++;
                // The endpoints of a basic interval from 1000 replicates each have a Monte Carlo sd of about
                // 0.085 s (s the bootstrap sd, estimated as the interval's width / 3.92); the two runs are
                // independent, so their difference has sd 0.12 s. Allowed: 4.5 of those.
                double tol = 4.5 * 0.12 * (g.high() - g.low()) / 3.92;
                assertEquals(g.low(), r.ciLow(), tol, e.getKey() + " lower end");
                assertEquals(g.high(), r.ciHigh(), tol, e.getKey() + " upper end");
            } else {
                assertTrue(Double.isNaN(r.ciLow()), e.getKey() + ": EFToolkit reports no interval");
            }
        }
        assertEquals(defined, compared, "every value EFToolkit computed was compared");
        assertTrue(intervals > compared / 2, "intervals compared: " + intervals);
    }

    /**
     * Shpilkin's estimate as EFToolkit's {@code estimate_fraud} (height peak rule, R's floating-point bin edges, the
     * bin label as clean turnout) on the whole file and on each region: {@code shpilkin.csv}, written by
     * {@code reference/eftoolkit/shpilkin.R}.
     */
    @Test
    void shpilkinEqualsEftoolkitsEstimateFraud() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = EftoolkitParityTest.class.getResourceAsStream(DIR + "shpilkin.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                rows.add(line.strip().replace("\"", "").split(","));
            }
        }
        List<String> head = List.of(rows.get(0));
        Election ballots = election.withShareBase(ShareBase.BALLOTS);
        org.psephos.data.Grouping g = ballots.grouping("region").orElseThrow();
        Shpilkin s = Shpilkin.withDefaults().withConventions(Conventions.EFTOOLKIT);
        assertEquals(Shpilkin.PeakRule.HEIGHT, s.peakRule(), "EFToolkit's height rule by default");
        for (String[] row : rows.subList(1, rows.size())) {
            Election units = row[0].equals("National") ? ballots
                    : ballots.select(g.unitsOf(g.levels().indexOf(row[0])));
            ShpilkinEstimate e = s.estimate(units);
            String at = row[0] + ": ";
            assertEquals(Double.parseDouble(row[head.indexOf("peak_label")]), e.peakTurnout(), 0.0, at + "label");
            assertEquals(Double.parseDouble(row[head.indexOf("inflation")]), e.ratio(), 1e-12, at + "r");
            double f = Double.parseDouble(row[head.indexOf("magnitude")]);
            assertEquals(f, e.excessVotes(), 1e-9 * Math.abs(f), at + "F");
            assertEquals(Double.parseDouble(row[head.indexOf("support")]), e.cleanShare(), 1e-12, at + "share");
            assertEquals(Double.parseDouble(row[head.indexOf("official")]), e.officialTurnout(), 1e-15, at + "T");
            assertEquals(Double.parseDouble(row[head.indexOf("ballot_stuffing")]), e.stuffing(), 0.0, at + "stuff");
            assertEquals(Double.parseDouble(row[head.indexOf("ballot_switching")]), e.switching(),
                    1e-9 * Math.abs(f), at + "switching");
        }
        // Psephos's conventions bin [b, b+1), take the others' peak and the bin centre: another estimate
        ShpilkinEstimate own = Shpilkin.withDefaults().estimate(
                org.psephos.data.UnitFilter.standard().apply(ballots).election());
        assertTrue(own.peakTurnout() != Double.parseDouble(rows.get(1)[head.indexOf("peak_label")]), own.toString());
    }

    /**
     * KlimekFit under EFToolkit's conventions is its {@code ComputeKlimekModel}: {@code klimek.csv}, written by
     * {@code reference/eftoolkit/klimek.R} on {@code reference/kobak/klimek_input.csv} (a Klimek-fraud election of
     * {@code psephos simulate}, incremental fraud in 15% of the units). Its moment estimates ({@code Estimate()}) are
     * deterministic and must be EFToolkit's (the peaks are histogram breaks: the same doubles); its fit draws from R's
     * random streams, so the means of the 10 iterations must agree within Monte Carlo error (4 sd of the difference
     * of two such means, the grid's step for sds of 0).
     */
    @Test
    void klimekFitIsEftoolkitsComputeKlimekModel() throws IOException {
        Path input = dir.resolve("klimek_input.csv");
        try (InputStream in = EftoolkitParityTest.class.getResourceAsStream("/reference/kobak/klimek_input.csv")) {
            Files.copy(in, input);
        }
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = EftoolkitParityTest.class.getResourceAsStream(DIR + "klimek.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                rows.add(line.strip().replace("\"", "").split(","));
            }
        }
        List<String> head = List.of(rows.get(0));
        String[] g = rows.get(1);
        Election e = Psephos.load(input, ColumnMapping.builder().registered("registered").ballots("ballots")
                .valid("valid").invalid("invalid").candidate("leader").candidate("option2").candidate("option3")
                .id("unit").build());
        TestResult r = Psephos.analyze(e, AnalysisOptions.defaults().withConventions(Conventions.EFTOOLKIT)
                .withTests("KlimekFit").withThreads(2)).result().results().get(0);
        Map<String, Object> d = r.details();
        assertEquals(Double.parseDouble(g[head.indexOf("nu")]), (Double) d.get("nu"), 0.0, "nu");
        assertEquals(Double.parseDouble(g[head.indexOf("tau")]), (Double) d.get("tau"), 0.0, "tau");
        assertEquals(Double.parseDouble(g[head.indexOf("std_att")]), (Double) d.get("sigma_tau"), 1e-12);
        assertEquals(Double.parseDouble(g[head.indexOf("sigma")]), (Double) d.get("sigma_nu"), 1e-12);
        assertEquals(Double.parseDouble(g[head.indexOf("theta")]), (Double) d.get("theta"), 1e-12);
        for (String p : List.of("f_i", "f_e", "alpha")) {
            double theirs = Double.parseDouble(g[head.indexOf(p)]);
            double sdTheirs = Double.parseDouble(g[head.indexOf(p + "_sd")]);
            double ours = (Double) d.get(p);
            double sdOurs = (Double) d.get(p + "_sd");
            double tol = Math.max(4 * Math.sqrt((sdTheirs * sdTheirs + sdOurs * sdOurs) / 10), 0.2);
            assertEquals(theirs, ours, tol, p + ": ours " + ours + " +- " + sdOurs + ", theirs " + theirs + " +- "
                    + sdTheirs);
        }
        assertTrue(Double.isNaN(r.pValue()) && !r.flag(), "EFToolkit flags no Klimek result");
    }

    @Test
    void testsEftoolkitLacksRunUnderPsephosConventionsAndSaySo() {
        Analysis a = Psephos.analyze(election, AnalysisOptions.defaults().withConventions(Conventions.EFTOOLKIT)
                .withTests("2BL", "LastDigitChi2").withReplicates(50));
        TestResult chi2 = a.result().results().stream().filter(r -> r.id().equals("LastDigitChi2")).findFirst()
                .orElseThrow();
        assertEquals(Conventions.PSEPHOS, a.result().conventionsOf(chi2));
        assertEquals(Conventions.EFTOOLKIT, a.result().conventions());
        // the psephos-run test saw the standard filter's units, EFToolkit's test every unit
        assertEquals(2, a.result().filters().size());
        assertTrue(a.result().filters().get(Conventions.PSEPHOS).kept() < election.size());
        String text = a.report().text();
        assertTrue(text.startsWith("Conventions: eftoolkit"), text);
        assertTrue(text.contains("LastDigitChi2 (psephos)"), text);
        assertFalse(text.contains("2BL (psephos)"), text);
    }
}
