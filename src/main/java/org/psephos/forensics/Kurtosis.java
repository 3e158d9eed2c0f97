package org.psephos.forensics;

/**
 * {@code Kurt}: the Pearson kurtosis (not excess) of the variable's proportions, as {@code moments::kurtosis} in
 * EFToolkit {@code BasicElectionForensics.R}: \( m_4 / m_2^2 \) with population central moments
 * \( m_k = \frac1n \sum (x_i - \bar x)^k \) (= {@code scipy.stats.kurtosis(x, fisher=False)}).
 *
 * <p>Null reference 3 (the normal distribution). Flag rule (EFToolkit): the basic 95% bootstrap interval excludes
 * 3. No p-value. Not applicable with fewer than {@code minUnits} units or when all proportions are equal.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Kurtosis implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "Kurt";
    /** The kurtosis of a normal distribution. */
    public static final double NORMAL = 3.0;

    private Kurtosis() {
    }

    /** @return the test */
    public static Kurtosis withDefaults() {
        return new Kurtosis();
    }

    /** @return {@link NullModel#TWINS}: the clean-twin null */
    @Override
    public NullModel nullModel() {
        return NullModel.TWINS;
    }

    @Override
    public String id() {
        return ID;
    }

    /** @return {@link Evidence#DISTANCE_FROM_CLEAN}: no p-value, only a reference value */
    @Override
    public Evidence evidence() {
        return Evidence.DISTANCE_FROM_CLEAN;
    }

    /** @param x values @return their Pearson kurtosis, NaN if all are equal */
    public double statistic(double[] x) {
        return Moments.kurtosis(x);
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return Plan.run(plan(input, options), options);
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        return Results.shape(ID, input, options, Results.shapeValues(ID, input, options), Moments::kurtosis, NORMAL,
                new ShapeDetails.Moment());
    }
}
