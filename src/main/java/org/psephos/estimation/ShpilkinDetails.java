package org.psephos.estimation;

import java.util.Map;
import java.util.Objects;
import org.psephos.forensics.EstimatorDetails;
import org.psephos.forensics.ResultDetails;

/**
 * The details of a {@link Shpilkin} row: the excess votes with their split, the clean peak, the bootstrap sd, and
 * how fragile the estimate is ({@link ShpilkinSensitivity}). {@link #toMap()} writes them under the keys of the
 * {@code analyze} JSON, in its order: the estimate's keys, then {@link ShpilkinSensitivity#details()}'s.
 *
 * @param excessVotes  F, the excess votes
 * @param stuffing     the part of F explained by turnout above the clean peak
 * @param switching    F − stuffing
 * @param cleanTurnout the clean-peak turnout t*
 * @param cleanShare   the leader's share at the clean peak
 * @param excessSd     F's sd over the replicates
 * @param sensitivity  the estimate under every peak rule and over the grid of clean peaks
 * @since 0.1
 */
public record ShpilkinDetails(double excessVotes, double stuffing, double switching, double cleanTurnout,
                              double cleanShare, double excessSd, ShpilkinSensitivity sensitivity)
        implements EstimatorDetails {

    /** Checks the record. */
    public ShpilkinDetails {
        Objects.requireNonNull(sensitivity, "sensitivity");
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> d = ResultDetails.ordered("excess_votes", excessVotes, "stuffing", stuffing,
                "switching", switching, "clean_turnout", cleanTurnout, "clean_share", cleanShare,
                "excess_sd", excessSd);
        d.putAll(sensitivity.details());
        return d;
    }
}
