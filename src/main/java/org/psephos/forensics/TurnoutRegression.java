package org.psephos.forensics;


/**
 * The statistics of an option's share against turnout: Pearson's r, EFToolkit's Sobyanin–Sukhovolsky slope minus
 * mean share (with their guards, paired bootstrap and threshold flag) and the slopes of {@link Sobyanin}'s other
 * forms with their standard errors. Package-private helper.
 */
final class TurnoutRegression {
    private TurnoutRegression() {
    }

    /**
     * @param id        test id
     * @param input     the data
     * @param options   settings
     * @param stat      {@link CrossStatistic#CORRELATION} or {@link CrossStatistic#SLOPE_MINUS_MEAN}; the row's
     *                  expected value is its {@link CrossStatistic#nullMean}
     * @param threshold flag when |value| exceeds it
     * @return the plan
     */
    static Plan plan(String id, TestInput input, BatteryOptions options, CrossStatistic stat, double threshold) {
        if (input.variable().isTurnout()) {
            return new Plan.Done(TestResult.notApplicable(id, input, input.size(),
                    "not applicable to turnout: the test relates an option's share to turnout"));
        }
        if (options.conventionsFor(id) == Conventions.EFTOOLKIT) {
            return new Plan.Done(eftoolkit(id, input, stat, threshold));
        }
        String why = Results.tooFewUnits(input, options);
        double[] t = input.turnout();
        double[] v = input.proportions();
        if (why == null && (Moments.constant(t) || (stat.needsVaryingY() && Moments.constant(v)))) {
            why = Results.ZERO_VARIANCE;
        }
        if (why != null) {
            return new Plan.Done(TestResult.notApplicable(id, input, input.size(), why));
        }
        double value = stat.of(Moments.regression(t, v));
        double ct = Moments.mean(t);
        double cv = Moments.mean(v);
        return new Plan.Pending(id, input, value, t.length, new Resample.Cross(t, v, ct, cv, stat), stat.nullMean(cv),
                Double.NaN, FlagRule.decided(Math.abs(value) > threshold), new ShapeDetails.Threshold(threshold));
    }

    /**
     * The slope of an option's share on turnout ({@link Sobyanin.Form#SLOPE}) or of its votes per registered voter
     * on turnout ({@link Sobyanin.Form#CLASSIC}), with its OLS standard error, the other regression in the details,
     * and a paired bootstrap interval; no p-value, no flag ({@link Sobyanin}).
     *
     * @param id      test id
     * @param input   the data
     * @param options settings
     * @param form    which regression is the row's value ({@link Sobyanin.Form#SLOPE} or {@code CLASSIC})
     * @return the plan
     */
    static Plan slopePlan(String id, TestInput input, BatteryOptions options, Sobyanin.Form form) {
        boolean classic = form == Sobyanin.Form.CLASSIC;
        if (input.variable().isTurnout()) {
            return new Plan.Done(TestResult.notApplicable(id, input, input.size(),
                    "not applicable to turnout: the test relates an option's share to turnout"));
        }
        String why = Results.tooFewUnits(input, options);
        double[] t = input.turnout();
        if (why == null && Moments.constant(t)) {
            why = Results.ZERO_VARIANCE;
        }
        if (why != null) {
            return new Plan.Done(TestResult.notApplicable(id, input, input.size(), why));
        }
        double[] share = input.proportions();
        double[] perVoter = new double[t.length];
        org.psephos.data.Election e = input.election();
        int k = input.variable().option();
        long votes = 0;
        long ballots = 0;
        for (int i = 0; i < perVoter.length; i++) {
            perVoter[i] = (double) e.votes(k, i) / e.registered(i);
            votes += e.votes(k, i);
            ballots += e.ballots(i);
        }
        double[] s = ols(t, share);
        double[] c = ols(t, perVoter);
        double expectedClassic = ballots == 0 ? Double.NaN : (double) votes / ballots;
        double[] y = classic ? perVoter : share;
        double[] fit = classic ? c : s;
        double[] other = classic ? s : c;
        ShapeDetails.Slope d = new ShapeDetails.Slope(form, fit[1], fit[2], other[0], other[1], expectedClassic);
        return new Plan.Pending(id, input, fit[0], t.length,
                new Resample.Cross(t, y, Moments.mean(t), Moments.mean(y), CrossStatistic.SLOPE),
                classic ? expectedClassic : 0.0, Double.NaN, FlagRule.NOT_FLAGGED, d);
    }

    /** @return {slope, its OLS standard error, intercept} of y on x (x not constant) */
    private static double[] ols(double[] x, double[] y) {
        int n = x.length;
        double[] s = Moments.crossSums(x, y);
        double slope = s[4] / s[2];
        double ssr = Math.max(0, s[3] - slope * s[4]);
        double se = n > 2 ? Math.sqrt(ssr / (n - 2) / s[2]) : Double.NaN;
        return new double[] {slope, se, s[1] - slope * s[0]};
    }

    /**
     * The statistic as EFToolkit's {@code sobyanin_sukhovolsky} and {@code correlation_coef} compute it
     * ({@code BasicElectionForensics.R}): on the uncapped turnout and share of every unit of the group, the
     * regression {@code lm(share ~ turnout)} and {@code cor(..., use = "pairwise.complete.obs")} over the units where
     * both are defined, the mean share ({@code mean(share, na.rm = TRUE)}) over the units where the share is; no
     * interval, flagged when |value| exceeds the threshold. R's {@code lm} stops with an error on an infinite value
     * (a count over a zero base): the row is then not applicable.
     */
    private static TestResult eftoolkit(String id, TestInput input, CrossStatistic stat, double threshold) {
        double[] t = input.turnout();
        double[] v = input.proportions();
        int pairs = 0;
        int shares = 0;
        double shareSum = 0;
        for (int i = 0; i < t.length; i++) {
            if (Double.isInfinite(t[i]) || Double.isInfinite(v[i])) {
                return TestResult.notApplicable(id, input, input.size(), "a turnout or share is infinite (a count "
                        + "over a zero base): EFToolkit's lm() stops with an error here");
            }
            if (!Double.isNaN(v[i])) {
                shares++;
                shareSum += v[i];
                if (!Double.isNaN(t[i])) {
                    pairs++;
                }
            }
        }
        double[] x = new double[pairs];
        double[] y = new double[pairs];
        int k = 0;
        for (int i = 0; i < t.length; i++) {
            if (!Double.isNaN(v[i]) && !Double.isNaN(t[i])) {
                x[k] = t[i];
                y[k++] = v[i];
            }
        }
        if (pairs < 2 || Moments.constant(x) || (stat.needsVaryingY() && Moments.constant(y))) {
            return TestResult.notApplicable(id, input, pairs, pairs < 2 ? "fewer than 2 units with a turnout and a "
                    + "share" : Results.ZERO_VARIANCE);
        }
        double[] reg = Moments.regression(x, y);
        double value = stat == CrossStatistic.CORRELATION ? reg[0] : reg[1] - shareSum / shares;
        return TestResult.of(id, input).statistic(value).expected(stat.nullMean(shareSum / shares))
                .flag(Math.abs(value) > threshold).n(pairs).details(new ShapeDetails.Threshold(threshold));
    }
}
