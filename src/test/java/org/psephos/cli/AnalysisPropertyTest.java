package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.psephos.data.ElectionCsv;
import org.psephos.data.LoadReport;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.report.BatteryReport;
import org.psephos.simulation.Progress;

/**
 * Any loadable table, however degenerate (one unit, identical units, zero columns, zero ballots, impossible units
 * the filter drops, counts near {@link Integer#MAX_VALUE}), analyses to a JSON document without NaN or infinity:
 * every number is finite and a test that cannot apply is {@code applicable: false} with a reason. Checked through
 * the library ({@link Battery} and {@link BatteryReport}) and through {@code psephos analyze --json}. Small tables
 * and 5 bootstrap replicates keep it fast; it cannot see problems that only large tables show.
 */
class AnalysisPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The scale of a table's counts: tiny, ordinary, or near the int limit. */
    @Provide
    Arbitrary<String> tables() {
        Arbitrary<Integer> scale = Arbitraries.of(3, 2000, 2_000_000_000);
        Arbitrary<Integer> units = Arbitraries.integers().between(1, 40);
        Arbitrary<Integer> options = Arbitraries.integers().between(1, 3);
        Arbitrary<Boolean> identical = Arbitraries.of(false, false, true);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(scale, units, options, identical, seed).as(AnalysisPropertyTest::table);
    }

    /** Writes a table of per-unit counts with region labels; some units break ballots &lt;= registered. */
    static String table(int scale, int n, int k, boolean identical, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        StringBuilder b = new StringBuilder("unit,region,registered,ballots,valid,invalid");
        for (int j = 0; j < k; j++) {
            b.append(",O").append(j);
        }
        b.append('\n');
        String first = null;
        for (int i = 0; i < n; i++) {
            String row;
            if (identical && first != null) {
                row = first;
            } else {
                int reg = rng.nextInt(scale + 1);
                int bal = rng.nextInt(10) == 0 ? Math.min(Integer.MAX_VALUE - 1, reg) + 1 : rng.nextInt(reg + 1);
                int inv = bal == 0 ? 0 : rng.nextInt(Math.min(bal, 5) + 1);
                int left = bal - inv;
                StringBuilder votes = new StringBuilder();
                for (int j = 0; j < k; j++) {
                    int v = j == k - 1 ? left : rng.nextInt(left + 1);
                    left -= v;
                    votes.append(',').append(v);
                }
                row = reg + "," + bal + "," + (bal - inv) + "," + inv + votes;
            }
            first = first == null ? row : first;
            b.append(i).append(i % 3 == 0 ? ",East," : ",West,").append(row).append('\n');
        }
        return b.toString();
    }

    private static Path write(String csv) throws IOException {
        Path f = Files.createTempFile("analysis", ".csv");
        Files.writeString(f, csv);
        return f;
    }

    /** Asserts that every number in the document is finite and every not-applicable test gives a reason. */
    static void assertFiniteWithReasons(JsonNode root) {
        root.get("tests").forEach(t -> {
            if (!t.get("applicable").asBoolean()) {
                assertFalse(t.get("reason").asText().isBlank(), t.toString());
            }
        });
        assertFinite(root, "");
    }

    private static void assertFinite(JsonNode n, String path) {
        if (n.isNumber()) {
            assertTrue(Double.isFinite(n.asDouble()), path + " = " + n);
        } else if (n.isTextual()) {
            assertFalse(n.asText().equals("NaN") || n.asText().contains("Infinity"), path + " = " + n);
        }
        n.fields().forEachRemaining(e -> assertFinite(e.getValue(), path + "/" + e.getKey()));
        for (int i = 0; n.isArray() && i < n.size(); i++) {
            assertFinite(n.get(i), path + "/" + i);
        }
    }

    @Property(tries = 60)
    void theLibraryNeverReportsNaN(@ForAll("tables") String csv) throws IOException {
        Path f = write(csv);
        try {
            LoadReport r = ElectionCsv.load(f);
            BatteryOptions o = BatteryOptions.defaults().withReplicates(5).withThreads(1).withSeed(9);
            String doc = JSON.writeValueAsString(BatteryReport.of(Battery.withDefaults().withLevel("region")
                    .run(r.election(), o, Progress.NONE), f.getFileName().toString()).json());
            assertFalse(doc.contains("NaN") || doc.contains("Infinity"), doc);
            assertFiniteWithReasons(JSON.readTree(doc));
        } finally {
            Files.delete(f);
        }
    }

    /** The library entry point: same document, and the same bytes for one and two threads. */
    @Property(tries = 15)
    void thePsephosEntryPointNeverReportsNaNAndIgnoresThreads(@ForAll("tables") String csv) throws IOException {
        Path f = write(csv);
        try {
            org.psephos.data.Election e = org.psephos.Psephos.load(f);
            org.psephos.AnalysisOptions o = org.psephos.AnalysisOptions.defaults().withReplicates(5).withSeed(3)
                    .withLevel("region");
            String one = JSON.writeValueAsString(org.psephos.Psephos.analyze(e, o.withThreads(1)).report().json());
            String two = JSON.writeValueAsString(org.psephos.Psephos.analyze(e, o.withThreads(2)).report().json());
            assertEquals(one, two);
            assertFiniteWithReasons(JSON.readTree(one));
        } finally {
            Files.delete(f);
        }
    }

    @Property(tries = 12)
    void analyzeJsonNeverHoldsNaN(@ForAll("tables") String csv) throws IOException {
        Path f = write(csv);
        Path json = Files.createTempFile("analysis", ".json");
        try {
            HostileInputsTest.Run r = HostileInputsTest.run("analyze", f.toString(), "--level", "region",
                    "--replicates", "5", "--threads", "1", "--json", json.toString());
            assertEquals(Main.OK, r.code(), r.err());
            HostileInputsTest.assertNoStackTrace(r);
            String doc = Files.readString(json);
            assertFalse(doc.contains("NaN") || doc.contains("Infinity"), doc);
            JsonNode root = JSON.readTree(doc);
            assertFiniteWithReasons(root);
            assertEquals(List.of("input", "conventions", "nulls", "fdr", "calibration", "verdict", "summary", "dropped",
                    "tests"), List.copyOf(iterable(root)));
        } finally {
            Files.delete(f);
            Files.delete(json);
        }
    }

    private static List<String> iterable(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
