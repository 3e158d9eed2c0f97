package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void readsHeaderAndRowsWithTheirLines() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "\uFEFF Area ,pct\r\n\"a, \"\"b\"\"\",1\r\n\r\n\"multi\nline\",2\r\nshort\r\n");
        CsvTable t = CsvTable.read(f);
        assertEquals(List.of("Area", "pct"), t.header().fields());
        assertEquals(1, t.header().line());
        assertEquals(0, t.column("area"));
        assertEquals(-1, t.column("missing"));
        assertEquals(3, t.rows().size());
        assertEquals(new CsvTable.Row(2, List.of("a, \"b\"", "1")), t.rows().get(0));
        assertEquals(4, t.rows().get(1).line());
        assertEquals("multi\nline", t.cell(t.rows().get(1), 0));
        CsvTable.Row shortRow = t.rows().get(2);
        assertEquals(6, shortRow.line());
        DataException e = assertThrows(DataException.class, () -> t.cell(shortRow, 1));
        assertEquals(f.toString(), e.file());
        assertEquals(6, e.line());
        assertEquals("'pct' (#2)", e.column());
        assertTrue(e.getMessage().contains("the row has 1 fields but the header has 2"), e.getMessage());
    }

    @Test
    void anEmptyFileOrAnOpenQuoteIsADataError() throws IOException {
        Path empty = Files.writeString(dir.resolve("e.csv"), "");
        assertEquals(empty.toString(), assertThrows(DataException.class, () -> CsvTable.read(empty)).file());
        Path open = Files.writeString(dir.resolve("q.csv"), "a,b\n1,\"2\n");
        assertEquals(2, assertThrows(DataException.class, () -> CsvTable.read(open)).line());
    }

    @Test
    void aRequiredColumnIsFoundOrNamedWithTheHeaderLine() throws IOException {
        Path f = Files.writeString(dir.resolve("r.csv"), "\n Area ,pct\nx,1\n");
        CsvTable t = CsvTable.read(f);
        assertEquals(1, t.requiredColumn("PCT"));
        DataException e = assertThrows(DataException.class, () -> t.requiredColumn("election"));
        assertEquals(f.toString(), e.file());
        assertEquals(2, e.line(), "the header's own line, after the blank first line");
        assertEquals(2, t.header().line());
        assertTrue(e.getMessage().contains("the file has no column 'election'"), e.getMessage());
    }
}
