package org.psephos.data;

import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table seen as rows of text cells, so that tables go through exactly the validation of CSV files.
 * Missing cells read as empty; row r is reported as line r + 2 (as if the header were line 1).
 */
final class TableRecords implements RecordSource {
    private final Table table;
    private final List<String> header;
    private int row = -1;

    TableRecords(Table table) {
        this.table = table;
        this.header = List.copyOf(table.columnNames());
    }

    @Override
    public String name() {
        return table.name() == null ? "table" : "table " + table.name();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean next() {
        return ++row < table.rowCount();
    }

    @Override
    public int fieldCount() {
        return header.size();
    }

    @Override
    public long line() {
        return row + 2L;
    }

    @Override
    public String text(int i) {
        Column<?> c = table.column(i);
        return c.isMissing(row) ? "" : c.getUnformattedString(row);
    }

    @Override
    public long count(int i, Thousands thousands) {
        return CountCell.parse(text(i), thousands);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
