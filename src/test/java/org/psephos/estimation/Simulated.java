package org.psephos.estimation;

import java.util.List;
import org.psephos.data.Election;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/** Simulated elections for the round trips: the engine's first replicate, clean and with fraud (paired). */
final class Simulated {
    /** Clean turnout of the round trips: Normal(0.5, 0.1), the Klimek et al. clean model. */
    static final ProportionDistribution TURNOUT = ProportionDistribution.normal(0.5, 0.1);
    /** Clean leader support: Normal(0.55, 0.08). */
    static final ProportionDistribution SHARE = ProportionDistribution.normal(0.55, 0.08);

    private Simulated() {
    }

    /** @return the electorate: n units of U{500..1500} voters, 2 options */
    static ElectorateModel electorate(int n) {
        return ElectorateModel.of(n, new SizeDistribution.Uniform(500, 1500), TURNOUT, SHARE);
    }

    /** @return the first replicate of the model with these frauds */
    static Election election(int n, long seed, FraudModel... frauds) {
        SimulationModel m = new SimulationModel(electorate(n), List.of(frauds));
        return MonteCarloEngine.run(m, seed, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE,
                org.psephos.simulation.Progress.NONE).units().orElseThrow();
    }

    /** @return Σ leader votes of e minus those of the paired clean election */
    static long trueExcess(Election fraud, Election clean) {
        long s = 0;
        for (int i = 0; i < fraud.size(); i++) {
            s += fraud.votes(0, i) - clean.votes(0, i);
        }
        return s;
    }

    /** @return Σ ballots of e minus those of the paired clean election */
    static long trueStuffed(Election fraud, Election clean) {
        long s = 0;
        for (int i = 0; i < fraud.size(); i++) {
            s += fraud.ballots(i) - clean.ballots(i);
        }
        return s;
    }
}
