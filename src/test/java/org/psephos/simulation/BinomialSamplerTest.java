package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Goodness of fit of {@link BinomialSampler} against the exact pmf of commons-math3's {@link BinomialDistribution}
 * at a fixed seed, on both sides of the inversion/BTRD switch ({@code n·min(p, 1−p) = 16}), for p near 0 and 1
 * and for n up to 2^30. Each case draws 200,000 variates; cells are pooled until each expects at least 5.
 *
 * <p>What this cannot detect: errors in probabilities below about 1e-5 (too rare to move a 200,000-draw
 * chi-square), and dependence between successive draws (each case checks only the marginal distribution).
 */
class BinomialSamplerTest {
    /** Fixed seed: the test is deterministic; a failure at this seed is a real misfit at p &lt; 0.001. */
    private static final long SEED = 20_261_127L;
    private static final int DRAWS = 200_000;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(1, 0.5),
                Arguments.of(10, 0.3),
                Arguments.of(100, 0.001),
                Arguments.of(100, 0.999),
                Arguments.of(2000, 0.0004),
                Arguments.of(160, 0.0999),      // n·p = 15.98: inversion, just below the switch
                Arguments.of(160, 0.1001),      // n·p = 16.02: BTRD, just above
                Arguments.of(160, 0.9001),      // mirror of the above through p > 1/2
                Arguments.of(30, 0.5),          // n·p = 15: inversion at p = 1/2
                Arguments.of(40, 0.5),          // n·p = 20: BTRD at p = 1/2
                Arguments.of(1000, 0.5),
                Arguments.of(1500, 0.7),
                Arguments.of(1500, 0.02),       // n·p = 30
                Arguments.of(5000, 0.98),
                Arguments.of(100_000, 0.0003),  // n·p = 30, tiny p
                Arguments.of(1_000_000, 0.37),
                Arguments.of(1 << 30, 0.25),
                Arguments.of(Integer.MAX_VALUE, 1e-8));
    }

    @ParameterizedTest(name = "n={0}, p={1}")
    @MethodSource("cases")
    void matchesExactPmf(int n, double p) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(SEED + n);
        BinomialDistribution exact = new BinomialDistribution(null, n, p);
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        int lo = (int) Math.max(0, Math.floor(mean - 8 * sd - 2));
        int hi = (int) Math.min(n, Math.ceil(mean + 8 * sd + 2));
        // Cell j (0..hi-lo) holds counts k = lo + j, with k <= lo folded into cell 0 and k >= hi into the last.
        int cells = hi - lo + 1;
        double[] prob = new double[cells];
        for (int j = 0; j < cells; j++) {
            prob[j] = exact.probability(lo + j);
        }
        prob[0] = exact.cumulativeProbability(lo);
        if (cells > 1) {
            prob[cells - 1] = 1 - exact.cumulativeProbability(hi - 1);
        }
        long[] observed = new long[cells];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            int k = BinomialSampler.sample(rng, n, p);
            assertTrue(k >= 0 && k <= n, "out of range: " + k);
            observed[Math.min(cells - 1, Math.max(0, k - lo))]++;
            double d = k - mean;
            sum += d;
            sumSq += d * d;
        }
        if (cells == 1) {
            assertEquals(DRAWS, observed[0]);
            return;
        }
        // Pool adjacent cells until each expects at least 5 draws.
        List<double[]> pooled = new ArrayList<>();
        double e = 0;
        long o = 0;
        for (int j = 0; j < cells; j++) {
            e += prob[j] * DRAWS;
            o += observed[j];
            if (e >= 5) {
                pooled.add(new double[] {e, o});
                e = 0;
                o = 0;
            }
        }
        if (e > 0 || o > 0) {
            double[] last = pooled.get(pooled.size() - 1);
            last[0] += e;
            last[1] += o;
        }
        double[] expected = pooled.stream().mapToDouble(c -> c[0]).toArray();
        long[] counts = pooled.stream().mapToLong(c -> (long) c[1]).toArray();
        if (expected.length >= 2) {
            double pValue = new ChiSquareTest().chiSquareTest(expected, counts);
            assertTrue(pValue > 0.001, "chi-square p = " + pValue + " for n=" + n + ", p=" + p);
        }

        // Mean within 5 standard errors; variance within 5 standard errors of the sample variance,
        // Var(s^2) ~ (mu4 - sigma^4) / N with the binomial's fourth central moment mu4 = npq (1 + 3 (n - 2) pq).
        double sampleMean = sum / DRAWS;
        double meanSe = sd / Math.sqrt(DRAWS);
        assertEquals(0, sampleMean, 5 * meanSe + 1e-12, "mean offset for n=" + n + ", p=" + p);
        double var = sd * sd;
        double sampleVar = sumSq / DRAWS - sampleMean * sampleMean;
        double pq = p * (1 - p);
        double mu4 = n * pq * (1 + 3 * (n - 2.0) * pq);
        double varSe = Math.sqrt(Math.max(mu4 - var * var, 0) / DRAWS);
        // The sample mean's own square (at most (5 se)^2) biases the plug-in variance down; allow for it.
        assertEquals(var, sampleVar, 5 * varSe + 25 * meanSe * meanSe, "variance for n=" + n + ", p=" + p);
    }

    @Test
    void degenerateCasesDrawNothing() {
        UniformRandomProvider rng = new CountingProvider();
        assertEquals(0, BinomialSampler.sample(rng, 0, 0.3));
        assertEquals(0, BinomialSampler.sample(rng, 1000, 0.0));
        assertEquals(1000, BinomialSampler.sample(rng, 1000, 1.0));
        assertEquals(0, BinomialSampler.sample(rng, 0, 1.0));
        assertEquals(0, ((CountingProvider) rng).draws, "degenerate cases must not consume the stream");
    }

    @Test
    void sameSeedSameSequence() {
        UniformRandomProvider a = RandomSource.XO_SHI_RO_256_PP.create(SEED);
        UniformRandomProvider b = RandomSource.XO_SHI_RO_256_PP.create(SEED);
        for (int i = 0; i < 1000; i++) {
            int n = 1 + i * 37;
            double p = (i % 97) / 97.0;
            assertEquals(BinomialSampler.sample(a, n, p), BinomialSampler.sample(b, n, p));
        }
    }

    @Test
    void invalidArgumentsNameTheParameter() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(SEED);
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class,
                () -> BinomialSampler.sample(rng, -1, 0.5));
        assertTrue(e1.getMessage().contains("trials") && e1.getMessage().contains("-1"), e1.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> BinomialSampler.sample(rng, 10, Double.NaN));
        assertTrue(e2.getMessage().contains("probability") && e2.getMessage().contains("NaN"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BinomialSampler.sample(rng, 10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> BinomialSampler.sample(rng, 10, -0.1));
    }

    /**
     * The public block method is the engine's block sampler: up to one block it gives exactly what
     * {@link BinomialBatch} gives on the same stream; a longer array is drawn block after block, each block exactly
     * as the batch would draw it. The mean over 10,000 draws of Binomial(1000, 0.3) lies within 5 standard errors of
     * 300 (a sampler that dropped or repeated a chunk would put zeros or a shifted sequence there).
     */
    @Test
    void blockMethodIsTheBatchSamplerChunkByChunk() {
        int len = 10_000;
        int[] n = new int[len];
        double[] p = new double[len];
        for (int i = 0; i < len; i++) {
            n[i] = 1000;
            p[i] = 0.3;
        }
        int[] out = new int[len];
        BinomialSampler.sample(RandomSource.XO_SHI_RO_256_PP.create(SEED), n, p, out, len);
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(SEED);
        BinomialBatch batch = new BinomialBatch(BlockSimulator.BLOCK_SIZE);
        int[] chunk = new int[BlockSimulator.BLOCK_SIZE];
        long sum = 0;
        for (int from = 0; from < len; from += BlockSimulator.BLOCK_SIZE) {
            int m = Math.min(BlockSimulator.BLOCK_SIZE, len - from);
            batch.sample(rng, n, p, chunk, m);
            for (int i = 0; i < m; i++) {
                assertEquals(chunk[i], out[from + i], "unit " + (from + i));
                sum += out[from + i];
            }
        }
        double se = Math.sqrt(1000 * 0.3 * 0.7 / len);
        assertEquals(300, (double) sum / len, 5 * se);
    }

    @Test
    void blockMethodChecksItsArguments() {
        UniformRandomProvider rng = new CountingProvider();
        int[] out = new int[3];
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class,
                () -> BinomialSampler.sample(rng, new int[] {5, -2, 5}, new double[] {0.5, 0.5, 0.5}, out, 3));
        assertTrue(e1.getMessage().contains("index 1") && e1.getMessage().contains("-2"), e1.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> BinomialSampler.sample(rng, new int[] {5, 5, 5}, new double[] {0.5, 0.5, Double.NaN}, out, 3));
        assertTrue(e2.getMessage().contains("index 2") && e2.getMessage().contains("NaN"), e2.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BinomialSampler.sample(rng, new int[] {5, 5}, new double[] {0.5, 0.5}, out, 3));
        assertThrows(IllegalArgumentException.class,
                () -> BinomialSampler.sample(rng, new int[] {5}, new double[] {0.5}, out, -1));
        assertEquals(0, ((CountingProvider) rng).draws, "a rejected call must not draw");
        BinomialSampler.sample(RandomSource.XO_SHI_RO_256_PP.create(SEED), new int[] {0, 7, 9},
                new double[] {0.5, 0.0, 1.0}, out, 3);
        assertEquals(0, out[0]);
        assertEquals(0, out[1]);
        assertEquals(9, out[2]);
    }

    /** A generator that counts what it is asked for and fails if asked for anything. */
    private static final class CountingProvider implements UniformRandomProvider {
        private int draws;

        @Override
        public long nextLong() {
            draws++;
            throw new AssertionError("no draw expected");
        }
    }
}
