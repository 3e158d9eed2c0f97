package org.psephos.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate results format's view of a CSV file: every record as a list of strings with the line on which it
 * starts (header = line 1). Reading goes through the loader's streaming tokenizer ({@link CsvInput},
 * {@link CsvRecords}), so delimiters, BOM, quotes, compression and encoding errors are handled exactly as for
 * per-unit files. Aggregate files are small, so all records are kept.
 */
final class AggregateCsv {

    /**
     * One record.
     *
     * @param line   the 1-based line on which the record starts
     * @param fields the fields, unquoted, not trimmed
     */
    record Row(long line, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    private AggregateCsv() {
    }

    /**
     * @param file    the file
     * @param charset its encoding
     * @return the records, header first
     * @throws DataException if the file cannot be read, is empty, is not UTF-8 or has an unterminated quote
     */
    static List<Row> read(Path file, Charset charset) {
        return read(file, charset, false);
    }

    /**
     * @param file    the file
     * @param charset its encoding
     * @return the header record alone
     * @throws DataException if the file cannot be read or is empty
     */
    static Row header(Path file, Charset charset) {
        return read(file, charset, true).get(0);
    }

    private static List<Row> read(Path file, Charset charset, boolean headerOnly) {
        try (Reader in = CsvInput.open(file, charset);
             CsvRecords records = new CsvRecords(file.toString(), in, charset)) {
            List<Row> rows = new ArrayList<>();
            rows.add(new Row(records.headerLine(), records.header()));
            while (!headerOnly && records.next()) {
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
