package org.psephos.benchmarks.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.RandomStreams;

/**
 * The RNG floor of the benchmark model: the same streams (one per block of 4096 units and purpose, as the
 * engine keys them) and the same variates per unit, with every transformation removed. Per unit: the size
 * (one bounded int), turnout and support (two ziggurat normals), one uniform in place of each binomial (voters,
 * leader; BTRD's minimum), the fraud-class uniform; for the f_i + f_e = 11% fraud units, the intensity normal
 * and one uniform for each of the stuffed and stolen binomials. Truncation and BTRD rejections are not
 * counted, so the floor is a lower bound of any exact implementation. {@link #baseline()} is the loop with no
 * draws.
 *
 * <p>{@link #variates()} is the second floor: the same random variates of the benchmark model drawn exactly, by the
 * samplers the engine uses (truncated ziggurat normals, {@link BinomialSampler}'s block method for the four
 * binomials), on the same streams, with nothing else: no regions, accounting identities, fraud classes, option
 * columns or totals. The engine over this floor is what the engine adds to the cost of its variates.
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
            BlockStreams s = new BlockStreams(streams, b);
            int end = Math.min(UNITS, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i++) {
                int n = 500 + s.sizes.nextInt(1501);
                double a = 0.7 + 0.1 * s.gauss.sample();
                double v = 0.6 + 0.1 * s.gauss.sample();
                double voters = s.units.nextDouble();
                double leader = s.units.nextDouble();
                double u = s.fraud.nextDouble();
                acc += n + a + v + voters + leader;
                if (u < fraud) {
                    acc += Math.abs(0.4 * s.fraudGauss.sample()) + s.fraud.nextDouble() + s.fraud.nextDouble();
                }
            }
        }
        return acc;
    }

    private final int[] registered = new int[BLOCK];
    private final double[] turnout = new double[BLOCK];
    private final double[] share = new double[BLOCK];
    private final int[] voters = new int[BLOCK];
    private final int[] leader = new int[BLOCK];
    private final int[] nonVoters = new int[BLOCK];
    private final int[] opposition = new int[BLOCK];
    private final double[] intensity = new double[BLOCK];
    private final double[] stealing = new double[BLOCK];
    private final int[] stuffed = new int[BLOCK];
    private final int[] stolen = new int[BLOCK];

    /** @return a checksum of the variates, so none can be eliminated */
    @Benchmark
    @OperationsPerInvocation(UNITS)
    public long variates() {
        RandomStreams streams = RandomStreams.seeded(seed++);
        long acc = 0;
        double any = BenchmarkModel.F_I + BenchmarkModel.F_E;
        for (int b = 0; b * BLOCK < UNITS; b++) {
            BlockStreams s = new BlockStreams(streams, b);
            int len = Math.min(BLOCK, UNITS - b * BLOCK);
            for (int i = 0; i < len; i++) {
                registered[i] = 500 + s.sizes.nextInt(1501);
                turnout[i] = BenchmarkModel.truncated(s.gauss, 0.7);
                share[i] = BenchmarkModel.truncated(s.gauss, 0.6);
            }
            BinomialSampler.sample(s.units, registered, turnout, voters, len);
            BinomialSampler.sample(s.units, voters, share, leader, len);
            int f = 0;
            for (int i = 0; i < len; i++) {
                double u = s.fraud.nextDouble();
                if (u < any) {
                    double x;
                    if (u < BenchmarkModel.F_I) {
                        do {
                            x = Math.abs(0.4 * s.fraudGauss.sample());
                        } while (x >= 1);
                    } else {
                        x = Math.max(0, 1 - Math.abs(0.075 * s.fraudGauss.sample()));
                    }
                    nonVoters[f] = registered[i] - voters[i];
                    opposition[f] = voters[i] - leader[i];
                    intensity[f] = x;
                    stealing[f++] = x * x;
                }
            }
            BinomialSampler.sample(s.fraud, nonVoters, intensity, stuffed, f);
            BinomialSampler.sample(s.fraud, opposition, stealing, stolen, f);
            acc += leader[len - 1] + (f > 0 ? stuffed[f - 1] + stolen[0] : 0);
        }
        return acc;
    }

    /**
     * A block's streams, keyed as the engine keys them (BlockSimulator's purposes: sizes 2 by block; units 1 and
     * the first fraud model 16 by replicate 0 and block), with ziggurat normals on the units and fraud streams.
     */
    private static final class BlockStreams {
        final UniformRandomProvider sizes;
        final UniformRandomProvider units;
        final NormalizedGaussianSampler gauss;
        final UniformRandomProvider fraud;
        final NormalizedGaussianSampler fraudGauss;

        BlockStreams(RandomStreams streams, int block) {
            sizes = streams.stream(2, block);
            units = streams.stream(1, 0, block);
            gauss = ZigguratSampler.NormalizedGaussian.of(units);
            fraud = streams.stream(16, 0, block);
            fraudGauss = ZigguratSampler.NormalizedGaussian.of(fraud);
        }
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
