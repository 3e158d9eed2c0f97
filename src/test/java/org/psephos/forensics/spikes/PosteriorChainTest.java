package org.psephos.forensics.spikes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;

/**
 * The posterior draws of the interval: a proper Metropolis chain around the fit, for one component too (where the
 * package's chain accepts every proposal and drifts away, see {@link PosteriorChain}).
 */
class PosteriorChainTest {

    @Test
    void aOneComponentChainStaysAroundTheFit() {
        UniformRandomProvider rng = RandomStreams.seeded(3).stream(1);
        BetaSampler beta = new BetaSampler(rng);
        int units = 2000;
        int[] n = new int[units];
        int[] y = new int[units];
        for (int i = 0; i < units; i++) {
            n[i] = 200 + rng.nextInt(1800);
            y[i] = BinomialSampler.sample(rng, n[i], beta.sample(40, 60));
        }
        BinomialCounts c = new BinomialCounts(y, n);
        MixtureFit fit = new MixtureFitter(c).fit(1, 1, 5, 1, Progress.NONE);
        PosteriorChain chain = new PosteriorChain(c, fit);
        double a0 = Math.log(fit.mixture().alpha(0));
        double sd = Math.sqrt(-1 / fit.hessian()[0][0] * 10); // generous: the marginal sd exceeds the conditional
        BetaBinomialMixture th = fit.mixture();
        double far = 0;
        for (int s = 0; s < 200; s++) {
            th = chain.step(th, rng);
            far = Math.max(far, Math.abs(Math.log(th.alpha(0)) - a0));
        }
        assertTrue(chain.acceptance() > 0.05 && chain.acceptance() < 0.95, "acceptance " + chain.acceptance());
        assertTrue(far < 10 * sd, "the chain drifted " + far + " from the fit (sd about " + sd + ")");
        assertTrue(th.w(0) == 1);
    }
}
