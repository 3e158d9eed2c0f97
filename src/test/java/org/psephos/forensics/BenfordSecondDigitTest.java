package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The closed form against the table of FORENSICS.md B5 (Hill 1995, eq. 3). */
class BenfordSecondDigitTest {

    @Test
    void probabilitiesMatchThePublishedTableToFourDecimals() {
        double[] table = {.1197, .1139, .1088, .1043, .1003, .0967, .0934, .0904, .0876, .0850};
        double[] q = BenfordSecondDigit.probabilities();
        double sum = 0;
        for (int d = 0; d < 10; d++) {
            assertEquals(table[d], q[d], 0.00005, "digit " + d);
            sum += q[d];
        }
        assertEquals(1.0, sum, 1e-15);
    }

    @Test
    void meanIs4187AndVarianceIsTheSecondCentralMoment() {
        // python3: sum(d * q_d) = 4.1873897069289425
        assertEquals(4.1873897069289425, BenfordSecondDigit.mean(), 1e-14);
        assertEquals(4.1874, Math.round(BenfordSecondDigit.mean() * 1e4) / 1e4, 0.0);
        double[] q = BenfordSecondDigit.probabilities();
        double v = 0;
        for (int d = 0; d < 10; d++) {
            v += q[d] * Math.pow(d - BenfordSecondDigit.mean(), 2);
        }
        assertEquals(v, BenfordSecondDigit.variance(), 1e-12);
    }
}
