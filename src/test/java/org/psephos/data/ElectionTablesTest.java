package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ElectionTablesTest {

    private static Election sample() {
        return Election.builder("s").registered(new int[] {100, 200, 300}).ballots(new int[] {50, Election.MISSING, 90})
                .invalid(new int[] {1, 2, 3}).option("A", new int[] {30, 60, 80}).option("B", new int[] {19, 5, 7})
                .grouping(Grouping.ofLabels("region", new String[] {"N", "S", "N"}))
                .unitIds(new String[] {"u1", "u2", "u3"}).build();
    }

    @Test
    void roundTripKeepsCountsMissingCellsGroupsAndIds() {
        Table t = ElectionTables.toTable(sample());
        assertEquals("[unit, region, registered, ballots, invalid, A, B]", t.columnNames().toString());
        assertTrue(t.intColumn("ballots").isMissing(1));
        Election back = ElectionTables.fromTable(t, ColumnMapping.recognise()).election();
        assertArrayEquals(sample().ballotsColumn(), back.ballotsColumn());
        assertArrayEquals(sample().invalidColumn(), back.invalidColumn());
        assertArrayEquals(new int[] {19, 5, 7}, back.votesColumn(1));
        assertEquals("S", back.grouping("region").orElseThrow().label(1));
        assertEquals("u3", back.unitId(2));
    }

    @Test
    void doubleColumnsLoadWhenIntegralAndFailWithTheRowOtherwise() {
        Table t = Table.create("d", IntColumn.create("registered", 10, 20),
                DoubleColumn.create("ballots", 5.0, 7.5), IntColumn.create("A", 5, 7));
        DataException ex = assertThrows(DataException.class, () -> ElectionTables.fromTable(t,
                ColumnMapping.recognise()));
        assertEquals(3, ex.line());
        assertEquals("7.5", ex.value());
        t.doubleColumn("ballots").set(1, 7.0);
        assertEquals(12, ElectionTables.fromTable(t, ColumnMapping.recognise()).election().totals().ballots());
    }

    @Test
    void atomicWriteReplacesTheFileAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "old");
        AtomicFiles.write(f, out -> out.write("new".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(f));
        assertThrows(java.io.IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write('x');
            throw new java.io.IOException("disk full");
        }));
        assertEquals("new", Files.readString(f), "a failed write leaves the old content");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
