package org.psephos.forensics.spikes;

import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.simulation.BinomialSampler;

/**
 * Clean twins for the spikes test's own null: elections drawn from the fitted turnout and support beta-binomial
 * mixtures of {@link RozenasSpikes} (Rozenas 2017, Political Analysis 25(1):41–56, doi:10.1017/pan.2016.9), with
 * the observed registered voters. Null model: each unit's turnout and support rates come from the smooth mixtures,
 * its counts are binomial given them, so the twin has no spikes but the ones small denominators make.
 *
 * @since 0.1
 */
public final class MixtureTwins {
    private MixtureTwins() {
    }

    /**
     * A clean twin of an election: counts drawn from the fitted mixtures themselves (not from the units'
     * posteriors), with the same registered voters: \( t_i \sim \) the turnout mixture given \( N_i \),
     * \( v_i \sim \) the support mixture given \( t_i \). Units with no turnout drawn keep t = 0 (the caller drops
     * them, as the analysis needs t &gt; 0).
     *
     * @param n       registered voters per unit
     * @param turnout the turnout mixture
     * @param support the support mixture
     * @param rng     the generator
     * @return {t, v}
     */
    public static int[][] draw(int[] n, BetaBinomialMixture turnout, BetaBinomialMixture support,
                               UniformRandomProvider rng) {
        BetaSampler beta = new BetaSampler(rng);
        int[] t = new int[n.length];
        int[] v = new int[n.length];
        for (int i = 0; i < n.length; i++) {
            int k = pick(turnout, rng.nextDouble());
            t[i] = BinomialSampler.sample(rng, n[i], beta.sample(turnout.alpha(k), turnout.beta(k)));
            int j = pick(support, rng.nextDouble());
            v[i] = BinomialSampler.sample(rng, t[i], beta.sample(support.alpha(j), support.beta(j)));
        }
        return new int[][] {t, v};
    }

    private static int pick(BetaBinomialMixture m, double u) {
        double c = 0;
        for (int k = 0; k < m.components() - 1; k++) {
            c += m.w(k);
            if (u <= c) {
                return k;
            }
        }
        return m.components() - 1;
    }
}
