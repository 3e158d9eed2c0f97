package org.psephos.estimation;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.data.Election;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateDistribution;

/**
 * The Monte Carlo p-value of {@link KlimekFit#withNull(int)}: M clean elections of the Klimek et al. (2012) model
 * (PNAS 109(41), 16469–16473) simulated with the observed unit sizes at the fitted clean moments (f_i = f_e = 0,
 * {@link KlimekSimulation}), each fitted with the test's settings; p = (1 + #{null f̂_i + f̂_e ≥ observed})/(M + 1)
 * (Davison and Hinkley 1997, §4.2.5), a null fit whose moments cannot be estimated counting as ≥. Null election j
 * uses {@code RandomStreams.seeded(seed).stream(KlimekFit.KEY, -3, j)}. Package-private and stateless.
 */
final class KlimekFitMonteCarloNull {
    private KlimekFitMonteCarloNull() {
    }

    /**
     * The p-value with what the row's details say about it.
     *
     * @param p       the p-value, NaN without a null
     * @param summary the null values' summary, or {@code null} without a null
     * @param method  how the p-value was computed, or why there is none
     */
    record Result(double p, KlimekDetails.MonteCarloNull summary, String method) {
    }

    /**
     * @param nulls null elections M, 0 for none
     * @param e     the observed units (their registered voters are used)
     * @param m     the fitted clean moments
     * @param seed  the run seed
     * @param value the observed f̂_i + f̂_e
     * @param refit the test's fit
     * @return the p-value (NaN for M = 0), the null values' summary and the method
     */
    static Result pValue(int nulls, Election e, KlimekMoments m, long seed, double value, KlimekRefit refit) {
        if (nulls <= 0) {
            return new Result(Double.NaN, null, "none (the sd over seeds is no sampling distribution; "
                    + "KlimekFit.withNull(M) gives a Monte Carlo p-value)");
        }
        double[] h0 = nullValues(nulls, e, m, seed, refit);
        int atLeast = 0;
        for (double v : h0) {
            atLeast += Double.isNaN(v) || v >= value ? 1 : 0;
        }
        double p = (1.0 + atLeast) / (nulls + 1);
        double[] finite = Arrays.stream(h0).filter(v -> !Double.isNaN(v)).toArray();
        ReplicateDistribution nd = finite.length == 0 ? null : ReplicateDistribution.of(finite);
        return new Result(p, new KlimekDetails.MonteCarloNull(nd == null ? Double.NaN : nd.mean(),
                nd == null ? Double.NaN : nd.sd(), h0.length - finite.length), "Monte Carlo: " + nulls
                + " clean elections simulated at the fitted clean moments and fitted");
    }

    /**
     * @return f̂_i + f̂_e of the null clean elections with e's unit sizes at the clean moments m, each fitted by
     *         refit; NaN where a null fit's moments are not estimable
     */
    private static double[] nullValues(int nulls, Election e, KlimekMoments m, long seed, KlimekRefit refit) {
        int[] sizes = e.registeredColumn();
        RandomStreams streams = RandomStreams.seeded(seed);
        double[] out = new double[nulls];
        for (int j = 0; j < nulls; j++) {
            UniformRandomProvider rng = streams.stream(KlimekFit.KEY, -3, j);
            Election clean = KlimekSimulation.simulate(sizes, m, 0, 0, 1, rng.nextLong());
            try {
                KlimekFitResult f = refit.fit(clean, rng.nextLong());
                out[j] = f.fi() + f.fe();
            } catch (IllegalArgumentException ex) {
                out[j] = Double.NaN;
            }
        }
        return out;
    }
}
