package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RadixSort} gives exactly {@code Arrays.sort}'s order, including ties and values closer than its digits. */
class RadixSortTest {
    @Test
    void sortsLikeArraysSort() {
        SplittableRandom rng = new SplittableRandom(7);
        RadixSort sorter = new RadixSort();
        for (int n : new int[] {1, 63, 64, 1000, 95_000}) {
            double[] a = new double[n + 5];
            for (int i = 0; i < a.length; i++) {
                int kind = rng.nextInt(4);
                a[i] = kind == 0 ? rng.nextInt(300) / 299.0 // proportions of counts: many ties
                        : kind == 1 ? 0.5 + rng.nextInt(1000) * Math.ulp(0.5) // closer than the sorted 48 bits
                        : kind == 2 ? 0.0 : rng.nextDouble();
            }
            double[] expected = a.clone();
            Arrays.sort(expected, 0, n);
            sorter.sort(a, n);
            assertArrayEquals(expected, a, "n = " + n);
        }
    }
}
