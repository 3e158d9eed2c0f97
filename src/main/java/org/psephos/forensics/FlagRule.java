package org.psephos.forensics;

/**
 * How a bootstrapped row ({@link Plan.Pending}) gets its flag under the reference nulls (calibrated nulls flag by
 * q-value instead). Package-private.
 */
enum FlagRule {
    /** Flagged when the basic 95% bootstrap interval excludes the reference value (EFToolkit's rule). */
    INTERVAL_EXCLUDES_REFERENCE,
    /** Flagged: the test's own rule (a p-value or a threshold) decided it before the bootstrap. */
    FLAGGED,
    /** Not flagged: the test's own rule decided so before the bootstrap, or the test has no flag rule. */
    NOT_FLAGGED;

    /**
     * @param flagged what the test's own rule decided
     * @return {@link #FLAGGED} or {@link #NOT_FLAGGED}
     */
    static FlagRule decided(boolean flagged) {
        return flagged ? FLAGGED : NOT_FLAGGED;
    }

    /**
     * @param ci        the row's bootstrap interval
     * @param reference the null value
     * @return the flag
     */
    boolean flags(Bootstrap.Interval ci, double reference) {
        return this == INTERVAL_EXCLUDES_REFERENCE ? ci.excludes(reference) : this == FLAGGED;
    }
}
