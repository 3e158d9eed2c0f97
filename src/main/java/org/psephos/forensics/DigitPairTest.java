package org.psephos.forensics;

import java.util.Locale;
import java.util.Objects;

/**
 * The last-two-digit pair tests of Beber and Scacco (2012, "What the numbers say: a digit-based test for election
 * fraud", Political Analysis 20(2), doi:10.1093/pan/mps003): the counts of at least a minimum (default 10, never
 * below 10), the pair (d1, d2) of their penultimate and last digits, and the share of pairs of one kind, tested
 * against its null share with the exact two-sided binomial test. Flag rule: p &lt; 0.05, i.e. the share lies
 * outside Beber and Scacco's binomial 95% bounds. A basic bootstrap interval is reported as well. Not applicable
 * with fewer than {@code minCounts} usable counts (default 50).
 *
 * <p>Package-private base of {@link RepeatedDigits}, {@link AdjacentDigits} and {@link DistantDigits}; subclasses
 * are immutable, so their copies come from {@link #copy}.
 *
 * @param <T> the concrete test
 */
abstract class DigitPairTest<T extends DigitPairTest<T>> implements ForensicTest, Plan.Source {
    private final int minCount;
    private final int minCounts;
    private final Adjacency convention;

    DigitPairTest(int minCount, int minCounts, Adjacency convention) {
        this.minCount = Math.max(Digits.checkMinCount(minCount), Digits.TWO_DIGITS);
        this.minCounts = Digits.checkMinCounts(minCounts);
        this.convention = Objects.requireNonNull(convention, "convention");
    }

    /** @return a copy with these settings */
    abstract T copy(int newMinCount, int newMinCounts, Adjacency newConvention);

    /** @return whether the pair (d1, d2) is of this test's kind */
    abstract boolean isKind(int d1, int d2);

    /** @return the null share of this test's kind */
    abstract double reference();

    /** @param c the smallest count used (values below 10 are raised to 10) @return a copy */
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
        return Results.binomialShare(id(), input, ind, reference(), true, Results.details("min_count",
                minCount, "convention", convention.name().toLowerCase(Locale.ROOT)));
    }
}
