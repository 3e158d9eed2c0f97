package org.psephos.forensics;

/**
 * {@code P05s}: the share of units whose whole-number percentage ends in 0 or 5 (EFToolkit
 * {@code BasicElectionForensics.R}, method {@code P05s}).
 *
 * <p>Per unit: \( x = \min(p, 1) \) with p the variable's proportion (turnout: ballots / registered; an option:
 * votes / the election's share base), and the indicator that the last digit of \( \mathrm{round}(100x) \) is 0 or 5.
 * Rounding is half-to-even, as R's {@code round}. Under Psephos's conventions only whole percentages strictly
 * between 0 and 100 are counted ({@link Range#INNER}): 0% and 100% are forced by a count at its boundary or by a
 * count of a few votes rounded down, not figures anyone writes, and no smooth resampling null reproduces how often
 * small counts round to 0 (Albania 2013's parties with 0.02–0.1% of the votes; docs/verdict-method.md, addendum 7).
 * Under EFToolkit's conventions every unit is counted ({@link Range#ALL}), as its code does. Null reference 0.2.
 * Flag rule (EFToolkit): the basic 95% bootstrap interval excludes 0.2. p-value: the exact two-sided binomial test
 * against Binomial(n, 0.2). Not applicable with fewer than {@link #minUnits()} counted units (default 50).
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ZeroFivePercents implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "P05s";
    /** The null share. */
    public static final double REFERENCE = 0.2;

    /** Which units' whole percentages the test counts. */
    public enum Range {
        /** Every unit with a defined proportion (EFToolkit). */
        ALL,
        /** Units whose whole percentage is strictly between 0 and 100 (Psephos's conventions). */
        INNER;

        /** @param pct a whole percentage, 0..100 @return whether the test counts it */
        public boolean counts(int pct) {
            return this == ALL || pct > 0 && pct < 100;
        }

        /** @param c the conventions P05s runs under @return ALL under EFToolkit's, else INNER */
        static Range under(Conventions c) {
            return c == Conventions.EFTOOLKIT ? ALL : INNER;
        }
    }

    private final int minUnits;

    private ZeroFivePercents(int minUnits) {
        this.minUnits = Digits.checkMinCounts(minUnits);
    }

    /** @return the test, applicable from 50 units */
    public static ZeroFivePercents withDefaults() {
        return new ZeroFivePercents(Results.MIN_DIGIT_COUNTS);
    }

    /** @param m the fewest units for the test to apply @return a copy */
    public ZeroFivePercents withMinUnits(int m) {
        return new ZeroFivePercents(m);
    }

    /** @return the fewest units for the test to apply */
    public int minUnits() {
        return minUnits;
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
     * @param proportions proportions (capped at 1 here; NaN where undefined)
     * @param range       which whole percentages are counted
     * @return per unit, 1 if the rounded percentage ends in 0 or 5, 0 if not, NaN if the proportion is NaN or the
     *         percentage is not counted
     */
    static double[] indicators(double[] proportions, Range range) {
        double[] d = new double[proportions.length];
        for (int i = 0; i < d.length; i++) {
            if (Double.isNaN(proportions[i])) {
                d[i] = Double.NaN; // EFToolkit: left out of numerator and denominator
                continue;
            }
            int pct = (int) Math.rint(100 * Math.min(proportions[i], 1.0));
            d[i] = range.counts(pct) ? Digits.zeroOrFive(Digits.last(pct)) : Double.NaN;
        }
        return d;
    }

    /**
     * @param proportions proportions in [0, 1] (NaN where undefined, left out)
     * @return the share of the whole percentages strictly between 0 and 100 that end in 0 or 5 (Psephos's
     *         conventions), NaN if there is none
     */
    public double statistic(double[] proportions) {
        return statistic(proportions, Range.INNER);
    }

    /**
     * @param proportions proportions in [0, 1] (NaN where undefined, left out)
     * @param range       which whole percentages are counted
     * @return the share of the counted whole percentages that end in 0 or 5, NaN if none is counted
     */
    public double statistic(double[] proportions, Range range) {
        double[] used = java.util.Arrays.stream(indicators(proportions, range)).filter(x -> !Double.isNaN(x))
                .toArray();
        return used.length == 0 ? Double.NaN : Moments.mean(used);
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return Plan.run(plan(input, options), options);
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        Conventions c = options.conventionsFor(ID);
        int minimum = c.minimum(minUnits);
        String why = Results.tooFewCounts(input.size(), minimum, "units");
        if (why != null) {
            return new Plan.Done(TestResult.notApplicable(ID, input, input.size(), why));
        }
        Range range = Range.under(c);
        double[] ind = indicators(input.proportions(), range);
        byte[] b = new byte[ind.length];
        int counted = 0;
        for (int i = 0; i < b.length; i++) {
            b[i] = Double.isNaN(ind[i]) ? -1 : (byte) ind[i];
            counted += b[i] >= 0 ? 1 : 0;
        }
        why = range == Range.ALL ? null
                : Results.tooFewCounts(counted, minimum, "units whose whole percentage is strictly between 0 and 100");
        if (why != null) {
            return new Plan.Done(TestResult.notApplicable(ID, input, counted, why));
        }
        return Results.binomialShare(ID, input, b, REFERENCE, Results.ShareFlag.INTERVAL,
                RoundNumberDetails.ZeroFivePercents::new);
    }
}
