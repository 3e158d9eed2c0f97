package org.psephos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.ColumnMapping;
import org.psephos.data.DropReason;
import org.psephos.data.Election;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.TestResult;

/**
 * {@code --conventions kobak} gives Kobak et al.'s integer-percentage counts: {@code reference/kobak/anomaly.json}
 * was printed by their own {@code loaddata()} and {@code anomaly()} ({@code dkobak/elections} commit 8003707,
 * {@code analysis/2024/2024.ipynb}, run by {@code reference/kobak/anomaly.py}; numpy 1.24.2) on
 * {@code reference/kobak/input.csv}, a file of {@code psephos simulate} with documented edits (more votes than
 * ballots, a missing leader's count, ballots above registered, two turnouts of exactly 12.05% and 11.95%). The
 * stations included and the turnout-integer, leader-integer and either counts must be theirs; the Monte Carlo mean
 * (numpy's draws cannot be reproduced) within 3·sd/√R of theirs.
 */
class KobakParityTest {
    private static final String DIR = "/reference/kobak/";
    @TempDir
    static Path dir;
    private static Election election;
    private static JsonNode golden;

    @BeforeAll
    static void load() throws IOException {
        Path input = dir.resolve("input.csv");
        try (InputStream in = KobakParityTest.class.getResourceAsStream(DIR + "input.csv")) {
            Files.copy(in, input);
        }
        election = Psephos.load(input, ColumnMapping.builder().registered("registered").ballots("ballots")
                .valid("valid").invalid("invalid").candidate("leader").candidate("option2").candidate("option3")
                .level("region").id("unit").build());
        try (InputStream in = KobakParityTest.class.getResourceAsStream(DIR + "anomaly.json")) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    private static Analysis analyze(Conventions c) {
        return Psephos.analyze(election, AnalysisOptions.defaults().withConventions(c).withTests("IntegerPercent"));
    }

    private static Map<String, Object> details(Analysis a) {
        return a.result().results().get(0).details();
    }

    @Test
    void countsEqualAnomalysAndTheMonteCarloMeanAgrees() {
        Analysis a = analyze(Conventions.KOBAK);
        TestResult r = a.result().results().get(0);
        Map<String, Object> d = r.details();
        assertEquals(golden.get("stations_loaded").asInt(), a.result().filter().kept(), "loaddata's stations");
        assertEquals(Map.of(DropReason.MISSING_VALUE, 1), a.result().filter().dropped());
        assertEquals(golden.get("included").asInt(), ((Number) d.get("included_units")).intValue());
        assertEquals(golden.get("turnout_integer").asLong(), ((Number) d.get("turnout_integer")).longValue());
        assertEquals(golden.get("leader_integer").asLong(), ((Number) d.get("leader_integer")).longValue());
        assertEquals(golden.get("either_integer").asLong(), ((Number) d.get("observed")).longValue());
        int reps = golden.get("replicates").asInt();
        assertEquals(reps, ((Number) d.get("replicates")).intValue(), "their 1000 replicates");
        assertEquals(golden.get("seed").asLong(), ((Number) d.get("seed")).longValue(), "their seed 42");
        @SuppressWarnings("unchecked")
        Map<String, Object> variants = (Map<String, Object>) d.get("variants");
        String[] names = {"either", "leader", "turnout"};
        for (int v = 0; v < 3; v++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) ((Map<String, Object>) variants.get(names[v]))
                    .get("stations");
            assertEquals(golden.at("/observed/" + v + "/0").asLong(), ((Number) s.get("observed")).longValue());
            double mean = golden.at("/mc_mean/" + v + "/0").asDouble();
            double sd = golden.at("/mc_sd/" + v + "/0").asDouble();
            double ours = ((Number) s.get("expected_mean")).doubleValue();
            assertTrue(Math.abs(ours - mean) <= 3 * sd / Math.sqrt(reps), names[v] + ": MC mean " + ours
                    + " vs theirs " + mean + " (sd " + sd + ")");
            // numpy's std (ddof = 0); the two sds agree to the precision an sd of 1000 draws has (~2.2%)
            double oursSd = ((Number) s.get("expected_sd")).doubleValue();
            assertEquals(sd, oursSd, 4 * sd / Math.sqrt(2 * reps), names[v] + ": MC sd");
        }
    }

    /**
     * Psephos's own conventions differ from theirs exactly where the issue says: the standard filter drops the two
     * stations with more votes than ballots (neither has an integer turnout), and the exact integer rule counts
     * the two turnouts at exactly ±0.05 from a whole percentage that numpy's floating point misses.
     */
    @Test
    void psephosConventionsDifferWhereTheRulesDiffer() {
        Map<String, Object> own = details(analyze(Conventions.PSEPHOS));
        Map<String, Object> theirs = details(analyze(Conventions.KOBAK));
        assertEquals(((Number) theirs.get("included_units")).intValue() - 2,
                ((Number) own.get("included_units")).intValue(), "two stations with votes above ballots");
        long turnout = ((Number) own.get("turnout_integer")).longValue();
        assertEquals(((Number) theirs.get("turnout_integer")).longValue() + 2, turnout,
                "12.05% and 11.95% count as integer exactly, not in numpy's floating point");
    }

    /**
     * The clean moments of Klimek et al.'s model as Kobak and Pshenichnikov's {@code meduza2018/meduza.ipynb}
     * estimates them (first local maximum above 0.3 of scipy's {@code gaussian_kde} on a 0.001 grid, spreads around
     * it): {@code klimek.json}, printed by their cell (run by {@code reference/kobak/klimek.py}, scipy 1.10.1) on
     * {@code klimek_input.csv} (a Klimek-fraud election of {@code psephos simulate}). The peaks are grid points and
     * must be the same; the spreads to 1e-12.
     */
    @Test
    void klimekMomentsEqualTheirNotebooks() throws IOException {
        Path input = dir.resolve("klimek_input.csv");
        try (InputStream in = KobakParityTest.class.getResourceAsStream(DIR + "klimek_input.csv")) {
            Files.copy(in, input);
        }
        JsonNode g;
        try (InputStream in = KobakParityTest.class.getResourceAsStream(DIR + "klimek.json")) {
            g = new ObjectMapper().readTree(in);
        }
        Election e = Psephos.load(input, ColumnMapping.builder().registered("registered").ballots("ballots")
                .valid("valid").invalid("invalid").candidate("leader").candidate("option2").candidate("option3")
                .id("unit").build());
        org.psephos.estimation.KlimekMoments m = org.psephos.estimation.KlimekFit.withDefaults()
                .with(org.psephos.estimation.KlimekFit.PeakRule.KOBAK).moments(e);
        assertEquals(g.get("tau").asDouble(), m.tau(), 0.0);
        assertEquals(g.get("nu").asDouble(), m.nu(), 0.0);
        assertEquals(g.get("sigma_tau").asDouble(), m.sigmaTau(), 1e-12);
        assertEquals(g.get("sigma_nu").asDouble(), m.sigmaNu(), 1e-12);
        assertEquals(g.get("theta").asDouble(), m.theta(), 1e-12);
        // and through the battery: KlimekFit under --conventions kobak reports these moments (kept in the fit)
        TestResult r = Psephos.analyze(e, AnalysisOptions.defaults().withConventions(Conventions.KOBAK)
                .withTests("KlimekFit").withThreads(2)).result().results().get(0);
        assertEquals(m.tau(), (Double) r.details().get("tau"), 0.0);
        assertEquals(m.sigmaNu(), (Double) r.details().get("sigma_nu"), 0.0);
        assertEquals(m.theta(), (Double) r.details().get("theta"), 0.0);
    }
}
