package org.psephos.cli;

import java.io.PrintWriter;
import org.psephos.simulation.Progress;
import picocli.CommandLine.Option;

/**
 * The {@code --quiet} option of every command that reports progress: a picocli mixin with one description and one
 * meaning (standard error carries only warnings and errors).
 */
final class QuietOption {
    @Option(names = "--quiet",
            description = "No progress bar (drawn only when standard error is a terminal) and no timing line.")
    boolean quiet;

    /**
     * @param err   standard error
     * @param label what the bar says it is doing
     * @return a progress bar on a terminal unless {@code --quiet}, else {@link Progress#NONE}
     */
    Progress bar(PrintWriter err, String label) {
        return ProgressBar.of(err, label, quiet);
    }
}
