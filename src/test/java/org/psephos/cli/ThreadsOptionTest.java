package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code --threads} is one mixin: a non-positive count is a usage error (exit 2) with the same message everywhere. */
class ThreadsOptionTest {
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
}
