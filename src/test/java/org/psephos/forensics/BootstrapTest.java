package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
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

    /** Uniform digits 0-9 (mean 4.5, sd sqrt(8.25)). */
    private static byte[] digits(int n, long key) {
        UniformRandomProvider rng = RandomStreams.seeded(SEED).stream(key);
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
            v[i] = (byte) rng.nextInt(10);
        }
        return v;
    }

    /** The battery's way of drawing a resample's replicates: blocks on threads, gathered in block order. */
    private static double[][] replicates(Resample r, int threads) {
        return r.gather(Parallel.map(r.blocks(), threads, r::block, Progress.NONE));
    }

    /**
     * On data with known spread, the basic interval of a bootstrapped mean (a {@link Resample.Share}, as the digit
     * and indicator tests use) covers the estimate and its width is about 2·1.96·sd/√n: quadrupling n halves the
     * width. A wrong quantile (e.g. percentiles swapped, or resampling without replacement, which gives zero width)
     * fails.
     */
    @Test
    void intervalCoversTheEstimateAndShrinksLikeOneOverRootN() {
        BatteryOptions o = BatteryOptions.defaults().withSeed(SEED).withThreads(1).withReplicates(400);
        double sd = Math.sqrt(8.25);
        double[] width = new double[2];
        int[] sizes = {400, 1600};
        for (int s = 0; s < 2; s++) {
            byte[] v = digits(sizes[s], s);
            double est = 0;
            for (byte d : v) {
                est += d;
            }
            est /= v.length;
            Resample r = new Resample(v.length, List.of(new Resample.Share(v)), o, new long[] {1, 2, 3});
            Bootstrap.Interval ci = Bootstrap.basicInterval(est, replicates(r, 1)[0], 0.95);
            assertTrue(ci.low() < est && est < ci.high(), "interval " + ci + " vs " + est);
            width[s] = ci.high() - ci.low();
            double expected = 2 * 1.96 * sd / Math.sqrt(sizes[s]);
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

    /**
     * More share specs than one packed long holds (16): each spec's replicates are still those it gets alone, with
     * units not used (-1) and tuples repeating across the words.
     */
    @Test
    void manyShareSpecsGetTheReplicatesTheyGetAlone() {
        int n = 300;
        List<Resample.Spec> specs = new java.util.ArrayList<>();
        for (int j = 0; j < 21; j++) {
            byte[] v = digits(n, 20 + j % 7);
            for (int i = j; i < n; i += 5 + j) {
                v[i] = -1;
            }
            specs.add(new Resample.Share(v));
        }
        BatteryOptions o = BatteryOptions.defaults().withSeed(SEED).withReplicates(60);
        double[][] all = replicates(new Resample(n, specs, o, new long[] {4}), 2);
        for (int j = 0; j < specs.size(); j++) {
            double[] alone = replicates(new Resample(n, List.of(specs.get(j)), o, new long[] {4}), 1)[0];
            assertArrayEquals(alone, all[j], "share spec " + j);
        }
    }

    /** Every kind of statistic of a shared resample, for any thread count and block order; the key matters. */
    @Test
    void replicatesAreTheSameForAnyThreadCountAndBlockOrder() {
        double[] x = normalSample(500, 9);
        double[] y = normalSample(500, 10);
        double cx = Moments.mean(x);
        List<Resample.Spec> specs = List.of(new Resample.Share(digits(500, 11)),
                new Resample.Moment(x, cx, Moments::kurtosis), new Resample.Cross(x, y, cx, Moments.mean(y), CrossStatistic.CORRELATION));
        BatteryOptions o = BatteryOptions.defaults().withSeed(SEED).withReplicates(210);
        Resample r = new Resample(500, specs, o, new long[] {7, 8});
        double[][] one = replicates(r, 1);
        assertEquals(210, one[0].length);
        assertTrue(Arrays.stream(one).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite));
        for (int threads : new int[] {2, 4}) {
            double[][] many = replicates(r, threads);
            for (int s = 0; s < specs.size(); s++) {
                assertArrayEquals(one[s], many[s], threads + " threads, spec " + s);
            }
        }
        List<double[][]> backwards = new java.util.ArrayList<>();
        for (int b = r.blocks() - 1; b >= 0; b--) {
            backwards.add(0, r.block(b));
        }
        double[][] reversed = r.gather(backwards);
        for (int s = 0; s < specs.size(); s++) {
            assertArrayEquals(one[s], reversed[s], "blocks run backwards, spec " + s);
        }
        double[][] otherKey = replicates(new Resample(500, specs, o, new long[] {7, 9}), 1);
        assertTrue(one[0][0] != otherKey[0][0]);
    }
}
