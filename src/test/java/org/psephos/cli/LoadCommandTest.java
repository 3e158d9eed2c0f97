package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("r.csv"), text);
    }

    private void assertNoStackTrace() {
        String all = out + "\n" + err;
        assertFalse(all.contains("Exception") || all.contains("\tat "), all);
    }

    @Test
    void printsTheSummaryAndWritesJson() throws Exception {
        Path f = file("unit,region,registered,ballots,valid,invalid,A,B\n1,N,100,80,78,2,50,28\n"
                + "2,S,200,0,0,0,0,0\n3,S,50,60,60,0,30,30\n");
        Path json = dir.resolve("s.json");
        assertEquals(0, run("load", f.toString(), "--json", json.toString()), err.toString());
        String s = out.toString();
        assertTrue(s.contains("Units read: 3; kept by the standard filter: 1; dropped: 2"), s);
        assertTrue(s.contains("dropped, zero ballots: 1") && s.contains("dropped, ballots exceed registered: 1"), s);
        assertTrue(s.contains("registered 350  ballots 140  valid 138  invalid 2"), s);
        assertTrue(s.contains("turnout 40.00% (kept units: 80.00%)"), s);
        assertTrue(s.contains("*             80   57.14%  A"), s); // 80 / (138 + 2)
        assertTrue(s.contains("Groups: region 2"), s);
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertEquals(350, n.get("registered").asLong());
        assertEquals(1, n.get("dropped").get("zero ballots").asInt());
        assertEquals("A", n.get("options").get(0).get("name").asText());
        assertNoStackTrace();
    }

    /**
     * A file with one option and neither a valid nor an invalid column (Canada 2011 as spikes reads it: N, t, v)
     * gets shares of the ballots by default, and the summary says why; the share of found ballots would be the option's
     * own votes, 100% in every unit. Before the fix the default was found: "Options (share of found)" and 100.00%.
     * An explicit --share-of still wins, and a file with two options keeps found.
     */
    @Test
    void singleOptionFileGetsSharesOfBallotsByDefault() throws Exception {
        Path f = file("N,t,v\n1000,600,300\n800,500,250\n");
        Path json = dir.resolve("one.json");
        assertEquals(0, run("load", f.toString(), "--registered", "N", "--ballots", "t", "--candidate", "v",
                "--json", json.toString()), err.toString());
        String s = out.toString();
        assertTrue(s.contains("Options (share of ballots: the default for a file with one option and no valid or "
                + "invalid column; --share-of to change):"), s);
        assertTrue(s.contains("*            550   50.00%  v"), s); // 550 / 1100
        assertTrue(s.contains("share of   ballots (the default for a file with one option and no valid or invalid "
                + "column)"), s);
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertEquals("ballots", n.get("shareOf").asText());
        out.getBuffer().setLength(0);
        assertEquals(0, run("load", f.toString(), "--registered", "N", "--ballots", "t", "--candidate", "v",
                "--share-of", "found"), err.toString());
        assertTrue(out.toString().contains("*            550  100.00%  v"), out.toString());
        assertTrue(out.toString().contains("Options (share of found):"), out.toString());
        out.getBuffer().setLength(0);
        Path two = Files.writeString(dir.resolve("two.csv"), "N,t,v,w\n1000,600,300,300\n");
        assertEquals(0, run("load", two.toString(), "--registered", "N", "--ballots", "t"), err.toString());
        assertTrue(out.toString().contains("Options (share of found):"), out.toString());
        assertNoStackTrace();
    }

    /** --thousands . reads 1.413 as 1413 in a ';'-separated file; an unknown separator is a usage error. */
    @Test
    void thousandsOption() throws Exception {
        Path f = file("registered;ballots;A;B\n2000;1.413;900;513\n1000;600;300;300\n");
        assertEquals(3, run("load", f.toString()));
        assertTrue(err.toString().contains("load it with --thousands ."), err.toString());
        assertEquals(0, run("load", f.toString(), "--thousands", "."), err.toString());
        assertTrue(out.toString().contains("registered 3,000  ballots 2,013"), out.toString());
        assertEquals(2, run("load", f.toString(), "--thousands", "x"));
        assertTrue(err.toString().contains("thousands separator is not . , or space: 'x'"), err.toString());
        assertNoStackTrace();
    }

    @Test
    void mappingSyntaxErrorIsAUsageError() throws Exception {
        Path f = file("registered,ballots,A\n10,5,5\n");
        assertEquals(2, run("load", f.toString(), "--ballots", "#0"));
        assertTrue(err.toString().contains("--ballots: '#0'"), err.toString());
        assertNoStackTrace();
        assertEquals(2, run("load", f.toString(), "--share-of", "everything"));
        assertEquals(2, run("load", f.toString(), "--encoding", "klingon"));
        assertNoStackTrace();
    }

    @Test
    void dataErrorsExitWithThree() throws Exception {
        Path f = file("registered,ballots,A\n10,5,5\n10,5,x\n");
        assertEquals(3, run("load", f.toString()));
        assertTrue(err.toString().contains("line 3, column 'A' (#3): not a count: 'x'"), err.toString());
        assertEquals(3, run("load", dir.resolve("absent.csv").toString()));
        assertEquals(3, run("load", f.toString(), "--registered", "Registred"));
        assertTrue(err.toString().contains("Did you mean 'registered'?"), err.toString());
        assertNoStackTrace();
    }

    @Test
    void minRegisteredCountsSmallUnitsAsDropped() throws Exception {
        Path f = file("registered,ballots,A\n10,5,5\n1000,500,400\n");
        assertEquals(0, run("load", f.toString(), "--min-registered", "100"));
        assertTrue(out.toString().contains("dropped, fewer registered voters than the minimum: 1"), out.toString());
    }

    @Test
    void mappingsThatDoNotFitTheHeaderAreUsageErrors() throws Exception {
        Path f = file("a,b,registered,ballots,A\n1,2,10,5,5\n");
        assertEquals(2, run("load", f.toString(), "--id", "a+b"));
        assertTrue(err.toString().contains("--id takes one column"), err.toString());
        assertEquals(2, run("load", f.toString(), "--candidate", "A", "--candidate", "#5"));
        assertTrue(err.toString().contains("'A' is given twice"), err.toString());
        assertNoStackTrace();
    }

    @Test
    void encodingOptionReadsAnEightBitFile() throws Exception {
        Path f = Files.write(dir.resolve("cp.csv"),
                "registered,ballots,Путин\n10,5,5\n".getBytes(java.nio.charset.Charset.forName("windows-1251")));
        assertEquals(3, run("load", f.toString()));
        assertTrue(err.toString().contains("--encoding windows-1251"), err.toString());
        assertEquals(0, run("load", f.toString(), "--encoding", "windows-1251"));
        assertTrue(out.toString().contains("100.00%  Путин"), out.toString());
        assertNoStackTrace();
    }
}
