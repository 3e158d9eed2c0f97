package org.psephos.benchmarks.simulation;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.RandomStreams;

/**
 * The block binomial sampler alone on the benchmark model's parameters, ns per draw: 16 blocks of 4,096 units with
 * registered ~ U{500..2000}, turnout N(0.7, 0.1) and support N(0.6, 0.1) truncated to [0, 1], drawn once; each pass
 * draws voters ~ Binomial(registered, turnout) then leader ~ Binomial(voters, support) for every block with
 * {@link BinomialSampler#sample(UniformRandomProvider, int[], double[], int[], int)}, as the engine does. Wall time,
 * best of 49 passes after 11 warm-up passes; the data stay in cache, so this is the sampler's own cost. Not JMH: a
 * quick A/B check for experiments on the sampler (see {@code benchmarks/experiments}).
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar org.psephos.benchmarks.simulation.BinomialBlockCheck}
 */
public final class BinomialBlockCheck {
    private static final int BLOCK = 4096;
    private static final int BLOCKS = 16;

    private BinomialBlockCheck() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        RandomStreams streams = RandomStreams.seeded(1);
        int[][] registered = new int[BLOCKS][BLOCK];
        double[][] turnout = new double[BLOCKS][BLOCK];
        double[][] support = new double[BLOCKS][BLOCK];
        for (int b = 0; b < BLOCKS; b++) {
            UniformRandomProvider rng = streams.stream(9, b);
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < BLOCK; i++) {
                registered[b][i] = 500 + rng.nextInt(1501);
                turnout[b][i] = BenchmarkModel.truncated(g, 0.7);
                support[b][i] = BenchmarkModel.truncated(g, 0.6);
            }
        }
        int[] voters = new int[BLOCK];
        int[] leader = new int[BLOCK];
        UniformRandomProvider rng = streams.stream(1, 0);
        double best = Double.MAX_VALUE;
        long sum = 0;
        for (int pass = 0; pass < 60; pass++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 50; k++) {
                for (int b = 0; b < BLOCKS; b++) {
                    BinomialSampler.sample(rng, registered[b], turnout[b], voters, BLOCK);
                    BinomialSampler.sample(rng, voters, support[b], leader, BLOCK);
                    sum += leader[7];
                }
            }
            double ns = (System.nanoTime() - t0) / (2.0 * BLOCK * BLOCKS * 50);
            if (pass >= 11) {
                best = Math.min(best, ns);
            }
        }
        System.out.printf(Locale.ROOT, "block_binomial ns_per_draw=%.2f (%s)%n", best, sum > 0 ? "ok" : "?");
    }
}
