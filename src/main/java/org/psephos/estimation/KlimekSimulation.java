package org.psephos.estimation;

import org.psephos.data.Election;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/**
 * Elections of the fitted Klimek model (Klimek, Yegorov, Hanel and Thurner 2012, PNAS 109(41), 16469–16473) with
 * the observed unit sizes, by the engine: the clean elections of {@link KlimekFit#withNull(int)}'s Monte Carlo null
 * and the share histograms of {@link KlimekFit#simulatedShareHistogram} (Fig. 4 of the paper). Sizes
 * {@link SizeDistribution.Listed}, turnout N(τ, σ_τ), share N(ν, σ_ν), the {@link FraudModel.Klimek} fraud with
 * f_i, f_e (capped at 1 − f_i), θ and α. Package-private and stateless.
 */
final class KlimekSimulation {
    private KlimekSimulation() {
    }

    /** @return an election of the model with the given clean moments and the observed sizes (engine) */
    static Election simulate(int[] sizes, KlimekMoments m, double fi, double fe, double alpha, long seed) {
        ElectorateModel electorate = ElectorateModel.of(sizes.length, new SizeDistribution.Listed(sizes),
                ProportionDistribution.normal(m.tau(), m.sigmaTau()), ProportionDistribution.normal(m.nu(),
                        m.sigmaNu()));
        SimulationModel model = SimulationModel.clean(electorate).with(FraudModel.Klimek.of(fi, m.theta(),
                alpha, Math.min(fe, 1 - fi)));
        return MonteCarloEngine.run(model, seed, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE)
                .units().orElseThrow();
    }

    /** @return {@link KlimekFit#simulatedShareHistogram}, which documents it */
    static double[] shareHistogram(Election e, KlimekMoments m, double fi, double fe, double alpha, int realisations,
                                   long seed) {
        if (realisations < 1) {
            throw new IllegalArgumentException("realisations is not positive: " + realisations);
        }
        int[] sizes = e.registeredColumn();
        RandomStreams streams = RandomStreams.seeded(seed);
        double[] h = new double[KlimekObjective.BINS];
        for (int r = 0; r < realisations; r++) {
            Election sim = simulate(sizes, m, fi, fe, alpha, streams.stream(KlimekFit.KEY, -2, r).nextLong());
            double[] one = KlimekObjective.histogram(KlimekFit.Objective.WINNER_SHARE, sim.registeredColumn(),
                    sim.ballotsColumn(), sim.votesColumn(0), sim.shareDenominatorColumn(), sim.size());
            for (int k = 0; k < h.length; k++) {
                h[k] += one[k] / realisations;
            }
        }
        return h;
    }
}
