package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File formats and layouts the loader must read: delimiters, BOM, quotes, compression, recognised headers. */
class ElectionCsvTest {
    @TempDir
    Path dir;

    private static final String SIMPLE = "registered,ballots,A,B\n100,60,40,20\n200,150,50,99\n";

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void detectsTheDelimiter(String d) {
        Path f = CsvFiles.write(dir, "d.csv", SIMPLE.replace(",", d));
        LoadReport r = ElectionCsv.load(f);
        assertEquals(List.of("A", "B"), r.election().options());
        assertEquals(210, r.election().totals().ballots());
        assertArrayEquals(new long[] {90, 119}, r.election().totals().optionVotes());
        assertTrue(r.format().startsWith("UTF-8, " + (d.equals(",") ? "comma" : d.equals(";") ? "semicolon" : "tab")));
    }

    @Test
    void delimiterInsideQuotedHeaderDoesNotCount() {
        // Two semicolons outside quotes, three commas inside one quoted name: semicolon wins.
        Path f = CsvFiles.write(dir, "q.csv", "registered;ballots;\"A, B, C, D\"\n10;5;5\n");
        assertEquals(List.of("A, B, C, D"), ElectionCsv.load(f).election().options());
    }

    @Test
    void skipsTheByteOrderMark() {
        Path f = CsvFiles.write(dir, "bom.csv", "\uFEFF" + SIMPLE);
        LoadReport r = ElectionCsv.load(f);
        assertEquals(300, r.election().totals().registered()); // a BOM kept would hide 'registered'
    }

    @Test
    void quotedFieldsHoldDelimitersQuotesAndNewlines() {
        String text = "unit,registered,ballots,A\n\"x,1\",10,5,5\n\"say \"\"hi\"\"\",10,5,4\n\"two\nlines\",10,5,3\n";
        Election e = ElectionCsv.load(CsvFiles.write(dir, "q.csv", text)).election();
        assertEquals("x,1", e.unitId(0));
        assertEquals("say \"hi\"", e.unitId(1));
        assertEquals("two\nlines", e.unitId(2));
        assertEquals(12, e.totals().optionVotes()[0]);
    }

    @Test
    void blanksBeforeAnOpeningQuoteAreLayout() {
        Election e = ElectionCsv.load(CsvFiles.write(dir, "sp.csv",
                "unit, registered, ballots, A\n \"x, y\", 10, \"5\", 5\n")).election();
        assertEquals("x, y", e.unitId(0));
        assertEquals(5, e.ballots(0));
    }

    /**
     * Below Excel's {@code sep=;} line the header is line 2: errors about the header say line 2, a header with no
     * rows says line 3, and the aggregate reader agrees.
     */
    @Test
    void headerErrorsBelowASepLineNameLineTwo() {
        Path f = CsvFiles.write(dir, "sep.csv", "sep=;\nunit;registered;ballots;A\n");
        DataException noRows = LoadErrorsTest.fails(f, ColumnMapping.recognise());
        assertEquals(3, noRows.line(), noRows.getMessage());
        Path g = CsvFiles.write(dir, "sep2.csv", "sep=;\nunit;registered;ballots;A\n1;10;5;5\n");
        DataException noColumn = LoadErrorsTest.fails(g, ColumnMapping.builder().registered("nosuch").build());
        assertEquals(2, noColumn.line(), noColumn.getMessage());
        Path h = CsvFiles.write(dir, "agg.csv", "sep=;\nyear;option;votes\n");
        DataException aggregate = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
                () -> AggregateResults.read(h));
        assertEquals(2, aggregate.line(), aggregate.getMessage());
    }

    @Test
    void linesAfterAQuotedNewlineAreCountedPhysically() {
        // The record on lines 3-5 spans three physical lines; the bad cell is on line 6 (CRLF endings).
        String text = "unit,registered,ballots,A\r\n1,10,5,5\r\n\"a\r\nb\r\nc\",10,5,5\r\n2,10,x5,5\r\n";
        DataException ex = LoadErrorsTest.fails(CsvFiles.write(dir, "nl.csv", text), ColumnMapping.recognise());
        assertEquals(6, ex.line());
        assertEquals("x5", ex.value());
    }

    @Test
    void readsGzipAndSingleEntryZip() throws IOException {
        assertEquals(210, ElectionCsv.load(CsvFiles.gzip(dir, "s.csv.gz", SIMPLE)).election().totals().ballots());
        assertEquals(210, ElectionCsv.load(CsvFiles.zip(dir, "s.csv.zip", "inner.csv", SIMPLE)).election()
                .totals().ballots());
    }

    @Test
    void zipWithSeveralEntriesNamesThem() throws IOException {
        Path f = CsvFiles.zip(dir, "two.zip", "a.csv", SIMPLE, "b.csv", SIMPLE);
        DataException ex = LoadErrorsTest.fails(f, ColumnMapping.recognise());
        assertTrue(ex.getMessage().contains("2 files") && ex.getMessage().contains("[a.csv, b.csv]"), ex.getMessage());
    }

    @Test
    void windows1251IsRejectedWithAdviceAndReadWithTheCharset() {
        Charset cp1251 = Charset.forName("windows-1251");
        String text = "registered,ballots,Путин\n10,5,5\n";
        Path f = CsvFiles.writeBytes(dir, "cp.csv", text.getBytes(cp1251));
        DataException ex = LoadErrorsTest.fails(f, ColumnMapping.recognise());
        assertTrue(ex.getMessage().contains("--encoding windows-1251"), ex.getMessage());
        assertTrue(ex.getMessage().contains("iconv -f WINDOWS-1251 -t UTF-8"), ex.getMessage());
        assertEquals(List.of("Путин"), ElectionCsv.load(f, ColumnMapping.recognise(), cp1251).election().options());
    }

    @Test
    void toolkitOutputLoadsWithoutOptions() {
        String text = "unit,region,registered,ballots,valid,invalid,A,B,fraud\n"
                + "u1,North,100,80,78,2,50,28,none\n"
                + "u2,North,200,150,140,10,70,70,stuffing\n"
                + "u3,South,300,NA,200,,150,50,none\n";
        LoadReport r = ElectionCsv.load(CsvFiles.write(dir, "out.csv", text));
        Election e = r.election();
        assertEquals(List.of("A", "B"), e.options());
        assertEquals("region", e.groupings().get(0).name());
        assertEquals(2, e.groupings().get(0).levelCount());
        assertEquals("u3", e.unitId(2));
        assertEquals(Election.MISSING, e.ballots(2));
        assertEquals(Election.MISSING, e.invalid(2));
        ElectionTotals t = e.totals();
        assertEquals(600, t.registered());
        assertEquals(230, t.ballots());
        assertEquals(418, t.valid());
        assertEquals(12, t.invalid());
        assertEquals(0, e.leader());
        assertTrue(r.ignored().stream().anyMatch(c -> c.name().equals("fraud") && c.position() == 9));
        // The unit with NA is kept at load and dropped by the standard filter, reported.
        assertEquals(1, UnitFilter.standard().apply(e).report().dropped().get(DropReason.MISSING_VALUE));
    }

    @Test
    void recognisesEnglishNamesEfToolkitAndSpikesLayouts() {
        Election a = ElectionCsv.load(CsvFiles.write(dir, "a.csv",
                "Precinct,Electorate,Votes_Cast,Invalid,X\n1,100,50,2,48\n")).election();
        assertEquals(100, a.registered(0));
        assertEquals(50, a.ballots(0));
        assertEquals(2, a.invalid(0));
        assertEquals(List.of("X"), a.options());
        Election b = ElectionCsv.load(CsvFiles.write(dir, "b.csv", "TotalReg,TotalVotes,P\n9,8,7\n")).election();
        assertEquals(9, b.registered(0));
        assertEquals(8, b.ballots(0));
        Election c = ElectionCsv.load(CsvFiles.write(dir, "c.csv", "N,t,v\n165,71,16\n")).election();
        assertEquals(165, c.registered(0));
        assertEquals(71, c.ballots(0));
        assertEquals(List.of("v"), c.options());
    }

    @Test
    void rowIndexAndTextColumnsAreExcludedAndReported() {
        // Albania's layout: an unnamed row index whose later values are not numbers, a text commune column.
        String text = ",Prefectures,Communes,Precincts,Ballots,Registered,C007,C008\n"
                + "1,SHKODER,S_A,1,374,678,100,200\n"
                + "100:99,SHKODER,S_B,2,213,495,NA,150\n";
        LoadReport r = ElectionCsv.load(CsvFiles.write(dir, "al.csv", text));
        Election e = r.election();
        assertEquals(List.of("C007", "C008"), e.options());
        assertEquals(1, e.groupings().get(0).levelCount());
        assertEquals(Election.MISSING, e.votes(0, 1));
        assertEquals(List.of(1, 3), r.ignored().stream().map(IgnoredColumn::position).toList());
        assertEquals("unnamed column (such as a row index)", r.ignored().get(0).reason());
        assertTrue(r.ignored().get(1).reason().contains("S_A"), r.ignored().get(1).reason());
        assertEquals("2", e.unitId(1));
    }

    @Test
    void russianProtocolMiniatureGivesHandComputedTotals() {
        String text = "регион,уик,\"Число избирателей, включенных в список избирателей\",Выдано досрочно,"
                + "Выдано в помещении,Выдано вне помещения,Число недействительных,Число действительных,"
                + "Путин Владимир Владимирович,Зюганов Геннадий Андреевич,url\n"
                + "Адыгея,1,1000,10,500,40,5,545,400,145,http://a\n"
                + "Адыгея,2,2000,0,1200,100,20,1280,1000,280,\"http://b?a=1,2\"\n"
                + "Алтай,1,500,5,300,0,5,298,200,98,http://c\n";
        Path f = CsvFiles.write(dir, "ru.csv", text);
        ColumnMapping m = ColumnMapping.builder().registered("#3").ballots("#4+#5+#6").invalid("#7")
                .valid("Число действительных").candidate("#9..#10").level("регион").id("уик").build();
        LoadReport r = ElectionCsv.load(f, m);
        ElectionTotals t = r.election().totals();
        assertEquals(3500, t.registered());
        assertEquals(2155, t.ballots()); // 550 + 1300 + 305
        assertEquals(2123, t.valid());
        assertEquals(30, t.invalid());
        assertArrayEquals(new long[] {1600, 523}, t.optionVotes());
        assertEquals(1600.0 / 2153, t.share(0), 1e-15); // found = valid + invalid, not ballots
        assertEquals("Путин Владимир Владимирович", r.election().leaderName());
        assertEquals(2, r.election().groupings().get(0).levelCount());
        assertEquals("Адыгея", r.election().groupings().get(0).label(1));
        assertEquals("Алтай", r.election().groupings().get(0).label(2));
        assertTrue(r.warnings().isEmpty(), "station 1 repeats only across regions: " + r.warnings());
        assertEquals(3, r.mapping().get("ballots").size());
        assertFalse(r.ignored().isEmpty());
    }

    @Test
    void duplicateIdsAreAWarningNotAnError() {
        Path f = CsvFiles.write(dir, "dup.csv", "id,registered,ballots,A\n7,10,5,5\n8,10,5,5\n7,10,5,5\n");
        LoadReport r = ElectionCsv.load(f);
        assertEquals(3, r.rows());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("1 rows repeat") && r.warnings().get(0).contains("lines 2 and 4"),
                r.warnings().get(0));
    }

    @Test
    void aPercentageColumnIsNotAnOptionAndIsReported() {
        Path f = CsvFiles.write(dir, "pct.csv", "registered,ballots,turnout_pct,A\n100,65,65.5,60\n200,100,50.0,90\n");
        LoadReport r = ElectionCsv.load(f);
        assertEquals(List.of("A"), r.election().options());
        assertEquals("decimal numbers, not counts (line 2: '65.5')", r.ignored().get(0).reason());
        assertEquals(3, r.ignored().get(0).position());
    }
}
