package org.psephos.benchmarks.simulation;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link org.psephos.simulation.BinomialSampler} alone, ns per draw, for small n (inversion: n = 10, 100 at
 * p = 0.05) and large n (BTRD: 1,000 and 1,000,000), against a {@code nextDouble()} baseline and commons-math3's
 * {@code BinomialDistribution.sample()} (inversion of the cdf; its generator and setup are made once). p moves a
 * little from draw to draw, as it does in the engine, so nothing is hoisted out of the loop. {@link #psephosBlock()}
 * draws the same 1,024 counts with the block method, as the engine does.
 */
public class BinomialSamplerPerformance extends AbstractBenchmark {
    static final int DRAWS = 1024;

    /** Trials. */
    @Param({"10", "100", "1000", "1000000"})
    int n;

    /** Success probability around which the draws move. */
    @Param({"0.05", "0.4"})
    double p;

    UniformRandomProvider rng;
    double[] probabilities;
    int[] trials;
    int[] counts;
    BinomialDistribution commonsMath;

    /** Makes the generator and the probabilities. */
    @Setup
    public void setup() {
        rng = RandomSource.XO_SHI_RO_256_PP.create(12345L);
        probabilities = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            probabilities[i] = p * (0.95 + 0.1 * i / DRAWS);
        }
        trials = new int[DRAWS];
        java.util.Arrays.fill(trials, n);
        counts = new int[DRAWS];
        RandomGenerator g = new Well19937c(12345);
        commonsMath = new BinomialDistribution(g, n, p);
    }

    /** @return the sum of the draws */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public long psephos() {
        long s = 0;
        for (int i = 0; i < DRAWS; i++) {
            s += org.psephos.simulation.BinomialSampler.sample(rng, n, probabilities[i]);
        }
        return s;
    }

    /** @return the sum of the same draws made by the block method */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public long psephosBlock() {
        org.psephos.simulation.BinomialSampler.sample(rng, trials, probabilities, counts, DRAWS);
        long s = 0;
        for (int i = 0; i < DRAWS; i++) {
            s += counts[i];
        }
        return s;
    }

    /** @return the sum of commons-math3 draws at fixed p (its most favourable case) */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public long commonsMath3() {
        long s = 0;
        for (int i = 0; i < DRAWS; i++) {
            s += commonsMath.sample();
        }
        return s;
    }

    /** @return the sum of one uniform per draw: the RNG floor */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public double baseline() {
        double s = 0;
        for (int i = 0; i < DRAWS; i++) {
            s += rng.nextDouble() * probabilities[i];
        }
        return s;
    }
}
