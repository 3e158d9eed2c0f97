package org.psephos.cli;

import java.nio.file.Path;
import org.psephos.data.Election;
import org.psephos.data.ElectionCsv;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The input of the commands that analyse one results file ({@code analyze}, {@code shpilkin}): a picocli mixin
 * holding FILE and its column mapping options ({@link MappingOptions}), and the one way to load them (see
 * {@code docs/loading.md}).
 */
final class InputColumns {
    @Parameters(index = "0", paramLabel = "FILE", description = "Results per unit (CSV).")
    Path file;

    @Mixin
    MappingOptions mapping;

    /**
     * @param file    a results file
     * @param mapping the column mapping options
     * @return the election the file holds, read with the mapping
     * @throws UsageException                    if the mapping does not fit the file (exit code 2)
     * @throws org.psephos.data.DataException if the file cannot be read or holds invalid values
     */
    static Election load(Path file, MappingOptions mapping) {
        try {
            return ElectionCsv.load(file, mapping.mapping(), mapping.charset()).election();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
