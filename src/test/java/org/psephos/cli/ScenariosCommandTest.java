package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosCommandTest {
    @TempDir
    Path dir;

    static final String TINY = """
            {"name": "tiny", "seed": 5, "replicates": 12,
             "electorate": {"stations": 3000, "sizes": {"distribution": "lognormal", "mean": 800, "sigma": 0.5},
                            "turnout": {"shape": "normal", "mean": 0.6, "sd": 0.05},
                            "share": {"shape": "normal", "mean": 0.48, "sd": 0.05},
                            "regions": [{"weight": 2, "turnout": 0.5}, {"turnout": 0.7}], "regionShareSd": 0.2,
                            "options": 4, "invalidRate": 0.01},
             "cleanShares": [0.45, 0.5],
             "families": [{"model": "vote-switching", "params": {"fraction": 0.5}, "sweep": "share",
                           "values": [0, 0.1, 0.2]}],
             "questions": {"turnoutAtMost": 0.6, "leaderAtLeast": 0.5},
             "solve": {"leaderShare": 0.52},
             "observer": {"inflations": [2, 4], "trials": 200}}
            """;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonIsByteIdenticalForOneAndTwoThreads() throws IOException {
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, TINY);
        Run one = run("scenarios", f.toString(), "--threads", "1", "--quiet", "--json",
                dir.resolve("1.json").toString());
        assertEquals(0, one.code(), one.err());
        Run two = run("scenarios", f.toString(), "--threads", "2", "--quiet", "--json",
                dir.resolve("2.json").toString());
        assertEquals(0, two.code(), two.err());
        assertEquals(one.out(), two.out());
        assertArrayEquals(Files.readAllBytes(dir.resolve("1.json")), Files.readAllBytes(dir.resolve("2.json")));
        String json = Files.readString(dir.resolve("1.json"));
        assertTrue(json.contains("\"solutions\"") && json.contains("\"observer\"") && !json.contains("NaN"), json);
        Run other = run("scenarios", f.toString(), "--seed", "6", "--replicates", "3", "--quiet");
        assertEquals(0, other.code(), other.err());
        assertTrue(other.out().contains("3 replicates per point, seed 6"), other.out());
    }

    /** --engine spark runs the scenario's tasks on Spark local[2]: the JSON is byte-identical to the local one. */
    @Test
    void sparkEngineGivesTheLocalJson() throws IOException {
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, TINY.replace("\"replicates\": 12", "\"replicates\": 5"));
        Run local = run("scenarios", f.toString(), "--quiet", "--json", dir.resolve("local.json").toString());
        assertEquals(0, local.code(), local.err());
        Run spark = run("scenarios", f.toString(), "--quiet", "--engine", "spark", "--master", "local[2]",
                "--block-size", "2", "--json", dir.resolve("spark.json").toString());
        assertEquals(0, spark.code(), spark.err());
        assertEquals(local.out(), spark.out());
        assertArrayEquals(Files.readAllBytes(dir.resolve("local.json")), Files.readAllBytes(dir.resolve("spark.json")));
        Run bad = run("scenarios", f.toString(), "--quiet", "--master", "local[2]");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--master needs --engine spark"), bad.err());
        assertEquals(2, run("scenarios", f.toString(), "--quiet", "--block-size", "0").code());
    }

    @Test
    void reportHoldsTheAnswersTheCurvesAndEveryPoint() throws IOException {
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, TINY.replace("\"name\": \"tiny\"", "\"name\": \"tiny <b>&</b>\""));
        Path html = dir.resolve("tiny report.html");
        Run r = run("scenarios", f.toString(), "--quiet", "--report", html.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(html);
        assertTrue(text.contains("<h1>tiny &lt;b&gt;&amp;&lt;/b&gt;</h1>"), "the scenario's name is escaped");
        assertEquals(2, text.split("src=\"data:image/png;base64,").length - 1, "share and turnout curves inlined");
        // 2 clean shares x 3 switching intensities = 6 simulated points, one row each
        assertTrue(text.contains("Every simulated point"), text);
        int table = text.indexOf("Every simulated point");
        assertEquals(6, text.substring(table).split("<tr").length - 1 - 1, "one row per point besides the header");
        assertEquals(2, run("scenarios", f.toString(), "--quiet", "--report", f.toString()).code(),
                "the report may not overwrite the scenario file");
    }

    @Test
    void scenarioFileErrorsAreDataErrorsNamingFileAndField() throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, TINY.replace("\"sweep\": \"share\"", "\"sweep\": \"rate\""));
        Run r = run("scenarios", f.toString(), "--quiet");
        assertEquals(Main.DATA, r.code());
        assertTrue(r.err().contains("broken.json") && r.err().contains("families[0].sweep"), r.err());
        Run missing = run("scenarios", dir.resolve("none.json").toString(), "--quiet");
        assertEquals(Main.DATA, missing.code());
        assertTrue(missing.err().contains("none.json"), missing.err());
    }
}
