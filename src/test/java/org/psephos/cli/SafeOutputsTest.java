package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, safe outputs: inputs are never modified, outputs appear whole or not at all, names from the data cannot
 * become spreadsheet formulas, and paths with spaces and non-ASCII letters work for every command.
 */
class SafeOutputsTest {
    @TempDir
    Path dir;

    private static byte[] sha256(Path f) throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Every command with every output it can write; {@code @in} is the input file, {@code @out} a fresh path. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of((Object) new String[] {"load", "@in", "--json", "@out.json"}),
                Arguments.of((Object) new String[] {"audit", "@in", "--json", "@out.json"}),
                Arguments.of((Object) new String[] {"analyze", "@in", "--replicates", "10", "--threads", "1",
                    "--json", "@out.json", "--csv", "@out.csv", "--charts", "@out-charts", "--markdown", "@out.md",
                    "--report", "@out.html"}),
                Arguments.of((Object) new String[] {"simulate", "--units", "40", "--seed", "3", "--replicates", "2",
                    "--threads", "1", "--quiet", "--sizes-from", "@in", "--out", "@out.csv", "--json", "@out.json"}),
                Arguments.of((Object) new String[] {"power", "--grid", "fraction=0,0.2", "--fraud", "ballot-stuffing",
                    "--set", "share=0.3", "--replicates", "2", "--test-replicates", "2", "--tests", "Sobyanin",
                    "--quiet", "--threads", "1", "--sizes-from", "@in", "--json", "@out.json", "--csv", "@out.csv",
                    "--chart", "@out.png"}),
                Arguments.of((Object) new String[] {"shpilkin", "@in", "--redraws", "3", "--threads", "1",
                    "--json", "@out.json", "--csv", "@out.csv"}));
    }

    /**
     * The input (here with a name holding spaces, a dash and Cyrillic, in a directory with spaces) is byte for byte
     * and time stamp the same after each command, and each command's outputs land next to it.
     */
    @ParameterizedTest
    @MethodSource("commands")
    void inputsAreNeverModifiedAndNonAsciiPathsWork(String[] template) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("my results — 2024"));
        Path in = Files.writeString(folder.resolve("results 2024 — Алматы.csv"),
                "unit,region,registered,ballots,valid,invalid,A,B\n" + HostileInputsTest.rows(30),
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(in, FileTime.fromMillis(1_600_000_000_000L));
        byte[] before = sha256(in);
        Path out = folder.resolve("вывод итог");
        String[] args = Stream.of(template).map(a -> a.equals("@in") ? in.toString()
                : a.startsWith("@out") ? out + a.substring(4) : a).toArray(String[]::new);
        HostileInputsTest.Run r = HostileInputsTest.run(args);
        assertEquals(Main.OK, r.code(), r.err());
        HostileInputsTest.assertNoStackTrace(r);
        assertArrayEquals(before, sha256(in), "the input's bytes");
        assertEquals(FileTime.fromMillis(1_600_000_000_000L), Files.getLastModifiedTime(in), "the input's time");
        for (String a : args) {
            if (a.startsWith(out.toString())) {
                assertTrue(Files.exists(Path.of(a)), a);
            }
        }
        try (Stream<Path> s = Files.walk(folder)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    /** An output path that names the input (also through another spelling of the path) is refused. */
    @ParameterizedTest
    @MethodSource("commands")
    void anOutputThatIsTheInputIsRefused(String[] template) throws IOException {
        Path in = Files.writeString(dir.resolve("fingerprint.csv"),
                "unit,region,registered,ballots,valid,invalid,A,B\n" + HostileInputsTest.rows(30));
        byte[] before = sha256(in);
        for (String option : new String[] {"--json", "--out", "--csv", "--charts", "--markdown", "--report",
            "--chart"}) {
            int at = List.of(template).indexOf(option);
            if (at < 0) {
                continue;
            }
            String[] args = Stream.of(template).map(a -> a.equals("@in") ? in.toString()
                    : a.startsWith("@out") ? dir.resolve(a.substring(1)).toString() : a).toArray(String[]::new);
            args[at + 1] = option.equals("--charts") ? dir.toString()
                    : dir.resolve("sub").resolve("..").resolve("fingerprint.csv").toString();
            HostileInputsTest.Run r = HostileInputsTest.run(args);
            assertEquals(Main.USAGE, r.code(), option + ": " + r.err());
            assertTrue(r.err().contains("is the input file " + in), r.err());
            assertArrayEquals(before, sha256(in), option);
        }
    }

    /** Names from the data cannot inject markup into the HTML report or the Markdown table. */
    @Test
    void namesFromTheDataAreEscapedInHtmlAndMarkdown() throws IOException {
        String option = "<script>alert('x')</script>";
        String region = "<img src=x onerror=alert(1)>";
        StringBuilder b = new StringBuilder("unit,region,registered,ballots,valid,invalid,\"" + option + "\",B\n");
        for (int i = 1; i <= 40; i++) {
            int bal = 400 + 7 * i;
            b.append(i).append(',').append(i % 2 == 0 ? region : "\"a & b\"").append(',').append(900 + 13 * i)
                    .append(',').append(bal).append(',').append(bal).append(",0,").append(bal / 3 + i).append(',')
                    .append(bal - bal / 3 - i).append('\n');
        }
        Path in = Files.writeString(dir.resolve("markup.csv"), b.toString());
        Path html = dir.resolve("report.html");
        Path md = dir.resolve("table.md");
        HostileInputsTest.Run r = HostileInputsTest.run("analyze", in.toString(), "--level", "region",
                "--replicates", "5", "--threads", "1", "--tests", "LastC,Skew", "--report", html.toString(),
                "--markdown", md.toString());
        assertEquals(Main.OK, r.code(), r.err());
        String page = Files.readString(html);
        assertFalse(page.contains(option) || page.contains("<script>alert") || page.contains(region)
                || page.contains("<img src=x"), "raw markup from the data in the report");
        assertTrue(page.contains("&lt;script&gt;") && page.contains("&lt;img src=x"), "the names, escaped");
        String table = Files.readString(md);
        assertFalse(table.contains("<script>") || table.contains("<img"), table);
    }

    /** A writer that fails half-way leaves the previous file as it was, and no temporary file. */
    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("summary.json"), "previous");
        // Main answers the UncheckedIOException as a usage error (exit 2), as for every output.
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> OutputFiles.writeText(target, w -> {
            w.write("{\"half\": ");
            w.flush();
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains("cannot write " + target + " (No space left on device)"),
                e.getMessage());
        assertEquals("previous", Files.readString(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
        Path fresh = dir.resolve("fresh.json");
        assertThrows(java.io.UncheckedIOException.class, () -> OutputFiles.writeText(fresh, o -> {
            o.write(new char[1 << 16]);
            throw new IOException("interrupted");
        }));
        assertFalse(Files.exists(fresh), "no half-written file where none was");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    /** Option and group names read from a file cannot become spreadsheet formulas in analyze's CSV. */
    @Test
    void namesFromTheDataAreNeutralisedInCsv() throws IOException {
        StringBuilder b = new StringBuilder("unit,region,registered,ballots,valid,invalid,=cmd|'/C calc'!A0,"
                + "+SUM(1),-2,@A1\n");
        for (int i = 1; i <= 30; i++) {
            int bal = 400 + 7 * i;
            int a = bal / 4 + i;
            b.append(i).append(i % 2 == 0 ? ",=HYPERLINK(\"http://x\")," : ",@plain,").append(900 + 13 * i)
                    .append(',').append(bal).append(',').append(bal).append(",0,").append(a).append(',')
                    .append(a / 2).append(',').append(a / 3).append(',').append(bal - a - a / 2 - a / 3).append('\n');
        }
        Path in = Files.writeString(dir.resolve("formulas.csv"), b.toString());
        Path csv = dir.resolve("out.csv");
        HostileInputsTest.Run r = HostileInputsTest.run("analyze", in.toString(), "--level", "region",
                "--replicates", "5", "--threads", "1", "--tests", "LastC", "--csv", csv.toString());
        assertEquals(Main.OK, r.code(), r.err());
        List<String> rows = Files.readAllLines(csv);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            assertFalse(cells[1].matches("^\"?[=+\\-@].*") || cells[2].matches("^\"?[=+\\-@].*"), row);
        }
        assertTrue(rows.stream().anyMatch(x -> x.startsWith("LastC,'=cmd|'/C calc'!A0,national,")), rows.toString());
        assertTrue(rows.stream().anyMatch(x -> x.startsWith("LastC,'+SUM(1),")), rows.toString());
        assertTrue(rows.stream().anyMatch(x -> x.startsWith("LastC,'-2,")), rows.toString());
        assertTrue(rows.stream().anyMatch(x -> x.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",")), rows.toString());
        assertTrue(rows.stream().anyMatch(x -> x.contains(",'@plain,")), rows.toString());
    }
}
