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

class PowerCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void writesTableJsonCsvAndChart() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "power", "--fraud", "ballot-stuffing", "--grid", "fraction=0,0.2", "--grid",
                "share=0.3,0.6", "--units", "1000", "--replicates", "4", "--tests", "Shpilkin,Correlation",
                "--test-replicates", "2", "--seed", "5", "--threads", "2", "--quiet",
                "--json", dir.resolve("p.json").toString(), "--csv", dir.resolve("p.csv").toString(),
                "--chart", dir.resolve("p.png").toString(), "--report", dir.resolve("p.html").toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("fraction=0.2000,share=0.6000"), out.toString());
        List<String> csv = Files.readAllLines(dir.resolve("p.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + 4 * 2, csv.size());
        assertTrue(csv.get(0).startsWith("fraction,share,test,power,flag_rate"));
        assertTrue(Files.size(dir.resolve("p.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("p.json")).contains("\"thresholds\""));
        String html = Files.readString(dir.resolve("p.html"));
        assertTrue(html.contains("<h1>Detection power: ballot-stuffing</h1>"), html.substring(0, 400));
        assertTrue(html.contains("src=\"data:image/png;base64,"), "the curves are inlined");
        assertEquals(4 * 2, html.split("<tr").length - 1 - (1 + 2) - 1,
                "one row per grid point and test, besides the two header rows and the two calibration rows");
    }

    @Test
    void badGridIsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "power", "--grid", "nonsense=0:1:2", "--quiet"));
        assertTrue(err.toString().contains("no parameter 'nonsense'"), err.toString());
    }
    /** --size, --turnout and --share parse as in simulate: whole, finite numbers. */
    @Test
    void numberPairsAreCheckedAsInSimulate() {
        String[][] bad = {{"--size", "500.5:1500", "--size needs whole numbers MIN:MAX: 500.5:1500"},
            {"--turnout", "NaN:0.1", "--turnout holds a value that is not finite: NaN"},
            {"--share", "0.5", "--share needs 2 numbers separated by ':': 0.5"}};
        for (String[] b : bad) {
            StringWriter err = new StringWriter();
            assertEquals(2, run(new StringWriter(), err, "power", "--grid", "incremental=0:0.1:2", b[0], b[1],
                    "--quiet"), err.toString());
            assertTrue(err.toString().contains(b[2]), err.toString());
        }
    }

    @Test
    void sparkEngineWritesTheSameJsonAsTheLocalEngine() throws IOException {
        String[] common = {"power", "--fraud", "ballot-stuffing", "--grid", "fraction=0,0.2", "--grid",
            "share=0.3,0.6", "--units", "1000", "--replicates", "8", "--tests", "Sobyanin,Correlation",
            "--test-replicates", "2", "--seed", "3", "--quiet"};
        StringWriter err = new StringWriter();
        assertEquals(0, run(new StringWriter(), err, concat(common, "--json", dir.resolve("local.json").toString())),
                err.toString());
        assertEquals(0, run(new StringWriter(), err, concat(common, "--engine", "spark", "--master", "local[2]",
                "--block-size", "3", "--json", dir.resolve("spark.json").toString())), err.toString());
        assertEquals(Files.readString(dir.resolve("local.json")), Files.readString(dir.resolve("spark.json")));
    }

    @Test
    void badEngineOrMasterWithoutSparkIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "power", "--grid", "incremental=0:0.1:2", "--engine", "mpi",
                "--quiet"));
        assertTrue(err.toString().contains("--engine is not local or spark"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "power", "--grid", "incremental=0:0.1:2", "--master",
                "local[2]", "--quiet"));
        assertTrue(err.toString().contains("--master needs --engine spark"), err.toString());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
