package org.psephos.forensics;

/**
 * {@code Correlation}: Pearson's correlation r between unit turnout and the option's vote share (EFToolkit
 * {@code BasicElectionForensics.R}, {@code correlation_coef}; Myagkov, Ordeshook and Shakin 2009, <i>The Forensics
 * of Election Fraud</i>, ch. 3: ballot stuffing makes a party's share rise with turnout).
 *
 * <p>Statistic \( r = \sum (t_i - \bar t)(v_i - \bar v) / \sqrt{\sum (t_i - \bar t)^2 \sum (v_i - \bar v)^2} \).
 * Null reference 0. Flag rule (EFToolkit): |r| &gt; 0.4. A paired basic 95% bootstrap interval is reported; no
 * p-value (the rule is a threshold on the size of the association, not a test of r = 0). Not applicable for the
 * turnout variable, with fewer than {@code minUnits} units, or when turnout or the share does not vary.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TurnoutShareCorrelation implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "Correlation";
    /** EFToolkit's threshold on |r|. */
    public static final double THRESHOLD = 0.4;

    private TurnoutShareCorrelation() {
    }

    /** @return the test */
    public static TurnoutShareCorrelation withDefaults() {
        return new TurnoutShareCorrelation();
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

    /** @param turnout turnout per unit @param share share per unit @return Pearson's r (NaN without variance) */
    public double statistic(double[] turnout, double[] share) {
        return Moments.regression(turnout, share)[0];
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return Plan.run(plan(input, options), options);
    }

    @Override
    public Plan plan(TestInput input, BatteryOptions options) {
        return TurnoutRegression.plan(ID, input, options, CrossStatistic.CORRELATION, THRESHOLD);
    }
}
