package org.psephos.simulation;

/**
 * Receives progress of a long computation (Monte Carlo replicates, bootstrap, fits). Implementations must be
 * thread-safe: blocks finish on several threads. The command line draws a bar on a terminal; the library default
 * is {@link #NONE}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Progress {
    /** Reports nothing. */
    Progress NONE = (done, total) -> { };

    /**
     * @param done  units of work finished so far
     * @param total units of work in all
     */
    void update(long done, long total);
}
