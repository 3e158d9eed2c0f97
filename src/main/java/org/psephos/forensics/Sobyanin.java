package org.psephos.forensics;

/**
 * {@code Sobyanin}: the Sobyanin–Sukhovolsky measure as EFToolkit computes it ({@code BasicElectionForensics.R},
 * {@code sobyanin_sukhovolsky}; Sobyanin and Sukhovolsky 1995, <i>Democracy Limited by Fraud</i>): the OLS slope
 * \( \hat\beta_1 \) of the option's share on turnout, {@code lm(share ~ turnout)}, minus the mean share. A large
 * positive value says the option gained more than its share of the extra ballots in high-turnout units.
 *
 * <p>Null reference 0. Flag rule (EFToolkit): |value| &gt; 1.645 (= qnorm(0.95)). A paired basic 95% bootstrap
 * interval is reported; no p-value. Not applicable for the turnout variable, with fewer than {@code minUnits}
 * units, or when turnout does not vary (the slope is undefined). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Sobyanin implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "Sobyanin";
    /** EFToolkit's threshold, the standard normal 95% quantile. */
    public static final double THRESHOLD = 1.6448536269514722;

    private Sobyanin() {
    }

    /** @return the test */
    public static Sobyanin withDefaults() {
        return new Sobyanin();
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

    /**
     * @param turnout turnout per unit
     * @param share   share per unit
     * @return slope of share on turnout minus mean share (NaN if turnout does not vary)
     */
    public double statistic(double[] turnout, double[] share) {
        double[] reg = Moments.regression(turnout, share);
        return reg[1] - reg[2];
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return Plan.run(plan(input, options), options);
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        return TurnoutRegression.plan(ID, input, options, 1, 0.0, THRESHOLD);
    }
}
