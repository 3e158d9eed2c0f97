package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's {@code --help} renders: exit 0, the command's usage line, and no picocli warning on the process's
 * stderr (picocli descriptions are format strings, so a bare {@code %} makes it print a warning and skip the
 * formatting, which happened to {@code analyze} and {@code shpilkin}).
 */
class HelpTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"load", "audit", "analyze", "simulate", "shpilkin", "power", "calibrate", "scenarios",
        "kazakhstan"})
    void helpRendersWithoutWarnings(String command) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.run(new String[] {command, "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        } finally {
            System.setErr(saved);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertEquals(Main.OK, code, out.toString());
        assertTrue(out.toString().contains("Usage: psephos " + command), out.toString());
        assertFalse(warnings.contains("picocli WARN"), warnings);
        assertFalse(out.toString().contains("%n"), "unformatted description in " + command);
    }
}
