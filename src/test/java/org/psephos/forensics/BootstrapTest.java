package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.psephos.simulation.RandomStreams;

class BootstrapTest {
    /** Seed of every random draw in this class. */
    private static final long SEED = 20240917L;

    private static double[] golden(int r) {
        double[] t = new double[r];
        for (int i = 1; i <= r; i++) {
            t[i - 1] = Math.pow(Math.sin(i), 3) + i / 2000.0;
        }
        return t;
    }

    /**
     * The basic interval against R's boot package, interpolated (R = 1000, (R+1)·0.025 not an integer) and exact
     * (R = 999).
     * {@code Rscript -e 'library(boot); t <- sin(1:1000)^3 + (1:1000)/2000; print(boot:::basic.ci(0.3, t,
     * conf=0.95), digits=17); print(boot:::basic.ci(0.3, t[1:999], conf=0.95), digits=17)'}
     */
    @Test
    void basicIntervalMatchesBootCi() {
        Bootstrap.Interval a = Bootstrap.basicInterval(0.3, golden(1000), 0.95);
        assertEquals(-0.73393937783408092, a.low(), 1e-13);
        assertEquals(1.439949564407218, a.high(), 1e-13);
        Bootstrap.Interval b = Bootstrap.basicInterval(0.3, golden(999), 0.95);
        assertEquals(-0.73411016738256685, b.low(), 1e-14);
        assertEquals(1.4402520826805205, b.high(), 1e-14);
    }

    @Test
    void nonFiniteReplicatesAreDroppedAndTooFewGiveNaN() {
        double[] t = golden(1000);
        double[] withNaN = java.util.Arrays.copyOf(t, 1003);
        withNaN[1000] = Double.NaN;
        withNaN[1001] = Double.POSITIVE_INFINITY;
        withNaN[1002] = Double.NaN;
        Bootstrap.Interval a = Bootstrap.basicInterval(0.3, withNaN, 0.95);
        assertEquals(-0.73393937783408092, a.low(), 1e-13);
        assertEquals(1000, a.finite());
        assertTrue(Double.isNaN(Bootstrap.basicInterval(0.3, new double[] {Double.NaN, 1}, 0.95).low()));
    }

    private static double[] normalSample(int n, long key) {
        UniformRandomProvider rng = RandomStreams.seeded(SEED).stream(key);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // a skewed variable: exponential, mean 1, sd 1
            x[i] = -Math.log(1 - rng.nextDouble());
        }
        return x;
    }

    /**
     * On data with known spread, the basic interval covers the estimate and its width is about 2·1.96·sd/√n:
     * quadrupling n halves the width. A wrong quantile (e.g. percentiles swapped, or resampling without
     * replacement, which gives zero width) fails.
     */
    @Test
    void intervalCoversTheEstimateAndShrinksLikeOneOverRootN() {
        Bootstrap boot = Bootstrap.of(BatteryOptions.defaults().withSeed(SEED).withThreads(1).withReplicates(400));
        double[] width = new double[2];
        int[] sizes = {400, 1600};
        for (int s = 0; s < 2; s++) {
            double[] x = normalSample(sizes[s], s);
            double est = Moments.mean(x);
            Bootstrap.Interval ci = boot.basic(est, x.length, (idx, n) -> Moments.mean(x, idx, n), 1, 2, 3);
            assertTrue(ci.low() < est && est < ci.high(), "interval " + ci + " vs " + est);
            width[s] = ci.high() - ci.low();
            double expected = 2 * 1.96 / Math.sqrt(sizes[s]);
            assertEquals(expected, width[s], 0.2 * expected, "width at n = " + sizes[s]);
        }
        assertEquals(2.0, width[0] / width[1], 0.4);
    }

    /** The two-indices-per-draw generator is uniform on [0, n) for n that do not divide 2^32. */
    @Test
    void drawnIndicesAreUniform() {
        int n = 7;
        int[] idx = new int[n];
        long[] counts = new long[n];
        UniformRandomProvider rng = RandomStreams.seeded(SEED).stream(42);
        for (int r = 0; r < 20_000; r++) {
            Bootstrap.drawIndices(rng, idx, n);
            for (int i : idx) {
                counts[i]++;
            }
        }
        double[] expected = new double[n];
        java.util.Arrays.fill(expected, 20_000.0);
        double p = new org.apache.commons.math3.stat.inference.ChiSquareTest().chiSquareTest(expected, counts);
        assertTrue(p > 0.001, "chi-square p = " + p);
        int[] one = new int[1];
        Bootstrap.drawIndices(rng, one, 1);
        assertEquals(0, one[0]);
    }

    @Test
    void replicatesAreTheSameForAnyThreadCount() {
        double[] x = normalSample(500, 9);
        Bootstrap.Statistic mean = (idx, n) -> Moments.mean(x, idx, n);
        BatteryOptions o = BatteryOptions.defaults().withSeed(SEED).withReplicates(210);
        double[] one = Bootstrap.of(o.withThreads(1)).replicates(500, mean, 7, 8);
        double[] two = Bootstrap.of(o.withThreads(2)).replicates(500, mean, 7, 8);
        double[] four = Bootstrap.of(o.withThreads(4)).replicates(500, mean, 7, 8);
        assertArrayEquals(one, two);
        assertArrayEquals(one, four);
        double[] otherKey = Bootstrap.of(o.withThreads(1)).replicates(500, mean, 7, 9);
        assertTrue(one[0] != otherKey[0]);
    }
}
