package org.psephos.forensics;

/**
 * {@code Sobyanin}: how an option's share moves with turnout, after Sobyanin and Sukhovolsky (1995), <i>Democracy
 * Limited by Fraud</i>: where ballots are added for an option, units with a higher turnout give it a larger share.
 *
 * <p>Three forms ({@link Form}):
 * <ul>
 *   <li>{@link Form#SLOPE} (Psephos's conventions, the default): the OLS slope \( \hat\beta_1 \) of the option's
 *       share on turnout, with its standard error \( \sqrt{\mathrm{SSR}/((n-2) S_{tt})} \) (detail
 *       {@code slope_se}) and a paired basic 95% bootstrap interval. Reference 0 (a share that does not move with
 *       turnout). No p-value and no flag: a t-test of the slope at n ≈ 95,000 rejects on the heterogeneity of clean
 *       elections alone (regions that vote more and differently), so the slope's null comes with the calibrated
 *       nulls of issue 15. The classic regression below is in the details ({@code classic_slope},
 *       {@code classic_se}, {@code classic_expected}).</li>
 *   <li>{@link Form#CLASSIC}: the classic Sobyanin–Sukhovolsky regression of the option's votes per registered voter
 *       on turnout, \( W_i/N_i = a + b\,B_i/N_i \): b is the share of the additional ballots that went to the option,
 *       to be read against its share of all ballots \( \sum W / \sum B \) (the expected value; b well above it says
 *       ballots were added for it). Standard error and bootstrap interval as above; no p-value or flag.</li>
 *   <li>{@link Form#EFTOOLKIT} (EFToolkit's conventions, {@code BasicElectionForensics.R},
 *       {@code sobyanin_sukhovolsky}): \( \hat\beta_1 - \bar v \), the slope of the share on turnout minus the mean
 *       share, flagged when |value| &gt; 1.645 (= qnorm(0.95)). The subtraction belongs to the classic regression
 *       (whose slope is the share when the share does not move), not to the share's slope, whose null value is 0:
 *       the statistic is kept only to reproduce EFToolkit; its expected value is minus the mean share.</li>
 * </ul>
 * Not applicable for the turnout variable, with fewer than {@code minUnits} units, or when turnout does not vary.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Sobyanin implements ForensicTest, Plan.Source {
    /** The test id. */
    public static final String ID = "Sobyanin";
    /** EFToolkit's threshold, the standard normal 95% quantile. */
    public static final double THRESHOLD = 1.6448536269514722;

    /** Which statistic the row reports. */
    public enum Form {
        /** The slope of the share on turnout with its standard error (Psephos's conventions). */
        SLOPE,
        /** The slope of the votes per registered voter on turnout (Sobyanin and Sukhovolsky's regression). */
        CLASSIC,
        /** The slope of the share on turnout minus the mean share, flagged above 1.645 (EFToolkit). */
        EFTOOLKIT
    }

    private final Form form;

    private Sobyanin(Form form) {
        this.form = form;
    }

    /** @return the test in the form of the run's conventions (EFToolkit's under its conventions, else the slope) */
    public static Sobyanin withDefaults() {
        return new Sobyanin(null);
    }

    /**
     * @param f the form, whatever the conventions
     * @return a copy
     */
    public Sobyanin with(Form f) {
        return new Sobyanin(java.util.Objects.requireNonNull(f, "form"));
    }

    /**
     * @param options the settings
     * @return the form this test reports under them
     */
    public Form formFor(BatteryOptions options) {
        if (form != null) {
            return form;
        }
        return options.conventionsFor(ID) == Conventions.EFTOOLKIT ? Form.EFTOOLKIT : Form.SLOPE;
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

    /**
     * @param turnout turnout per unit
     * @param share   share per unit
     * @return EFToolkit's statistic: slope of share on turnout minus mean share (NaN if turnout does not vary)
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
        Form f = formFor(options);
        return f == Form.EFTOOLKIT
                ? TurnoutRegression.plan(ID, input, options, CrossStatistic.SLOPE_MINUS_MEAN, THRESHOLD)
                : TurnoutRegression.slopePlan(ID, input, options, f);
    }
}
