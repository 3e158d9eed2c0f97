package org.psephos.forensics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one forensic test on one variable of one group, in the shape of the {@code analyze} JSON contract:
 * which row it is ({@link RowKey}), the statistic with its expected value and a 95% interval ({@link Estimate}), the
 * p-value, the Benjamini–Hochberg q-value across the whole battery and the flag the test's rule raises
 * ({@link Significance}), the units used and whether the test applies ({@link Coverage}), and test-specific details.
 * A test that does not apply says why in {@link #reason()} and carries NaN numbers, which reports print as "n/a" and
 * JSON as {@code null}. The flat accessors ({@link #value()}, {@link #expected()}, {@link #pValue()}, ...) read the
 * groups.
 *
 * <p>Rows are built by name: {@code TestResult.of(id, input).statistic(v).expected(e).interval(lo, hi).pValue(p)
 * .flag(f).n(n).details(d)} ({@link Builder}; what is not set is NaN, false, 0, applicable and no reason), or
 * {@link #notApplicable}. Copies change one thing: {@link #withQValue}, {@link #withFlag}, {@link #withDetails}, or
 * {@link #toBuilder()} for more.
 *
 * <p>The details are typed ({@link #typedDetails()}, a {@link ResultDetails} record of the test's family, possibly
 * wrapped in what the battery adds: {@link ResultDetails.Bootstrapped}, {@link CalibratedDetails}); the map the JSON
 * writes, {@link #details()}, is derived from them on each call and is not a component. Code that needs a detail
 * reads it from {@link #testDetails()} by pattern matching on the record, never from the map by key. Equality
 * compares the derived map (as when the map was the component), so that two rows with equal numbers in their arrays
 * are equal, and {@link #hashCode()} hashes the same parts.
 *
 * <p>The file is over 300 lines because the row, its four groups and its builder are one public API, documented
 * together; more than half of it is javadoc.
 *
 * <p><b>Expected value.</b> {@link #expected()} is the statistic's mean under the null model the row used, NaN if
 * the row has none. Per test, without calibrated nulls:
 * <table>
 *   <caption>What {@code expected} is, per test</caption>
 *   <tr><th>test</th><th>expected</th><th>how exact</th></tr>
 *   <tr><td>2BL, LastC</td><td>the digit's mean under Benford's second digit law (4.187) or uniform last digits
 *       (4.5)</td><td>exact</td></tr>
 *   <tr><td>2BLChi2, LastDigitChi2</td><td>the degrees of freedom, 9</td><td>exact: Pearson's X² of k multinomial
 *       cells has mean k − 1 under the null probabilities</td></tr>
 *   <tr><td>C05s, P05s, Repeats, Adjacent, Distant</td><td>the null probability of the indicator (0.2; the pair
 *       test's share for the counts used), the mean of the share</td><td>exact</td></tr>
 *   <tr><td>Skew, Correlation, Sobyanin (slope form)</td><td>0</td><td>exact, by symmetry of the null (normal values;
 *       a share that does not move with turnout)</td></tr>
 *   <tr><td>Kurt, LogVoteKurtosis</td><td>3, the normal population kurtosis</td><td>the sample kurtosis m4/m2² has
 *       mean 3(n − 1)/(n + 1) under normality, within 6/n of 3</td></tr>
 *   <tr><td>Sobyanin (classic form)</td><td>the option's share of all ballots ΣW/ΣB</td><td>the slope when the
 *       share does not move with turnout</td></tr>
 *   <tr><td>Sobyanin (EFToolkit's form)</td><td>minus the mean share (the slope's 0 minus the mean share the
 *       statistic subtracts)</td><td>exact given the shares</td></tr>
 *   <tr><td>IntegerPercent</td><td>the mean of the resampling null's replicates of the headline statistic</td>
 *       <td>Monte Carlo</td></tr>
 *   <tr><td>KlimekFit with {@code withNull(M)}</td><td>the mean of f̂_i + f̂_e over the M simulated clean
 *       elections</td><td>Monte Carlo</td></tr>
 *   <tr><td>Shpilkin</td><td>0</td><td>exact for the row's null, F ~ N(0, sd), that its p-value uses</td></tr>
 *   <tr><td>KlimekFit without a null (both conventions), FraudMixture</td><td>0, the
 *       fraud share of the no-fraud model the estimate is read against</td><td>not the estimate's mean: the estimators
 *       are bounded at 0, so their mean on clean data is above 0 (the calibrated row gives it)</td></tr>
 *   <tr><td>DipT, Spikes</td><td>NaN</td><td>no closed form for the dip's null mean; Spikes's own null only
 *       under calibrated nulls</td></tr>
 * </table>
 * Under calibrated nulls every row with a null holds the mean of its null's replicates of the row's statistic
 * ({@code CalibratedRow}), for estimators the mean of the clean twins' estimates ({@code RefittedTwins}); the fixed
 * value above is kept in the details ({@link CalibratedDetails.Reference}).
 *
 * @param key          which row: test, variable, group
 * @param estimate     the statistic, its expected value and interval
 * @param significance p-value, q-value and flag
 * @param coverage     units used, applicability and reason
 * @param typedDetails test-specific values, typed
 * @since 0.1
 */
public record TestResult(RowKey key, Estimate estimate, Significance significance, Coverage coverage,
                         ResultDetails typedDetails) {

    /**
     * Which row a result is.
     *
     * @param id       the test id, e.g. {@code "2BL"}
     * @param variable {@code "turnout"} or the option's name
     * @param level    the group's label, or {@code "national"}
     * @since 0.2
     */
    public record RowKey(String id, String variable, String level) {
        /** Checks that no field is null. */
        public RowKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(level, "level");
        }

        /**
         * @param id    the test id
         * @param input the data the test ran on: its variable's name and its group
         * @return the key
         */
        public static RowKey of(String id, TestInput input) {
            return new RowKey(id, input.variable().name(), input.level());
        }
    }

    /**
     * The statistic and what to read it against.
     *
     * @param value    the statistic
     * @param expected its mean under the null model the row used (NaN if none; see {@link TestResult})
     * @param ciLow    lower end of the 95% interval (NaN if none)
     * @param ciHigh   upper end of the 95% interval (NaN if none)
     * @since 0.2
     */
    public record Estimate(double value, double expected, double ciLow, double ciHigh) {
    }

    /**
     * What the row says about the null.
     *
     * @param pValue the p-value (NaN if none)
     * @param qValue the Benjamini–Hochberg q-value over the battery (NaN until computed, or if no p-value)
     * @param flag   whether the test's flag rule fires
     * @since 0.2
     */
    public record Significance(double pValue, double qValue, boolean flag) {
    }

    /**
     * What the statistic was computed on.
     *
     * @param n          the number of observations the statistic used
     * @param applicable whether the test applies to this data
     * @param reason     why it does not apply, or the empty string
     * @since 0.2
     */
    public record Coverage(int n, boolean applicable, String reason) {
        /** Checks that the reason is not null. */
        public Coverage {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Checks the record. */
    public TestResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(significance, "significance");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(typedDetails, "typedDetails");
    }

    /**
     * A result whose details have no record, by position.
     *
     * @param details test-specific values, in a stable order (copied)
     * @deprecated build by name, ending with {@link Builder#details(Map)}; kept because a library user may call it
     */
    @Deprecated(since = "0.2")
    public TestResult(String id, String variable, String level, double value, double expected, double ciLow,
                      double ciHigh, double pValue, double qValue, boolean flag, int n, boolean applicable,
                      String reason, Map<String, Object> details) {
        this(new RowKey(id, variable, level), new Estimate(value, expected, ciLow, ciHigh),
                new Significance(pValue, qValue, flag), new Coverage(n, applicable, reason), keyed(details));
    }

    private static ResultDetails keyed(Map<String, Object> details) {
        return details.isEmpty() ? ResultDetails.NONE : new ResultDetails.Keyed(details);
    }

    /**
     * @param id    the test id
     * @param input the data the test ran on (its variable's name and group name the row)
     * @return a builder of that row
     */
    public static Builder of(String id, TestInput input) {
        return new Builder(RowKey.of(id, input));
    }

    /**
     * @param id       the test id
     * @param variable {@code "turnout"} or the option's name
     * @param level    the group's label, or {@code "national"}
     * @return a builder of that row
     */
    public static Builder of(String id, String variable, String level) {
        return new Builder(new RowKey(id, variable, level));
    }

    /**
     * @param key which row
     * @return a builder of that row
     */
    public static Builder of(RowKey key) {
        return new Builder(key);
    }

    /** @return a builder holding this row's numbers, to change some of them */
    public Builder toBuilder() {
        Builder b = new Builder(key);
        b.value = value();
        b.expected = expected();
        b.ciLow = ciLow();
        b.ciHigh = ciHigh();
        b.pValue = pValue();
        b.qValue = qValue();
        b.flag = flag();
        b.n = n();
        b.applicable = applicable();
        b.reason = reason();
        return b;
    }

    /**
     * A row by name. Unset numbers are NaN, the flag false, n 0; the row applies unless {@link #notApplicable}
     * says why. The last call, {@link #details(ResultDetails)}, returns the row. Not thread-safe; use it where it
     * is made.
     *
     * @since 0.2
     */
    public static final class Builder {
        private final RowKey key;
        private double value = Double.NaN;
        private double expected = Double.NaN;
        private double ciLow = Double.NaN;
        private double ciHigh = Double.NaN;
        private double pValue = Double.NaN;
        private double qValue = Double.NaN;
        private boolean flag;
        private int n;
        private boolean applicable = true;
        private String reason = "";

        private Builder(RowKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** @param v the statistic @return this builder */
        public Builder statistic(double v) {
            value = v;
            return this;
        }

        /** @param e the statistic's mean under the row's null model @return this builder */
        public Builder expected(double e) {
            expected = e;
            return this;
        }

        /**
         * @param low  lower end of the 95% interval
         * @param high upper end
         * @return this builder
         */
        public Builder interval(double low, double high) {
            ciLow = low;
            ciHigh = high;
            return this;
        }

        /** @param p the p-value @return this builder */
        public Builder pValue(double p) {
            pValue = p;
            return this;
        }

        /** @param q the q-value @return this builder */
        public Builder qValue(double q) {
            qValue = q;
            return this;
        }

        /** @param f whether the flag rule fires @return this builder */
        public Builder flag(boolean f) {
            flag = f;
            return this;
        }

        /** @param units the number of observations the statistic used @return this builder */
        public Builder n(int units) {
            n = units;
            return this;
        }

        /**
         * @param why why the test does not apply
         * @return this builder, for a row that does not apply
         */
        public Builder notApplicable(String why) {
            applicable = false;
            reason = Objects.requireNonNull(why, "why");
            return this;
        }

        /**
         * @param d the test's record ({@link ResultDetails#NONE} for none)
         * @return the row
         */
        public TestResult details(ResultDetails d) {
            return new TestResult(key, new Estimate(value, expected, ciLow, ciHigh),
                    new Significance(pValue, qValue, flag), new Coverage(n, applicable, reason), d);
        }

        /**
         * @param d test-specific values of a test written outside the library, in a stable order (copied;
         *          {@link ResultDetails.Keyed})
         * @return the row
         */
        public TestResult details(Map<String, Object> d) {
            return details(keyed(d));
        }
    }

    /** @return the test id, e.g. {@code "2BL"} */
    public String id() {
        return key.id();
    }

    /** @return {@code "turnout"} or the option's name */
    public String variable() {
        return key.variable();
    }

    /** @return the group's label, or {@code "national"} */
    public String level() {
        return key.level();
    }

    /** @return the statistic */
    public double value() {
        return estimate.value();
    }

    /** @return the statistic's mean under the null model the row used (NaN if none; see the class comment) */
    public double expected() {
        return estimate.expected();
    }

    /** @return lower end of the 95% interval (NaN if none) */
    public double ciLow() {
        return estimate.ciLow();
    }

    /** @return upper end of the 95% interval (NaN if none) */
    public double ciHigh() {
        return estimate.ciHigh();
    }

    /** @return the p-value (NaN if none) */
    public double pValue() {
        return significance.pValue();
    }

    /** @return the Benjamini–Hochberg q-value over the battery (NaN until computed, or if no p-value) */
    public double qValue() {
        return significance.qValue();
    }

    /** @return whether the test's flag rule fires */
    public boolean flag() {
        return significance.flag();
    }

    /** @return the number of observations the statistic used */
    public int n() {
        return coverage.n();
    }

    /** @return whether the test applies to this data */
    public boolean applicable() {
        return coverage.applicable();
    }

    /** @return why it does not apply, or the empty string */
    public String reason() {
        return coverage.reason();
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
        return new TestResult(key, estimate, significance, coverage, d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestResult t && key.equals(t.key) && estimate.equals(t.estimate)
                && significance.equals(t.significance) && coverage.equals(t.coverage)
                && details().equals(t.details());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, estimate, significance, coverage, details());
    }

    /**
     * @param id     the test id
     * @param input  the data it was asked to run on
     * @param n      the observations that were usable
     * @param reason why the test does not apply
     * @return a not-applicable result
     */
    public static TestResult notApplicable(String id, TestInput input, int n, String reason) {
        return of(id, input).n(n).notApplicable(reason).details(ResultDetails.NONE);
    }

    /**
     * @param q the q-value
     * @return a copy with that q-value
     */
    public TestResult withQValue(double q) {
        return new TestResult(key, estimate, new Significance(pValue(), q, flag()), coverage, typedDetails);
    }

    /**
     * @param f the flag
     * @return a copy with that flag
     */
    public TestResult withFlag(boolean f) {
        return new TestResult(key, estimate, new Significance(pValue(), qValue(), f), coverage, typedDetails);
    }
}
