package org.psephos.forensics;

/**
 * {@code LastC}: the mean of the last digits of the counts, one-digit counts included (EFToolkit
 * {@code BasicElectionForensics.R}, method {@code LastC}; Beber and Scacco 2012, Political Analysis 20(2),
 * doi:10.1093/pan/mps003).
 *
 * <p>Null reference: uniform last digits, mean 4.5 (variance 8.25). Flag rule (EFToolkit): the basic 95%
 * bootstrap interval excludes 4.5. p-value: the two-sided normal approximation
 * \( z = (\bar d - 4.5)/\sqrt{8.25/n} \). {@link #withMinCount(int)} drops counts below a minimum (default 0, all
 * counts, as EFToolkit). Not applicable with fewer than {@code minCounts} counts of 10 or more (default 50),
 * since the last digit of a one-digit count is its first digit and is not uniform. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LastDigitMean implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "LastC";
    /** The null mean of a uniform digit. */
    public static final double REFERENCE = 4.5;
    private static final double VARIANCE = 8.25;

    private final int minCount;
    private final int minCounts;

    private LastDigitMean(int minCount, int minCounts) {
        this.minCount = Digits.checkMinCount(minCount);
        this.minCounts = Digits.checkMinCounts(minCounts);
    }

    /** @return the test over all counts, applicable from 50 counts of 10 or more */
    public static LastDigitMean withDefaults() {
        return new LastDigitMean(0, Results.MIN_DIGIT_COUNTS);
    }

    /** @param c the smallest count used @return a copy */
    public LastDigitMean withMinCount(int c) {
        return new LastDigitMean(c, minCounts);
    }

    /** @param m the fewest counts of 10 or more for the test to apply @return a copy */
    public LastDigitMean withMinCounts(int m) {
        return new LastDigitMean(minCount, m);
    }

    @Override
    public String id() {
        return ID;
    }

    /** @param counts counts @return the mean last digit of the counts of at least the minimum count */
    public double statistic(int[] counts) {
        return Moments.mean(Digits.lastDigits(counts, minCount));
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return Plan.run(plan(input, options), options);
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        int[] counts = input.counts();
        Plan.Done tooFew = Results.tooFewTwoDigitCounts(ID, input, options.conventionsFor(ID).minimum(minCounts));
        if (tooFew != null) {
            return tooFew;
        }
        return Results.bootstrappedMean(ID, input, Digits.lastDigitsOrNone(counts, minCount), REFERENCE,
                (mean, n) -> NullDistributions.normalTwoSided((mean - REFERENCE) / Math.sqrt(VARIANCE / n)), null,
                Results.details("min_count", minCount, "p_value_method", "normal approximation, uniform digits"));
    }
}
