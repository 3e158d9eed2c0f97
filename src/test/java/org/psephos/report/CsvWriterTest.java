package org.psephos.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @TempDir
    Path dir;

    @Test
    void neutralisesFormulaTextButNotNumbers() {
        assertEquals("'=1+2", CsvWriter.text("=1+2"));
        assertEquals("'+cmd", CsvWriter.text("+cmd"));
        assertEquals("'-2+3", CsvWriter.text("-2+3"));
        assertEquals("'@SUM(A1)", CsvWriter.text("@SUM(A1)"));
        assertEquals("\"'=a,b\"", CsvWriter.text("=a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.text("say \"hi\""));
        assertEquals("plain", CsvWriter.text("plain"));
        assertEquals("-0.41", CsvWriter.cell(-0.41));
        assertEquals("", CsvWriter.cell(Double.NaN));
        assertEquals("", CsvWriter.cell(null));
        assertEquals("true", CsvWriter.cell(Boolean.TRUE));
        StringBuilder sb = new StringBuilder();
        CsvWriter.row(sb, Arrays.asList("a", 1, 2.5, null, "-x"));
        assertEquals("a,1,2.5,,'-x\r\n", sb.toString());
    }

    @Test
    void atomicWriteReplacesAndLeavesNoTemporaryFile() throws Exception {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, "old");
        org.psephos.data.AtomicFiles.writeText(f, w -> w.write("new"));
        assertEquals("new", Files.readString(f));
        assertThrows(UncheckedIOException.class, () -> org.psephos.data.AtomicFiles.writeText(f, w -> {
            w.write("half");
            throw new java.io.IOException("disk full");
        }));
        assertEquals("new", Files.readString(f), "a failed write keeps the old file");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }
}
