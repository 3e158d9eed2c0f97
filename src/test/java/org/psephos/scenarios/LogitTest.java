package org.psephos.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogitTest {
    @Test
    void logitAndExpitAreInverse() {
        for (double p : new double[] {0.01, 0.3, 0.5, 0.8131}) {
            assertEquals(p, Logit.expit(Logit.logit(p)), 1e-15);
            assertEquals(100 * p, Logit.expit(Logit.logit(p), 100), 1e-12);
        }
        assertEquals(Logit.logit(0.999), Logit.clamped(1), 0);
        assertEquals(Logit.logit(0.001), Logit.clamped(0), 0);
        assertTrue(Double.isInfinite(Logit.logit(1)));
    }

    @Test
    void shiftReachesTheWeightedTarget() {
        double[] l = {Logit.logit(0.6), Logit.logit(0.8), Logit.logit(0.9)};
        double[] w = {3, 1, 1};
        for (double[] weights : new double[][] {null, w}) {
            double d = Logit.shiftTo(l, weights, 0.7, 20);
            double m = 0;
            double ws = 0;
            for (int i = 0; i < l.length; i++) {
                double wi = weights == null ? 1 : weights[i];
                m += wi * Logit.expit(l[i] + d);
                ws += wi;
            }
            assertEquals(0.7, m / ws, 1e-12);
        }
        assertEquals(Logit.shiftTo(l, null, 0.7, 10), Logit.shiftTo(l, null, 0.7, 20), 1e-14);
    }
}
