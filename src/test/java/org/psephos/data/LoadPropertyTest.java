package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random small tables written as CSV load with the totals they were written with, whatever the delimiter, BOM and
 * quoting; a single corrupted cell either keeps the totals (an equivalent spelling), makes the cell missing, or
 * fails with a {@link DataException}, never another exception. Cannot detect errors that only show on large files.
 */
class LoadPropertyTest {
    private static final String[] COLUMNS = {"registered", "ballots", "valid", "invalid", "A", "B", "C"};

    /** counts[row][column] in the order of COLUMNS. */
    record Table(int[][] counts) {
        String csv(char delimiter, boolean bom, boolean quoteAll, int row, int col, String replacement) {
            StringBuilder b = new StringBuilder(bom ? "\uFEFF" : "");
            b.append("unit").append(delimiter).append(String.join(String.valueOf(delimiter), COLUMNS)).append('\n');
            for (int r = 0; r < counts.length; r++) {
                b.append("u").append(r);
                for (int c = 0; c < COLUMNS.length; c++) {
                    String cell = r == row && c == col ? replacement : Integer.toString(counts[r][c]);
                    b.append(delimiter).append(quoteAll && r != row ? "\"" + cell + "\"" : cell);
                }
                b.append(r % 2 == 0 ? "\n" : "\r\n");
            }
            return b.toString();
        }

        long total(int col, int missingRow) {
            long s = 0;
            for (int r = 0; r < counts.length; r++) {
                s += r == missingRow ? 0 : counts[r][col];
            }
            return s;
        }
    }

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<int[]> row = Arbitraries.integers().between(0, 5000).flatMap(reg -> Arbitraries.integers()
                .between(0, reg).flatMap(bal -> Arbitraries.integers().between(0, bal).list().ofSize(4)
                        .map(v -> new int[] {reg, bal, v.get(0) + v.get(1) + v.get(2), v.get(3),
                                v.get(0), v.get(1), v.get(2)})));
        return row.list().ofMinSize(1).ofMaxSize(12).map(rows -> new Table(rows.toArray(new int[0][])));
    }

    private static LoadReport load(String csv, ColumnMapping m) throws IOException {
        Path f = Files.createTempFile("prop", ".csv");
        try {
            Files.writeString(f, csv);
            return ElectionCsv.load(f, m);
        } finally {
            Files.delete(f);
        }
    }

    private static void assertTotals(Table t, int missingRow, int missingCol, ElectionTotals got) {
        long[] expected = new long[COLUMNS.length];
        for (int c = 0; c < COLUMNS.length; c++) {
            expected[c] = t.total(c, c == missingCol ? missingRow : -1);
        }
        long[] options = got.optionVotes();
        assertArrayEquals(expected, new long[] {got.registered(), got.ballots(), got.valid(), got.invalid(),
            options[0], options[1], options[2]});
    }

    @Property(tries = 200)
    void tablesLoadWithTheirTotals(@ForAll("tables") Table t, @ForAll @IntRange(min = 0, max = 2) int d,
                                   @ForAll boolean bom, @ForAll boolean quoteAll) throws IOException {
        char delimiter = ",;\t".charAt(d);
        LoadReport r = load(t.csv(delimiter, bom, quoteAll, -1, -1, null), ColumnMapping.recognise());
        assertEquals(List.of("A", "B", "C"), r.election().options());
        assertEquals(t.counts().length, r.rows());
        assertTotals(t, -1, -1, r.election().totals());
    }

    @Provide
    Arbitrary<String> corruptions() {
        Arbitrary<String> known = Arbitraries.of("x", "-1", "1.5", "1e3", "\"1,000\"", "99999999999", "NaN",
                "Infinity", "1 000", "\"", "a,b", "1\n2");
        Arbitrary<String> garbage = Arbitraries.strings().withChars("0123456789.,;\t\"-+eNA \n").ofMaxLength(6);
        return Arbitraries.oneOf(known, garbage);
    }

    private static ColumnMapping explicit() {
        ColumnMapping.Builder b = ColumnMapping.builder().registered("registered").ballots("ballots").valid("valid")
                .invalid("invalid");
        return b.candidate("A").candidate("B").candidate("C").build();
    }

    @Property(tries = 300)
    void aCorruptedCellKeepsTotalsGoesMissingOrFailsWithADataException(
            @ForAll("tables") Table t, @ForAll @IntRange(min = 0, max = 11) int rowSeed,
            @ForAll @IntRange(min = 0, max = 6) int col, @ForAll("corruptions") String bad) throws IOException {
        int row = rowSeed % t.counts().length;
        String csv = t.csv(',', false, false, row, col, bad);
        LoadReport r;
        try {
            r = load(csv, explicit());
        } catch (DataException e) {
            // The message names the file and a line no earlier than the corrupted row's (header = line 1); a
            // corruption with no quote or line break is reported exactly there.
            assertTrue(e.getMessage().contains("prop") && e.getMessage().contains(".csv"), e.getMessage());
            assertTrue(e.line() >= row + 2, e.getMessage());
            if (!bad.contains("\"") && !bad.contains("\n")) {
                assertEquals(row + 2, e.line(), e.getMessage());
            }
            return;
        }
        // A corruption that still spells a count (e.g. '0') cannot be detected: the totals must then be those
        // of the table holding that count; an empty or NA cell is missing and skipped.
        // A trailing line break in the last column ends the record and leaves a blank line, which is skipped.
        String cell = bad.replace("\"", "").replace("\r", "").replaceAll("\n+$", "");
        long parsed = CountCell.parse(cell);
        int[][] changed = java.util.Arrays.stream(t.counts()).map(int[]::clone).toArray(int[][]::new);
        changed[row][col] = parsed == CountCell.MISSING ? 0 : (int) parsed;
        assertTotals(new Table(changed), -1, -1, r.election().totals());
    }

    @Property(tries = 100)
    void equivalentSpellingsKeepTheTotalsAndInvalidOnesFail(@ForAll("tables") Table t,
            @ForAll @IntRange(min = 0, max = 6) int col, @ForAll @IntRange(min = 0, max = 5) int kind)
            throws IOException {
        int v = t.counts()[0][col];
        List<String> same = List.of(" " + v + " ", v + ".0", "\"" + v + "\"", "0" + v);
        List<String> wrong = new ArrayList<>(List.of("x" + v, v + ".5", v + "e0", "-" + (v + 1), "NaN",
                "\"" + v + ",000\""));
        if (kind < same.size()) {
            assertTotals(t, -1, -1, load(t.csv(',', false, false, 0, col, same.get(kind)), explicit())
                    .election().totals());
        }
        String badCell = wrong.get(kind);
        DataException ex = assertThrows(DataException.class,
                () -> load(t.csv(',', false, false, 0, col, badCell), explicit()));
        assertEquals(2, ex.line());
        assertEquals("'" + COLUMNS[col] + "' (#" + (col + 2) + ")", ex.column());
    }

    /** An edit of a file's text: at a relative position, delete, insert or replace with a hostile string. */
    record Edit(double at, int kind, String text) {
        String apply(String s) {
            int p = (int) (at * s.length());
            return switch (kind) {
                case 0 -> s.substring(0, p) + s.substring(Math.min(s.length(), p + text.length()));
                case 1 -> s.substring(0, p) + text + s.substring(p);
                case 2 -> s.substring(0, p);
                default -> s.substring(0, p) + text + s.substring(Math.min(s.length(), p + text.length()));
            };
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> hostile = Arbitraries.oneOf(corruptions(), Arbitraries.of(",", ";", "\t", "\"", "\n",
                "\r", "\r\n", "\uFEFF", "\u0000", "\u00A0", "Путин", "-", "NA", "99999999999"));
        Arbitrary<Edit> edit = net.jqwik.api.Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 3), hostile).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    /**
     * Structural corruptions anywhere in a valid file (deleted, inserted or replaced text, a truncated file): the
     * loader either fails with a {@link DataException} naming the file or loads an election whose totals are the
     * sums of its own non-missing cells, with no negative count; it never throws anything else.
     */
    @Property(tries = 300)
    void structuralCorruptionsFailOnlyWithADataException(@ForAll("tables") Table t, @ForAll("edits") List<Edit> edits,
                                                         @ForAll boolean recognise) throws IOException {
        String csv = t.csv(',', false, false, -1, -1, null);
        for (Edit e : edits) {
            csv = e.apply(csv);
        }
        LoadReport r;
        try {
            r = load(csv, recognise ? ColumnMapping.recognise() : explicit());
        } catch (DataException e) {
            assertTrue(e.getMessage().contains("prop") && e.getMessage().contains(".csv"), e.getMessage());
            return;
        }
        Election e = r.election();
        ElectionTotals tot = e.totals();
        long reg = 0;
        for (int i = 0; i < e.size(); i++) {
            int v = e.registered(i);
            assertTrue(v >= 0 || v == Election.MISSING, () -> "negative count " + v);
            reg += v == Election.MISSING ? 0 : v;
        }
        assertEquals(reg, tot.registered());
        assertEquals(r.rows(), e.size());
    }

    /**
     * Arbitrary bytes, also behind a gzip or zip signature: a {@link DataException} or a load, nothing else.
     */
    @Property(tries = 200)
    void arbitraryBytesFailOnlyWithADataException(@ForAll byte[] bytes, @ForAll @IntRange(min = 0, max = 2) int magic)
            throws IOException {
        byte[] head = switch (magic) {
            case 1 -> new byte[] {0x1f, (byte) 0x8b};
            case 2 -> new byte[] {'P', 'K', 3, 4};
            default -> new byte[0];
        };
        byte[] all = java.util.Arrays.copyOf(head, head.length + bytes.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        Path f = Files.createTempFile("prop", ".csv");
        try {
            Files.write(f, all);
            ElectionCsv.load(f, ColumnMapping.recognise());
        } catch (DataException e) {
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        } finally {
            Files.delete(f);
        }
    }
}
