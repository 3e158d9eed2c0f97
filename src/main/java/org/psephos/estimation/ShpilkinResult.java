package org.psephos.estimation;

import java.util.Objects;

/**
 * Shpilkin's estimate with its parametric uncertainty: the standard deviation of the excess votes over binomial
 * redraws of the leader's votes or over bootstrap resamples of the units (see {@link Shpilkin}). Immutable.
 *
 * @param estimate   the point estimate on the reported counts
 * @param excessSd   sd of F over the replicates
 * @param redraws    number of replicates (redraws or resamples)
 * @param seed       their seed
 * @since 0.1
 */
public record ShpilkinResult(ShpilkinEstimate estimate, double excessSd, int redraws, long seed) {
    /** @throws NullPointerException if the estimate is null */
    public ShpilkinResult {
        Objects.requireNonNull(estimate, "estimate");
    }

    /** @return z = F / sd (infinite if sd is 0 and F &gt; 0) */
    public double z() {
        return estimate.excessVotes() / excessSd;
    }
}
