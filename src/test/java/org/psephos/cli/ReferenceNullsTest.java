package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --null reference} gives the battery exactly as it was before issue 15: the text table of
 * {@code analyze --level region --replicates 120 --seed 11} on a 1,500-station file is byte-identical to the golden
 * made on main before the calibrated nulls existed, except P05s's rows (0% and 100% left out since addendum 7 of
 * docs/verdict-method.md) and the q-values they move ({@code golden/null-reference/README.md}).
 */
class ReferenceNullsTest {
    @TempDir
    Path dir;

    @Test
    void referenceNullsReproduceTheTableOfBeforeIssue15() throws IOException {
        Path csv = dir.resolve("reference_input.csv");
        try (InputStream in = getClass().getResourceAsStream("/golden/null-reference/reference_input.csv")) {
            Files.copy(in, csv);
        }
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/null-reference/ref.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"analyze", csv.toString(), "--level", "region", "--replicates", "120",
            "--seed", "11", "--threads", "2", "--quiet", "--null", "reference"}, new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertEquals(golden, out.toString());
    }
}
