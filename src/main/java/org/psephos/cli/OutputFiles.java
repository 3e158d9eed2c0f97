package org.psephos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
     * @param target  the file
     * @param content what to write
     * @throws UsageException if the file cannot be written
     */
    static void write(Path target, AtomicFiles.Content content) {
        try {
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + " (" + AtomicFiles.reason(e)
                    + "); choose a path in an existing, writable directory", e);
        }
    }

    /**
     * @param target  the file
     * @param content the UTF-8 text to write
     * @throws UsageException if the file cannot be written
     */
    static void writeText(Path target, AtomicFiles.TextContent content) {
        try {
            AtomicFiles.writeText(target, content);
        } catch (java.io.UncheckedIOException e) {
            throw new UsageException("cannot write " + target + " (" + AtomicFiles.reason(e.getCause())
                    + "); choose a path in an existing, writable directory", e);
        }
    }

    /**
     * @param target the file
     * @param value  a Jackson tree or any object Jackson serialises; written indented, non-finite doubles as
     *               null ({@link FiniteJson}), ending with a newline
     * @throws UsageException if the file cannot be written
     */
    static void writeJson(Path target, Object value) {
        write(target, out -> out.write((JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8)));
    }
}
