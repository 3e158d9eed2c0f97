package org.psephos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.psephos.data.AtomicFiles;
import org.psephos.data.FiniteJson;

/**
 * Writes the files a command produces, atomically (see {@link AtomicFiles}). A path the user chose that cannot be
 * written (missing directory, no permission, a directory in its place) is a usage error (exit code 2) naming the
 * path and the reason.
 */
final class OutputFiles {
    /** Indented JSON in which a NaN or infinite number (a share of nothing) is {@code null}, never "NaN". */
    private static final ObjectMapper JSON = FiniteJson.mapper();

    private OutputFiles() {
    }

    /**
     * Refuses an output path that names one of the command's input files, so that no command ever overwrites
     * its input (a slip such as {@code load results.csv --json results.csv}).
     *
     * @param inputs  the files the command reads
     * @param outputs the files it would write ({@code null} entries are skipped)
     * @throws UsageException if an output is an input
     */
    static void requireNotInput(java.util.Collection<Path> inputs, Path... outputs) {
        for (Path out : outputs) {
            for (Path in : inputs) {
                if (out != null && in != null && same(in, out)) {
                    throw new UsageException("the output " + out + " is the input file " + in
                            + "; choose another output path (inputs are never overwritten)");
                }
            }
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // Fall back to comparing the paths.
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * Writes a text output atomically. A failure is an {@link java.io.UncheckedIOException} naming the file and
     * why, which {@link Main} answers as a usage error (exit 2) like the failures of the report writers.
     *
     * @param target  the file
     * @param content the UTF-8 text to write
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    static void writeText(Path target, AtomicFiles.TextContent content) {
        AtomicFiles.writeText(target, content);
    }

    /**
     * @param target the file
     * @param value  a Jackson tree or any object Jackson serialises; written indented, non-finite doubles as
     *               null ({@link FiniteJson}), ending with a newline
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    static void writeJson(Path target, Object value) {
        writeText(target, w -> w.write(JSON.writeValueAsString(value) + "\n"));
    }
}
