package org.psephos.cli;

import java.io.PrintWriter;
import java.util.function.Function;
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

    /**
     * Runs a long computation under a progress bar and closes the bar however the computation ends: the one home of
     * the bar's open-run-close sequence of every command.
     *
     * @param err   standard error
     * @param label what the bar says it is doing
     * @param work  the computation, given the bar to report to
     * @param <T>   the computation's result
     * @return what {@code work} returns
     */
    <T> T run(PrintWriter err, String label, Function<Progress, T> work) {
        Progress progress = bar(err, label);
        try {
            return work.apply(progress);
        } finally {
            ProgressBar.close(progress);
        }
    }
}
