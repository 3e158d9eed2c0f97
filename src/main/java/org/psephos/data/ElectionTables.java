package org.psephos.data;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Converts between an {@link Election} and a Tablesaw {@link Table}, for users who continue in Tablesaw. The
 * table has the layout of the files the toolkit writes: {@code unit} (if the election has unit ids), one text
 * column per grouping, {@code registered}, {@code ballots}, {@code valid} and {@code invalid} (where the election
 * has them), then one int column per option. {@link Election#MISSING} becomes a Tablesaw missing value and back.
 * Tablesaw stays at this edge: analyses take the election's int columns.
 *
 * @since 0.1
 */
public final class ElectionTables {
    private ElectionTables() {
    }

    /**
     * @param election the election
     * @return a new table (Tablesaw tables are mutable: the election does not share it)
     * @throws IllegalArgumentException if an option or grouping is named like another column
     */
    public static Table toTable(Election election) {
        Table t = Table.create(election.name());
        if (election.hasUnitIds()) {
            String[] ids = new String[election.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = election.unitId(i);
            }
            t.addColumns(StringColumn.create("unit", ids));
        }
        for (Grouping g : election.groupings()) {
            String[] labels = new String[g.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = g.label(i);
            }
            t.addColumns(StringColumn.create(g.name(), labels));
        }
        t.addColumns(ints("registered", election.registeredColumn()), ints("ballots", election.ballotsColumn()));
        if (election.hasValid()) {
            t.addColumns(ints("valid", election.validColumn()));
        }
        if (election.hasInvalid()) {
            t.addColumns(ints("invalid", election.invalidColumn()));
        }
        for (int k = 0; k < election.optionCount(); k++) {
            t.addColumns(ints(election.options().get(k), election.votesColumn(k)));
        }
        return t;
    }

    private static IntColumn ints(String name, int[] values) {
        IntColumn c = IntColumn.create(name, values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == Election.MISSING) {
                c.setMissing(i);
            } else {
                c.set(i, values[i]);
            }
        }
        return c;
    }

    /**
     * Reads an election from a table with the same mapping and validation as a CSV file: numeric columns may be
     * int, long, short or double (integral values only); text columns serve as levels and ids.
     *
     * @param table   the table
     * @param mapping which columns hold which counts
     * @return the election and the load report (lines in messages are row + 2, as if read from CSV)
     * @throws DataException if a mapped column is absent or a cell is not a valid count
     */
    public static LoadReport fromTable(Table table, ColumnMapping mapping) {
        try (TableRecords rows = new TableRecords(table)) {
            return ElectionReader.read(rows, mapping, "Tablesaw table");
        }
    }
}
