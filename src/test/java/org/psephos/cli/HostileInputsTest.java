package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of hostile and broken inputs of issue 8, run through {@link Main#run} for every command that reads
 * a results file ({@code load}, {@code audit}, {@code analyze}, {@code simulate --sizes-from}, {@code power
 * --sizes-from}, {@code shpilkin}). Each input is a
 * small file of its own; each must end in one clear message (file, line, column, value, what to do) and exit code
 * 2 or 3, with nothing on standard output (no half table, no silently wrong number) and no stack trace.
 *
 * <p>Broken cells sit in the {@code registered} column, the one column every command reads (simulate reads only
 * that one). The loader's own unit tests ({@code LoadErrorsTest}, {@code CountCellTest}) check the same policies
 * cell by cell; this class checks that every command passes them on to the user intact.
 */
class HostileInputsTest {
    private static final String HEADER = "unit,region,registered,ballots,valid,invalid,A,B";

    @TempDir
    Path dir;

    /** A command that reads one results file. */
    enum Reader {
        LOAD(f -> List.of("load", f)),
        AUDIT(f -> List.of("audit", f)),
        ANALYZE(f -> List.of("analyze", f, "--replicates", "10", "--threads", "1")),
        SIMULATE(f -> List.of("simulate", "--units", "20", "--seed", "1", "--replicates", "2", "--threads", "1",
                "--quiet", "--sizes-from", f)),
        POWER(f -> List.of("power", "--fraud", "ballot-stuffing", "--grid", "fraction=0,0.2", "--set", "share=0.3",
                "--replicates", "4", "--test-replicates", "5", "--tests", "Sobyanin", "--threads", "1", "--quiet",
                "--sizes-from", f)),
        SHPILKIN(f -> List.of("shpilkin", f, "--redraws", "5", "--threads", "1"));

        private final Function<String, List<String>> args;

        Reader(Function<String, List<String>> args) {
            this.args = args;
        }

        String[] args(Path file, String... extra) {
            List<String> a = new ArrayList<>(args.apply(file.toString()));
            a.addAll(List.of(extra));
            return a.toArray(new String[0]);
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static void assertNoStackTrace(Run r) {
        String all = r.out() + "\n" + r.err();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("internal error"), all);
    }

    /** @return n valid rows after the header, unit i with varied counts */
    static String rows(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            int reg = 600 + 37 * i % 500;
            int bal = reg * (45 + 7 * i % 40) / 100;
            int inv = i % 3;
            int a = (bal - inv) * (40 + 11 * i % 35) / 100;
            b.append(i).append(i % 2 == 0 ? ",North," : ",South,").append(reg).append(',').append(bal).append(',')
                    .append(bal - inv).append(',').append(inv).append(',').append(a).append(',')
                    .append(bal - inv - a).append('\n');
        }
        return b.toString();
    }

    /** @return a valid file whose row {@code row} (1-based, line row + 1) has its registered cell replaced */
    static String withRegistered(int row, String cell) {
        String[] lines = (HEADER + "\n" + rows(12)).split("\n");
        String[] f = lines[row].split(",", -1);
        f[2] = cell;
        lines[row] = String.join(",", f);
        return String.join("\n", lines) + "\n";
    }

    /**
     * The fatal inputs: name, file text, and the fragments the message must hold (each message also names the
     * file). All are data errors, exit code 3.
     */
    static Stream<Arguments> fatal() {
        String quotedNewlineThenBad = HEADER + "\n" + rows(2) + "\"3\nwith a line break\",North,x,5,5,0,3,2\n";
        return Stream.of(
                Arguments.of("empty file", "", new String[] {"the file is empty"}),
                Arguments.of("header only", HEADER + "\n", new String[] {"line 2", "header but no data rows"}),
                Arguments.of("ragged row", HEADER + "\n" + rows(3) + "4,North,100,80\n",
                        new String[] {"line 5", "ragged row: expected 8 fields", "found 4",
                            "missing or extra delimiter"}),
                Arguments.of("mixed delimiters", HEADER + "\n" + rows(2) + "3;North;100;80;78;2;50;28\n",
                        new String[] {"line 4", "ragged row", "found 1"}),
                Arguments.of("quoted line break, then a bad cell", quotedNewlineThenBad,
                        new String[] {"line 4", "'registered' (#3)", "not a count: 'x'"}),
                Arguments.of("unclosed quote", HEADER + "\n" + rows(2) + "\"3,North,100,80,78,2,50,28\n",
                        new String[] {"line 4", "quoted field is not closed", "closing quote"}),
                Arguments.of("number beyond 64 bits", withRegistered(3, "99999999999999999999999"),
                        new String[] {"line 4", "'registered' (#3)", "count too large",
                            "'99999999999999999999999'"}),
                Arguments.of("NaN", withRegistered(2, "NaN"),
                        new String[] {"line 3", "'registered' (#3)", "NaN or infinity is not a count: 'NaN'",
                            "formula"}),
                Arguments.of("Infinity", withRegistered(2, "Infinity"),
                        new String[] {"line 3", "NaN or infinity is not a count: 'Infinity'"}),
                Arguments.of("1e5", withRegistered(2, "1e5"),
                        new String[] {"line 3", "scientific notation is not accepted: '1e5'", "100000"}),
                Arguments.of("1,234 (quoted)", withRegistered(2, "\"1,234\""),
                        new String[] {"line 3", "thousands separators are not accepted without --thousands: '1,234'",
                            "load it with --thousands , (or --thousands space)", "1234"}),
                Arguments.of("1 234", withRegistered(2, "1 234"),
                        new String[] {"line 3", "thousands separators are not accepted without --thousands: '1 234'"}),
                Arguments.of("1.413", withRegistered(2, "1.413"),
                        new String[] {"line 3", "not a whole number: '1.413'", "load it with --thousands ."}),
                Arguments.of("1,234 (unquoted)", withRegistered(2, "1,234"),
                        new String[] {"line 3", "ragged row: expected 8 fields", "found 9"}),
                Arguments.of("negative count", withRegistered(2, "-5"),
                        new String[] {"line 3", "'registered' (#3)", "negative count: '-5'"}),
                Arguments.of("fraction", withRegistered(2, "12.5"),
                        new String[] {"line 3", "not a whole number: '12.5'", "percentage"}));
    }

    static Stream<Arguments> fatalForEveryReader() {
        return fatal().flatMap(a -> Stream.of(Reader.values()).map(r -> Arguments.of(r, a.get()[0], a.get()[1],
                a.get()[2])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fatalForEveryReader")
    void brokenFilesAreDataErrorsWithOneClearMessage(Reader reader, String name, String text, String[] parts)
            throws IOException {
        Path f = Files.writeString(dir.resolve("bad.csv"), text);
        Run r = run(reader.args(f));
        assertEquals(Main.DATA, r.code(), () -> name + ": " + r.err() + r.out());
        assertEquals("", r.out(), "nothing on standard output: no half table");
        assertTrue(r.err().startsWith("psephos: " + f), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), () -> "'" + p + "' missing from: " + r.err());
        }
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertNoStackTrace(r);
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aDirectoryADeviceOrAMissingFileIsADataErrorNamingThePath(Reader reader) throws IOException {
        Path d = Files.createDirectory(dir.resolve("results"));
        Run r = run(reader.args(d));
        assertEquals(Main.DATA, r.code(), r.err());
        assertTrue(r.err().contains(d + ": this is a directory, not a file"), r.err());
        assertNoStackTrace(r);
        Path missing = dir.resolve("absent.csv");
        r = run(reader.args(missing));
        assertEquals(Main.DATA, r.code(), r.err());
        assertTrue(r.err().contains(missing + ": no such file"), r.err());
        assertNoStackTrace(r);
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            r = run(reader.args(device));
            assertEquals(Main.DATA, r.code(), r.err());
            assertTrue(r.err().contains("/dev/null: not a regular file"), r.err());
        }
    }

    /** Windows-1251 Cyrillic: the UTF-8 attempt fails with both ways out, and the first way works. */
    @ParameterizedTest
    @EnumSource(Reader.class)
    void windows1251IsDetectedAndReadWithEncoding(Reader reader) throws IOException {
        String text = "участок,регион,registered,ballots,valid,invalid,Путин,Харитонов\n"
                + rows(12).replace("North", "Москва").replace("South", "Тыва");
        Path f = Files.write(dir.resolve("cp1251.csv"), text.getBytes(Charset.forName("windows-1251")));
        Run r = run(reader.args(f));
        assertEquals(Main.DATA, r.code(), r.err());
        assertTrue(r.err().contains("line 1: the file is not valid UTF-8")
                && r.err().contains("--encoding windows-1251")
                && r.err().contains("iconv -f WINDOWS-1251 -t UTF-8"), r.err());
        assertNoStackTrace(r);
        r = run(reader.args(f, "--encoding", "windows-1251"));
        assertEquals(Main.OK, r.code(), r.err());
        if (reader == Reader.LOAD) {
            assertTrue(r.out().contains("Путин"), r.out());
            assertTrue(r.out().contains("#2 'регион': text column (line 2: 'Тыва')"), r.out());
        }
    }

    /** Excel's exports: a UTF-16 "Unicode text" file is named as such; a {@code sep=;} first line is honoured. */
    @Test
    void excelUtf16AndSepLines() throws IOException {
        Path u16 = Files.write(dir.resolve("unicode.txt"), (HEADER.replace(',', '\t') + "\n"
                + rows(12).replace(',', '\t')).getBytes(StandardCharsets.UTF_16));
        Run r = run("load", u16.toString());
        assertEquals(Main.DATA, r.code(), r.err());
        assertTrue(r.err().contains("line 1: the file is UTF-16") && r.err().contains("--encoding UTF-16"), r.err());
        r = run("load", u16.toString(), "--encoding", "UTF-16");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("Units read: 12"), r.out());

        Path sep = Files.writeString(dir.resolve("sep.csv"), "sep=;\r\n" + HEADER.replace(',', ';') + "\r\n"
                + rows(3).replace(',', ';') + "4;North;100;x;5;0;3;2\r\n");
        r = run("load", sep.toString());
        assertEquals(Main.DATA, r.code(), r.err());
        assertTrue(r.err().contains("line 6, column 'ballots' (#4): not a count: 'x'"), r.err());
    }

    /** ballots > registered and votes > ballots are not errors: the units load and the filter reports them. */
    @Test
    void impossibleUnitsAreReportedDropsNotErrors() throws IOException {
        String text = HEADER + "\n" + rows(10) + "11,North,100,120,120,0,60,60\n12,South,100,50,60,0,30,30\n";
        Path f = Files.writeString(dir.resolve("drops.csv"), text);
        Run r = run("load", f.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("Units read: 12; kept by the standard filter: 10; dropped: 2"), r.out());
        assertTrue(r.out().contains("dropped, ballots exceed registered: 1"), r.out());
        assertTrue(r.out().contains("dropped, votes exceed ballots: 1"), r.out());

        Path json = dir.resolve("drops.json");
        r = run("analyze", f.toString(), "--replicates", "10", "--threads", "1", "--tests", "Skew",
                "--json", json.toString());
        assertEquals(Main.OK, r.code(), r.err());
        JsonNode dropped = new ObjectMapper().readTree(json.toFile()).get("dropped");
        assertEquals(1, dropped.get("ballots exceed registered").asInt());
        assertEquals(1, dropped.get("votes exceed ballots").asInt());

        r = run("audit", f.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("more ballots than registered voters in 1 of 12 units"), r.out());
        assertNoStackTrace(r);
    }

    /** simulate --sizes-from reads through the loader: missing cells are left out, a column of them is an error. */
    @Test
    void sizesFromSkipsMissingCellsAndNamesBadColumns() throws IOException {
        Path f = Files.writeString(dir.resolve("sizes.csv"), "station,registered,other\n1,1000,x\n2,NA,y\n3,,z\n"
                + "4,1500,w\n");
        Path out = dir.resolve("units.csv");
        Run r = run("simulate", "--units", "4", "--seed", "1", "--replicates", "1", "--quiet", "--sizes-from",
                f.toString(), "--out", out.toString());
        assertEquals(Main.OK, r.code(), r.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals(List.of("1000", "1500", "1000", "1500"), rows.subList(1, 5).stream()
                .map(x -> x.split(",")[2]).toList(), "sizes 1000 and 1500 recycled");
        r = run("simulate", "--units", "4", "--seed", "1", "--sizes-from", f.toString(), "--sizes-column", "other");
        assertEquals(Main.DATA, r.code(), r.err());
        assertTrue(r.err().contains("line 2, column 'other' (#3): not a count: 'x'"), r.err());
        r = run("simulate", "--units", "4", "--seed", "1", "--sizes-from", f.toString(), "--sizes-column", "#0");
        assertEquals(Main.USAGE, r.code(), r.err());
        r = run("simulate", "--units", "4", "--seed", "1", "--sizes-from", f.toString(), "--sizes-column", "regstered");
        assertEquals(Main.DATA, r.code(), r.err());
        assertTrue(r.err().contains("no such column") && r.err().contains("Did you mean 'registered'?"), r.err());
        assertNoStackTrace(r);
    }

    /** A quote opened and never closed in a mapped column stops at a bound instead of filling the heap. */
    @Test
    void aRunawayQuotedFieldStopsAtABound() throws IOException {
        StringBuilder b = new StringBuilder(HEADER + "\n" + rows(2) + "3,North,\"100,80,78,2,50,28\n");
        String line = "4,North,100,80,78,2,50,28\n";
        while (b.length() < (1 << 24) + 100) {
            b.append(line);
        }
        Path f = Files.writeString(dir.resolve("runaway.csv"), b);
        Run r = run("load", f.toString());
        assertEquals(Main.DATA, r.code(), r.err());
        assertTrue(r.err().contains("line 4: a record runs on for more than 16777216 characters")
                && r.err().contains("never closed"), r.err());
    }

    @Test
    void duplicateUnitIdsAreAWarningAndTheUnitsAreKept() throws IOException {
        Path f = Files.writeString(dir.resolve("dup.csv"), HEADER + "\n" + rows(3) + rows(1));
        Run r = run("load", f.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("Units read: 4"), r.out());
        assertTrue(r.out().contains("Warning: 1 rows repeat a unit id already seen (first: '1' on lines 2 and 5"
                + " within the same groups); the units are kept as separate units"), r.out());
    }

    @Test
    void aCandidateColumnStartingWithNanIsAnErrorNotAnIgnoredTextColumn() throws IOException {
        String text = HEADER + "\n" + rows(3).replaceFirst(",(\\d+),(\\d+)\n", ",NaN,$2\n");
        Path f = Files.writeString(dir.resolve("nan.csv"), text);
        for (String cmd : new String[] {"load", "audit", "analyze"}) {
            Run r = run(cmd, f.toString());
            assertEquals(Main.DATA, r.code(), cmd + ": " + r.out());
            assertTrue(r.err().contains("line 2, column 'A' (#7): NaN or infinity is not a count"), r.err());
        }
    }

    /** A second column named like a count role is not read as an option's votes (it was: "registered" became one). */
    @Test
    void aRepeatedRoleNameIsNotAnOption() throws IOException {
        Path f = Files.writeString(dir.resolve("twice.csv"), "registered,registered,ballots,voters,A\n"
                + "100,100,50,50,50\n200,200,80,80,80\n");
        Run r = run("load", f.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("options    'A' (#5)"), r.out());
        assertTrue(r.out().contains("#2 'registered': named like a registered column, and the registered column is"
                + " 'registered' (#1)") && r.out().contains("#4 'voters': named like a registered column"), r.out());
    }

    @Test
    void aHeaderThatMixesDelimitersIsPointedOut() throws IOException {
        Path f = Files.writeString(dir.resolve("mixed.csv"),
                "unit;region,registered,ballots;valid,invalid,A,B\n1;N,100,80;78,2,50,28\n");
        Run r = run("load", f.toString());
        assertEquals(Main.DATA, r.code());
        assertTrue(r.err().contains("no ballots column") && r.err().contains("'unit;region' holds ';'")
                && r.err().contains("mix delimiters"), r.err());
        assertNoStackTrace(r);
    }

    /** A file where nobody is registered: shares and turnout of nothing are n/a in the table and null in JSON. */
    @Test
    void sharesOfNothingAreNullInLoadJsonNotNaN() throws IOException {
        Path f = Files.writeString(dir.resolve("zeros.csv"), "registered,ballots,A,B\n0,0,0,0\n0,0,0,0\n");
        Path json = dir.resolve("zeros.json");
        Run r = run("load", f.toString(), "--json", json.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("turnout n/a (kept units: n/a)") && r.out().contains("dropped, no registered"
                + " voters: 2"), r.out());
        String doc = Files.readString(json);
        assertFalse(doc.contains("NaN"), doc);
        JsonNode n = new ObjectMapper().readTree(doc);
        assertTrue(n.get("turnout").isNull() && n.get("options").get(0).get("share").isNull(), doc);
        assertEquals(0, n.get("registered").asLong());
    }

    /** Degenerate tables load and analyse; every test that cannot apply says so and why, never NaN. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("degenerate")
    void degenerateTablesAreNotApplicableWithAReasonNeverNaN(String name, String text, String reason)
            throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), text);
        Run load = run("load", f.toString());
        assertEquals(Main.OK, load.code(), load.err());
        Path json = dir.resolve("t.json");
        Path html = dir.resolve("t.html");
        Run r = run("analyze", f.toString(), "--replicates", "10", "--threads", "1", "--json", json.toString(),
                "--report", html.toString());
        assertEquals(Main.OK, r.code(), r.err());
        String page = Files.readString(html).replaceAll("data:[a-z/+]+;base64,[A-Za-z0-9+/=]+", "");
        assertFalse(page.contains("NaN") || page.contains("Infinity"), "the report shows NaN");
        String doc = Files.readString(json);
        assertFalse(doc.contains("NaN") || doc.contains("Infinity"), doc);
        JsonNode tests = new ObjectMapper().readTree(doc).get("tests");
        boolean found = false;
        for (JsonNode t : tests) {
            if (!t.get("applicable").asBoolean()) {
                assertFalse(t.get("reason").asText().isBlank(), t.toString());
                assertTrue(t.get("value").isNull() && t.get("p_value").isNull(), t.toString());
                found |= t.get("reason").asText().contains(reason);
            }
        }
        assertTrue(found, () -> "no test says '" + reason + "': " + doc);
        assertFalse(r.out().contains("NaN"), r.out());
        assertNoStackTrace(r);
        for (Reader other : new Reader[] {Reader.POWER, Reader.SHPILKIN}) {
            Run o = run(other.args(f));
            assertTrue(o.code() == Main.OK || o.code() == Main.USAGE, () -> other + ": " + o.err());
            assertFalse(o.out().contains("NaN") || o.err().contains("NaN"), () -> other + ": " + o.out() + o.err());
            assertNoStackTrace(o);
        }
    }

    static Stream<Arguments> degenerate() {
        StringBuilder identical = new StringBuilder(HEADER + "\n");
        StringBuilder zeroA = new StringBuilder(HEADER + "\n");
        for (int i = 1; i <= 60; i++) {
            identical.append(i).append(",North,1000,700,700,0,400,300\n");
            zeroA.append(i).append(",North,").append(900 + i).append(',').append(500 + i).append(',')
                    .append(500 + i).append(",0,0,").append(500 + i).append('\n');
        }
        return Stream.of(
                Arguments.of("a single unit", HEADER + "\n" + rows(1), "too few units: 1"),
                Arguments.of("all units identical", identical.toString(), "all values are equal"),
                Arguments.of("an all-zero column", zeroA.toString(), "too few units: 0"));
    }

    /** Every command that writes a file: an unwritable path is a usage error naming the path and why. */
    static Stream<Arguments> outputs() {
        String[] analyze = {"analyze", "@in", "--replicates", "5", "--tests", "Skew"};
        String[] simulate = {"simulate", "--units", "50", "--seed", "1", "--replicates", "1", "--quiet"};
        String[] power = {"power", "--grid", "fraction=0,0.2", "--fraud", "ballot-stuffing", "--set", "share=0.3",
            "--units", "200", "--replicates", "2", "--test-replicates", "2", "--tests", "Sobyanin", "--quiet"};
        String[] shpilkin = {"shpilkin", "@in", "--redraws", "3"};
        return Stream.of(new String[] {"load", "@in", "--json"}, new String[] {"audit", "@in", "--json"},
                        plus(power, "--json"), plus(power, "--csv"), plus(power, "--chart"),
                        plus(shpilkin, "--json"), plus(shpilkin, "--csv"),
                        plus(analyze, "--json"), plus(analyze, "--csv"), plus(analyze, "--charts"),
                        plus(analyze, "--markdown"), plus(analyze, "--report"),
                        plus(simulate, "--out"), plus(simulate, "--json"))
                .map(a -> Arguments.of((Object) plus(a, "@out")));
    }

    private static String[] plus(String[] a, String b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void unwritableOutputPathsAreUsageErrors(String[] template) throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), HEADER + "\n" + rows(20));
        Path existingDir = Files.createDirectory(dir.resolve("a dir"));
        boolean charts = List.of(template).contains("--charts");
        // --charts creates its directory, so its impossible path is one below a regular file.
        Path missing = charts ? in.resolve("sub") : dir.resolve("no such dir").resolve("x.out");
        for (Path target : charts ? List.of(missing, in) : List.of(missing, existingDir)) {
            String[] args = Stream.of(template).map(a -> a.equals("@in") ? in.toString()
                    : a.equals("@out") ? target.toString() : a).toArray(String[]::new);
            Run r = run(args);
            assertEquals(Main.USAGE, r.code(), () -> String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("cannot ") && r.err().contains(target.toString()), r.err());
            assertTrue(r.err().contains("does not exist") || r.err().contains("is a directory")
                    || r.err().contains("a file of that name exists") || r.err().contains("Not a directory"),
                    r.err());
            assertNoStackTrace(r);
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left");
        }
        assertEquals(HEADER + "\n" + rows(20), Files.readString(in, StandardCharsets.UTF_8));
    }
}
