package org.psephos.forensics;

/**
 * The two statistics of an option's share against turnout, Pearson's r and the Sobyanin–Sukhovolsky slope minus
 * mean share, with their guards, paired bootstrap and threshold flag. Package-private helper.
 */
final class TurnoutRegression {
    private TurnoutRegression() {
    }

    /** @return r (which = 0) or slope − mean share (which = 1) from {@link Moments#regression} output */
    private static double pick(double[] reg, int which) {
        return which == 0 ? reg[0] : reg[1] - reg[2];
    }

    /**
     * @param id        test id
     * @param input     the data
     * @param options   settings
     * @param which     0 for the correlation, 1 for the Sobyanin measure
     * @param reference null value
     * @param threshold flag when |value| exceeds it
     * @return the plan
     */
    static Plan plan(String id, TestInput input, BatteryOptions options, int which, double reference,
                          double threshold) {
        if (input.variable().isTurnout()) {
            return new Plan.Done(TestResult.notApplicable(id, input, input.size(),
                    "not applicable to turnout: the test relates an option's share to turnout"));
        }
        String why = Results.tooFewUnits(input, options);
        double[] t = input.turnout();
        double[] v = input.proportions();
        if (why == null && (Moments.constant(t) || (which == 0 && Moments.constant(v)))) {
            why = Results.ZERO_VARIANCE;
        }
        if (why != null) {
            return new Plan.Done(TestResult.notApplicable(id, input, input.size(), why));
        }
        double value = pick(Moments.regression(t, v), which);
        double ct = Moments.mean(t);
        double cv = Moments.mean(v);
        return new Plan.Pending(id, input, value, t.length, new Resample.Cross(t, v, ct, cv, which), reference,
                Double.NaN, Math.abs(value) > threshold, Results.details("threshold", threshold));
    }
}
