package org.psephos.forensics;

/**
 * {@code Skew}: the skewness of the variable's proportions (turnout, or an option's vote share), as
 * {@code moments::skewness} in EFToolkit {@code BasicElectionForensics.R}: \( m_3 / m_2^{3/2} \) with population
 * central moments \( m_k = \frac1n \sum (x_i - \bar x)^k \).
 *
 * <p>Null reference 0 (a symmetric distribution). Flag rule (EFToolkit): the basic 95% bootstrap interval excludes
 * 0. No p-value. Not applicable with fewer than {@code minUnits} units or when all proportions are equal (the
 * statistic is then 0/0). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Skewness implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "Skew";

    private Skewness() {
    }

    /** @return the test */
    public static Skewness withDefaults() {
        return new Skewness();
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

    /** @param x values @return their skewness, NaN if all are equal */
    public double statistic(double[] x) {
        return Moments.skewness(x);
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return Plan.run(plan(input, options), options);
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        return Results.shape(ID, input, options, Results.shapeValues(ID, input, options), Moments::skewness, 0.0,
                new ShapeDetails.Moment());
    }
}
