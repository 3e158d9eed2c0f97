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
            UniformRandomProvider sizes = streams.stream(2, b);
            UniformRandomProvider rng = streams.stream(1, 0, b);
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
            UniformRandomProvider frng = streams.stream(16, 0, b);
            NormalizedGaussianSampler fg = ZigguratSampler.NormalizedGaussian.of(frng);
            int len = Math.min(BLOCK, UNITS - b * BLOCK);
            for (int i = 0; i < len; i++) {
                registered[i] = 500 + sizes.nextInt(1501);
                turnout[i] = truncated(g, 0.7);
                share[i] = truncated(g, 0.6);
            }
            BinomialSampler.sample(rng, registered, turnout, voters, len);
            BinomialSampler.sample(rng, voters, share, leader, len);
            int f = 0;
            for (int i = 0; i < len; i++) {
                double u = frng.nextDouble();
                if (u < any) {
                    double x;
                    if (u < BenchmarkModel.F_I) {
                        do {
                            x = Math.abs(0.4 * fg.sample());
                        } while (x >= 1);
                    } else {
                        x = Math.max(0, 1 - Math.abs(0.075 * fg.sample()));
                    }
                    nonVoters[f] = registered[i] - voters[i];
                    opposition[f] = voters[i] - leader[i];
                    intensity[f] = x;
                    stealing[f++] = x * x;
                }
            }
            BinomialSampler.sample(frng, nonVoters, intensity, stuffed, f);
            BinomialSampler.sample(frng, opposition, stealing, stolen, f);
            acc += leader[len - 1] + (f > 0 ? stuffed[f - 1] + stolen[0] : 0);
        }
        return acc;
    }

    /** N(mean, 0.1) truncated to [0, 1] by redrawing, as the engine's normal proportions. */
    private static double truncated(NormalizedGaussianSampler g, double mean) {
        while (true) {
            double x = mean + 0.1 * g.sample();
            if (x >= 0 && x <= 1) {
                return x;
            }
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
