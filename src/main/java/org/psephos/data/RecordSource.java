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

    /** @param i cell index @return the cell parsed by {@link CountCell#parse} */
    long count(int i);

    /** @return rows skipped because they were empty lines */
    default int blankLines() {
        return 0;
    }

    @Override
    void close();
}
