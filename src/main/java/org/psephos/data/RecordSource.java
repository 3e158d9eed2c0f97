package org.psephos.data;

import java.util.List;

/**
 * Rows of cells with a header, read one at a time: the loader's view of a CSV file or a Tablesaw table.
 * The current row's cells are valid until the next call to {@link #next()}.
 */
interface RecordSource extends AutoCloseable {
    /** @return the file (or table) name used in messages */
    String name();

    /** @return the header cells */
    List<String> header();

    /** @return the line of the header in the file: 1, or 2 below Excel's {@code sep=} line */
    default long headerLine() {
        return 1;
    }

    /**
     * @return whether a row was read
     * @throws DataException if the input is malformed
     */
    boolean next();

    /** @return the number of cells in the current row */
    int fieldCount();

    /** @return the line in the file where the current row starts (header = 1) */
    long line();

    /** @param i cell index @return the cell's text */
    String text(int i);

    /**
     * @param i     cell index
     * @param value a text
     * @return whether the cell, trimmed, equals the text (lets sorted label columns skip creating strings)
     */
    default boolean textEquals(int i, String value) {
        return text(i).trim().equals(value);
    }

    /**
     * @param i         cell index
     * @param thousands the thousands separator of the counts, if any
     * @return the cell parsed by {@link CountCell#parse(CharSequence, Thousands)}
     */
    long count(int i, Thousands thousands);

    /**
     * Lets the source skip copying the text of cells nobody reads; their {@link #text} is then empty.
     *
     * @param columns whether each column is read
     */
    default void retain(boolean[] columns) {
        // a table holds its cells anyway
    }

    /** @return rows skipped because they were empty lines */
    default int blankLines() {
        return 0;
    }

    @Override
    void close();
}
