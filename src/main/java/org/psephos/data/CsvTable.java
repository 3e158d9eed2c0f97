package org.psephos.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV table read whole: the header and every record as a list of strings with the line on which it starts
 * (header = line 1, or 2 below Excel's {@code sep=} line). Reading goes through the loader's streaming tokenizer
 * ({@link CsvInput}, {@link CsvRecords}), so delimiters, BOM, quotes (also over line breaks), compression and
 * encoding errors are handled exactly as for per-unit files, and every problem is a {@link DataException} naming the
 * file and line. Empty lines are skipped. For the aggregate results format and the small tables of the scenarios
 * (regional turnout, exit polls); results files go through {@link ElectionCsv}. Immutable.
 *
 * @since 0.1
 */
public final class CsvTable {

    /**
     * One record.
     *
     * @param line   the 1-based line on which the record starts
     * @param fields the fields, unquoted, not trimmed
     */
    public record Row(long line, List<String> fields) {
        /** Copies the fields. */
        public Row {
            fields = List.copyOf(fields);
        }

        /** @return whether every field is blank (a line of spaces) */
        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private final String file;
    private final Row header;
    private final List<Row> rows;

    private CsvTable(String file, Row header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = List.copyOf(rows);
    }

    /**
     * @param file a UTF-8 file
     * @return the table
     * @throws DataException if the file cannot be read, is empty, is not UTF-8 or has an unterminated quote
     */
    public static CsvTable read(Path file) {
        return read(file, StandardCharsets.UTF_8);
    }

    /**
     * @param file    the file
     * @param charset its encoding
     * @return the table
     * @throws DataException if the file cannot be read, is empty, is not in that encoding or has an unterminated
     *                       quote
     */
    public static CsvTable read(Path file, Charset charset) {
        List<Row> all = read(file, charset, Extent.ALL_RECORDS);
        return new CsvTable(file.toString(), all.get(0), all.subList(1, all.size()));
    }

    /**
     * @param file    the file
     * @param charset its encoding
     * @return the header record alone
     * @throws DataException if the file cannot be read or is empty
     */
    static Row header(Path file, Charset charset) {
        return read(file, charset, Extent.HEADER_ONLY).get(0);
    }

    /** @return the file as named in messages */
    public String file() {
        return file;
    }

    /** @return the header record (its fields trimmed) */
    public Row header() {
        return header;
    }

    /** @return the records after the header, in file order */
    public List<Row> rows() {
        return rows;
    }

    /**
     * @param name a column name
     * @return the index of the first header field equal to it (trimmed, ignoring case), or -1
     */
    public int column(String name) {
        List<String> h = header.fields();
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param name a column name the file must have
     * @return the index of the first header field equal to it (trimmed, ignoring case)
     * @throws DataException naming the file and the header's line if no header field is
     */
    public int requiredColumn(String name) {
        int c = column(name);
        if (c < 0) {
            throw DataException.of("the file has no column '" + name + "'").file(Path.of(file)).line(header.line())
                    .build();
        }
        return c;
    }

    /**
     * @param column a column index
     * @return the column for messages: {@code 'name' (#N)}
     */
    public String describe(int column) {
        String name = column < header.fields().size() ? header.fields().get(column).trim() : "";
        return "'" + name + "' (#" + (column + 1) + ")";
    }

    /**
     * @param row    a record of this table
     * @param column a column index
     * @return the field, trimmed
     * @throws DataException naming the file, line and column if the record ends before that column
     */
    public String cell(Row row, int column) {
        if (column >= row.fields().size()) {
            throw error(row, column, "the row has " + row.fields().size() + " fields but the header has "
                    + header.fields().size() + "; this column is missing")
                    .fix("Give every row as many fields as the header, and quote fields that contain the delimiter")
                    .build();
        }
        return row.fields().get(column).trim();
    }

    /**
     * @param row     a record of this table
     * @param column  a column index
     * @param problem what is wrong
     * @return a builder with the file, the record's line and the column filled in
     */
    public DataException.Builder error(Row row, int column, String problem) {
        return DataException.of(problem).file(file).line(row.line()).column(describe(column));
    }

    /** How much of a file {@link #read(Path, Charset, Extent)} reads. */
    private enum Extent {
        /** The header record alone. */
        HEADER_ONLY,
        /** The header and every record after it. */
        ALL_RECORDS
    }

    /** @return the header record, then the others if the extent asks for them */
    private static List<Row> read(Path file, Charset charset, Extent extent) {
        try (Reader in = CsvInput.open(file, charset);
             CsvRecords records = new CsvRecords(file.toString(), in, charset)) {
            List<Row> rows = new ArrayList<>();
            rows.add(new Row(records.headerLine(), records.header()));
            while (extent == Extent.ALL_RECORDS && records.next()) {
                List<String> fields = new ArrayList<>(records.fieldCount());
                for (int i = 0; i < records.fieldCount(); i++) {
                    fields.add(records.text(i));
                }
                rows.add(new Row(records.line(), fields));
            }
            return rows;
        } catch (IOException e) {
            throw DataException.of("cannot close the file (" + e.getMessage() + ")").file(file).cause(e).build();
        }
    }
}
