package org.psephos.forensics;

/**
 * {@code Distant}: the share of counts whose last two digits are distant, neither repeated nor adjacent (Beber and
 * Scacco 2012, "What the numbers say: a digit-based test for election fraud", Political Analysis 20(2),
 * doi:10.1093/pan/mps003). People who invent numbers write distant pairs too rarely.
 *
 * <p>Uses the counts of at least {@link #minCount()} (default 30). Null reference: the share expected for these
 * counts from the slope of the count distribution across each count's decade (see {@code DigitPairTest}); with
 * uniform digits it is 0.72 with the digits on a line (the default) or 0.70 with 0 and 9 adjacent
 * ({@link #with(Adjacency)}; see {@link Adjacency} for the choice; detail {@code uniform_digits_share}). p-value:
 * exact two-sided binomial test at that reference; flag rule p &lt; 0.05 (outside the binomial 95% bounds). A basic
 * 95% bootstrap interval is reported as well. Not applicable with fewer than 50 usable counts. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class DistantDigits extends DigitPairTest<DistantDigits> {
    /** The test id. */
    public static final String ID = "Distant";

    private DistantDigits(int minCount, int minCounts, Adjacency convention) {
        super(minCount, minCounts, convention);
    }

    /** @return the test over counts of 30 or more, digits on a line, applicable from 50 counts */
    public static DistantDigits withDefaults() {
        return new DistantDigits(DEFAULT_MIN_COUNT, Results.MIN_DIGIT_COUNTS, Adjacency.LINE);
    }

    /** @param a the adjacency convention @return a copy */
    public DistantDigits with(Adjacency a) {
        return copy(minCount(), minCounts(), a);
    }

    @Override
    DistantDigits copy(int newMinCount, int newMinCounts, Adjacency newConvention) {
        return new DistantDigits(newMinCount, newMinCounts, newConvention);
    }

    @Override
    boolean isKind(int d1, int d2) {
        return d1 != d2 && !convention().adjacent(d1, d2);
    }

    @Override
    double reference() {
        return convention().distantShare();
    }

    @Override
    public String id() {
        return ID;
    }
}
