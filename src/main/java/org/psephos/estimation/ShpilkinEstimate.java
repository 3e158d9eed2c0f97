package org.psephos.estimation;

import org.psephos.forensics.TurnoutBins;

/**
 * The point estimate of Shpilkin's clean-peak method on one set of units (see {@link Shpilkin}). Immutable: the
 * per-unit array is copied in and out.
 *
 * @param peakTurnout     t*, the centre of the clean-peak turnout bin
 * @param ratio           r, the leader's votes per vote of the other options in the peak bin
 * @param excessVotes     F, the anomalous votes Σ_{b &gt; t*} (W_b − r·O_b)
 * @param stuffing        the part of F explained by turnout above t*: min(F, max(0, (T − t*)·ΣN))
 * @param switching       F − stuffing
 * @param cleanTurnout    the turnout without the anomaly, t*
 * @param cleanShare      the leader's share of the valid votes in the peak bin, W_{t*}/(W_{t*} + O_{t*})
 * @param officialTurnout T = Σ ballots / Σ registered
 * @param leaderVotes     the leader's reported votes, Σ W
 * @param unitExcess      per unit, W_i − r·O_i for units in bins above t*, else 0 (sums to F)
 * @since 0.1
 */
public record ShpilkinEstimate(double peakTurnout, double ratio, double excessVotes, double stuffing,
                               double switching, double cleanTurnout, double cleanShare, double officialTurnout,
                               long leaderVotes, double[] unitExcess) {
    /** Copies the per-unit array. */
    public ShpilkinEstimate {
        unitExcess = unitExcess.clone();
    }

    @Override
    public double[] unitExcess() {
        return unitExcess.clone();
    }

    /**
     * @return the 1% turnout bin of the clean peak, {@link TurnoutBins#percentBin(double)} of t* (Psephos: the bin
     *         whose centre t* is; EFToolkit's conventions: the bin [t*, t* + 1%) that starts at its label)
     */
    public int peakBin() {
        return TurnoutBins.percentBin(peakTurnout);
    }

    /** @return the leader's share of the valid votes had the excess votes not been counted */
    public double excessShareOfLeader() {
        return leaderVotes == 0 ? Double.NaN : excessVotes / leaderVotes;
    }
}
