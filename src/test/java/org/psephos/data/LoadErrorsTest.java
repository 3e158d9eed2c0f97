package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every structural error stops the load with the file, line, column, value and a fix in one message. */
class LoadErrorsTest {
    @TempDir
    Path dir;

    static DataException fails(Path file, ColumnMapping m) {
        return assertThrows(DataException.class, () -> ElectionCsv.load(file, m));
    }

    private DataException fails(String text) {
        return fails(CsvFiles.write(dir, "bad.csv", text), ColumnMapping.recognise());
    }

    private static void assertNames(DataException ex, String... parts) {
        for (String p : parts) {
            assertTrue(ex.getMessage().contains(p), () -> "'" + p + "' missing from: " + ex.getMessage());
        }
        assertTrue(ex.getMessage().contains("bad.csv"), ex.getMessage());
    }

    @Test
    void nonNumericCount() {
        DataException ex = fails("registered,ballots,A\n10,5,5\n10,five,5\n");
        assertEquals(3, ex.line());
        assertNames(ex, "line 3", "column 'ballots' (#2)", "not a count: 'five'", "Write a whole number");
    }

    @Test
    void negativeCount() {
        DataException ex = fails("registered,ballots,A\n10,5,-5\n");
        assertNames(ex, "line 2", "'A' (#3)", "negative count: '-5'");
    }

    @Test
    void tooLargeCount() {
        DataException ex = fails("registered,ballots,A\n3000000000,5,5\n");
        assertNames(ex, "line 2", "'registered' (#1)", "too large", "'3000000000'");
    }

    @Test
    void tooLargeSum() {
        Path f = CsvFiles.write(dir, "bad.csv", "r,b1,b2,A\n10,2000000000,2000000000,5\n");
        DataException ex = fails(f, ColumnMapping.builder().registered("r").ballots("b1+b2").build());
        assertNames(ex, "line 2", "'b1' (#2) + 'b2' (#3)", "too large", "'4000000000'");
    }

    @Test
    void fractionThousandsAndScientificSayHowToFix() {
        // A left-over column whose first cell is a decimal is not an option (reported); a later decimal is an error.
        assertNames(fails("registered,ballots,A\n10,5,2\n10,5,2.5\n"), "line 3", "'A' (#3)",
                "not a whole number: '2.5'");
        assertNames(fails("registered,ballots,A\n10,5.5,2\n"), "line 2", "'ballots' (#2)", "'5.5'");
        assertNames(fails("registered,ballots,A\n\"1,000\",5,2\n"), "'registered' (#1)", "thousands separators",
                "'1,000'", "load it with --thousands ,");
        assertNames(fails("registered,ballots,A\n1e3,5,2\n"), "scientific notation", "'1e3'", "float_format");
    }

    @Test
    void raggedRowSaysExpectedAndFound() {
        DataException ex = fails("registered,ballots,A\n10,5,5\n10,5\n");
        assertEquals(3, ex.line());
        assertNames(ex, "line 3", "expected 3 fields", "found 2");
    }

    @Test
    void emptyFile() {
        assertNames(fails(""), "the file is empty");
    }

    @Test
    void headerOnly() {
        DataException ex = fails("registered,ballots,A\n");
        assertEquals(2, ex.line());
        assertNames(ex, "header but no data rows");
    }

    @Test
    void missingColumnListsHeadersAndSuggestsTheClosest() {
        Path f = CsvFiles.write(dir, "bad.csv", "Registered,Ballots,Valid,A\n10,5,5,5\n");
        DataException ex = fails(f, ColumnMapping.builder().valid("Vaild").build());
        assertNames(ex, "line 1", "--valid: no such column", "'Vaild'", "Did you mean 'Valid'?", "#4 A");
    }

    @Test
    void unrecognisedRegisteredColumnSaysWhichOptionToUse() {
        DataException ex = fails("electors,ballots,A\n10,5,5\n");
        assertNames(ex, "no registered column", "--registered COL", "#1 electors");
    }

    @Test
    void positionBeyondTheHeader() {
        Path f = CsvFiles.write(dir, "bad.csv", "registered,ballots,A\n10,5,5\n");
        assertNames(fails(f, ColumnMapping.builder().candidate("#2..#9").build()), "no column #9", "3 columns");
    }

    @Test
    void unclosedQuote() {
        DataException ex = fails("registered,ballots,A\n10,5,5\n\"10,5,5\n");
        assertEquals(3, ex.line());
        assertNames(ex, "not closed");
    }

    @Test
    void leaderMustBeAnOption() {
        Path f = CsvFiles.write(dir, "bad.csv", "registered,ballots,A,B\n10,5,3,2\n");
        assertNames(fails(f, ColumnMapping.builder().candidate("A").leader("B").build()), "--leader",
                "not one of the options", "'B' (#4)");
        assertEquals("B", ElectionCsv.load(f, ColumnMapping.builder().leader("#4").build()).election().leaderName());
    }

    @Test
    void badCellInAnAutoOptionColumnAfterItsFirstNumberIsAnError() {
        DataException ex = fails("registered,ballots,A\n10,5,5\n10,5,x\n");
        assertNames(ex, "line 3", "'A' (#3)", "'x'");
    }
}
