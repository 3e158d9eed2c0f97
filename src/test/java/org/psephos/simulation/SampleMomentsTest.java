package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link SampleMoments} against closed forms: mean 2.5 and sd √(5/3) of 1..4, the first n values only. */
class SampleMomentsTest {
    @Test
    void meanAndSdOfTheFirstNValues() {
        double[] x = {1, 2, 3, 4, 100};
        double m = SampleMoments.mean(x, 4);
        assertEquals(2.5, m, 0);
        assertEquals(5.0, SampleMoments.squaredDeviations(x, 4, m), 0);
        assertEquals(Math.sqrt(5.0 / 3), SampleMoments.sd(x, 4, m), 1e-15);
        assertEquals(0, SampleMoments.sd(x, 1, 1), 0, "one value: no spread");
    }
}
