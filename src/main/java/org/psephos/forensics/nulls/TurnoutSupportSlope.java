package org.psephos.forensics.nulls;

import java.util.Arrays;

/**
 * The clean association between a unit's turnout and its leader's support that {@link TwinModel} keeps in the twins:
 * one national slope γ of the leader's logit on the unit's turnout deviation, fitted on the clean side of the data
 * only. Package-private; stateless.
 *
 * <p>Why. Clean elections tie support to turnout through political geography (a party strong where people vote
 * more: in Canada 2011 the governing party's share rises from 0.35 in polls under 30% turnout to 0.45 at 70–80%).
 * Twins that draw the two independently read that as the fingerprint of stuffing, which also raises both, and
 * Shpilkin's estimator then calls a clean election anomalous.
 *
 * <p>How the fraud tail is kept out. The deviation d_i is the unit's empirical turnout logit minus its size term
 * and its group's turnout location (the clean peak under {@link TwinOptions.TailRule#LOWER_HALF}); the slope is fitted
 * only on units with d_i ≤ 0, the half below the clean peak that the tail rule already takes as the clean
 * reference. Stuffing and added votes move units up in turnout, out of that half, so they do not set the slope;
 * selecting on the regressor leaves a linear slope unbiased. Under {@link TwinOptions.TailRule#ALL} every unit is used
 * (the naive fit, which absorbs a fraud tail, for comparison).
 *
 * <p>The fit. The selected units are cut into ten bins by d; the line through the bins' mean d and mean leader
 * residual, weighted by the bins' counts (the least-squares slope, up to the binning). Not the bins' medians, as
 * {@link ComponentFit}'s size slope: a support distribution whose skew changes with turnout (one province voting
 * less and for others, Canada 2011) moves the medians twice as steeply as the means (0.42 against 0.24 there),
 * and the selection on d already keeps the fraud tail out.
 * The binomial noise in d attenuates the slope (errors in variables); it is divided by the reliability
 * 1 − (mean noise variance of d) / (mean of the groups' turnout spread², noise included) over the selected units, at
 * least 1/2: the whole distribution's reliability, not the selected half's, because E[latent | observed d] does not
 * depend on a selection on d. 0 below
 * {@value #MIN_UNITS} selected units.
 *
 * @since 0.1
 */
final class TurnoutSupportSlope {
    /** Fewest selected units for a slope. */
    static final int MIN_UNITS = 200;

    private TurnoutSupportSlope() {
    }

    /**
     * @param turnout      per unit the empirical turnout logit (NaN where not defined)
     * @param turnoutNoise per unit its binomial noise variance
     * @param support      per unit the empirical leader logit (NaN where not defined)
     * @param z            per unit the size covariate, or null without size slopes
     * @param group        per unit the group code, or null for one group
     * @param t            the fitted turnout component (its size slope and group locations)
     * @param l            the fitted leader component
     * @param rule         the tail rule: the clean half, or every unit under {@code ALL}
     * @return γ, the leader logit's slope on the turnout deviation
     */
    static double fit(double[] turnout, double[] turnoutNoise, double[] support, double[] z, int[] group,
                      TwinModel.Component t, TwinModel.Component l, TwinOptions.TailRule rule) {
        int n = turnout.length;
        double[] tLoc = t.rawCentre();
        double[] lLoc = l.rawCentre();
        double[] tSpread = t.rawSpread();
        double[] d = new double[n];
        double[] e = new double[n];
        int[] order = new int[n];
        int k = 0;
        boolean all = rule == TwinOptions.TailRule.ALL;
        double noise = 0;
        double spreadSq = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(turnout[i]) || Double.isNaN(support[i])) {
                continue;
            }
            int g = group == null ? 0 : group[i];
            double zi = z == null ? 0 : z[i];
            double di = turnout[i] - t.slope() * zi - tLoc[g];
            if (Double.isNaN(di) || !all && di > 0) {
                continue;
            }
            d[i] = di;
            e[i] = support[i] - l.slope() * zi - lLoc[g];
            noise += turnoutNoise[i];
            spreadSq += tSpread[g] * tSpread[g];
            order[k++] = i;
        }
        if (k < MIN_UNITS) {
            return 0;
        }
        Integer[] idx = new Integer[k];
        for (int j = 0; j < k; j++) {
            idx[j] = order[j];
        }
        Arrays.sort(idx, (a, b) -> Double.compare(d[a], d[b]));
        double slope = BinnedLine.slope(idx, k, i -> d[i], i -> e[i], BinnedLine.Centre.MEAN);
        double reliability = spreadSq > 0 ? Math.max(0.5, 1 - noise / spreadSq) : 1;
        return slope / reliability;
    }
}
