package org.psephos.forensics.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Monte Carlo p-value and its generalized Pareto tail (Knijnenburg et al. 2009) in {@link TailPValue}. */
class TailPValueTest {
    private static double[] uniform(int r) {
        double[] x = new double[r];
        for (int i = 0; i < r; i++) {
            x[i] = (i + 0.5) / r;
        }
        return x;
    }

    @Test
    void monteCarloCountWhenTenOrMoreReplicatesAreAsExtreme() {
        double[] x = uniform(1000); // 0.0005, 0.0015, ..., 0.9995
        TailPValue.Result up = TailPValue.of(0.9, x, TailPValue.Direction.UPPER);
        assertFalse(up.tail());
        assertEquals(100, up.exceedances());
        assertEquals(101.0 / 1001.0, up.p(), 1e-15);
        // two-sided about the median 0.5: |x - 0.5| >= 0.45 for the 50 smallest and 50 largest
        TailPValue.Result two = TailPValue.of(0.05, x, TailPValue.Direction.TWO_SIDED);
        assertEquals(101.0 / 1001.0, two.p(), 1e-15);
    }

    @Test
    void exponentialTailBeyondTheReplicates() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = -Math.log(1 - rng.nextDouble()); // Exp(1): P(X >= 12) = e^-12 = 6.1e-6
        }
        TailPValue.Result r = TailPValue.of(12, x, TailPValue.Direction.UPPER);
        assertTrue(r.tail());
        assertEquals(0, r.exceedances());
        assertTrue(r.p() < 1.0 / 2001, "below the Monte Carlo floor: " + r.p());
        assertEquals(Math.log(Math.exp(-12)), Math.log(r.p()), 2.5, "within e^±2.5 of the true tail: " + r.p());
    }
}
