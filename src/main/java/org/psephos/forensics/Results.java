package org.psephos.forensics;

import java.util.function.IntFunction;
import java.util.Locale;

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
     * The applicability guard of the digit tests on last and second digits: they need {@code minimum} counts of
     * 10 or more, since a one-digit count has no second digit and its last digit is its first.
     *
     * @param id      the test id
     * @param input   the input
     * @param minimum the fewest counts of 10 or more
     * @return the not-applicable plan, or {@code null} if the test applies
     */
    static Plan.Done tooFewTwoDigitCounts(String id, TestInput input, int minimum) {
        int usable = Digits.twoDigitCount(input.counts());
        String why = tooFewCounts(usable, minimum, "counts of 10 or more");
        return why == null ? null : new Plan.Done(TestResult.notApplicable(id, input, usable, why));
    }

    /**
     * The last digits a last-digit test ({@code LastC}, {@code C05s}) uses, per unit. Under EFToolkit's conventions
     * every count that is present (zeros and one-digit counts included, as its {@code LastDigitGetter} takes them);
     * under Psephos's, only the counts whose binomial spread ({@link TestInput#binomialSd()}) is at least
     * {@code minSd}, since the last digit of a count with a small spread is far from uniform by arithmetic alone.
     * A {@code minCount} above 0 drops smaller counts under both.
     *
     * @param id       the test id
     * @param input    the data
     * @param options  the settings (their conventions)
     * @param minCount the smallest count used
     * @param minSd    the smallest binomial sd under Psephos's conventions
     * @return per unit its count's last digit, or -1 if the count is not used
     */
    static byte[] lastDigitsUsed(String id, TestInput input, BatteryOptions options, int minCount, double minSd) {
        byte[] d = Digits.lastDigitsOrNone(input.counts(), minCount);
        if (options.conventionsFor(id) == Conventions.PSEPHOS) {
            double[] sd = input.binomialSd();
            for (int i = 0; i < d.length; i++) {
                if (!(sd[i] >= minSd)) {
                    d[i] = -1;
                }
            }
        }
        return d;
    }

    /**
     * The applicability guard of the last-digit tests.
     *
     * @param id      the test id
     * @param input   the data
     * @param options the settings
     * @param digits  per unit the digit used, or -1
     * @param minimum the fewest used counts under Psephos's conventions (a reference tool's: 1)
     * @param minSd   the binomial sd rule, for the reason
     * @return the not-applicable plan, or {@code null} if the test applies
     */
    static Plan.Done tooFewLastDigits(String id, TestInput input, BatteryOptions options, byte[] digits,
                                      int minimum, double minSd) {
        int used = 0;
        for (byte b : digits) {
            used += b >= 0 ? 1 : 0;
        }
        Conventions c = options.conventionsFor(id);
        String what = c == Conventions.PSEPHOS
                ? String.format(Locale.ROOT, "counts with a binomial sd of at least %s", minSd) : "counts";
        String why = tooFewCounts(used, c.minimum(minimum), what);
        return why == null ? null : new Plan.Done(TestResult.notApplicable(id, input, used, why));
    }

    /**
     * @param id      a distribution-shape test's id
     * @param input   the data
     * @param options the settings
     * @return the proportions the shape statistic is taken of: as they are, or capped at 1 under EFToolkit's
     *         conventions ({@code bootAnalT}/{@code bootAnalV}: {@code ifelse(p >= 1, 1, p)})
     */
    static double[] shapeValues(String id, TestInput input, BatteryOptions options) {
        return options.conventionsFor(id) == Conventions.EFTOOLKIT ? input.cappedProportions()
                : input.proportions();
    }

    /** The reason a distribution statistic is undefined. */
    static final String ZERO_VARIANCE = "zero variance: all values are equal";

    /**
     * Plans the bootstrapped mean of per-unit values.
     *
     * @param id        test id
     * @param input     the data
     * @param values    per unit of the group a value in [0, 9], or -1 if the unit is not used; the statistic is the
     *                  mean of the used values
     * @param reference the null value of the mean
     * @param pValue    the p-value of the mean of the used values and their number (NaN if the test has none)
     * @param flag      how the row is flagged
     * @param details   the test's record
     * @return the pending result
     */
    static Plan.Pending bootstrappedMean(String id, TestInput input, byte[] values, double reference,
                                         MeanPValue pValue, FlagRule flag, ResultDetails details) {
        long sum = 0;
        int used = 0;
        for (byte v : values) {
            if (v >= 0) {
                sum += v;
                used++;
            }
        }
        double mean = (double) sum / used;
        return new Plan.Pending(id, input, mean, used, new Resample.Share(values), reference,
                pValue.of(mean, used), flag, details);
    }

    /** What flags an indicator-share row ({@link #binomialShare}). */
    enum ShareFlag {
        /** Its exact binomial p-value below {@link #ALPHA}. */
        P_VALUE,
        /** Its bootstrap interval excluding the reference. */
        INTERVAL
    }

    /** The p-value of a mean test. */
    @FunctionalInterface
    interface MeanPValue {
        /**
         * @param mean the mean of the used values
         * @param n    how many values are used
         * @return the p-value
         */
        double of(double mean, int n);
    }

    /**
     * An indicator-share test with an exact binomial p-value: the share of ones among the used units,
     * bootstrapped, with the exact two-sided binomial test of the share against {@code reference}.
     *
     * @param id        test id
     * @param input     the data
     * @param indicator per unit 0 or 1, or -1 if the unit is not used
     * @param reference the null probability of a one
     * @param flagBy    {@link ShareFlag#P_VALUE}: flag when p &lt; {@link #ALPHA} (Beber and Scacco's binomial
     *                  bounds); {@link ShareFlag#INTERVAL}: when the bootstrap interval excludes the reference
     *                  (EFToolkit)
     * @param details   the test's record, given the number of ones (its p-value method:
     *                  {@link ResultDetails#EXACT_BINOMIAL})
     * @return the pending result
     */
    static Plan.Pending binomialShare(String id, TestInput input, byte[] indicator, double reference,
                                      ShareFlag flagBy, IntFunction<ResultDetails> details) {
        int k = 0;
        int used = 0;
        for (byte v : indicator) {
            if (v >= 0) {
                used++;
                k += v;
            }
        }
        double p = NullDistributions.binomialTwoSided(k, used, reference);
        return bootstrappedMean(id, input, indicator, reference, (mean, n) -> p,
                flagBy == ShareFlag.P_VALUE ? FlagRule.decided(p < ALPHA) : FlagRule.INTERVAL_EXCLUDES_REFERENCE,
                details.apply(k));
    }

    /**
     * A distribution-shape test (skewness, kurtosis): not applicable with too few units or with all values equal;
     * otherwise the statistic, bootstrapped, flagged when the interval excludes the reference.
     *
     * @param id        test id
     * @param input     the data
     * @param options   settings
     * @param values    per unit of the group its value, or NaN if the unit is not used
     * @param stat      the statistic of the central moments
     * @param reference its null value
     * @param details   the test's record
     * @return the plan
     */
    static Plan shape(String id, TestInput input, BatteryOptions options, double[] values,
                      Resample.MomentStatistic stat, double reference, ShapeDetails details) {
        double[] used = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        String why = tooFewUnits(used.length,
                options.withMinUnits(options.conventionsFor(id).minimum(options.minUnits())));
        if (why == null && Moments.constant(used)) {
            why = ZERO_VARIANCE;
        }
        if (why != null) {
            return new Plan.Done(TestResult.notApplicable(id, input, used.length, why));
        }
        double[] m = Moments.centralMoments(used); // {mean, m2, m3, m4}: the mean is the resample's shift
        return new Plan.Pending(id, input, stat.of(m[1], m[2], m[3]), used.length,
                new Resample.Moment(values, m[0], stat), reference, Double.NaN, FlagRule.INTERVAL_EXCLUDES_REFERENCE,
                details);
    }
}
