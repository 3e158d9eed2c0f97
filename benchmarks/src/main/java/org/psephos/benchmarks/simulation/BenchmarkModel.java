package org.psephos.benchmarks.simulation;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/**
 * The benchmark model of issue 3, also written in numpy in {@code benchmarks/peer/klimek_numpy.py}: registered ~
 * U{500..2000}; turnout N(0.7, 0.1) and support N(0.6, 0.1) truncated to [0, 1]; Klimek fraud with f_i = 0.1,
 * θ = 0.4, f_e = 0.01, α = 2; voters, leader, stuffed and stolen votes binomial.
 */
final class BenchmarkModel {
    /** Incremental fraud probability. */
    static final double F_I = 0.1;
    /** Extreme fraud probability. */
    static final double F_E = 0.01;

    private BenchmarkModel() {
    }

    /**
     * @param units number of units
     * @return the model
     */
    static SimulationModel of(int units) {
        ElectorateModel e = ElectorateModel.of(units, new SizeDistribution.Uniform(500, 2000),
                ProportionDistribution.normal(0.7, 0.1), ProportionDistribution.normal(0.6, 0.1));
        return SimulationModel.clean(e).with(FraudModel.Klimek.of(F_I, 0.4, 2, F_E));
    }

    /**
     * @param g    standard normals
     * @param mean the proportion's mean
     * @return N(mean, 0.1) truncated to [0, 1] by redrawing, as the engine's normal proportions
     */
    static double truncated(NormalizedGaussianSampler g, double mean) {
        while (true) {
            double x = mean + 0.1 * g.sample();
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
    }
}
