package org.psephos.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file atomically: the content goes to a temporary file in the same directory, which is then renamed
 * over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Readers see the old file or the complete new one,
 * never a partial one; after a failure the temporary file is deleted and the target is unchanged. On a file
 * system without atomic rename the move falls back to a plain replacing move.
 *
 * @since 0.1
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes content to a stream; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to (closed by the caller)
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes text; may throw {@link IOException}. */
    @FunctionalInterface
    public interface TextContent {
        /**
         * @param out the writer (buffered, UTF-8; flushed and closed by the caller)
         * @throws IOException if writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes UTF-8 text atomically.
     *
     * @param target  the file to create or replace
     * @param content what to write
     * @throws UncheckedIOException if the directory is not writable or writing fails (the target is unchanged)
     */
    public static void writeText(Path target, TextContent content) {
        try {
            write(target, out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                content.writeTo(w);
                w.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + " (" + e + ")", e);
        }
    }

    /**
     * @param target  the file to create or replace
     * @param content what to write
     * @throws IOException if the directory is not writable or writing fails
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        // createTempFile makes the file private (0600); an output is an ordinary file (0644).
        if (Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
