package org.psephos.forensics;

import org.psephos.simulation.NormalTails;

/**
 * {@code LastC}: the mean of the last digits of the counts (EFToolkit {@code BasicElectionForensics.R}, method
 * {@code LastC}; Beber and Scacco 2012, Political Analysis 20(2), doi:10.1093/pan/mps003).
 *
 * <p>Null reference: uniform last digits, mean 4.5 (variance 8.25). Flag rule (EFToolkit): the basic 95%
 * bootstrap interval excludes 4.5. p-value: the two-sided normal approximation
 * \( z = (\bar d - 4.5)/\sqrt{8.25/n} \).
 *
 * <p>Which counts. A count's last digit is uniform only if the count could have come out several units higher or
 * lower: zeros and small counts make 0 and other low digits frequent by arithmetic alone (Beber and Scacco drop
 * counts below 10 for that reason). Under {@link Conventions#PSEPHOS} the test uses only the counts whose binomial
 * spread \( s_i = \sqrt{c_i (1 - c_i/B_i)} \) ({@link TestInput#binomialSd()}, the sd of Binomial(B_i, c_i/B_i) with
 * B_i the count's base) is at least {@value #MIN_BINOMIAL_SD}. The threshold, from
 * {@code benchmarks/peer/last_digit_binomial.py}: (1) over the exact last-digit distributions of Binomial(n, p),
 * n = 5..3000, p = 0.005..0.995, the largest deviation of the mean last digit from 4.5 is 0.56 for an sd in
 * [3, 3.5), 0.14 in [4, 4.5), 0.027 in [5, 5.5) and 0.003 in [6, 6.5) (total variation from uniform 6.4e-4); (2) on
 * simulated elections (2 million stations of 20–3000 voters, an option's support Beta-distributed across stations
 * with mean 1–90% and heterogeneity up to Beta(0.06, 1.94)), where all counts give a mean last digit up to 3.3
 * below 4.5, the counts with sd ≥ 6 give it within ±0.04 of 4.5; lower thresholds leave 0.07–0.15. What remains
 * comes from selecting on the count itself where many counts crowd just above the threshold (digits 7–9 of the
 * decade it cuts): on clean simulated elections ({@code LastDigitCountsTest}) LastC flags 4 of 60 options of
 * ordinary size (nominal 3) but 11 of 60 options of under 2% (every count: 60 of 60); C05s 1 and 3 of 60 (every
 * count: 41 of 60 for the small options). A calibrated null (issue 15) is what removes the residual. Under
 * {@link Conventions#EFTOOLKIT} every count is used,
 * zeros and one-digit counts included, as EFToolkit's {@code LastDigitGetter} does. {@link #withMinCount(int)} drops
 * counts below a minimum under both (default 0). Not applicable with fewer than {@code minCounts} usable counts
 * (default 50; EFToolkit's conventions: 1). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LastDigitMean implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "LastC";
    /** The null mean of a uniform digit. */
    public static final double REFERENCE = 4.5;
    private static final double VARIANCE = 8.25;
    /** The smallest binomial sd of a count used under Psephos's conventions (see the class comment). */
    public static final double MIN_BINOMIAL_SD = 6.0;

    private final int minCount;
    private final int minCounts;

    private LastDigitMean(int minCount, int minCounts) {
        this.minCount = Digits.checkMinCount(minCount);
        this.minCounts = Digits.checkMinCounts(minCounts);
    }

    /** @return the test without a minimum count, applicable from 50 usable counts */
    public static LastDigitMean withDefaults() {
        return new LastDigitMean(0, Results.MIN_DIGIT_COUNTS);
    }

    /** @param c the smallest count used @return a copy */
    public LastDigitMean withMinCount(int c) {
        return new LastDigitMean(c, minCounts);
    }

    /** @param m the fewest usable counts for the test to apply @return a copy */
    public LastDigitMean withMinCounts(int m) {
        return new LastDigitMean(minCount, m);
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

    /**
     * @param counts counts
     * @return the mean last digit of the counts of at least the minimum count (all of them: the binomial-spread rule
     *         needs the counts' bases, which {@link #run} takes from the input)
     */
    public double statistic(int[] counts) {
        return Moments.mean(Digits.lastDigits(counts, minCount));
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return Plan.run(plan(input, options), options);
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        byte[] digits = Results.lastDigitsUsed(ID, input, options, minCount, MIN_BINOMIAL_SD);
        Plan.Done tooFew = Results.tooFewLastDigits(ID, input, options, digits, minCounts, MIN_BINOMIAL_SD);
        if (tooFew != null) {
            return tooFew;
        }
        boolean own = options.conventionsFor(ID) == Conventions.PSEPHOS;
        return Results.bootstrappedMean(ID, input, digits, REFERENCE,
                (mean, n) -> NormalTails.twoSided((mean - REFERENCE) / Math.sqrt(VARIANCE / n)),
                FlagRule.INTERVAL_EXCLUDES_REFERENCE,
                new DigitDetails.LastDigitMean(minCount, own ? MIN_BINOMIAL_SD : 0.0));
    }
}
