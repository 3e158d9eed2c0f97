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

    /**
     * Reads one count column, e.g. the registered voters that {@code psephos simulate --sizes-from} recycles, with
     * the loader's tokenizer and number policy: the same delimiters, encodings, compression, quoting, ragged-row
     * and cell checks as {@link #load}. Empty and {@code NA} cells (missing values) are left out.
     *
     * @param file    a CSV file
     * @param role    how the caller names the column in messages (e.g. {@code --sizes-column})
     * @param column  the column: a header name, a position {@code #N} or a sum {@code A+B}
     * @param charset the file's encoding
     * @return the column's counts in file order, missing cells left out
     * @throws DataException if the file cannot be read, lacks the column, holds an invalid cell or a ragged row,
     *                       or holds no count in the column
     * @throws IllegalArgumentException if the reference does not parse
     * @since 0.1
     */
    public static int[] counts(Path file, String role, String column, Charset charset) {
        try (Reader in = CsvInput.open(file, charset);
             CsvRecords records = new CsvRecords(file.toString(), in, charset)) {
            ColumnResolver resolver = new ColumnResolver(file.toString(), records.header());
            int[] cols = resolver.resolve(role, ColumnRef.parse(role, column));
            int width = records.header().size();
            boolean[] keep = new boolean[width];
            for (int c : cols) {
                keep[c] = true;
            }
            records.retain(keep);
            IntArrayBuilder out = new IntArrayBuilder();
            long rows = 0;
            while (records.next()) {
                rows++;
                if (records.fieldCount() != width) {
                    throw ElectionReader.ragged(records, width);
                }
                long sum = 0;
                boolean missing = false;
                for (int c : cols) {
                    long v = records.count(c);
                    if (v == CountCell.MISSING) {
                        missing = true;
                    } else if (v < 0) {
                        throw DataException.of(CountCell.problem(v)).file(file).line(records.line())
                                .column(resolver.label(c)).value(records.text(c)).fix(CountCell.fix(v)).build();
                    } else {
                        sum += v;
                    }
                }
                if (!missing && sum > Integer.MAX_VALUE) {
                    throw DataException.of("count too large (above " + Integer.MAX_VALUE + ")").file(file)
                            .line(records.line()).column(role + " = " + column).value(Long.toString(sum)).build();
                }
                if (!missing) {
                    out.add((int) sum);
                }
            }
            if (rows == 0) {
                throw DataException.of("the file has a header but no data rows").file(file).line(2)
                        .fix("A results file needs one line per unit after the header").build();
            }
            if (out.size() == 0) {
                throw DataException.of("every cell of the column is missing (empty or NA)").file(file)
                        .column(role + " = " + column).fix("Name a column that holds counts").build();
            }
            return out.toArray();
        } catch (IOException e) {
            throw DataException.of("cannot close the file (" + e.getMessage() + ")").file(file).cause(e).build();
        }
    }
}
