package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the long format: good files in every accepted shape, and one small bad file per error kind. */
class AggregateResultsTest {
    private static final String HEADER = "election,area,option,votes,percent,registered,ballots,turnout_percent,date";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("results.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsBomSemicolonsQuotedNewlinesAndRepeatedTotals() throws IOException {
        Path f = file("\uFEFFelection;option;votes;percent;registered;source\r\n"
                + "e1;\"Smith; John\";60;60.0;200;\"two\nlines\"\r\n"
                + "\r\n"
                + "e1;Jones;40;40.0;;x\r\n"
                + "e2;Yes;NA;;;\r\n");
        AggregateResults r = AggregateResults.read(f);
        assertEquals(2, r.results().size());
        AggregateResult e1 = r.results().get(0);
        assertEquals("Smith; John", e1.options().get(0).name());
        assertEquals(2, e1.options().get(0).line());
        assertEquals(5, e1.options().get(1).line(), "the quoted newline and the blank line count");
        assertEquals(OptionalLong.of(200), e1.registered(), "an empty cell agrees with a stated total");
        assertEquals(List.of("two\nlines", "x"), e1.sources());
        assertEquals(AggregateResult.NATIONAL, e1.area());
        assertTrue(r.results().get(1).options().get(0).votes().isEmpty(), "NA is missing");
    }

    @Test
    void detectsTheFormatFromTheHeader() throws IOException {
        assertTrue(AggregateResults.isAggregateFormat(file(HEADER + "\n")));
        assertFalse(AggregateResults.isAggregateFormat(file("station,registered,ballots,A,B\n1,10,5,3,2\n")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // case                | second line of the file                    | expected message parts
        "separators in a count | e,national,A,\"8,788,726\",,,,,           | line 2, column 'votes' (#4): not a whole number: '8,788,726'. write counts as plain digits",
        "negative count       | e,national,A,-1,,,,,                         | line 2, column 'votes' (#4): negative count: '-1'",
        "huge count           | e,national,A,12345678901234567,,,,,          | line 2, column 'votes' (#4): number too large",
        "comma decimal        | e,national,A,5,\"70,96\",,,,                 | line 2, column 'percent' (#5): not a percentage: '70,96'. write the percentage as printed, with a dot",
        "percent sign         | e,national,A,5,70.96%,,,,                    | column 'percent' (#5): not a percentage: '70.96%'",
        "over 100             | e,national,A,5,,,,100.5,                     | line 2, column 'turnout_percent' (#8): percentage above 100: '100.5'",
        "bad date             | e,national,A,5,,,,,9 June 2019               | line 2, column 'date' (#9): not an ISO date: '9 June 2019'",
        "ragged row           | e,national,A,5                               | line 2: the row has 4 fields but the header has 9: 'e,national,A,5'",
        "empty election       | ,national,A,5,,,,,                           | line 2, column 'election' (#1): the election is empty",
        "votes without option | e,national,,5,,,,,                           | line 2, column 'option' (#3): votes or a percentage without an option name"})
    void namesFileLineColumnValueAndFix(String kase, String row, String message) throws IOException {
        Path f = file(HEADER + "\n" + row + "\n");
        DataException e = assertThrows(DataException.class, () -> AggregateResults.read(f), kase);
        assertTrue(e.getMessage().startsWith(f + ", "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void contradictoryTotalsNameBothLines() throws IOException {
        Path f = file(HEADER + "\ne,national,A,5,,1000,,,\ne,national,B,5,,1001,,,\n");
        DataException e = assertThrows(DataException.class, () -> AggregateResults.read(f));
        assertEquals(3, e.line());
        assertEquals("'registered' (#6)", e.column());
        assertEquals("1001", e.value());
        assertTrue(e.getMessage().contains("differs from line 2 of the same election and area (1000)"),
                e.getMessage());
    }

    @Test
    void anOptionTwiceInOneElectionAndAreaIsAnErrorButNotInAnotherArea() throws IOException {
        Path ok = file(HEADER + "\ne,national,A,5,,,,,\ne,North,A,2,,,,,\n");
        assertEquals(2, AggregateResults.read(ok).results().size());
        Path twice = file(HEADER + "\ne,national,A,5,,,,,\ne,National,a,2,,,,,\n");
        DataException e = assertThrows(DataException.class, () -> AggregateResults.read(twice));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
    }

    @Test
    void wholeFileProblems() throws IOException {
        DataException empty = assertThrows(DataException.class, () -> AggregateResults.read(file("")));
        assertTrue(empty.getMessage().endsWith("the file is empty. A results file needs a header line and at least one row of figures"),
                empty.getMessage());
        DataException noRows = assertThrows(DataException.class, () -> AggregateResults.read(file(HEADER + "\n")));
        assertTrue(noRows.getMessage().contains("line 1: the file has a header but no rows"), noRows.getMessage());
        DataException noElection = assertThrows(DataException.class,
                () -> AggregateResults.read(file("option,votes\nA,5\n")));
        assertTrue(noElection.getMessage().contains("line 1: missing column 'election': 'option,votes'"),
                noElection.getMessage());
        DataException open = assertThrows(DataException.class,
                () -> AggregateResults.read(file(HEADER + "\ne,national,\"A,5,,,,,\n")));
        assertTrue(open.getMessage().contains("line 2: a quoted field is not closed"), open.getMessage());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "election,option\ne,Y\u00e9s\n".getBytes(StandardCharsets.ISO_8859_1));
        DataException notUtf8 = assertThrows(DataException.class, () -> AggregateResults.read(latin1));
        assertTrue(notUtf8.getMessage().contains("not valid UTF-8"), notUtf8.getMessage());
        DataException missing = assertThrows(DataException.class,
                () -> AggregateResults.read(dir.resolve("none.csv")));
        assertTrue(missing.getMessage().endsWith("none.csv: no such file. Check the path"), missing.getMessage());
    }

    @Test
    void unknownColumnsAreListedNotSilentlyDropped() throws IOException {
        AggregateResults r = AggregateResults.read(file("election,option,votes,notes\ne,A,5,hello\n"));
        assertEquals(List.of("notes"), r.ignoredColumns());
    }
}
