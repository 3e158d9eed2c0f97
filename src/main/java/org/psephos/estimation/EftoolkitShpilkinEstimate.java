package org.psephos.estimation;

import org.psephos.data.Election;

/**
 * {@link Shpilkin}'s estimate under {@link org.psephos.forensics.Conventions#EFTOOLKIT}: EFToolkit's arithmetic
 * ({@link EftoolkitShpilkin}, R's bins and labels) with the estimator's peak rule, as a {@link ShpilkinEstimate} or a
 * {@link ShpilkinSensitivity.Row}. Package-private and stateless.
 *
 * <p>Under EFToolkit's conventions ({@link Shpilkin#withConventions}, or the run's conventions) the estimate is
 * EFToolkit's {@code estimate_fraud}, reproducing R's arithmetic (see {@code EftoolkitShpilkin}): turnout = share base
 * / registered (EFToolkit's {@code TotalVotes/TotalReg}), bins (e_{k−1}, e_k] on R's floating-point edges
 * {@code seq(0, 1.01, .01)}, t* = the bin's label (its lower edge), its {@code height} peak rule by default (the
 * highest {@code pracma::findpeaks} peak of the leader's votes below the official turnout), every unit kept
 * ({@code na.rm}), stuffing = round((T − t*)·ΣN) not floored at 0; an explicit {@link Shpilkin#with(Shpilkin.PeakRule)}
 * or {@link Shpilkin#withManualTurnout} wins (a manual turnout names a bin label). The per-unit split stays W_i − r·O_i
 * above the peak (EFToolkit's post-stratified per-precinct split is not reproduced).
 */
final class EftoolkitShpilkinEstimate {
    private EftoolkitShpilkinEstimate() {
    }

    /**
     * @return EFToolkit's point estimate by the estimator's rule
     * @throws IllegalArgumentException if there are no units or EFToolkit gives no estimate
     */
    static ShpilkinEstimate of(Shpilkin by, EftoolkitShpilkin.Columns c) {
        if (c.voters().length == 0) {
            throw new IllegalArgumentException("no units");
        }
        EftoolkitShpilkin.Sums s = EftoolkitShpilkin.Sums.of(c, null);
        double[] x = point(by, s);
        int p = (int) x[0];
        double r = x[1];
        double[] unit = new double[c.voters().length];
        long leaderVotes = 0;
        for (int i = 0; i < unit.length; i++) {
            double w = c.votes()[i];
            if (!Double.isNaN(w)) {
                leaderVotes += (long) w;
            }
            if (c.bin()[i] > p && !Double.isNaN(w) && !Double.isNaN(c.valid()[i])) {
                unit[i] = w - r * (c.valid()[i] - w);
            }
        }
        double t = EftoolkitShpilkin.label(p);
        return new ShpilkinEstimate(t, r, x[2], x[3], x[4], t, x[5], s.sumValid() / s.sumVoters(), leaderVotes,
                unit);
    }

    /** @return EFToolkit's {p, r, F, stuffing, switching, share} on these sums under the estimator's peak rule */
    static double[] point(Shpilkin by, EftoolkitShpilkin.Sums s) {
        Shpilkin.PeakRule r = by.peakRule();
        if (r == Shpilkin.PeakRule.HEIGHT || r == Shpilkin.PeakRule.MANUAL) {
            return EftoolkitShpilkin.estimate(s, r == Shpilkin.PeakRule.MANUAL ? by.manualTurnout : Double.NaN);
        }
        // the rules on the other options' votes, over EFToolkit's bins 1..101
        double[] w = java.util.Arrays.copyOfRange(s.w(), 1, EftoolkitShpilkin.BINS + 1);
        double[] o = new double[w.length];
        for (int k = 0; k < o.length; k++) {
            o[k] = s.v()[k + 1] - w[k];
        }
        return EftoolkitShpilkin.estimate(s, EftoolkitShpilkin.label(ShpilkinPeaks.peak(r, Double.NaN, w, o) + 1));
    }

    /** @return EFToolkit's estimate by that estimator's rule as a row (NaN values where it gives none) */
    static ShpilkinSensitivity.Row row(EftoolkitShpilkin.Sums s, Shpilkin by, double label) {
        try {
            double[] x = point(by, s);
            return new ShpilkinSensitivity.Row(EftoolkitShpilkin.label((int) x[0]), x[1], x[2], x[3], x[4], x[5]);
        } catch (IllegalArgumentException ex) {
            return ShpilkinSensitivity.Row.none(label);
        }
    }
}
