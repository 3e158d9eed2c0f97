package org.psephos.estimation;

import org.psephos.data.Election;
import org.psephos.data.ElectionTotals;
import org.psephos.forensics.TurnoutBins;

/**
 * {@link Shpilkin}'s estimate on Psephos's 1% turnout bins ({@link TurnoutBins#percentBin(long, long)}: bin b holds
 * turnout in [b%, (b+1)%), bin 100 exactly 100%; t* is the centre of the peak bin): the per-bin sums W_b (the
 * leader's votes) and O_b (the other options' votes), and the estimate with the clean peak in a given bin.
 * Package-private and stateless; EFToolkit's bins are {@link EftoolkitShpilkin}'s.
 */
final class ShpilkinBins {
    /** Number of 1% turnout bins: 0%, 1%, …, 100%. */
    static final int BINS = TurnoutBins.PERCENT_BINS;

    private ShpilkinBins() {
    }

    /** @return the election's columns @throws IllegalArgumentException if it has no leader or no units */
    static LeaderColumns columns(Election e) {
        LeaderColumns c = LeaderColumns.of(e);
        if (c.n == 0) {
            throw new IllegalArgumentException("no units");
        }
        return c;
    }

    /** @return each unit's 1% turnout bin ({@link TurnoutBins#percentBin(long, long)}; 0 without registered voters) */
    static int[] bins(LeaderColumns c) {
        int[] bin = new int[c.n];
        for (int i = 0; i < c.n; i++) {
            bin[i] = c.registered[i] > 0 ? TurnoutBins.percentBin(c.ballots[i], c.registered[i]) : 0;
        }
        return bin;
    }

    /** @return {W, O} per bin of the columns with these bins */
    static double[][] binnedVotes(LeaderColumns c, int[] bin) {
        return new double[][] {TurnoutBins.sums(bin, c.leader, BINS), TurnoutBins.sums(bin, c.others, BINS)};
    }

    /**
     * The point estimate of an estimator on the election's columns and their turnout bins.
     *
     * @throws IllegalArgumentException if the peak bin holds no votes of the other options
     */
    static ShpilkinEstimate estimate(Shpilkin by, Election e, LeaderColumns c, int[] bin) {
        double[][] binned = binnedVotes(c, bin);
        int peak = ShpilkinPeaks.peak(by, binned[0], binned[1]);
        ShpilkinSensitivity.Row row = row(binned, peak, e.totals());
        if (Double.isNaN(row.ratio())) {
            throw new IllegalArgumentException("the clean-peak bin holds no votes of the other options");
        }
        double r = row.ratio();
        double[] unit = new double[c.n];
        for (int i = 0; i < c.n; i++) {
            if (bin[i] > peak) {
                unit[i] = c.leader[i] - r * c.others[i];
            }
        }
        ElectionTotals totals = e.totals();
        return new ShpilkinEstimate(row.peakTurnout(), r, row.excessVotes(), row.stuffing(), row.switching(),
                row.peakTurnout(), row.cleanShare(), (double) totals.ballots() / totals.registered(),
                totals.optionVotes()[e.leader()], unit);
    }

    /**
     * @return the estimate with the clean peak in bin {@code peak} of the sums {W, O}: r = W_p/O_p,
     *         F = Σ_{b &gt; p} (W_b − r·O_b), stuffing = min(max(F, 0), max(0, (T − t*)·ΣN)); NaN values where
     *         O_p = 0
     */
    static ShpilkinSensitivity.Row row(double[][] binned, int peak, ElectionTotals totals) {
        double[] w = binned[0];
        double[] o = binned[1];
        double tStar = TurnoutBins.percentCentre(peak);
        if (!(o[peak] > 0)) {
            return ShpilkinSensitivity.Row.none(tStar);
        }
        double r = w[peak] / o[peak];
        double f = excess(w, o, peak, r);
        long reg = totals.registered();
        double official = (double) totals.ballots() / reg;
        double stuffing = Math.min(Math.max(f, 0), Math.max(0, (official - tStar) * reg));
        return new ShpilkinSensitivity.Row(tStar, r, f, stuffing, f - stuffing, w[peak] / (w[peak] + o[peak]));
    }

    /** @return F = Σ_{b &gt; peak} (W_b − r·O_b) */
    static double excess(double[] w, double[] o, int peak, double r) {
        double f = 0;
        for (int b = peak + 1; b < BINS; b++) {
            f += w[b] - r * o[b];
        }
        return f;
    }
}
