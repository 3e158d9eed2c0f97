package org.psephos.cli;

import org.psephos.simulation.Parallel;
import picocli.CommandLine.Option;

/**
 * The {@code --threads} option of every command that computes in parallel: a picocli mixin with one description
 * and one check, since no result depends on the thread count.
 */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "T",
            description = "Threads (default: all cores); results do not depend on it.")
    Integer threads;

    /**
     * @return the threads to use: the option, else the number of available processors
     * @throws UsageException if the option is not positive
     */
    int resolve() {
        int t = threads == null ? Parallel.defaultThreads() : threads;
        if (t < 1) {
            throw new UsageException("--threads is not positive: " + t);
        }
        return t;
    }
}
