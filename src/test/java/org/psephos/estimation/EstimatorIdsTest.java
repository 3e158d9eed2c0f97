package org.psephos.estimation;

import org.junit.jupiter.api.Test;
import org.psephos.forensics.ForensicTest;
import org.psephos.simulation.NormalTails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Estimators#isEstimator(String)} and the one-sided normal tails the estimators' flag rules use. */
class EstimatorIdsTest {
    @Test
    void theEstimatorsAreThoseListed() {
        for (ForensicTest t : Estimators.estimators()) {
            assertTrue(Estimators.isEstimator(t.id()), t.id());
        }
        assertTrue(Estimators.isEstimator(KlimekFit.ID));
        assertTrue(Estimators.isEstimator(Shpilkin.ID));
        assertTrue(Estimators.isEstimator(FraudMixture.ID));
        assertFalse(Estimators.isEstimator("2BL"));
        assertFalse(Estimators.isEstimator("IntegerPercent"));
    }

    @Test
    void normalTails() {
        assertEquals(0.15865525393145707, NormalTails.upper(1, 1), 1e-15);
        assertEquals(0.8413447460685429, NormalTails.upper(-1, 1), 1e-15);
        assertEquals(0, NormalTails.upper(1, 0));
        assertEquals(0, NormalTails.upper(1, Double.NaN));
        assertEquals(1, NormalTails.upper(0, 0));
        assertEquals(1, NormalTails.upper(-1, Double.NaN));
    }
}
