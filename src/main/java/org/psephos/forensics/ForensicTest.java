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

    /**
     * What a test's result offers as evidence of fraud, declared by the test: a power analysis
     * ({@code org.psephos.estimation.PowerAnalysis}) calibrates its detection threshold on this score over clean
     * elections.
     */
    enum Evidence {
        /** A p-value whenever the test applies: the score is 1 − p. */
        P_VALUE,
        /** A value that fraud raises (the estimators: a fraction or a vote count): the score is the value. */
        VALUE,
        /**
         * No p-value and no direction (a shape or a regression statistic with only a reference value): the score is
         * the distance of the value from its median over the clean elections.
         */
        DISTANCE_FROM_CLEAN
    }

    /**
     * How a test's calibrated null is drawn ({@link NullKind#CALIBRATED}, {@code docs/verdict-method.md}).
     */
    enum NullModel {
        /** The count-level resampling null: each unit's counts redrawn at its own size and rates. */
        RESAMPLING,
        /** The clean-twin null: the statistic recomputed on clean twins of the election. */
        TWINS,
        /** The clean-twin null for an estimator: the estimator ({@link #nullProbe()}) refitted on clean twins. */
        REFITTED_TWINS,
        /**
         * The test draws its own calibrated null when the battery's nulls are calibrated (Spikes: clean twins from its
         * own fitted mixtures) and hands the null values over in its details; judged upper-tail as an estimator.
         */
        OWN,
        /** No calibrated null: the row is reported as the test computes it, outside the q-values and the verdict. */
        NONE
    }

    /** @return the id used in tables and JSON, e.g. {@code "2BL"} */
    String id();

    /** @return what the test looks at */
    default Scope scope() {
        return Scope.PER_VARIABLE;
    }

    /** @return what the test's result offers as evidence of fraud; {@link Evidence#P_VALUE} unless declared */
    default Evidence evidence() {
        return Evidence.P_VALUE;
    }

    /** @return how the test's calibrated null is drawn; {@link NullModel#NONE} unless declared */
    default NullModel nullModel() {
        return NullModel.NONE;
    }

    /**
     * For {@link NullModel#REFITTED_TWINS}: the configuration refitted on every clean twin and on the data to give
     * the p-value (it may be cheaper than the test itself; the row's value stays the test's own estimate).
     *
     * @return the probe; this test unless overridden
     */
    default ForensicTest nullProbe() {
        return this;
    }

    /**
     * For {@link NullModel#REFITTED_TWINS}: the statistic of a probe's result that the p-value compares, larger
     * meaning more evidence of fraud (upper tail).
     *
     * @param probe the probe's result on the data or on a twin (applicable)
     * @return the score; the value unless overridden (NaN where there is none)
     */
    default double nullScore(TestResult probe) {
        return probe.value();
    }

    /**
     * @param input   the units of one group and the variable
     * @param options replicates, seed and threads for any resampling
     * @return the result, or a not-applicable result saying why
     */
    TestResult run(TestInput input, BatteryOptions options);
}
