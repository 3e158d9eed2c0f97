package org.psephos.forensics;

/**
 * {@code P05s}: the share of units whose whole-number percentage ends in 0 or 5 (EFToolkit
 * {@code BasicElectionForensics.R}, method {@code P05s}).
 *
 * <p>Per unit: \( x = \min(p, 1) \) with p the variable's proportion (turnout: ballots / registered; an option:
 * votes / the election's share base), and the indicator that the last digit of \( \mathrm{round}(100x) \) is 0 or 5.
 * Rounding is half-to-even, as R's {@code round}. Null reference 0.2. Flag rule (EFToolkit): the basic 95% bootstrap
 * interval excludes 0.2. p-value: the exact two-sided binomial test against Binomial(n, 0.2). Not applicable with
 * fewer than {@link #minUnits()} units (default 50). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ZeroFivePercents implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "P05s";
    /** The null share. */
    public static final double REFERENCE = 0.2;

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
     * @return per unit, 1 if the rounded percentage ends in 0 or 5, 0 if not, NaN if the proportion is NaN
     */
    static double[] indicators(double[] proportions) {
        double[] d = new double[proportions.length];
        for (int i = 0; i < d.length; i++) {
            if (Double.isNaN(proportions[i])) {
                d[i] = Double.NaN; // EFToolkit: left out of numerator and denominator
                continue;
            }
            int pct = (int) Math.rint(100 * Math.min(proportions[i], 1.0));
            d[i] = Digits.zeroOrFive(Digits.last(pct));
        }
        return d;
    }

    /**
     * @param proportions proportions in [0, 1] (NaN where undefined, left out)
     * @return the share whose rounded percentage ends in 0 or 5
     */
    public double statistic(double[] proportions) {
        return Moments.mean(java.util.Arrays.stream(indicators(proportions)).filter(x -> !Double.isNaN(x))
                .toArray());
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return Plan.run(plan(input, options), options);
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        String why = Results.tooFewCounts(input.size(), options.conventionsFor(ID).minimum(minUnits), "units");
        if (why != null) {
            return new Plan.Done(TestResult.notApplicable(ID, input, input.size(), why));
        }
        double[] ind = indicators(input.proportions());
        byte[] b = new byte[ind.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Double.isNaN(ind[i]) ? -1 : (byte) ind[i];
        }
        return Results.binomialShare(ID, input, b, REFERENCE, Results.ShareFlag.INTERVAL,
                RoundNumberDetails.ZeroFivePercents::new);
    }
}
