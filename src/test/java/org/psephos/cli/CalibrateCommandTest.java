package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.forensics.NullCalibration;

/** {@code psephos calibrate}: its outputs, {@code --like} on a small fixture file, and its usage and data errors. */
class CalibrateCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(CalibrateCommandTest.class.getResource("/calibrate/like.csv").toURI());
    }

    @Test
    void likeAFileWritesTablesJsonCsvChartsAndLabels() throws IOException, URISyntaxException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path labels = dir.resolve("labels.csv");
        int code = run(out, err, "calibrate", "--like", fixture().toString(), "--level", "region", "--elections", "3",
                "--replicates", "30", "--fraud", "invented-results:fraction=0.3", "--fraud-base", "homogeneous",
                "--units", "800", "--tests", "2BL,P05s,IntegerPercent", "--seed", "4", "--threads", "2", "--quiet",
                "--json", dir.resolve("c.json").toString(), "--csv", dir.resolve("c.csv").toString(),
                "--chart", dir.resolve("fpr.png").toString(), "--power-chart", dir.resolve("power.svg").toString(),
                "--labels", labels.toString());
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.matches("(?s).*twins of like\\.csv +clean +clean twins of .*"), text);
        assertTrue(text.contains("800 units after the unit filter, fitted per region"), text);
        assertTrue(text.contains("invented-results:fraction=0.3"), text);
        assertTrue(text.contains("IntegerPercent   leader"), text);
        List<String> csv = Files.readAllLines(dir.resolve("c.csv"), StandardCharsets.UTF_8);
        assertEquals("scenario,kind,test,variable,rejections,elections,rate,ci_low,ci_high,p_above_level,targeted",
                csv.get(0));
        // 2 scenarios x (2BL and P05s on 3 variables + IntegerPercent on the leader + the verdict twice)
        assertEquals(1 + 2 * (3 + 3 + 1 + 2), csv.size(), String.join("\n", csv));
        // 3 of 3 detected: Clopper-Pearson lower end 0.025^(1/3), one-sided p 0.05^3
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("invented-results:fraction=0.3,fraud,IntegerPercent,"
                + "leader,3,3,1.0,0.29240177382128") && l.contains(",1.0,1.25000000000000") && l.endsWith(",true")),
                String.join("\n", csv));
        String json = Files.readString(dir.resolve("c.json"));
        assertTrue(json.contains("\"rates\"") && json.contains("\"pAbove\"") && json.contains("\"labels\""), json);
        assertTrue(Files.size(dir.resolve("fpr.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("power.svg")).contains("<svg"));
        NullCalibration table = NullCalibration.read(labels);
        assertTrue(table.source().startsWith("psephos calibrate --like"), table.source());
    }

    /** --level runs the battery per group of the simulated elections too. */
    @Test
    void levelAppliesToSimulatedElections() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "calibrate", "--scenarios", "regions", "--fraud", "none", "--level", "region",
                "--elections", "1", "--units", "400", "--replicates", "40", "--tests", "2BL", "--quiet"),
                err.toString());
        assertTrue(out.toString().contains("(calibrated nulls, national and per-region rows)"), out.toString());
    }

    /** The fraud calibrate aims at the digit tests is a simulate option too, and marks its units. */
    @Test
    void simulateInventsDigits() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path units = dir.resolve("units.csv");
        assertEquals(0, run(out, err, "simulate", "--units", "400", "--seed", "3", "--replicates", "1",
                "--invented-digits", "0.5", "--quiet", "--out", units.toString()), err.toString());
        long marked = Files.readAllLines(units).stream().filter(l -> l.endsWith(",digits")).count();
        assertEquals(200, marked, 5 * Math.sqrt(400 * 0.25), "half the units marked 'digits'");
        assertEquals(Main.USAGE, run(out, err, "simulate", "--units", "40", "--seed", "3", "--invented-digits", "2",
                "--quiet"));
        assertTrue(err.toString().contains("invented-digit fraction of units is not in [0, 1]: 2.0"), err.toString());
    }

    @Test
    void usageAndDataErrors() throws IOException {
        String[][] usage = {
            {"calibrate", "--scenarios", "nowhere", "--fraud", "none", "--quiet"},
            {"calibrate", "--fraud", "klimek:nonsense=1", "--quiet"},
            {"calibrate", "--null", "reference", "--quiet"},
            {"calibrate", "--scenarios", "none", "--fraud", "none", "--quiet"},
            {"calibrate", "--elections", "0", "--quiet"},
            {"calibrate", "--tests", "NoSuchTest", "--quiet"}};
        String[] messages = {"no clean scenario 'nowhere'", "has no parameter 'nonsense'", "--null reference",
            "no scenario", "elections per scenario is not positive", "NoSuchTest"};
        for (int i = 0; i < usage.length; i++) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertEquals(Main.USAGE, run(out, err, usage[i]), String.join(" ", usage[i]) + ": " + err);
            assertTrue(err.toString().contains(messages[i]), err.toString());
        }
        Path bad = Files.writeString(dir.resolve("bad.csv"), "unit,registered,ballots,A,B\n1,100,x,3,4\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(Main.DATA, run(out, err, "calibrate", "--like", bad.toString(), "--elections", "2", "--quiet"),
                err.toString());
        assertTrue(err.toString().contains("bad.csv"), err.toString());
    }
}
