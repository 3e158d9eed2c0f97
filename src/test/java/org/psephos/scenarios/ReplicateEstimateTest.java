package org.psephos.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReplicateEstimateTest {
    /**
     * Values 1..100: type-7 quantiles 3.475 and 97.525; the 2.5% quantile's ranks 100·0.025 ± √(100·0.025·0.975)
     * = 2.5 ± 1.561 are 0.939 → 1 and 4.061 → 5, so its error is (5 − 1)/2 = 2; the 97.5% one's are 95.939 → 95 and
     * 99.061 → 100: (100 − 95)/2 = 2.5. The mean's error is sd/10 = 29.011/10.
     */
    @Test
    void orderStatisticErrors() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[99 - i] = i + 1;
        }
        ReplicateEstimate e = ReplicateEstimate.of(v);
        assertEquals(50.5, e.mean(), 1e-12);
        assertEquals(3.475, e.q025(), 1e-12);
        assertEquals(97.525, e.q975(), 1e-12);
        assertEquals(2.0, e.q025Error(), 1e-12);
        assertEquals(2.5, e.q975Error(), 1e-12);
        assertEquals(Math.sqrt(100 * 101 / 12.0) / 10, e.meanError(), 1e-12);
        assertEquals(e.meanError(), e.largestError(), 1e-12);
        assertEquals(Math.sqrt(0.25 / 280), ReplicateEstimate.probabilityError(0.5, 280), 1e-15);
        assertEquals(0, ReplicateEstimate.of(new double[] {0.3}).q975Error(), 0);
        assertThrows(IllegalArgumentException.class, () -> ReplicateEstimate.of(new double[0]));
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
