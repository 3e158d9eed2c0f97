package org.psephos.forensics;

import java.util.Locale;
import java.util.Objects;

/**
 * The last-two-digit pair tests of Beber and Scacco (2012, "What the numbers say: a digit-based test for election
 * fraud", Political Analysis 20(2), doi:10.1093/pan/mps003): the counts of at least a minimum (default
 * {@value #DEFAULT_MIN_COUNT}, never below 10), the pair (d1, d2) of their penultimate and last digits, and the share of
 * pairs of one kind, tested with the exact two-sided binomial test against the share expected for these counts.
 * Flag rule: p &lt; 0.05, i.e. the share lies outside the binomial 95% bounds. A basic bootstrap interval is
 * reported as well. Not applicable with fewer than {@code minCounts} usable counts (default 50).
 *
 * <p>The reference is computed for the counts used, not taken as the 0.10, 0.18, 0.72 of 100 equally likely pairs.
 * Those hold only if both digits are uniform, and neither is for vote counts: the penultimate digit of a count
 * below 100 is its leading digit, and a count distribution that falls (or rises) across a decade makes low (or
 * high) last digits more frequent. Each used count c, in decade D = ⌊c/10⌋, gets the last-digit probabilities
 * of a count distribution that is log-linear across its decade, fitted to the numbers of counts of the variable
 * (all of them, those below the minimum included) in the decades on either side:
 * \( P(j) \propto e^{\beta (j - 4.5)} \), \( \beta = \ln\frac{n_{D+1} + 1/2}{n_{D-1} + 1/2} / 20 \); the probability of its
 * kind given its penultimate digit d1 = D mod 10 is the sum of P(j) over the last digits j that make a pair of the
 * kind with d1; the reference is the mean of that probability over the used counts. (The number of pairs of the
 * kind is then a sum of independent Bernoulli variables with these probabilities given the decades; the binomial
 * test at their mean is slightly conservative.) Digit invention changes the last digits within a decade, which
 * this null does not absorb; a smooth change of the count distribution (election size, turnout, the region mix)
 * moves only the reference.
 *
 * <p>Calibration ({@code DigitPairStudy}, run by hand; clean elections simulated with
 * {@code --size-lognormal 7:0.6 --regions 40 --region-sd 0.4:0.4 --options 4 --invalid 0.01}, turnout 0.6:0.1,
 * share 0.5:0.1, 200 elections per scenario, turnout and each option tested; the full table is in the study's
 * comment). Flag rates at 5% with this reference and counts of {@value #DEFAULT_MIN_COUNT} or more, Repeats /
 * Adjacent / Distant: 5,000 units 0.057 / 0.050 / 0.056; 30,000 units 0.040 / 0.055 / 0.062; 95,000 units 0.046 /
 * 0.036 / 0.056; small stations (log-normal 5.5:0.6) 0.047 / 0.052 / 0.041; small stations with 8 options 0.052 /
 * 0.045 / 0.046 (sd of a 5% rate 0.005 to 0.010). With the fixed reference and counts of 10 or more they were
 * 0.065 / 0.054 / 0.060, 0.102 / 0.083 / 0.056, 0.210 / 0.108 / 0.054, 0.435 / 0.642 / 0.619 and 0.797 / 0.793 /
 * 0.789. With counts of 10 to 29 the log-linear approximation fails where a decade holds the peak of a steep count
 * distribution (small stations, small options; measured in a scratch version of the study: 0.12 to 0.52 with
 * counts of 10 or more, 0.04 to 0.07 from 20, 0.04 to 0.05 from 30), hence the minimum of
 * {@value #DEFAULT_MIN_COUNT}.
 *
 * <p>Package-private base of {@link RepeatedDigits}, {@link AdjacentDigits} and {@link DistantDigits}; subclasses
 * are immutable, so their copies come from {@link #copy}.
 *
 * @param <T> the concrete test
 */
abstract class DigitPairTest<T extends DigitPairTest<T>> implements ForensicTest, Plan.Source {
    /** The default smallest count used (see the class comment for the study behind it). */
    static final int DEFAULT_MIN_COUNT = 30;
    private final int minCount;
    private final int minCounts;
    private final Adjacency convention;

    DigitPairTest(int minCount, int minCounts, Adjacency convention) {
        this.minCount = Math.max(Digits.checkMinCount(minCount), Digits.TWO_DIGITS);
        this.minCounts = Digits.checkMinCounts(minCounts);
        this.convention = Objects.requireNonNull(convention, "convention");
    }

    /** @return {@link NullModel#RESAMPLING}: the count-level resampling null */
    @Override
    public NullModel nullModel() {
        return NullModel.RESAMPLING;
    }

    /** @return a copy with these settings */
    abstract T copy(int newMinCount, int newMinCounts, Adjacency newConvention);

    /** @return whether the pair (d1, d2) is of this test's kind */
    abstract boolean isKind(int d1, int d2);

    /** @return the share of this test's kind among the 100 equally likely digit pairs (uniform digits) */
    abstract double reference();

    /**
     * @param c the smallest count used (values below 10 are raised to 10; below the default 30 the reference is
     *          off on clean elections with many small counts, see the class comment)
     * @return a copy
     */
    public T withMinCount(int c) {
        return copy(c, minCounts, convention);
    }

    /** @param m the fewest usable counts for the test to apply @return a copy */
    public T withMinCounts(int m) {
        return copy(minCount, m, convention);
    }

    /** @return the smallest count used */
    public int minCount() {
        return minCount;
    }

    /** @return the fewest usable counts for the test to apply */
    public int minCounts() {
        return minCounts;
    }

    /** @return the adjacency convention */
    public Adjacency convention() {
        return convention;
    }

    /** @param counts counts @return one 0/1 value per usable count */
    final double[] indicators(int[] counts) {
        int[] kept = Digits.atLeast(counts, minCount);
        double[] d = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            d[i] = isKind(Digits.penultimate(kept[i]), Digits.last(kept[i])) ? 1.0 : 0.0;
        }
        return d;
    }

    /** @param counts counts @return the share of usable counts whose last two digits are of this test's kind */
    public double statistic(int[] counts) {
        return Moments.mean(indicators(counts));
    }

    /**
     * The reference of the test (see the class comment): the share of pairs of this kind expected for these counts
     * if their last digits followed the slope of the count distribution across each count's decade.
     *
     * @param counts all counts of the variable (those below the minimum count shape the decades' slopes)
     * @return the expected share over the usable counts, NaN if there is none
     */
    public double expectedShare(int[] counts) {
        // the decades ⌊c/10⌋ present, ascending, and how many counts each holds
        int[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        int[] decades = new int[sorted.length];
        long[] held = new long[sorted.length];
        int m = 0;
        for (int c : sorted) {
            if (m == 0 || decades[m - 1] != c / 10) {
                decades[m++] = c / 10;
            }
            held[m - 1]++;
        }
        double sum = 0;
        int used = 0;
        double[] p = new double[10];
        for (int c : counts) {
            if (c < minCount) {
                continue;
            }
            int d = c / 10;
            lastDigitShares(held(decades, held, m, d - 1), held(decades, held, m, d + 1), p);
            for (int j = 0; j < 10; j++) {
                sum += isKind(d % 10, j) ? p[j] : 0;
            }
            used++;
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    /** @return the counts in decade d, from the first m ascending decades and their counts */
    private static long held(int[] decades, long[] held, int m, int d) {
        int k = java.util.Arrays.binarySearch(decades, 0, m, d);
        return k >= 0 ? held[k] : 0;
    }

    /**
     * @param below counts in the decade below
     * @param above counts in the decade above
     * @param p     filled with P(last digit j), j = 0..9, of a log-linear density through the neighbours' means
     */
    static void lastDigitShares(long below, long above, double[] p) {
        double beta = Math.log((above + 0.5) / (below + 0.5)) / 20;
        double z = 0;
        for (int j = 0; j < 10; j++) {
            p[j] = Math.exp(beta * (j - 4.5));
            z += p[j];
        }
        for (int j = 0; j < 10; j++) {
            p[j] /= z;
        }
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return Plan.run(plan(input, options), options);
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        int[] counts = input.counts();
        byte[] ind = new byte[counts.length];
        int used = 0;
        for (int i = 0; i < counts.length; i++) {
            int c = counts[i];
            if (c >= minCount) {
                ind[i] = isKind(Digits.penultimate(c), Digits.last(c)) ? (byte) 1 : 0;
                used++;
            } else {
                ind[i] = -1;
            }
        }
        String why = Results.tooFewCounts(used, minCounts, "counts of " + minCount + " or more");
        if (why != null) {
            return new Plan.Done(TestResult.notApplicable(id(), input, used, why));
        }
        return Results.binomialShare(id(), input, ind, expectedShare(counts), Results.ShareFlag.P_VALUE,
                k -> new DigitDetails.DigitPair(minCount, convention.name().toLowerCase(Locale.ROOT), reference(), k));
    }
}
