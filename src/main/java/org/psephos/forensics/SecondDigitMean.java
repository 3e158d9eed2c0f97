package org.psephos.forensics;

import org.psephos.simulation.NormalTails;

/**
 * {@code 2BL}: the mean of the second digits of the counts that have at least two digits (Mebane 2006, "Election
 * forensics: vote counts and Benford's law"; EFToolkit {@code BasicElectionForensics.R}, method {@code _2BL}).
 *
 * <p>Null reference: the second-digit Benford mean \( \sum_d d\,q_d = 4.1874 \) ({@link BenfordSecondDigit}).
 * Flag rule (EFToolkit): the basic 95% bootstrap interval excludes the reference. The p-value is the two-sided
 * normal approximation \( z = (\bar d - 4.1874) / \sqrt{\sigma^2_{2BL} / n} \) with the Benford null variance
 * \( \sigma^2_{2BL} \approx 8.254 \) (EFToolkit reports none). Counts below 10 are dropped, as EFToolkit's
 * {@code SecondDigitGetter} returns NA for them; the bootstrap resamples the group's units and averages the second
 * digits of the resampled counts of 10 or more, as EFToolkit's {@code mean(..., na.rm = TRUE)} does.
 *
 * <p>Not applicable with fewer than {@link #minCounts()} counts of 10 or more (default 50). Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class SecondDigitMean implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "2BL";

    private final int minCounts;

    private SecondDigitMean(int minCounts) {
        this.minCounts = Digits.checkMinCounts(minCounts);
    }

    /** @return the test with at least 50 usable counts */
    public static SecondDigitMean withDefaults() {
        return new SecondDigitMean(Results.MIN_DIGIT_COUNTS);
    }

    /** @param m the fewest usable counts for the test to apply @return a copy */
    public SecondDigitMean withMinCounts(int m) {
        return new SecondDigitMean(m);
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
     * @return the mean second digit of the counts of at least 10 (NaN if there are none)
     */
    public double statistic(int[] counts) {
        return Moments.mean(secondDigits(Digits.atLeast(counts, Digits.TWO_DIGITS)));
    }

    private static double[] secondDigits(int[] usable) {
        double[] d = new double[usable.length];
        for (int i = 0; i < usable.length; i++) {
            d[i] = Digits.second(usable[i]);
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
        byte[] d = new byte[counts.length];
        int dropped = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) Digits.second(counts[i]); // -1 for a one-digit count
            dropped += d[i] < 0 ? 1 : 0;
        }
        double reference = BenfordSecondDigit.mean();
        double variance = BenfordSecondDigit.variance();
        return Results.bootstrappedMean(ID, input, d, reference,
                (mean, n) -> NormalTails.twoSided((mean - reference) / Math.sqrt(variance / n)),
                FlagRule.INTERVAL_EXCLUDES_REFERENCE,
                new DigitDetails.SecondDigitMean(dropped));
    }
}
