package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link TurnoutBins} on closed-form values: the ends 0 and 1, values exactly on a bin edge, values that a
 * floating-point division puts a hair below the edge (100 × 0.29 = 28.999999999999996 in double, so ⌊100·29/100⌋
 * computed as {@code Math.floor(100 * (29 / 100.0))} is 28), values outside [0, 1], and the floating-point form the
 * Klimek fit used before (the same bins, for every pair of counts).
 */
class TurnoutBinsTest {
    @Test
    void binsHalfOpenWithOneInTheLastBin() {
        assertEquals(0, TurnoutBins.bin(0, 100, 100));
        assertEquals(0, TurnoutBins.bin(99, 10_000, 100)); // 0.99%
        assertEquals(1, TurnoutBins.bin(1, 100, 100)); // 1% opens bin 1
        assertEquals(65, TurnoutBins.bin(13, 20, 100)); // 65% exactly: bin [65%, 66%)
        assertEquals(41, TurnoutBins.bin(167, 400, 100)); // 41.75%
        assertEquals(29, TurnoutBins.bin(29, 100, 100)); // where floor(100 * (29 / 100.0)) is 28
        assertEquals(28, (int) Math.floor(100 * (29 / 100.0)));
        assertEquals(33, TurnoutBins.bin(1, 3, 100));
        assertEquals(66, TurnoutBins.bin(2, 3, 100));
        assertEquals(99, TurnoutBins.bin(999, 1000, 100));
        assertEquals(99, TurnoutBins.bin(100, 100, 100)); // 1 in the last bin, as numpy's histogram
        assertEquals(99, TurnoutBins.bin(250, 100, 100)); // above 1: the last bin
        assertEquals(0, TurnoutBins.bin(-5, 100, 100)); // below 0: the first
        // 2% bins
        assertEquals(1, TurnoutBins.bin(2, 100, 50));
        assertEquals(1, TurnoutBins.bin(39_999, 1_000_000, 50));
        assertEquals(2, TurnoutBins.bin(4, 100, 50));
        assertEquals(49, TurnoutBins.bin(1, 1, 50));
    }

    @Test
    void noisyNumeratorsAreBinnedInFloatingPointAndClampedToTheEnds() {
        assertEquals(65, TurnoutBins.bin(65.0, 100, 100));
        assertEquals(64, TurnoutBins.bin(64.9999, 100, 100));
        assertEquals(99, TurnoutBins.bin(100.4, 100, 100)); // noise above 100%
        assertEquals(0, TurnoutBins.bin(-0.4, 100, 100)); // noise below 0%
        assertEquals(0, TurnoutBins.centredBin(-0.4, 1000, 1000));
        assertEquals(1000, TurnoutBins.centredBin(1000.4, 1000, 1000));
        assertEquals(5, TurnoutBins.centredBin(0.45, 1, 10));
        assertEquals(4, TurnoutBins.centredBin(0.4499, 1, 10));
    }

    @Test
    void centredBinsHaveWholeValuesAtTheirCentres() {
        assertEquals(0, TurnoutBins.centredBin(0, 100, 1000));
        assertEquals(0, TurnoutBins.centredBin(99, 200_000, 1000)); // 0.0495%: below the edge 0.05%
        assertEquals(1, TurnoutBins.centredBin(1, 2000, 1000)); // 0.05% exactly opens bin 1, [0.05%, 0.15%)
        assertEquals(650, TurnoutBins.centredBin(13, 20, 1000)); // 65% is the centre of bin 650
        assertEquals(5, TurnoutBins.centredBin(45, 100, 10)); // 4.5 tenths: the upper bin
        assertEquals(4, TurnoutBins.centredBin(44_999, 100_000, 10));
        assertEquals(1000, TurnoutBins.centredBin(100, 100, 1000)); // 100% has a bin of its own
        assertEquals(1000, TurnoutBins.centredBin(101, 100, 1000)); // and holds what is above
    }

    @Test
    void percentBinsKeepOneHundredPercentApart() {
        assertEquals(0, TurnoutBins.percentBin(0, 1000));
        assertEquals(29, TurnoutBins.percentBin(29, 100));
        assertEquals(65, TurnoutBins.percentBin(13, 20));
        assertEquals(64, TurnoutBins.percentBin(129, 200)); // 64.5%
        assertEquals(99, TurnoutBins.percentBin(999, 1000));
        assertEquals(100, TurnoutBins.percentBin(1000, 1000));
        assertEquals(100, TurnoutBins.percentBin(11, 10));
        assertEquals(0, TurnoutBins.percentBin(-3, 10));
        assertEquals(101, TurnoutBins.PERCENT_BINS);
    }

    @Test
    void typedTurnoutsFindTheirPercentBin() {
        assertEquals(0, TurnoutBins.percentBin(0.0));
        assertEquals(29, TurnoutBins.percentBin(0.29)); // 100 * 0.29 = 28.999999999999996
        assertEquals(57, TurnoutBins.percentBin(0.57)); // 56.99999999999999
        assertEquals(65, TurnoutBins.percentBin(0.6549));
        assertEquals(100, TurnoutBins.percentBin(1.0));
        assertEquals(100, TurnoutBins.percentBin(1.2));
        assertEquals(0, TurnoutBins.percentBin(-0.1));
        assertEquals(0, TurnoutBins.percentBin(Double.NaN));
    }

    @Test
    void percentCentresAreMidpointsAndOneForTheTopBin() {
        assertEquals(0.005, TurnoutBins.percentCentre(0));
        assertEquals(0.645, TurnoutBins.percentCentre(64));
        assertEquals(0.995, TurnoutBins.percentCentre(99));
        assertEquals(1.0, TurnoutBins.percentCentre(100));
        for (int b = 0; b < TurnoutBins.PERCENT_BINS; b++) {
            assertEquals(b, TurnoutBins.percentBin(TurnoutBins.percentCentre(b)), "bin " + b);
        }
    }

    @Test
    void sumsAddEachUnitsWeightToItsBin() {
        assertArrayEquals(new double[] {5, 7, 3, 0}, TurnoutBins.sums(new int[] {0, 2, 2, 1}, new int[] {5, 1, 2, 7},
                4));
    }

    @Test
    void peakIsTheEarliestLargestBin() {
        assertEquals(1, TurnoutBins.peak(new double[] {1, 3, 3, 2}));
        assertEquals(3, TurnoutBins.peak(new double[] {1, 3, 3, 4}));
        assertEquals(0, TurnoutBins.peak(new double[] {0, 0, 0}));
        assertEquals(2, TurnoutBins.peak(new double[] {2, Double.NaN, 3}));
        assertEquals(0, TurnoutBins.peak(new double[] {5, Double.NaN, 3}));
    }

    /**
     * The bins are the exact ⌊K·num/den⌋ (integer division) for any counts, although {@code bin} computes them in
     * floating point below 2³¹; and the floating-point form Klimek's fit and chart used gives the same bins.
     */
    @Property(tries = 2000)
    void binsAreTheExactFloorForAnyCounts(@ForAll @IntRange(min = 0) int num, @ForAll @IntRange(min = 1) int den,
                                          @ForAll @IntRange(min = 1, max = 1 << 20) int bins) {
        int exact = (int) Math.min(bins - 1, (long) bins * num / den);
        assertEquals(exact, TurnoutBins.bin(num, den, bins));
        assertEquals(exact, Math.min(bins - 1, (int) (bins * (double) num / den)));
    }

    @Test
    void binsBeyondIntCountsAreExactToo() {
        assertEquals(65, TurnoutBins.bin(13L << 33, 20L << 33, 100));
        assertEquals(64, TurnoutBins.bin((13L << 33) - 1, 20L << 33, 100));
        assertEquals(0, TurnoutBins.bin(-(1L << 40), 100, 100));
    }

    /** Near whole percentages, where a floating-point division could round up across the edge. */
    @Property(tries = 2000)
    void exactBinsEqualTheFloatingPointFormAtEdges(@ForAll @IntRange(min = 1, max = 99) int percent,
                                                   @ForAll @IntRange(min = 2, max = 20_000_000) int scale,
                                                   @ForAll @IntRange(min = -1, max = 1) int offset) {
        long den = 100L * scale;
        long num = (long) percent * scale + offset;
        assertEquals(offset < 0 ? percent - 1 : percent, TurnoutBins.bin(num, den, 100));
        assertEquals(offset < 0 ? percent - 1 : percent, Math.min(99, (int) (100 * (double) num / den)));
    }
}
