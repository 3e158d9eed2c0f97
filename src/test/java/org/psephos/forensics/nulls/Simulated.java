package org.psephos.forensics.nulls;

import org.psephos.data.Election;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/** Simulated elections for the null tests (first replicate of the engine). */
final class Simulated {
    private Simulated() {
    }

    /**
     * @param units number of units
     * @param seed  seed
     * @return a clean election: sizes U{300..1500}, normal turnout (0.65, 0.1) and support (0.55, 0.1), 4 options,
     *         1% invalid, 5 regions
     */
    static Election clean(int units, long seed) {
        ElectorateModel e = ElectorateModel.of(units, new SizeDistribution.Uniform(300, 1500),
                ProportionDistribution.normal(0.65, 0.1), ProportionDistribution.normal(0.55, 0.1))
                .withOptions(4, 20).withInvalidRate(0.01).withRegions(Math.min(5, units), 0, 0);
        return election(e, seed);
    }

    /**
     * @param e      the electorate
     * @param seed   seed
     * @param frauds fraud models
     * @return the first replicate's units
     */
    static Election election(ElectorateModel e, long seed, FraudModel... frauds) {
        SimulationModel m = SimulationModel.clean(e);
        for (FraudModel f : frauds) {
            m = m.with(f);
        }
        return MonteCarloEngine.run(m, seed, 2, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE)
                .units().orElseThrow();
    }
}
