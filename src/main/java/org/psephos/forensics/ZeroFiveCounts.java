package org.psephos.forensics;

/**
 * {@code C05s}: the share of counts whose last digit is 0 or 5 (EFToolkit {@code BasicElectionForensics.R},
 * method {@code C05s}; Kalinin and Mebane, Election Forensics Toolkit guide, 2017).
 *
 * <p>Null reference: uniform last digits, share 0.2. Flag rule (EFToolkit): the basic 95% bootstrap interval
 * excludes 0.2. p-value: the exact two-sided binomial test of the number of 0/5 endings against Binomial(n, 0.2)
 * (as {@code scipy.stats.binomtest}). All counts are used by default, as in EFToolkit (zeros count as ending in 0);
 * {@link #withMinCount(int)} drops small ones. Not applicable with fewer than {@code minCounts} counts of 10 or
 * more (default 50). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ZeroFiveCounts implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "C05s";
    /** The null share of last digits 0 or 5. */
    public static final double REFERENCE = 0.2;

    private final int minCount;
    private final int minCounts;

    private ZeroFiveCounts(int minCount, int minCounts) {
        this.minCount = Digits.checkMinCount(minCount);
        this.minCounts = Digits.checkMinCounts(minCounts);
    }

    /** @return the test over all counts, applicable from 50 counts of 10 or more */
    public static ZeroFiveCounts withDefaults() {
        return new ZeroFiveCounts(0, Results.MIN_DIGIT_COUNTS);
    }

    /** @param c the smallest count used @return a copy */
    public ZeroFiveCounts withMinCount(int c) {
        return new ZeroFiveCounts(c, minCounts);
    }

    /** @param m the fewest counts of 10 or more for the test to apply @return a copy */
    public ZeroFiveCounts withMinCounts(int m) {
        return new ZeroFiveCounts(minCount, m);
    }

    @Override
    public String id() {
        return ID;
    }

    /** @param counts counts @return the share of the counts of at least the minimum that end in 0 or 5 */
    public double statistic(int[] counts) {
        return Moments.mean(indicators(counts));
    }

    private double[] indicators(int[] counts) {
        double[] d = Digits.lastDigits(counts, minCount);
        for (int i = 0; i < d.length; i++) {
            d[i] = Digits.zeroOrFive((int) d[i]);
        }
        return d;
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
        byte[] ind = Digits.lastDigitsOrNone(counts, minCount);
        for (int i = 0; i < ind.length; i++) {
            ind[i] = ind[i] < 0 ? -1 : (byte) Digits.zeroOrFive(ind[i]);
        }
        return Results.binomialShare(ID, input, ind, REFERENCE, false, Results.details("min_count", minCount));
    }
}
