package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.simulation.FraudModel;

/** {@link FraudMixture#fit(Election, int)}: the eight EM fits give the same result on any number of threads. */
class FraudMixtureThreadsTest {
    @Test
    void fitDoesNotDependOnThreads() {
        Election e = Simulated.election(2_000, 3L, FraudModel.Klimek.of(0.2, 0.4, 2, 0.02));
        FraudMixtureResult one = FraudMixture.withDefaults().fit(e, 1);
        for (int threads : new int[] {2, 8}) {
            FraudMixtureResult r = FraudMixture.withDefaults().fit(e, threads);
            assertArrayEquals(one.pi(), r.pi());
            assertArrayEquals(one.posterior(), r.posterior());
            assertArrayEquals(one.unitManufactured(), r.unitManufactured());
            assertArrayEquals(one.unitStolen(), r.unitStolen());
            assertEquals(one.logLikelihood(), r.logLikelihood());
            assertEquals(one.bicFraud(), r.bicFraud());
            assertEquals(one.bicClean(), r.bicClean());
            assertEquals(one.iterations(), r.iterations());
        }
    }

    @Test
    void threadsMustBePositive() {
        Election e = Simulated.election(100, 3L);
        assertThrows(IllegalArgumentException.class, () -> FraudMixture.withDefaults().fit(e, 0));
    }
}
