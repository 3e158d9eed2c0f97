package org.psephos.benchmarks.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.psephos.simulation.RandomStreams;

/**
 * The RNG floor of the benchmark model: the same streams (one per block of 4096 units and purpose, as the
 * engine keys them) and the same variates per unit, with every transformation removed. Per unit: the size
 * (one bounded int), turnout and support (two ziggurat normals), one uniform in place of each binomial (voters,
 * leader; BTRD's minimum), the fraud-class uniform; for the f_i + f_e = 11% fraud units, the intensity normal
 * and one uniform for each of the stuffed and stolen binomials. Truncation and BTRD rejections are not
 * counted, so the floor is a lower bound of any exact implementation. {@link #baseline()} is the loop with no
 * draws.
 */
public class RngFloorPerformance extends AbstractBenchmark {
    static final int UNITS = MonteCarloEnginePerformance.UNITS;
    static final int BLOCK = 4096;

    long seed;

    /** @return the sum of all variates, so none can be eliminated */
    @Benchmark
    @OperationsPerInvocation(UNITS)
    public double floor() {
        RandomStreams streams = RandomStreams.seeded(seed++);
        double acc = 0;
        double fraud = BenchmarkModel.F_I + BenchmarkModel.F_E;
        for (int b = 0; b * BLOCK < UNITS; b++) {
            UniformRandomProvider sizes = streams.stream(2, b);
            UniformRandomProvider rng = streams.stream(1, 0, b);
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
            UniformRandomProvider frng = streams.stream(16, 0, b);
            NormalizedGaussianSampler fg = ZigguratSampler.NormalizedGaussian.of(frng);
            int end = Math.min(UNITS, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i++) {
                int n = 500 + sizes.nextInt(1501);
                double a = 0.7 + 0.1 * g.sample();
                double v = 0.6 + 0.1 * g.sample();
                double voters = rng.nextDouble();
                double leader = rng.nextDouble();
                double u = frng.nextDouble();
                acc += n + a + v + voters + leader;
                if (u < fraud) {
                    acc += Math.abs(0.4 * fg.sample()) + frng.nextDouble() + frng.nextDouble();
                }
            }
        }
        return acc;
    }

    /** @return the same loop over units without drawing */
    @Benchmark
    @OperationsPerInvocation(UNITS)
    public double baseline() {
        double acc = 0;
        for (int i = 0; i < UNITS; i++) {
            acc += i;
        }
        return acc + seed++;
    }
}
