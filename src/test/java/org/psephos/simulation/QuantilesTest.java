package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Quantiles} against R's {@code quantile(type = 7)} and numpy's {@code percentile}, printed on this machine
 * (R 4.2.2: {@code x <- c(1,2,3,4,10); print(quantile(x, c(0,0.1,0.25,0.5,0.9,0.999,1), type=7), digits=17)};
 * numpy: {@code np.percentile(np.array([3,7,7,20,1000], dtype=np.int64), 99.9)}). R interpolates as
 * (1 − f)x[lo] + f·x[hi], Psephos as x[lo] + f(x[hi] − x[lo]): they agree to a few ulps, hence the tolerance.
 */
class QuantilesTest {
    private static final double[] X = {1, 2, 3, 4, 10};

    @Test
    void matchesRType7() {
        double[] q = {0, 0.1, 0.25, 0.5, 0.9, 0.999, 1};
        double[] r = {1, 1.3999999999999999, 2, 3, 7.5999999999999979, 9.9760000000000026, 10};
        for (int i = 0; i < q.length; i++) {
            assertEquals(r[i], Quantiles.type7(X, q[i]), 1e-12, "q = " + q[i]);
        }
    }

    @Test
    void usesOnlyTheFirstNValues() {
        double[] padded = {1, 2, 3, 4, 10, -50, 99};
        assertEquals(7.5999999999999979, Quantiles.type7(padded, 5, 0.9), 1e-12);
        assertEquals(3, Quantiles.type7(padded, 5, 0.5));
    }

    @Test
    void emptyIsNaNAndOneValueIsItself() {
        assertTrue(Double.isNaN(Quantiles.type7(new double[0], 0.5)));
        assertEquals(4.5, Quantiles.type7(new double[] {4.5}, 0.975));
    }

    @Test
    void percentileMatchesNumpy() {
        assertEquals(996.0800000000004, Quantiles.percentile(new long[] {3, 7, 7, 20, 1000}, 99.9), 1e-12);
        assertEquals(5.0, Quantiles.percentile(new long[] {5}, 99.9));
    }
}
