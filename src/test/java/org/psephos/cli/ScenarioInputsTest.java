package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8 for the commands that read scenario files or the Kazakhstan dataset ({@code scenarios},
 * {@code kazakhstan}): broken inputs are data errors naming the file, unwritable outputs usage errors, the input is
 * never modified, and the same seed gives the same bytes across runs and thread counts.
 */
class ScenarioInputsTest {
    /** The small scenario of ScenariosCommandTest, run with 4 replicates here. */
    static final String TINY = ScenariosCommandTest.TINY;

    @TempDir
    Path dir;

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("empty file", "", "not a JSON object"),
                Arguments.of("not JSON", "name: tiny\n", "not valid JSON"),
                Arguments.of("truncated", TINY.substring(0, TINY.length() / 2), "not valid JSON"),
                Arguments.of("an array", "[1, 2]", "not a JSON object"),
                Arguments.of("NaN", TINY.replace("\"mean\": 0.6", "\"mean\": NaN"), "tiny.json"),
                Arguments.of("replicates too large", TINY.replace("\"replicates\": 12", "\"replicates\": 1e12"),
                        "replicates"),
                Arguments.of("a share outside [0, 1]", TINY.replace("\"fraction\": 0.5", "\"fraction\": 2"),
                        "fraction"),
                Arguments.of("values not increasing", TINY.replace("[0, 0.1, 0.2]", "[0.2, 0.1, 0]"),
                        "not increasing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenScenarioFilesAreDataErrors(String name, String text, String part) throws IOException {
        Path f = Files.writeString(dir.resolve("tiny.json"), text);
        HostileInputsTest.Run r = HostileInputsTest.run("scenarios", f.toString(), "--quiet", "--threads", "1");
        assertEquals(Main.DATA, r.code(), () -> name + ": " + r.err() + r.out());
        assertTrue(r.err().contains(f.toString()) && r.err().contains(part), r.err());
        assertEquals("", r.out());
        HostileInputsTest.assertNoStackTrace(r);
    }

    @Test
    void aDirectoryOrAMissingScenarioFileIsADataError() throws IOException {
        for (Path p : List.of(Files.createDirectory(dir.resolve("scenarios")), dir.resolve("none.json"))) {
            HostileInputsTest.Run r = HostileInputsTest.run("scenarios", p.toString(), "--quiet");
            assertEquals(Main.DATA, r.code(), r.err());
            assertTrue(r.err().contains(p.toString()), r.err());
            HostileInputsTest.assertNoStackTrace(r);
        }
    }

    @Test
    void scenariosOutputsAreSafeAndReproducible() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("сценарии 2024"));
        Path f = Files.writeString(folder.resolve("tiny — a.json"), TINY);
        byte[] before = Files.readAllBytes(f);
        HostileInputsTest.Run r = HostileInputsTest.run("scenarios", f.toString(), "--quiet", "--json",
                dir.resolve("no such dir").resolve("x.json").toString());
        assertEquals(Main.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("does not exist"), r.err());
        r = HostileInputsTest.run("scenarios", f.toString(), "--quiet", "--json", f.toString());
        assertEquals(Main.USAGE, r.code(), r.err());
        byte[][] outs = new byte[3][];
        String[] threads = {"1", "2", "1"};
        String first = null;
        for (int i = 0; i < 3; i++) {
            Path out = folder.resolve("out " + i + ".json");
            r = HostileInputsTest.run("scenarios", f.toString(), "--quiet", "--threads", threads[i], "--replicates",
                    "4", "--json", out.toString());
            assertEquals(Main.OK, r.code(), r.err());
            first = first == null ? r.out() : first;
            assertEquals(first, r.out());
            outs[i] = Files.readAllBytes(out);
        }
        assertArrayEquals(outs[0], outs[1]);
        assertArrayEquals(outs[0], outs[2]);
        assertFalse(new String(outs[0], java.nio.charset.StandardCharsets.UTF_8).contains("NaN"));
        assertArrayEquals(before, Files.readAllBytes(f), "the scenario file is unchanged");
    }

    @Test
    void kazakhstanWithAMissingDatasetOrAnUnwritableOutIsAnsweredInOneLine() throws IOException {
        HostileInputsTest.Run r = HostileInputsTest.run("kazakhstan", "--dataset", dir.resolve("none").toString(),
                "--out", dir.resolve("out").toString(), "--quiet", "--threads", "1");
        assertEquals(Main.DATA, r.code(), r.err());
        assertTrue(r.err().contains(dir.resolve("none").toString()), r.err());
        HostileInputsTest.assertNoStackTrace(r);
        r = HostileInputsTest.run("kazakhstan", "--out", "datasets/kazakhstan/../kazakhstan", "--quiet");
        assertEquals(Main.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("is the input file datasets/kazakhstan"), r.err());
        Path file = Files.writeString(dir.resolve("a file"), "x");
        r = HostileInputsTest.run("kazakhstan", "--out", file.resolve("sub").toString(), "--quiet", "--threads", "1");
        assertEquals(Main.USAGE, r.code(), r.err());
        HostileInputsTest.assertNoStackTrace(r);
    }
}
