package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.psephos.forensics.TurnoutBins;

/** The automatic peak rules of {@link Shpilkin} on curves whose peaks are known in closed form. */
class ShpilkinPeaksTest {
    /** @return Σ heights[k]·exp(−(b − modes[k])²/(2·sds[k]²)) for b = 0..100 */
    private static double[] curve(double[] heights, double[] modes, double[] sds) {
        double[] c = new double[ShpilkinBins.BINS];
        for (int b = 0; b < c.length; b++) {
            for (int k = 0; k < heights.length; k++) {
                double z = (b - modes[k]) / sds[k];
                c[b] += heights[k] * Math.exp(-z * z / 2);
            }
        }
        return c;
    }

    /** A running median of 5 then a running mean of 5: one- and two-bin spikes vanish, a line stays a line. */
    @Test
    void smoothingRemovesNarrowSpikesAndKeepsLines() {
        double[] flat = new double[ShpilkinBins.BINS];
        java.util.Arrays.fill(flat, 10);
        double[] spiked = flat.clone();
        spiked[40] = 1_000;
        spiked[70] = 500;
        spiked[71] = 800;
        assertArrayEquals(flat, ShpilkinPeaks.smooth(spiked), 0);
        double[] line = new double[ShpilkinBins.BINS];
        for (int b = 0; b < line.length; b++) {
            line[b] = 3 * b + 1;
        }
        double[] s = ShpilkinPeaks.smooth(line);
        for (int b = 4; b <= 96; b++) {
            assertEquals(line[b], s[b], 1e-9, "bin " + b);
        }
        // the windows are cut at the ends: bin 0 is the mean of the medians of {1,4,7}, {1,4,7,10}, {1,...,13}
        assertEquals((4 + 5.5 + 7) / 3, s[0], 1e-12);
    }

    /**
     * A normal curve's first peak is its mode for sds up to 11 bins: the 5 bins that end at the mode rise by
     * exp(25/(2σ²)) − 1 = 13.3% at σ = 10 and 10.9% at σ = 11, more than {@value ShpilkinPeaks#RISE}, so the rule
     * cannot stop more than 5 bins below it. At σ = 15 (5.7%) it stops early and misses the mode by up to 2 bins.
     */
    @Test
    void theFirstPeakOfANormalCurveIsItsMode() {
        for (double sd : new double[] {3, 5, 8, 10, 11}) {
            double[] c = curve(new double[] {1_000}, new double[] {57}, new double[] {sd});
            assertEquals(57, ShpilkinPeaks.firstPeak(c), "sd " + sd);
            assertEquals(57, ShpilkinPeaks.firstPeak(ShpilkinPeaks.smooth(c)), "smoothed, sd " + sd);
        }
        int wide = ShpilkinPeaks.firstPeak(curve(new double[] {1_000}, new double[] {57}, new double[] {15}));
        assertEquals(56, wide, 1, "a wide peak: the stop lies up to 2 bins below the mode");
    }

    /**
     * The Russia 2024 shape: a clean peak at 60 and a higher pile of stuffed units at 82 (three times as high). The
     * maximum rules take the pile, the first-peak rule the clean peak; a small low-turnout bump (a city that votes
     * less, under a quarter of the highest) is passed over, and so is a shoulder that still rises.
     */
    @Test
    void theFirstPeakFromBelowIgnoresAHigherPileAboveIt() {
        double[] c = curve(new double[] {100, 300, 60}, new double[] {60, 82, 35}, new double[] {8, 5, 3});
        assertEquals(82, TurnoutBins.peak(c));
        assertEquals(82, TurnoutBins.peak(ShpilkinPeaks.smooth(c)));
        assertEquals(60, ShpilkinPeaks.firstPeak(ShpilkinPeaks.smooth(c)));
        // the bump at 35 reaches 25% of the highest: it is then the first peak
        double[] bump = curve(new double[] {100, 300, 80}, new double[] {60, 82, 35}, new double[] {8, 5, 3});
        assertEquals(35, ShpilkinPeaks.firstPeak(bump));
        // no flat stretch before the pile: the first peak is the maximum
        double[] ramp = curve(new double[] {300}, new double[] {82}, new double[] {8});
        for (int b = 0; b < ramp.length; b++) {
            ramp[b] += 2 * b;
        }
        assertEquals(TurnoutBins.peak(ramp), ShpilkinPeaks.firstPeak(ramp));
    }

    /** A spike taller than the peak (units reporting 75% exactly) moves the raw maximum, not the smoothed ones. */
    @Test
    void spikesMoveTheRawMaximumOnly() {
        double[] c = curve(new double[] {1_000}, new double[] {62}, new double[] {10});
        c[75] += 1_200;
        assertEquals(75, TurnoutBins.peak(c));
        assertEquals(62, TurnoutBins.peak(ShpilkinPeaks.smooth(c)));
        assertEquals(62, ShpilkinPeaks.firstPeak(ShpilkinPeaks.smooth(c)));
    }
}
