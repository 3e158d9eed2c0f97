package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The diagnosis study's own 2BL agrees with the test's statistic, with and without a count threshold. */
class CountNullTwinStudyTest {
    @Test
    void secondDigitMeanOfTheCountsAtOrAboveTheThreshold() {
        int[] counts = {5, 12, 123, 1999, 70, 100};
        // >= 10: second digits 2, 2, 9, 0, 0 -> 13 / 5
        assertEquals(13 / 5.0, CountNullTwinStudy.twoBl(counts, 10), 1e-12);
        assertEquals(SecondDigitMean.withDefaults().statistic(counts), CountNullTwinStudy.twoBl(counts, 10), 1e-12);
        // >= 100: 2, 9, 0 -> 11 / 3
        assertEquals(11 / 3.0, CountNullTwinStudy.twoBl(counts, 100), 1e-12);
        assertTrue(Double.isNaN(CountNullTwinStudy.twoBl(new int[] {3, 9}, 10)));
    }
}
