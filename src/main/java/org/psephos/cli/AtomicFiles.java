package org.psephos.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.psephos.data.DataException;

/**
 * Writes an output file atomically: into a temporary file in the target's directory, then moved over the target
 * with {@link StandardCopyOption#ATOMIC_MOVE}, so a reader never sees a half-written file and a failed run leaves
 * the old file in place.
 */
final class AtomicFiles {
    /** Writes the content to a writer. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param target  the file to write
     * @param content what to write, in UTF-8
     * @throws DataException if the file cannot be written
     */
    static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            // A unique name created like any other file (permissions from the umask, unlike createTempFile's 0600).
            tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw DataException.of("cannot write the file").file(target).cause(e)
                    .fix("Check that the directory exists and is writable (" + e.getMessage() + ")").build();
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The temporary file is left behind; the error above is what matters.
                }
            }
        }
    }
}
