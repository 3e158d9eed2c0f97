package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void outputIsAnOrdinaryReadableFileNotAPrivateTemporaryOne() throws IOException {
        Path f = dir.resolve("out.json");
        AtomicFiles.writeText(f, w -> w.write("{}"));
        assertEquals("{}", Files.readString(f));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = Files.writeString(dir.resolve("report.html"), "old");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.writeText(f, w -> {
            w.write("half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void aMissingDirectoryIsReportedWithThePath() {
        Path f = dir.resolve("no/such/dir/out.csv");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> AtomicFiles.writeText(f, w -> w.write("x")));
        assertEquals(true, e.getMessage().startsWith("cannot write " + f), e.getMessage());
    }
}
