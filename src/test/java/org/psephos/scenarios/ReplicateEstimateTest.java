package org.psephos.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReplicateEstimateTest {
    /**
     * Values 1..100: type-7 quantiles 3.475 and 97.525. Maritz–Jarrett errors of the 2.5% and 97.5% quantiles
     * (m = 3 and 98, weights from the regularized incomplete beta function) 1.4303122822642675 and
     * 1.4303122822653542 (python3, scipy.special.betainc 1.10). The order-statistic interval of the 2.5% quantile:
     * ranks 2.5 ± √2.4375 = 0.93875 → 1 (clamped) and 4.06125, half-width (4.06125 − 1)/2; of the 97.5% one:
     * 95.93875 and 99.06125, half-width √2.4375. The mean's error is sd/10 = 29.011/10.
     */
    @Test
    void quantileAndMeanErrors() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[99 - i] = i + 1;
        }
        ReplicateEstimate e = ReplicateEstimate.of(v);
        assertEquals(50.5, e.mean(), 1e-12);
        assertEquals(3.475, e.q025(), 1e-12);
        assertEquals(97.525, e.q975(), 1e-12);
        assertEquals(1.4303122822642675, e.q025Error(), 1e-9);
        assertEquals(1.4303122822653542, e.q975Error(), 1e-9);
        assertEquals(Math.sqrt(100 * 101 / 12.0) / 10, e.meanError(), 1e-12);
        assertEquals(e.meanError(), e.largestError(), 1e-12);
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double h = Math.sqrt(2.4375);
        assertEquals((2.5 + h - 1) / 2, ReplicateEstimate.quantileError(sorted, 0.025), 1e-12);
        assertEquals(h, ReplicateEstimate.quantileError(sorted, 0.975), 1e-12);
        sorted[99] = Double.POSITIVE_INFINITY;
        assertEquals(Double.NaN, ReplicateEstimate.quantileError(sorted, 0.975));
        assertEquals(Math.sqrt(0.25 / 280), ReplicateEstimate.probabilityError(0.5, 280), 1e-15);
        assertEquals(0, ReplicateEstimate.of(new double[] {0.3}).q975Error(), 0);
        assertThrows(IllegalArgumentException.class, () -> ReplicateEstimate.of(new double[0]));
    }

    /**
     * The Maritz–Jarrett error of the 2.5% quantile of normal samples of 400: on average within 20% of the
     * asymptotic standard error √(p(1 − p)/R)/φ(z_p) = 0.1338 (sd 1).
     */
    @Test
    void maritzJarrettMatchesTheAsymptoticErrorOnAverage() {
        org.apache.commons.rng.UniformRandomProvider rng = org.apache.commons.rng.simple.RandomSource.SPLIT_MIX_64
                .create(7L);
        org.apache.commons.rng.sampling.distribution.ContinuousSampler g =
                org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        double sum = 0;
        int n = 200;
        for (int k = 0; k < n; k++) {
            double[] x = new double[400];
            for (int i = 0; i < x.length; i++) {
                x[i] = g.sample();
            }
            sum += ReplicateEstimate.of(x).q025Error();
        }
        double asymptotic = Math.sqrt(0.025 * 0.975 / 400) / (Math.exp(-0.5 * 1.959964 * 1.959964)
                / Math.sqrt(2 * Math.PI));
        assertEquals(asymptotic, sum / n, 0.2 * asymptotic);
    }

    /** Means of Normal(c, sd) truncated to [0, 1], against scipy.stats.truncnorm.mean (python3, scipy 1.10). */
    @Test
    void truncatedNormalMeans() {
        assertEquals(0.8836619632881059, TruncatedNormal.mean(0.9, 0.08), 1e-12);
        assertEquals(0.2872507523911517, TruncatedNormal.mean(0.2872, 0.08), 1e-12);
        assertEquals(0.7874636256069305, TruncatedNormal.mean(0.8, 0.12), 1e-12);
        assertEquals(0.9, TruncatedNormal.centreFor(0.8836619632881059, 0.08, 0), 1e-12);
        // Without a regional shift the shifted mean is the plain one.
        assertEquals(TruncatedNormal.mean(0.7, 0.08), TruncatedNormal.meanShifted(0.7, 0.08, 0), 0);
    }
}
