package org.psephos.forensics;

/**
 * {@code 2BLChi2}: Pearson's chi-square statistic of the ten second-digit frequencies of the counts of 10 or more
 * against the second-digit Benford probabilities \( q_d \) ({@link BenfordSecondDigit}), with 9 degrees of freedom
 * (Mebane 2006, "Election forensics: vote counts and Benford's law"; Mebane 2008, "Election forensics: the
 * second-digit Benford's law test and recent American presidential elections"). EFToolkit implements only the mean.
 *
 * <p>Statistic: \( X^2 = \sum_{d=0}^{9} (O_d - n q_d)^2 / (n q_d) \); expected value under the null: its mean, 9.
 * p-value: the \( \chi^2_9 \) upper tail. Flag rule: p &lt; 0.05 (critical value 16.92). Not applicable with fewer
 * than {@code minCounts} usable counts (default 50). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SecondDigitChi2 implements ForensicTest {
    /** The test id. */
    public static final String ID = "2BLChi2";

    private final int minCounts;

    private SecondDigitChi2(int minCounts) {
        this.minCounts = Digits.checkMinCounts(minCounts);
    }

    /** @return the test with at least 50 usable counts */
    public static SecondDigitChi2 withDefaults() {
        return new SecondDigitChi2(Results.MIN_DIGIT_COUNTS);
    }

    /** @param m the fewest usable counts for the test to apply @return a copy */
    public SecondDigitChi2 withMinCounts(int m) {
        return new SecondDigitChi2(m);
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
     * @return the frequencies of second digits 0..9 among the counts of at least 10
     */
    public static long[] frequencies(int[] counts) {
        long[] f = new long[10];
        for (int c : counts) {
            if (c >= Digits.TWO_DIGITS) {
                f[Digits.second(c)]++;
            }
        }
        return f;
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        long[] f = frequencies(input.counts());
        return DigitChi2.result(ID, input, f, BenfordSecondDigit.probabilities(), minCounts, "counts of 10 or more");
    }
}
