package org.psephos.forensics;

/**
 * {@code Repeats}: the share of counts whose last two digits repeat, d1 = d2 (Beber and Scacco 2012, "What the
 * numbers say: a digit-based test for election fraud", Political Analysis 20(2), doi:10.1093/pan/mps003). People
 * who invent numbers repeat digits too rarely.
 *
 * <p>Uses the counts of at least {@link #minCount()} (default 30). Null reference: the share of repeats expected
 * for these counts from the slope of the count distribution across each count's decade (see
 * {@code DigitPairTest}); with uniform last digits it is 10/100 = 0.10 ({@link #REFERENCE}, detail
 * {@code uniform_digits_share}). p-value: exact two-sided binomial test (as {@code scipy.stats.binomtest}) at that
 * reference; flag rule p &lt; 0.05 (outside the binomial 95% bounds). A basic 95% bootstrap interval is reported as
 * well. Not applicable with fewer than 50 usable counts. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RepeatedDigits extends DigitPairTest<RepeatedDigits> {
    /** The test id. */
    public static final String ID = "Repeats";
    /** The share of repeated last-two digits among the 100 equally likely pairs. */
    public static final double REFERENCE = 0.10;

    private RepeatedDigits(int minCount, int minCounts) {
        super(minCount, minCounts, Adjacency.LINE);
    }

    /** @return the test over counts of 30 or more, applicable from 50 of them */
    public static RepeatedDigits withDefaults() {
        return new RepeatedDigits(DEFAULT_MIN_COUNT, Results.MIN_DIGIT_COUNTS);
    }

    @Override
    RepeatedDigits copy(int newMinCount, int newMinCounts, Adjacency newConvention) {
        return new RepeatedDigits(newMinCount, newMinCounts);
    }

    @Override
    boolean isKind(int d1, int d2) {
        return d1 == d2;
    }

    @Override
    double reference() {
        return REFERENCE;
    }

    @Override
    public String id() {
        return ID;
    }
}
