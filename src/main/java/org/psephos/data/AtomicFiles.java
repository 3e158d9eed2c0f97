package org.psephos.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
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
     * @param e an exception from {@link #write}
     * @return what went wrong in words, without the exception's class name (for messages users read)
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            Path f = a.getFile() == null ? null : Path.of(a.getFile()).getParent();
            return "permission denied" + (f == null ? "" : " in the directory " + f);
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName().replace("Exception", "") : e.getMessage();
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
            throw new UncheckedIOException("cannot write " + target + " (" + reason(e) + ")", e);
        }
    }

    /**
     * @param target  the file to create or replace
     * @param content what to write
     * @throws IOException if the target is a directory, its directory does not exist or is not writable, or
     *                     writing fails (then the target is unchanged and no temporary file is left)
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new FileSystemException(target.toString(), null, "it is a directory; give a file name in it");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "the directory " + dir + " does not exist");
        }
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
