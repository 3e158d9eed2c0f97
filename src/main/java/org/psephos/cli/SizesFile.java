package org.psephos.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import org.psephos.data.DataException;
import org.psephos.data.ElectionCsv;

/**
 * Reads the column of registered-voter counts that {@code simulate --sizes-from} recycles, through the loader's
 * tokenizer ({@link ElectionCsv#counts}): the same delimiters, encodings, compression, quoting and cell checks as
 * {@code psephos load}, so a file that loads gives the same sizes and a broken one the same message. Missing cells
 * (empty, {@code NA}) are left out.
 */
final class SizesFile {
    private SizesFile() {
    }

    /**
     * @param file    the CSV file
     * @param column  the registered column: a header name, {@code #N} or a sum {@code A+B}
     * @param charset the file's encoding
     * @return the counts, in file order
     * @throws DataException  if the file cannot be read, lacks the column, or holds an invalid cell or row
     * @throws UsageException if the column reference does not parse
     */
    static int[] read(Path file, String column, Charset charset) {
        try {
            return ElectionCsv.counts(file, "--sizes-column", column, charset);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
