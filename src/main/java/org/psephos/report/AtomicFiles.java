package org.psephos.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files atomically: the content goes to a temporary file in the target's directory, which then replaces the
 * target with {@link StandardCopyOption#ATOMIC_MOVE}, so a reader never sees a half-written report and a failed run
 * leaves the previous file intact. Stateless.
 *
 * @since 0.1
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes content to a writer. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write
         * @throws IOException if writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * @param target  the file to create or replace
     * @param content what to write, as UTF-8
     * @throws UncheckedIOException if the file cannot be written (the temporary file is removed)
     */
    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what matters
                }
            }
        }
    }
}
