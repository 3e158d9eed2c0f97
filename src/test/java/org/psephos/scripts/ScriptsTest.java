package org.psephos.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every analysis script in {@code scripts/} as a user would ({@code java -cp CLASSPATH scripts/NAME.java},
 * Java's single-file source launch, no arguments) and checks its output, so that the scripts never rot. The
 * classpath is this test JVM's (target/classes and the dependencies: the shaded jar exists only after
 * {@code package}, which runs after the tests). Temporary files go to a JUnit temporary directory.
 */
class ScriptsTest {
    @TempDir
    Path tmp;

    private String run(String script) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = tmp.resolve(script + ".out");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + tmp, "-cp", cp, "scripts" + File.separator + script + ".java"))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(done, script + " did not finish:\n" + text);
        assertEquals(0, p.exitValue(), script + " failed:\n" + text);
        return text;
    }

    @Test
    void kazakhstanHistoryPrintsLeaderShareAndTurnoutPerElection() throws Exception {
        String out = run("KazakhstanHistory");
        assertTrue(out.startsWith("year  election"), out);
        assertTrue(out.matches("(?s).*1991 +kz-1991-presidential +Nursultan Nazarbayev +98\\.78 +98\\.78 +88\\.23 +88\\.2\n.*"),
                out);
        assertTrue(out.matches("(?s).*2019 +kz-2019-presidential +Kassym-Jomart Tokayev +70\\.96 +70\\.96 +77\\.54.*"),
                out);
        assertTrue(out.contains("kz-2023-mazhilis") && out.contains("Amanat"), out);
    }

    @Test
    void flaggedTestsFindsTheSimulatedStuffing() throws Exception {
        String out = run("FlaggedTests");
        assertTrue(out.startsWith("simulated.csv: 3,000 units"), out);
        // the invented percentages carry the verdict; the stuffing shows in descriptive rows (Shpilkin among them)
        assertTrue(out.matches("(?s).*\nverdict: anomalous \\(IntegerPercent on leader .*"), out);
        assertTrue(out.matches("(?s).*descriptive, p <= 0.05.*\nShpilkin +[^ ]+ +national .*"), out);
        assertTrue(out.contains("report: "), out);
        String report = out.substring(out.indexOf("report: ") + 8).strip();
        assertTrue(Files.readString(Path.of(report)).contains("Forensic analysis"));
    }

    @Test
    void detectionPowerGrowsWithTheStuffing() throws Exception {
        String out = run("DetectionPower");
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).matches("stuffed +2BL +LastC +Shpilkin +verdict"), out);
        assertTrue(lines.get(1).matches(" +0% +\\d+% +\\d+% +\\d+% +\\d+%"), out);
        String[] clean = lines.get(1).trim().split(" +");
        String[] heavy = lines.get(4).trim().split(" +");
        assertEquals("20%", heavy[0], out);
        assertTrue(Integer.parseInt(heavy[3].replace("%", "")) >= 90, "Shpilkin rejects heavily stuffed elections\n"
                + out);
        // Shpilkin is descriptive, the digit tests do not see stuffing: the verdict stays at its level throughout
        for (String[] row : List.of(clean, heavy)) {
            assertTrue(Integer.parseInt(row[4].replace("%", "")) <= 10, "the verdict's rate\n" + out);
        }
    }
}
