package org.psephos.forensics.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The port of R's {@code density} (linear binning on a 1024-point grid, FFT convolution, interpolation) and of the
 * package's bins: against R's own output on the golden inputs, and against the closed form of one point.
 */
class RDensityTest {

    /** R: density(v/t, from = 0, to = 1, cut = TRUE, n = 1001, bw = 1e-4) inside the package's fraud(). */
    @ParameterizedTest
    @ValueSource(strings = {"clean", "coarse"})
    void theObservedDensityIsRs(String input) {
        int[][] d = SpikesGolden.ntv(input);
        double[] share = new double[d[0].length];
        for (int i = 0; i < share.length; i++) {
            share[i] = (double) d[2][i] / d[1][i];
        }
        double[] ours = new RDensity(1e-4, 1001, 0, 1).density(share);
        double[] r = SpikesGolden.table(input + "/grid.csv").column("density");
        double max = 0;
        for (double v : r) {
            max = Math.max(max, v);
        }
        for (int j = 0; j < r.length; j++) {
            // the two FFTs round differently: about 1e-16 of the largest value, anywhere on the grid
            assertEquals(r[j], ours[j], 1e-12 * max, "grid point " + j);
        }
    }

    /** R: W(v/t), prop.table(table(cut(x, bins, include.lowest = TRUE))) with bins seq(-0.0005, 1.0005, 0.001). */
    @ParameterizedTest
    @ValueSource(strings = {"clean", "coarse"})
    void theObservedBinSharesAreRs(String input) {
        int[][] d = SpikesGolden.ntv(input);
        ShareBins bins = new ShareBins(RDensity.seqLength(0, 1, 1001));
        int[] count = new int[bins.count()];
        for (int i = 0; i < d[0].length; i++) {
            count[bins.of((double) d[2][i] / d[1][i])]++;
        }
        double[] r = SpikesGolden.table(input + "/grid.csv").column("observed_share");
        assertEquals(1001, bins.count());
        for (int j = 0; j < r.length; j++) {
            assertEquals(r[j], (double) count[j] / d[0].length, 0.0, "bin " + j);
        }
    }

    /**
     * One point at 0.3, bw = 1e-4: binning puts 1 − f and f on the cells around it (f its position between them),
     * the kernel's neighbouring cells are 9.8 bandwidths away (weight below 1e-20), so the density at the grid
     * points is the interpolation of those masses times φ(0)/bw. R gives 3514.5963971492715, 154.54255695147572 and
     * 231.7894591770974 at 0.3, 0.299 and 0.301 (an exact kernel sum would give 3989.4 at 0.3 and 0 beside).
     */
    @Test
    void onePointGivesTheClosedForm() {
        double[] y = new RDensity(1e-4, 1001, 0, 1).density(new double[] {0.3});
        double lo = -4e-4;
        double delta = (1 + 4e-4 - lo) / 1023;
        double pos = (0.3 - lo) / delta;
        int ix = (int) Math.floor(pos);
        double f = pos - ix;
        double k0 = 1 / (Math.sqrt(2 * Math.PI) * 1e-4);
        assertEquals(k0 * ((1 - f) * (1 - f) + f * f), y[300], 1e-10);
        assertEquals(3514.5963971492715, y[300], 1e-9);
        assertEquals(154.54255695147572, y[299], 1e-9);
        assertEquals(231.7894591770974, y[301], 1e-9);
        assertEquals(0, y[298], 1e-12);
        assertEquals(0, y[302], 1e-12);
    }

    /** R's dnorm splits large arguments to keep accuracy and underflows past 38.6 standard deviations. */
    @Test
    void dnormIsRs() {
        assertEquals(0.3989422804014327, RDensity.dnorm(0, 1), 1e-16);
        assertEquals(1.4867195147342977e-06, RDensity.dnorm(5, 1), 1e-21); // dnorm(5)
        assertEquals(7.694598626706419e-23, RDensity.dnorm(10, 1), 1e-37); // dnorm(10)
        assertEquals(0, RDensity.dnorm(40, 1));
        assertTrue(RDensity.dnorm(38, 1) > 0);
    }

    /** Bins are closed on the right, the first includes its lower edge; shares 0 and 1 fall in the end bins. */
    @Test
    void binsFollowRsCut() {
        ShareBins bins = new ShareBins(RDensity.seqLength(0, 1, 1001));
        assertEquals(0, bins.of(0));
        assertEquals(0, bins.of(0.0005)); // (−0.0005, 0.0005]
        assertEquals(1, bins.of(0.00050001));
        assertEquals(500, bins.of(0.5));
        assertEquals(1000, bins.of(1));
        assertEquals(-1, bins.of(1.001));
        assertEquals(-1, bins.of(Double.NaN));
    }
}
