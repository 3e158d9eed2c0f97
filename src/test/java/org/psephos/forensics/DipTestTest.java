package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.psephos.data.Election;

class DipTestTest {

    /*
     * Golden values from R 4.2 with diptest 0.76.0 (Debian r-cran-diptest), each produced by
     *   Rscript -e 'library(diptest); x <- c(...); d <- dip.test(x); cat(sprintf("%.17g", d$statistic),
     *               sprintf("%.17g", d$p.value))'
     * with x as in the case. A scratch cross-check of 3000 random samples (uniform, normal, bimodal, rounded with
     * many ties; n from 4 to 80,000) agreed to 5e-16 relative in the dip and 8e-16 absolute in the p-value.
     */
    static Stream<Arguments> rGolden() {
        return Stream.of(
                // bimodal, two tight clusters: p-value beyond the table's 0.99999 quantile
                Arguments.of("bimodal", new double[] {0.21, 0.25, 0.22, 0.27, 0.24, 0.23, 0.26, 0.20, 0.71, 0.74,
                    0.69, 0.73, 0.70, 0.72, 0.75, 0.68}, 0.21354166666666669, 0.0),
                // bimodal with a bridge, n = 19 (interpolated between the rows n = 15 and n = 20)
                Arguments.of("bimodal-bridge", new double[] {0.31, 0.33, 0.34, 0.35, 0.36, 0.37, 0.38, 0.39, 0.50,
                    0.61, 0.62, 0.63, 0.64, 0.65, 0.66, 0.67, 0.70, 0.43, 0.57}, 0.12781954887218039,
                    0.0061361796329403306),
                // unimodal
                Arguments.of("unimodal", new double[] {0.52, 0.48, 0.55, 0.61, 0.50, 0.47, 0.53, 0.58, 0.44, 0.51,
                    0.49, 0.56, 0.54, 0.42, 0.63, 0.50}, 0.037499999999999999, 0.99814281629360246),
                // skewed / weakly bimodal, n = 25
                Arguments.of("weak", new double[] {0.31, 0.35, 0.33, 0.38, 0.36, 0.34, 0.40, 0.42, 0.37, 0.39, 0.45,
                    0.48, 0.52, 0.55, 0.58, 0.61, 0.60, 0.62, 0.63, 0.59, 0.64, 0.66, 0.65, 0.68, 0.70},
                    0.087199999999999972, 0.11124811349445374),
                // ties (integers)
                Arguments.of("ties", new double[] {1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 9, 9, 9, 10, 10},
                    0.11764705882352941, 0.034209105831514042),
                // ties, where approx() collapses tied table abscissae (ties = mean)
                Arguments.of("ties-collapse", new double[] {0.1, 0.2, 0.2, 0.3, 0.9, 0.9, 0.95, 1.0, 0.5, 0.45},
                    0.14999999999999999, 0.02254193992191289),
                // the largest possible dip: a two-point distribution
                Arguments.of("two-point", new double[] {1, 1, 2, 2}, 0.25, 0.0),
                // the smallest possible dip, 1 / (2n)
                Arguments.of("n4-unimodal", new double[] {0, 1, 3, 6}, 0.125, 0.78200000000000003));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rGolden")
    void agreesWithR(String name, double[] x, double dip, double p) {
        DipTest.Result r = DipTest.withDefaults().test(x);
        assertEquals(dip, r.statistic(), 1e-14 * dip, "dip");
        assertEquals(p, r.pValue(), 1e-14, "p-value");
        assertEquals(x.length, r.n());
        assertEquals(dip, DipTest.statistic(x), 1e-14 * dip);
    }

    @Test
    void mirrorImageHasTheSameDip() {
        double[] x = {0.31, 0.33, 0.34, 0.35, 0.36, 0.37, 0.38, 0.39, 0.50, 0.61, 0.62, 0.63, 0.64, 0.65};
        double[] m = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            m[i] = -x[i];
        }
        assertEquals(DipTest.statistic(x), DipTest.statistic(m), 1e-15);
    }

    /*
     * Small and constant samples, golden values from R 4.2.2 with diptest 0.76.0 (the same packages as above):
     *   Rscript -e 'library(diptest); x <- c(...); d <- dip.test(x); f <- dip(x, full.result = TRUE);
     *               cat(sprintf("%.17g", d$statistic), sprintf("%.17g", d$p.value), f$lo.hi)'
     * diptest's C code starts from 2n·dip = 1 and returns at once for n < 2 or x[n] == x[1], so these samples get
     * the smallest possible dip 1/(2n), not 0; dip.test gives p = 1 for n ≤ 3 and interpolates qDiptab from n = 4
     * on, constant samples included. The modal interval is the whole sample (lo.hi = 1, n).
     */
    static Stream<Arguments> rSmallOrConstant() {
        return Stream.of(
                Arguments.of("one", new double[] {5}, 0.5, 1.0),
                Arguments.of("two", new double[] {1, 2}, 0.25, 1.0),
                Arguments.of("three", new double[] {3, 1, 2}, 0.16666666666666666, 1.0),
                Arguments.of("two-same", new double[] {7, 7}, 0.25, 1.0),
                Arguments.of("three-same", new double[] {1, 1, 1}, 0.16666666666666666, 1.0),
                Arguments.of("four-same", new double[] {0.1, 0.1, 0.1, 0.1}, 0.125, 0.78200000000000003),
                Arguments.of("five-same", new double[] {2, 2, 2, 2, 2}, 0.10000000000000001, 0.9028571428571428),
                Arguments.of("hundred-same", java.util.stream.DoubleStream.generate(() -> 0.5).limit(100).toArray(),
                    0.0050000000000000001, 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rSmallOrConstant")
    void smallOrConstantSamplesHaveRsSmallestDip(String name, double[] x, double dip, double p) {
        DipTest.Result r = DipTest.withDefaults().test(x);
        assertEquals(dip, r.statistic(), 1e-15, "dip");
        assertEquals(p, r.pValue(), 1e-14, "p-value");
        assertEquals(dip, DipTest.statistic(x), 1e-15);
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(sorted[0], r.modalLow());
        assertEquals(sorted[sorted.length - 1], r.modalHigh());
    }

    @Test
    void emptySampleHasDipZeroAndPOne() {
        // R: dip(numeric(0)) is 0 and dip.test(numeric(0))$p.value is 1; NaN values are dropped first
        assertEquals(0.0, DipTest.statistic(new double[] {Double.NaN}));
        assertEquals(1.0, DipTest.withDefaults().test(new double[0]).pValue());
    }

    @Test
    void modalIntervalLiesInTheSample() {
        DipTest.Result r = DipTest.withDefaults().test(new double[] {0.21, 0.25, 0.22, 0.27, 0.24, 0.23, 0.71,
            0.74, 0.69, 0.73});
        assertTrue(r.modalLow() <= r.modalHigh());
        assertTrue(r.reject(0.05));
        assertThrows(IllegalArgumentException.class, () -> r.reject(0.7));
    }

    @Test
    void batteryRunFlagsBimodalTurnoutAndGuardsInapplicableData() {
        // turnout 20-27% in eight units and 68-75% in eight more: bimodal
        int[] reg = new int[16];
        int[] bal = {21, 25, 22, 27, 24, 23, 26, 20, 71, 74, 69, 73, 70, 72, 75, 68};
        java.util.Arrays.fill(reg, 100);
        Election e = Election.builder("dip").registered(reg).ballots(bal).option("A", bal).build();
        TestInput in = new TestInput(e, TestInput.NATIONAL, Variable.turnout());
        TestResult r = DipTest.withDefaults().run(in, BatteryOptions.defaults());
        assertTrue(r.applicable());
        assertTrue(r.flag());
        assertEquals("DipT", r.id());
        assertEquals(0.21354166666666669, r.value(), 1e-15);
        assertEquals(16, r.n());

        TestResult few = DipTest.withDefaults().run(in, BatteryOptions.defaults().withMinUnits(20));
        assertFalse(few.applicable());
        assertTrue(few.reason().contains("fewer than 20 units"), few.reason());

        int[] same = new int[16];
        java.util.Arrays.fill(same, 50);
        Election flat = Election.builder("flat").registered(reg).ballots(same).option("A", same).build();
        TestResult eq = DipTest.withDefaults().run(new TestInput(flat, TestInput.NATIONAL, Variable.turnout()),
                BatteryOptions.defaults());
        assertFalse(eq.applicable());
        assertEquals("all values are equal", eq.reason());
        assertTrue(Double.isNaN(eq.value()));
    }
}
