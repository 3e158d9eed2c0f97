package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link BinomialBatch} draws from the exact pmf: chi-square goodness of fit at a fixed seed, with a block whose
 * units mix the target (n, p) with units of other sizes and probabilities (so the squeeze, the BTRD fallback,
 * inversion and the p &gt; 1/2 mirror all run in the same block). Only the target units are counted.
 * Cannot detect: errors below about 1e-5 in probability, or dependence between units.
 */
class BinomialBatchTest {
    private static final long SEED = 99_991L;

    @ParameterizedTest(name = "n={0}, p={1}")
    @CsvSource({"1250, 0.7", "875, 0.6", "400, 0.04", "100, 0.97", "160, 0.1001", "30, 0.5", "0, 0.5", "50, 1.0",
        "2000000, 0.35"})
    void targetUnitsMatchTheExactPmf(int n, double p) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(SEED);
        int len = 4096;
        int[] trials = new int[len];
        double[] probs = new double[len];
        for (int i = 0; i < len; i++) {
            boolean target = i % 2 == 0;
            trials[i] = target ? n : 1 + rng.nextInt(3000);
            probs[i] = target ? p : rng.nextDouble();
        }
        BinomialBatch batch = new BinomialBatch(len);
        int[] out = new int[len];
        BinomialDistribution exact = new BinomialDistribution(null, n, p);
        double sd = Math.sqrt(n * p * (1 - p));
        int lo = (int) Math.max(0, Math.floor(n * p - 6 * sd - 1));
        int hi = (int) Math.min(n, Math.ceil(n * p + 6 * sd + 1));
        long[] observed = new long[hi - lo + 1];
        int draws = 0;
        for (int rep = 0; rep < 60; rep++) {
            batch.sample(rng, trials, probs, out, len);
            for (int i = 0; i < len; i++) {
                assertTrue(out[i] >= 0 && out[i] <= trials[i], "out of range");
                if (i % 2 == 0) {
                    observed[Math.min(hi, Math.max(lo, out[i])) - lo]++;
                    draws++;
                }
            }
        }
        if (lo == hi) {
            assertEquals(draws, observed[0]);
            return;
        }
        double[] expected = new double[observed.length];
        for (int k = lo; k <= hi; k++) {
            expected[k - lo] = draws * exact.probability(k);
        }
        expected[0] = draws * exact.cumulativeProbability(lo);
        expected[expected.length - 1] = draws * (1 - exact.cumulativeProbability(hi - 1));
        // Pool cells from both ends until each expects at least 5.
        double[] e = new double[expected.length];
        long[] o = new long[expected.length];
        int cells = 0;
        double accE = 0;
        long accO = 0;
        for (int j = 0; j < expected.length; j++) {
            accE += expected[j];
            accO += observed[j];
            if (accE >= 5) {
                e[cells] = accE;
                o[cells++] = accO;
                accE = 0;
                accO = 0;
            }
        }
        e[cells - 1] += accE;
        o[cells - 1] += accO;
        if (cells < 2) {
            // Degenerate (n = 0, p = 0 or 1): every draw must be n·p exactly.
            assertEquals(0.0, sd);
            assertEquals(draws, observed[(int) Math.round(n * p) - lo]);
            return;
        }
        double pValue = new ChiSquareTest().chiSquareTest(Arrays.copyOf(e, cells), Arrays.copyOf(o, cells));
        assertTrue(pValue > 0.001, "chi-square p = " + pValue + " for n=" + n + ", p=" + p);
    }
}
