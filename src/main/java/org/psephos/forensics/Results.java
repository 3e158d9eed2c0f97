package org.psephos.forensics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the tests share: applicability guards with their reasons, and the assembly of a bootstrapped result.
 * Package-private helper.
 */
final class Results {
    /** The significance level of the flag rules based on p-values. */
    static final double ALPHA = 0.05;
    /**
     * Fewest usable counts (counts of at least two digits, or at least the test's minimum count) for a digit test
     * to apply. Below it a digit share's standard error exceeds about 0.04, larger than the deviations the tests
     * look for (see the minimum sample sizes discussed in {@code cjph8914/2020_benfords#24}).
     */
    static final int MIN_DIGIT_COUNTS = 50;

    private Results() {
    }

    /**
     * @param input   the data
     * @param options the battery settings
     * @return the reason the input has too few units, or {@code null}
     */
    static String tooFewUnits(TestInput input, BatteryOptions options) {
        return tooFewUnits(input.size(), options);
    }

    /**
     * @param n       usable units
     * @param options the battery settings
     * @return the reason n is too few, or {@code null}
     */
    static String tooFewUnits(int n, BatteryOptions options) {
        return n < options.minUnits()
                ? String.format(Locale.ROOT, "too few units: %d, need at least %d", n, options.minUnits())
                : null;
    }

    /**
     * @param usable   counts the digit test can use
     * @param minimum  the fewest it needs
     * @param what     what the usable counts are, e.g. "counts of 10 or more"
     * @return the reason the counts are too small for digit tests, or {@code null}
     */
    static String tooFewCounts(int usable, int minimum, String what) {
        return usable < minimum
                ? String.format(Locale.ROOT, "counts too small for digit tests: %d %s, need at least %d", usable,
                        what, minimum)
                : null;
    }

    /**
     * @param keysAndValues alternating keys (strings) and values
     * @return an insertion-ordered map of them, so that details print in a stable order
     */
    static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The reason a distribution statistic is undefined. */
    static final String ZERO_VARIANCE = "zero variance: all values are equal";

    /**
     * Bootstraps a statistic and assembles the result.
     *
     * @param id        test id
     * @param input     the data
     * @param options   replicates, seed, threads
     * @param estimate  the statistic on the data
     * @param n         units resampled
     * @param stat      the statistic of a resample
     * @param reference the null value
     * @param pValue    the p-value, or NaN if the test has none
     * @param flag      the rule: {@code null} flags when the interval excludes the reference
     * @param details   test-specific details (copied; replicates are added)
     * @return the result
     */
    static TestResult bootstrapped(String id, TestInput input, BatteryOptions options, double estimate, int n,
                                   Bootstrap.Statistic stat, double reference, double pValue, Boolean flag,
                                   Map<String, Object> details) {
        Bootstrap.Interval ci = Bootstrap.of(options).basic(estimate, n, stat, Bootstrap.key(id, input));
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put("bootstrap_replicates", ci.replicates());
        if (ci.finite() < ci.replicates()) {
            d.put("bootstrap_finite", ci.finite());
        }
        boolean f = flag != null ? flag : ci.excludes(reference);
        return new TestResult(id, input.variable().name(), input.level(), estimate, reference, ci.low(), ci.high(),
                pValue, Double.NaN, f, n, true, "", d);
    }

    /**
     * Bootstraps the mean of per-unit values.
     *
     * @param id        test id
     * @param input     the data
     * @param options   replicates, seed, threads
     * @param values    per-unit values whose mean is the statistic
     * @param reference the null value of the mean
     * @param pValue    the p-value, or NaN
     * @param flag      the rule: {@code null} flags when the interval excludes the reference
     * @param details   details
     * @return the result
     */
    static TestResult bootstrappedMean(String id, TestInput input, BatteryOptions options, double[] values,
                                       double reference, double pValue, Boolean flag, Map<String, Object> details) {
        byte[] small = Moments.asDigits(values);
        Bootstrap.Statistic mean = small != null ? (idx, m) -> Moments.mean(small, idx, m)
                : (idx, m) -> Moments.mean(values, idx, m);
        return bootstrapped(id, input, options, Moments.mean(values), values.length, mean, reference, pValue, flag,
                details);
    }

    /**
     * An indicator-share test with an exact binomial p-value: the share of ones among the values, bootstrapped,
     * with the exact two-sided binomial test of the share against {@code reference}.
     *
     * @param id        test id
     * @param input     the data
     * @param options   settings
     * @param indicator per-unit 0/1 values
     * @param reference the null probability of a one
     * @param flagByP   flag when p &lt; {@link #ALPHA} (Beber and Scacco's binomial bounds) rather than when the
     *                  bootstrap interval excludes the reference (EFToolkit)
     * @param details   details (the number of ones and the p-value method are added)
     * @return the result
     */
    static TestResult binomialShare(String id, TestInput input, BatteryOptions options, double[] indicator,
                                    double reference, boolean flagByP, Map<String, Object> details) {
        int k = 0;
        for (double v : indicator) {
            if (v != 0) {
                k++;
            }
        }
        double p = NullDistributions.binomialTwoSided(k, indicator.length, reference);
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put("successes", k);
        d.put("p_value_method", "exact binomial, two-sided");
        return bootstrappedMean(id, input, options, indicator, reference, p, flagByP ? p < ALPHA : null, d);
    }

    /** A moment statistic of values over resampled indices ({@code null} indices: all values in order). */
    @FunctionalInterface
    interface MomentStatistic {
        /**
         * @param x      values
         * @param idx    indices or {@code null}
         * @param n      how many
         * @param center the mean of all of x
         * @return the statistic
         */
        double of(double[] x, int[] idx, int n, double center);
    }

    /**
     * A distribution-shape test (skewness, kurtosis): not applicable with too few units or with all values equal;
     * otherwise the statistic, bootstrapped, flagged when the interval excludes the reference.
     *
     * @param id        test id
     * @param input     the data
     * @param options   settings
     * @param values    the values
     * @param stat      the statistic
     * @param reference its null value
     * @param details   details
     * @return the result
     */
    static TestResult shape(String id, TestInput input, BatteryOptions options, double[] values,
                            MomentStatistic stat, double reference, Map<String, Object> details) {
        String why = tooFewUnits(values.length, options);
        if (why == null && Moments.constant(values)) {
            why = ZERO_VARIANCE;
        }
        if (why != null) {
            return TestResult.notApplicable(id, input, values.length, why);
        }
        double center = Moments.mean(values);
        return bootstrapped(id, input, options, stat.of(values, null, values.length, center), values.length,
                (idx, n) -> stat.of(values, idx, n, center), reference, Double.NaN, null, details);
    }
}
