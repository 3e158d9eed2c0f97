package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static final String[] MODEL = {"simulate", "--units", "9000", "--seed", "11", "--replicates", "7",
        "--regions", "5", "--region-sd", "0.2:0.3", "--options", "3", "--invalid", "0.01", "--incremental", "0.1",
        "--extreme", "0.02", "--stuffing", "0.05:0.2", "--invented", "0.05", "--quiet"};

    private Run runWith(int threads, String tag) {
        String[] extra = {"--threads", Integer.toString(threads), "--out", dir.resolve(tag + ".csv").toString(),
            "--json", dir.resolve(tag + ".json").toString()};
        return run(Stream.concat(Stream.of(MODEL), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void outputIsByteIdenticalForAnyThreadCount() throws IOException {
        Run one = runWith(1, "t1");
        assertEquals(0, one.code(), one.err());
        for (int t : new int[] {2, 3}) {
            Run other = runWith(t, "t" + t);
            assertEquals(one.out(), other.out());
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1.csv")), Files.readAllBytes(dir.resolve("t" + t + ".csv")));
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1.json")),
                    Files.readAllBytes(dir.resolve("t" + t + ".json")));
        }
    }

    @Test
    void csvHasTheDocumentedColumnsAndConsistentRows() throws IOException {
        assertEquals(0, runWith(2, "u").code());
        List<String> lines = Files.readAllLines(dir.resolve("u.csv"), StandardCharsets.UTF_8);
        assertEquals("unit,region,registered,ballots,valid,invalid,leader,option2,option3,fraud", lines.get(0));
        assertEquals(9001, lines.size());
        boolean sawExtreme = false;
        int incremental = 0;
        int extreme = 0;
        int stuffing = 0;
        int invented = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            int registered = Integer.parseInt(c[2]);
            int ballots = Integer.parseInt(c[3]);
            int valid = Integer.parseInt(c[4]);
            int invalid = Integer.parseInt(c[5]);
            int votes = Integer.parseInt(c[6]) + Integer.parseInt(c[7]) + Integer.parseInt(c[8]);
            assertEquals(valid, votes, line);
            assertEquals(ballots, valid + invalid, line);
            assertTrue(ballots <= registered, line);
            assertTrue(c[1].matches("R0[1-5]"), line);
            // One label per unit: clean, or the classes of the models that chose it joined by '+', in model order.
            assertTrue(c[9].matches(
                    "clean|(incremental|extreme)(\\+stuffing)?(\\+invented)?|stuffing(\\+invented)?|invented"), line);
            sawExtreme |= c[9].startsWith("extreme");
            incremental += c[9].startsWith("incremental") ? 1 : 0;
            extreme += c[9].startsWith("extreme") ? 1 : 0;
            stuffing += c[9].contains("stuffing") ? 1 : 0;
            invented += c[9].contains("invented") ? 1 : 0;
        }
        assertTrue(sawExtreme);
        // Each model chooses its fraction of the 9,000 units independently: within 5 binomial sd of it.
        double[][] shares = {{incremental, 0.1}, {extreme, 0.02}, {stuffing, 0.05}, {invented, 0.05}};
        for (double[] share : shares) {
            double sd = Math.sqrt(share[1] * (1 - share[1]) / 9000);
            assertEquals(share[1], share[0] / 9000, 5 * sd, "share of units labelled for rate " + share[1]);
        }
    }

    @Test
    void jsonHasTheSummaryKeys() throws IOException {
        assertEquals(0, runWith(1, "j").code());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("j.json").toFile());
        for (String key : List.of("turnout", "leader_share", "margin", "shares", "runoff_probability",
                "low_turnout_probability", "seed", "model")) {
            assertTrue(root.has(key), key);
        }
        assertEquals(11, root.get("seed").asLong());
        assertEquals(3, root.get("shares").size());
        assertTrue(root.get("shares").has("leader"));
        double q025 = root.get("turnout").get("q025").asDouble();
        double q975 = root.get("turnout").get("q975").asDouble();
        assertTrue(q025 <= root.get("turnout").get("median").asDouble() && q975 >= q025);
        JsonNode frauds = root.get("model").get("frauds");
        assertEquals(3, frauds.size());
        assertEquals("klimek", frauds.get(0).get("type").asText());
        assertEquals(0.1, frauds.get(0).get("incremental").asDouble(), 0);
        assertEquals(0.02, frauds.get(0).get("extreme").asDouble(), 0);
        assertEquals("ballot-stuffing", frauds.get(1).get("type").asText());
        assertEquals(0.05, frauds.get(1).get("fraction").asDouble(), 0);
        assertEquals(0.2, frauds.get(1).get("share").asDouble(), 0);
        assertEquals("invented-results", frauds.get(2).get("type").asText());
        assertEquals(0.05, frauds.get(2).get("fraction").asDouble(), 0);
    }

    @Test
    void withoutOutNothingPerUnitIsWritten() throws IOException {
        Run r = run("simulate", "--units", "100", "--seed", "1", "--replicates", "3", "--json",
                dir.resolve("s.json").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("s.json")), files.toList(), "only the summary, no temporary files");
        }
        assertTrue(r.out().contains("runoff_prob"), r.out());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        Run r = run("simulate", "--units", "10", "--seed", "1", "--turnout", "1.5:0.1");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("--turnout") && r.err().contains("1.5"), r.err());
        r = run("simulate", "--units", "10", "--seed", "1", "--stuffing", "0.1");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("--stuffing"), r.err());
        r = run("simulate", "--units", "10");
        assertEquals(Main.USAGE, r.code(), "--seed is required");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void sizesComeFromAFileColumn() throws IOException {
        Path sizes = dir.resolve("sizes.csv");
        Files.writeString(sizes, "id,registered\n1,100\n2,2500\n3,40\n");
        Path out = dir.resolve("o.csv");
        Run r = run("simulate", "--units", "5", "--seed", "3", "--replicates", "1", "--sizes-from", sizes.toString(),
                "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        int[] expected = {100, 2500, 40, 100, 2500};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], Integer.parseInt(lines.get(i + 1).split(",")[2]));
        }
        Files.writeString(sizes, "id,registered\n1,many\n");
        r = run("simulate", "--units", "5", "--seed", "3", "--sizes-from", sizes.toString());
        assertEquals(Main.DATA, r.code());
        assertTrue(r.err().contains("line 2") && r.err().contains("many"), r.err());
    }
}
