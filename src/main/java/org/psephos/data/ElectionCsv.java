package org.psephos.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Loads an election from a CSV file: comma, semicolon or tab separated (detected from the header), UTF-8 with or
 * without a byte-order mark (or another charset if given), plain, gzip or a single-entry zip archive. The file is
 * streamed: numbers go straight into int columns and only one record is held as text at a time.
 *
 * <p>Every structural problem (missing column, a count that is not a whole number, negative or above
 * {@link Integer#MAX_VALUE}, a ragged row, an empty file, a header without rows, invalid bytes for the charset)
 * stops the load with a {@link DataException} naming the file, line (header = 1), column, value and fix. Empty and
 * {@code NA} cells are kept as {@link Election#MISSING}; units holding them are dropped only by a reported
 * {@link UnitFilter}. No unit is filtered here.
 *
 * @since 0.1
 */
public final class ElectionCsv {
    private ElectionCsv() {
    }

    /**
     * @param file a CSV file in a recognised layout (see {@link ColumnMapping})
     * @return the election and the load report
     * @throws DataException if the file cannot be read or holds invalid data
     */
    public static LoadReport load(Path file) {
        return load(file, ColumnMapping.recognise(), StandardCharsets.UTF_8);
    }

    /**
     * @param file    a CSV file
     * @param mapping which columns hold which counts
     * @return the election and the load report
     * @throws DataException if the file cannot be read or holds invalid data, or a mapped column is absent
     */
    public static LoadReport load(Path file, ColumnMapping mapping) {
        return load(file, mapping, StandardCharsets.UTF_8);
    }

    /**
     * @param file    a CSV file
     * @param mapping which columns hold which counts
     * @param charset the file's encoding ({@code windows-1251} for many older Russian files)
     * @return the election and the load report
     * @throws DataException if the file cannot be read or holds invalid data, or a mapped column is absent
     */
    public static LoadReport load(Path file, ColumnMapping mapping, Charset charset) {
        try (Reader in = CsvInput.open(file, charset);
             CsvRecords records = new CsvRecords(file.toString(), in, charset)) {
            String format = charset.name() + ", " + switch (records.delimiter()) {
                case ';' -> "semicolon";
                case '\t' -> "tab";
                default -> "comma";
            } + "-separated";
            return ElectionReader.read(records, mapping, format);
        } catch (IOException e) {
            throw DataException.of("cannot close the file (" + e.getMessage() + ")").file(file).cause(e).build();
        }
    }
}
