package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    @Test
    void sameKeySameStreamOtherKeyOtherStream() {
        RandomStreams s = RandomStreams.seeded(42);
        assertEquals(s.stream(1, 2).nextLong(), RandomStreams.seeded(42).stream(1, 2).nextLong());
        assertNotEquals(s.stream(1, 2).nextLong(), s.stream(2, 1).nextLong());
        assertNotEquals(s.stream(1, 2).nextLong(), RandomStreams.seeded(43).stream(1, 2).nextLong());
        assertNotEquals(s.stream(0).nextLong(), s.stream(0, 0).nextLong());
    }

    /** First draws of 10,000 consecutive block streams must be uniform: catches a poor key mix. */
    @Test
    void firstDrawsOfConsecutiveBlocksAreUniform() {
        RandomStreams s = RandomStreams.seeded(7);
        long[] counts = new long[16];
        for (int b = 0; b < 16_000; b++) {
            counts[s.stream(b).nextInt(16)]++;
        }
        double[] expected = new double[16];
        java.util.Arrays.fill(expected, 1000.0);
        double p = new ChiSquareTest().chiSquareTest(expected, counts);
        assertTrue(p > 0.001, "chi-square p = " + p);
    }

    @Test
    void parallelMapKeepsBlockOrderForAnyThreadCount() {
        RandomStreams s = RandomStreams.seeded(3);
        List<Long> one = Parallel.map(50, 1, b -> s.stream(b).nextLong(), Progress.NONE);
        List<Long> two = Parallel.map(50, 2, b -> s.stream(b).nextLong(), Progress.NONE);
        List<Long> five = Parallel.map(50, 5, b -> s.stream(b).nextLong(), Progress.NONE);
        assertEquals(one, two);
        assertEquals(one, five);
        UniformRandomProvider r = s.stream(49);
        assertArrayEquals(new long[] {one.get(49)}, new long[] {r.nextLong()});
    }
}
