package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The options shared by several commands are picocli mixins ({@link ThreadsOption}, {@link QuietOption}). */
class SharedOptionsTest {
    /** {@code --threads}: a non-positive count is a usage error (exit 2) with the same message everywhere. */
    @Test
    void nonPositiveThreadsAreAUsageError() {
        String[][] commands = {
            {"simulate", "--units", "10", "--seed", "1", "--threads", "0"},
            {"kazakhstan", "--out", "never-written", "--threads", "-1"}};
        for (String[] args : commands) {
            StringWriter err = new StringWriter();
            int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(Main.USAGE, code, err.toString());
            assertTrue(err.toString().contains("--threads is not positive: " + args[args.length - 1]), err.toString());
        }
        ThreadsOption unset = new ThreadsOption();
        assertEquals(Runtime.getRuntime().availableProcessors(), unset.resolve());
    }

    /** {@code --quiet} is one mixin too: every command that reports progress takes it with the same description. */
    @Test
    void everyProgressCommandTakesTheSameQuietOption() {
        for (String command : new String[] {"analyze", "calibrate", "kazakhstan", "power", "scenarios", "simulate"}) {
            StringWriter out = new StringWriter();
            assertEquals(0, Main.run(new String[] {command, "--help"}, new PrintWriter(out),
                    new PrintWriter(new StringWriter())));
            String help = out.toString().replaceAll("\\s+", " ");
            assertTrue(help.contains("--quiet No progress bar (drawn only when standard error is a terminal) and no "
                    + "timing line."), command + ": " + help);
        }
    }
}
