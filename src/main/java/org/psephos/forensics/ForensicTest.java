package org.psephos.forensics;

/**
 * One forensic test: a statistic of the data of one variable in one group, its null reference and its flag rule.
 * Implementations are immutable and thread-safe; configuration options are {@code withX} copies.
 *
 * @since 0.1
 */
public interface ForensicTest {

    /** What a test looks at. */
    enum Scope {
        /** Run once per variable: turnout and each option. */
        PER_VARIABLE,
        /** Run once per group on turnout and the leader together; the input's variable is the leader. */
        LEADER_AND_TURNOUT
    }

    /** @return the id used in tables and JSON, e.g. {@code "2BL"} */
    String id();

    /** @return what the test looks at */
    default Scope scope() {
        return Scope.PER_VARIABLE;
    }

    /**
     * @param input   the units of one group and the variable
     * @param options replicates, seed and threads for any resampling
     * @return the result, or a not-applicable result saying why
     */
    TestResult run(TestInput input, BatteryOptions options);
}
