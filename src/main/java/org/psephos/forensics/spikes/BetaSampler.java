package org.psephos.forensics.spikes;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.psephos.simulation.Gamma;

/**
 * Beta(a, b) variates with the shapes given per call, as \( X/(X + Y) \) with independent \( X \sim
 * \mathrm{Gamma}(a) \), \( Y \sim \mathrm{Gamma}(b) \), each drawn by Marsaglia and Tsang's method (G. Marsaglia and
 * W. W. Tsang (2000), "A simple method for generating gamma variables", ACM TOMS 26(3):363–372,
 * doi:10.1145/358407.358414; shapes below 1 through Gamma(a) = Gamma(a + 1)·U^{1/a}). Exact; at the shapes of
 * polling-station posteriors (tens to thousands) about half the time of Cheng's algorithm BB, which R's
 * {@code rbeta} uses (same distribution, other numbers). Not thread-safe: holds the generator's normal sampler.
 */
final class BetaSampler {
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian normal;

    /** @param rng the generator */
    BetaSampler(UniformRandomProvider rng) {
        this.rng = rng;
        this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /**
     * @param a first shape, positive
     * @param b second shape, positive
     * @return a Beta(a, b) draw in [0, 1]
     */
    double sample(double a, double b) {
        double x = gamma(a);
        double y = gamma(b);
        double s = x + y;
        // both gammas underflow only for two shapes far below 1, which the posteriors here never have
        return s > 0 ? x / s : (rng.nextDouble() < a / (a + b) ? 1 : 0);
    }

    /**
     * @param shape the shape, positive
     * @return a Gamma(shape, 1) draw
     */
    double gamma(double shape) {
        return Gamma.sample(rng, normal, shape);
    }
}
