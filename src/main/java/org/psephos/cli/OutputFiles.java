package org.psephos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.psephos.data.AtomicFiles;

/**
 * Writes the files a command produces, atomically (see {@link AtomicFiles}). A path the user chose that cannot be
 * written (missing directory, no permission, a directory in its place) is a usage error (exit code 2) naming the
 * path and the reason.
 */
final class OutputFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OutputFiles() {
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
            throw new UsageException("cannot write " + target + " (" + describe(e)
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
            throw new UsageException("cannot write " + target + " (" + describe(e.getCause())
                    + "); choose a path in an existing, writable directory", e);
        }
    }

    /**
     * @param target the file
     * @param value  a Jackson tree or any object Jackson serialises
     * @throws UsageException if the file cannot be written
     */
    static void writeJson(Path target, Object value) {
        write(target, out -> JSON.writeValue(out, value));
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName().replace("Exception", "");
        String msg = e.getMessage();
        return msg == null ? type : type + ": " + msg;
    }
}
