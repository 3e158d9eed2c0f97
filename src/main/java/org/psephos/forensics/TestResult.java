package org.psephos.forensics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one forensic test on one variable of one group, in the shape of the {@code analyze} JSON contract:
 * the statistic, its value expected under the test's null model, a confidence interval (bootstrap or exact), a
 * p-value where a null distribution exists, the Benjamini–Hochberg q-value across the whole battery, the flag the
 * test's rule raises, the units used, and test-specific details. A test that does not apply says why in
 * {@link #reason()} and carries NaN numbers, which reports print as "n/a" and JSON as {@code null}.
 *
 * <p>The details are typed ({@link #typedDetails()}, a {@link ResultDetails} record of the test's family, possibly
 * wrapped in what the battery adds: {@link ResultDetails.Bootstrapped}, {@link CalibratedDetails}); the map the JSON
 * writes, {@link #details()}, is derived from them on each call and is not a component. Code that needs a detail
 * reads it from {@link #testDetails()} by pattern matching on the record, never from the map by key. Equality
 * compares the derived map (as when the map was the component), so that two rows with equal numbers in their arrays
 * are equal.
 *
 * @param id         the test id, e.g. {@code "2BL"}
 * @param variable   {@code "turnout"} or the option's name
 * @param level      the group's label, or {@code "national"}
 * @param value      the statistic
 * @param expected   the statistic's value under the null model (NaN if none)
 * @param ciLow      lower end of the 95% interval (NaN if none)
 * @param ciHigh     upper end of the 95% interval (NaN if none)
 * @param pValue     the p-value (NaN if none)
 * @param qValue     the Benjamini–Hochberg q-value over the battery (NaN until computed, or if no p-value)
 * @param flag       whether the test's flag rule fires
 * @param n          the number of observations the statistic used
 * @param applicable whether the test applies to this data
 * @param reason     why it does not apply, or the empty string
 * @param typedDetails test-specific values, typed
 * @since 0.1
 */
public record TestResult(String id, String variable, String level, double value, double expected, double ciLow,
                         double ciHigh, double pValue, double qValue, boolean flag, int n, boolean applicable,
                         String reason, ResultDetails typedDetails) {

    /** Checks the record. */
    public TestResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(typedDetails, "typedDetails");
    }

    /**
     * A result whose details have no record: a test written outside the library ({@link ResultDetails.Keyed}).
     *
     * @param details test-specific values, in a stable order (copied)
     */
    public TestResult(String id, String variable, String level, double value, double expected, double ciLow,
                      double ciHigh, double pValue, double qValue, boolean flag, int n, boolean applicable,
                      String reason, Map<String, Object> details) {
        this(id, variable, level, value, expected, ciLow, ciHigh, pValue, qValue, flag, n, applicable, reason,
                details.isEmpty() ? ResultDetails.NONE : new ResultDetails.Keyed(details));
    }

    /** @return the details as the JSON writes them, in their order (derived from {@link #typedDetails()}) */
    public Map<String, Object> details() {
        return Collections.unmodifiableMap(typedDetails.toMap());
    }

    /** @return the test's own record, without what the battery wrapped around it ({@link ResultDetails#test()}) */
    public ResultDetails testDetails() {
        return typedDetails.test();
    }

    /**
     * @param d other details
     * @return a copy with those details
     */
    public TestResult withDetails(ResultDetails d) {
        return new TestResult(id, variable, level, value, expected, ciLow, ciHigh, pValue, qValue, flag, n,
                applicable, reason, d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestResult t && id.equals(t.id) && variable.equals(t.variable) && level.equals(t.level)
                && Double.compare(value, t.value) == 0 && Double.compare(expected, t.expected) == 0
                && Double.compare(ciLow, t.ciLow) == 0 && Double.compare(ciHigh, t.ciHigh) == 0
                && Double.compare(pValue, t.pValue) == 0 && Double.compare(qValue, t.qValue) == 0
                && flag == t.flag && n == t.n && applicable == t.applicable && reason.equals(t.reason)
                && details().equals(t.details());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, variable, level, value, expected, ciLow, ciHigh, pValue, qValue, flag, n, applicable,
                reason, details());
    }

    /**
     * @param id     the test id
     * @param input  the data it was asked to run on
     * @param n      the observations that were usable
     * @param reason why the test does not apply
     * @return a not-applicable result
     */
    public static TestResult notApplicable(String id, TestInput input, int n, String reason) {
        return new TestResult(id, input.variable().name(), input.level(), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, false, n, false, reason, ResultDetails.NONE);
    }

    /**
     * @param q the q-value
     * @return a copy with that q-value
     */
    public TestResult withQValue(double q) {
        return new TestResult(id, variable, level, value, expected, ciLow, ciHigh, pValue, q, flag, n, applicable,
                reason, typedDetails);
    }

    /**
     * @param f the flag
     * @return a copy with that flag
     */
    public TestResult withFlag(boolean f) {
        return new TestResult(id, variable, level, value, expected, ciLow, ciHigh, pValue, qValue, f, n, applicable,
                reason, typedDetails);
    }
}
