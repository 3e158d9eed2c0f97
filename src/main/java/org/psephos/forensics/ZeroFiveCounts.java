package org.psephos.forensics;

/**
 * {@code C05s}: the share of counts whose last digit is 0 or 5 (EFToolkit {@code BasicElectionForensics.R},
 * method {@code C05s}; Kalinin and Mebane, Election Forensics Toolkit guide, 2017).
 *
 * <p>Null reference: uniform last digits, share 0.2. Flag rule (EFToolkit): the basic 95% bootstrap interval
 * excludes 0.2. p-value: the exact two-sided binomial test of the number of 0/5 endings against Binomial(n, 0.2)
 * (as {@code scipy.stats.binomtest}).
 *
 * <p>Which counts: as {@link LastDigitMean}, under {@link Conventions#PSEPHOS} only the counts whose binomial spread
 * \( \sqrt{c_i (1 - c_i/B_i)} \) ({@link TestInput#binomialSd()}) is at least {@value #MIN_BINOMIAL_SD}: zeros and
 * small counts end in 0 (and 5) far more often than one time in five by arithmetic alone. The pair {0, 5} cancels
 * the odd harmonics of the last digit's distribution, so the share is unbiased at a smaller spread than the mean
 * digit ({@code benchmarks/peer/last_digit_binomial.py}): over the exact last-digit distributions of Binomial(n, p),
 * n = 5..3000, p = 0.005..0.995, the largest deviation of P(0 or 5) from 0.2 is 0.023 for an sd in [2, 2.5), 0.005
 * in [2.5, 3), 7.5e-4 in [3, 3.5) and 7.6e-5 in [3.5, 4); on the simulated elections of {@link LastDigitMean}, where
 * all counts give shares up to 0.74, the counts with sd ≥ 3.5 give 0.2 within ±0.0016 (thresholds of 5, 6 and 8
 * leave up to 0.015, 0.004 and 0.008, from selecting on the count near the threshold), about the share's resolution
 * \( 0.4/\sqrt{n} \) at n = 100,000 counts (0.0013).
 * Under {@link Conventions#EFTOOLKIT} every count is used, as EFToolkit does (zeros count as ending in 0);
 * {@link #withMinCount(int)} drops small counts under both. Not applicable with fewer than {@code minCounts} usable
 * counts (default 50; EFToolkit's conventions: 1). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ZeroFiveCounts implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "C05s";
    /** The null share of last digits 0 or 5. */
    public static final double REFERENCE = 0.2;
    /** The smallest binomial sd of a count used under Psephos's conventions (see the class comment). */
    public static final double MIN_BINOMIAL_SD = 3.5;

    private final int minCount;
    private final int minCounts;

    private ZeroFiveCounts(int minCount, int minCounts) {
        this.minCount = Digits.checkMinCount(minCount);
        this.minCounts = Digits.checkMinCounts(minCounts);
    }

    /** @return the test without a minimum count, applicable from 50 usable counts */
    public static ZeroFiveCounts withDefaults() {
        return new ZeroFiveCounts(0, Results.MIN_DIGIT_COUNTS);
    }

    /** @param c the smallest count used @return a copy */
    public ZeroFiveCounts withMinCount(int c) {
        return new ZeroFiveCounts(c, minCounts);
    }

    /** @param m the fewest usable counts for the test to apply @return a copy */
    public ZeroFiveCounts withMinCounts(int m) {
        return new ZeroFiveCounts(minCount, m);
    }

    /** @return {@link NullModel#RESAMPLING}: the count-level resampling null */
    @Override
    public NullModel nullModel() {
        return NullModel.RESAMPLING;
    }

    /** @return the smallest count used */
    int minCount() {
        return minCount;
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
        byte[] ind = Results.lastDigitsUsed(ID, input, options, minCount, MIN_BINOMIAL_SD);
        Plan.Done tooFew = Results.tooFewLastDigits(ID, input, options, ind, minCounts, MIN_BINOMIAL_SD);
        if (tooFew != null) {
            return tooFew;
        }
        for (int i = 0; i < ind.length; i++) {
            ind[i] = ind[i] < 0 ? -1 : (byte) Digits.zeroOrFive(ind[i]);
        }
        boolean own = options.conventionsFor(ID) == Conventions.PSEPHOS;
        return Results.binomialShare(ID, input, ind, REFERENCE, Results.ShareFlag.INTERVAL,
                k -> new DigitDetails.ZeroFiveCounts(minCount, own ? MIN_BINOMIAL_SD : 0.0, k));
    }
}
