package org.psephos.forensics;


/**
 * {@code LastDigitChi2}: Pearson's chi-square test of uniform last digits (Beber and Scacco 2012, "What the
 * numbers say: a digit-based test for election fraud", Political Analysis 20(2), doi:10.1093/pan/mps003).
 *
 * <p>Statistic: \( X^2 = \sum_{d=0}^{9} (O_d - n/10)^2 / (n/10) \) over the counts of at least
 * {@link #minCount()} (default 10: Beber and Scacco exclude smaller counts, whose last digit is also their first);
 * expected value under the null 9 (df); p-value from \( \chi^2_9 \); flag rule p &lt; 0.05. Not applicable with
 * fewer than {@link #minCounts()} usable counts (default 50). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LastDigitChi2 implements ForensicTest {
    /** The test id. */
    public static final String ID = "LastDigitChi2";

    private final int minCount;
    private final int minCounts;

    private LastDigitChi2(int minCount, int minCounts) {
        this.minCount = Digits.checkMinCount(minCount);
        this.minCounts = Digits.checkMinCounts(minCounts);
    }

    /** @return the test over counts of 10 or more, applicable from 50 of them */
    public static LastDigitChi2 withDefaults() {
        return new LastDigitChi2(Digits.TWO_DIGITS, Results.MIN_DIGIT_COUNTS);
    }

    /** @param c the smallest count used (0 uses all) @return a copy */
    public LastDigitChi2 withMinCount(int c) {
        return new LastDigitChi2(c, minCounts);
    }

    /** @param m the fewest usable counts for the test to apply @return a copy */
    public LastDigitChi2 withMinCounts(int m) {
        return new LastDigitChi2(minCount, m);
    }

    /** @return the smallest count used */
    public int minCount() {
        return minCount;
    }

    /** @return the fewest usable counts for the test to apply */
    public int minCounts() {
        return minCounts;
    }

    /** @return {@link NullModel#RESAMPLING}: the count-level resampling null */
    @Override
    public NullModel nullModel() {
        return NullModel.RESAMPLING;
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * @param counts counts
     * @return the frequencies of last digits 0..9 among the counts of at least {@link #minCount()}
     */
    public long[] frequencies(int[] counts) {
        long[] f = new long[10];
        for (int c : counts) {
            if (c >= minCount) {
                f[Digits.last(c)]++;
            }
        }
        return f;
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return DigitChi2.result(ID, input, frequencies(input.counts()), NullDistributions.UNIFORM_DIGITS, minCounts,
                "counts of " + minCount + " or more");
    }
}
