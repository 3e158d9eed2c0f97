package org.psephos.estimation;

import org.psephos.data.Election;

/**
 * A Klimek et al. (2012) fit of an election with a seed, as {@link KlimekFit#fit} makes it with the test's settings
 * and thread count: what {@link KlimekFitMonteCarloNull} refits on its null elections and {@link KlimekFitNullScore}
 * on the size-adjusted election. Package-private.
 */
@FunctionalInterface
interface KlimekRefit {
    /**
     * @param e    units with a leader
     * @param seed the run seed
     * @return the fit
     * @throws IllegalArgumentException if the moments cannot be estimated
     */
    KlimekFitResult fit(Election e, long seed);
}
