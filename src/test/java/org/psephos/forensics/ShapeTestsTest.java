package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.ShareBase;
import org.psephos.simulation.RandomStreams;

/** Distribution statistics against scipy 1.17.1. */
class ShapeTestsTest {
    // x = np.array([0.61,0.55,0.72,0.48,0.66,0.59,0.91,0.63,0.57,0.70,0.52,0.68,0.99,0.60,0.58])
    private static final double[] X = {0.61, 0.55, 0.72, 0.48, 0.66, 0.59, 0.91, 0.63, 0.57, 0.70, 0.52, 0.68, 0.99,
        0.60, 0.58};
    // y = np.array([0.40,0.45,0.52,0.35,0.47,0.41,0.80,0.44,0.43,0.50,0.38,0.49,0.95,0.42,0.39])
    private static final double[] Y = {0.40, 0.45, 0.52, 0.35, 0.47, 0.41, 0.80, 0.44, 0.43, 0.50, 0.38, 0.49, 0.95,
        0.42, 0.39};

    @Test
    void skewnessAndPearsonKurtosisMatchScipy() {
        // scipy.stats.skew(x) -> 1.28973628472086; scipy.stats.kurtosis(x, fisher=False) -> 3.958784048602437
        assertEquals(1.28973628472086, Skewness.withDefaults().statistic(X), 1e-13);
        assertEquals(3.958784048602437, Kurtosis.withDefaults().statistic(X), 1e-13);
    }

    /**
     * Constant input has no variance, so m3/m2^1.5 and m4/m2² are 0/0: NaN, as R gives with the {@code moments}
     * definitions ({@code x <- rep(0.1, 3); m <- mean(x); mean((x - m)^3) / mean((x - m)^2)^1.5} is NaN, R 4.2.2:
     * its {@code mean} refines the sum, so the deviations are exactly 0). Before the fix the rounding error of a
     * plain mean (0.1 + 0.1 + 0.1 is not 0.3) left every deviation the same tiny non-zero number, and the
     * statistics came out −1 and 1.
     */
    @Test
    void constantInputHasNoSkewnessOrKurtosis() {
        for (double[] x : new double[][] {{0.1, 0.1, 0.1}, {0.7, 0.7, 0.7, 0.7, 0.7}, {2.0, 2.0}}) {
            assertTrue(Double.isNaN(Skewness.withDefaults().statistic(x)), java.util.Arrays.toString(x));
            assertTrue(Double.isNaN(Kurtosis.withDefaults().statistic(x)), java.util.Arrays.toString(x));
        }
    }

    @Test
    void correlationAndSobyaninMatchScipy() {
        // scipy.stats.pearsonr(x, y).statistic -> 0.9643113942058462
        // scipy.stats.linregress(x, y).slope - y.mean() -> 0.6543019031430188 (slope 1.1476352364763522)
        assertEquals(0.9643113942058462, TurnoutShareCorrelation.withDefaults().statistic(X, Y), 1e-13);
        assertEquals(0.6543019031430188, Sobyanin.withDefaults().statistic(X, Y), 1e-13);
    }

    /**
     * The bootstrap's one-pass moments and cross-products (weighted power sums about the full-sample means,
     * {@link Moments#centralFromSums}, {@link Moments#crossFromSums}) equal the two-pass statistics of the same
     * resample, redrawn here from the block's stream; and a constant resample gives NaN, not a rounding-error
     * kurtosis or correlation.
     */
    @Test
    void onePassResampleMomentsEqualTwoPass() {
        int n = X.length;
        double cx = Moments.mean(X);
        double cy = Moments.mean(Y);
        List<Resample.Spec> specs = List.of(new Resample.Moment(X, cx, Moments::skewness),
                new Resample.Moment(X, cx, Moments::kurtosis), new Resample.Cross(X, Y, cx, cy, CrossStatistic.CORRELATION),
                new Resample.Cross(X, Y, cx, cy, CrossStatistic.SLOPE_MINUS_MEAN));
        BatteryOptions o = BatteryOptions.defaults().withSeed(3).withReplicates(Bootstrap.BLOCK);
        double[][] one = new Resample(n, specs, o, new long[] {1, 2}).block(0);
        UniformRandomProvider rng = RandomStreams.seeded(3).stream(1, 2, 0);
        int[] idx = new int[n];
        double[] px = new double[n];
        double[] py = new double[n];
        for (int r = 0; r < Bootstrap.BLOCK; r++) {
            Bootstrap.drawIndices(rng, idx, n);
            for (int i = 0; i < n; i++) {
                px[i] = X[idx[i]];
                py[i] = Y[idx[i]];
            }
            double[] reg = Moments.regression(px, py);
            assertEquals(Moments.skewness(px), one[0][r], 1e-12, "skewness, replicate " + r);
            assertEquals(Moments.kurtosis(px), one[1][r], 1e-12, "kurtosis, replicate " + r);
            assertEquals(reg[0], one[2][r], 1e-12, "r, replicate " + r);
            assertEquals(reg[1] - reg[2], one[3][r], 1e-12, "slope - mean, replicate " + r);
        }
        double[] constant = new double[n]; // every resample constant, shifted by the mean of X
        java.util.Arrays.fill(constant, X[3]);
        double[][] flat = new Resample(n, List.of(new Resample.Moment(constant, cx, Moments::kurtosis),
                new Resample.Cross(constant, Y, cx, cy, CrossStatistic.CORRELATION)), o, new long[] {1, 2}).block(0);
        for (int r = 0; r < Bootstrap.BLOCK; r++) {
            assertTrue(Double.isNaN(flat[0][r]), "kurtosis of a constant resample: " + flat[0][r]);
            assertTrue(Double.isNaN(flat[1][r]), "r of a constant resample: " + flat[1][r]);
        }
    }

    @Test
    void logVoteKurtosisMatchesNumpy() {
        // W = np.array([120,340,55,410,230,98,301,77,150,260,12,500]); R = np.array([400,...,690])
        // nu = np.log(W/(R-W)); z = (nu-nu.mean())/nu.std(); scipy.stats.kurtosis(z, fisher=False)
        //   -> 3.27438865412122
        int[] w = {120, 340, 55, 410, 230, 98, 301, 77, 150, 260, 12, 500};
        int[] r = {400, 600, 300, 700, 500, 350, 520, 260, 410, 480, 200, 690};
        assertEquals(3.27438865412122, LogVoteKurtosis.withDefaults().statistic(w, r), 1e-12);
        double[] z = LogVoteKurtosis.rescaledRates(new int[] {0, 5, 10, 20}, new int[] {10, 10, 10, 40});
        // W = 0 and W = R have no finite rate; 5/10 and 20/40 both give ln(1) = 0, so no rescaling (sd 0)
        assertEquals(2, z.length);
        assertEquals(0.0, z[0] + z[1]);
    }

    /** A unit election built from turnout and share proportions with 10,000 voters per unit. */
    private static Election fromProportions(double[] turnout, double[] share) {
        int n = turnout.length;
        int[] reg = new int[n];
        int[] bal = new int[n];
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            reg[i] = 10_000;
            bal[i] = (int) Math.round(turnout[i] * 10_000);
            a[i] = (int) Math.round(share[i] * bal[i]);
            b[i] = bal[i] - a[i];
        }
        return Election.builder("t").registered(reg).ballots(bal).option("A", a).option("B", b)
                .shareBase(ShareBase.BALLOTS).build();
    }

    @Test
    void runsGiveTheStatisticAndTheEftoolkitFlags() {
        Election e = fromProportions(X, Y);
        BatteryOptions o = BatteryOptions.defaults().withReplicates(200).withThreads(1);
        TestInput turnout = new TestInput(e, "national", Variable.turnout());
        TestResult k = Kurtosis.withDefaults().run(turnout, o);
        assertEquals(3.958784048602437, k.value(), 1e-13);
        assertEquals(3.0, k.expected());
        assertTrue(k.ciLow() < k.value() && k.value() < k.ciHigh());
        assertEquals(k.flag(), k.ciLow() > 3 || k.ciHigh() < 3);
        TestInput a = new TestInput(e, "national", Variable.option(e, 0));
        TestResult c = TurnoutShareCorrelation.withDefaults().run(a, o);
        assertEquals(0.9643, c.value(), 5e-4); // counts are rounded from the proportions
        assertTrue(c.flag(), "|r| > 0.4 flags");
        assertTrue(Double.isNaN(c.pValue()));
        TestResult s = Sobyanin.withDefaults().run(a, o.withConventions(Conventions.EFTOOLKIT));
        assertEquals(0.6543, s.value(), 1e-3);
        assertFalse(s.flag(), "0.65 < 1.645 does not flag");
        assertFalse(Sobyanin.withDefaults().run(turnout, o).applicable());
        assertTrue(TurnoutShareCorrelation.withDefaults().run(turnout, o).reason().startsWith("not applicable to "
                + "turnout"));
    }

    /**
     * Issue 14, 4.4: under Psephos's conventions Sobyanin reports the OLS slope of the share on turnout with its
     * standard error (no p-value, no flag: its null comes with the calibrated nulls), the classic regression of
     * votes per registered voter on turnout as well; under EFToolkit's, EFToolkit's slope minus mean share with its
     * 1.645 rule. Expected values from commons-math3's SimpleRegression, an independent implementation.
     */
    @Test
    void sobyaninReportsTheSlopeWithItsStandardErrorAndTheClassicRegression() {
        Election e = fromProportions(X, Y);
        BatteryOptions o = BatteryOptions.defaults().withReplicates(400).withThreads(1);
        TestInput a = new TestInput(e, "national", Variable.option(e, 0));
        org.apache.commons.math3.stat.regression.SimpleRegression share =
                new org.apache.commons.math3.stat.regression.SimpleRegression();
        org.apache.commons.math3.stat.regression.SimpleRegression classic =
                new org.apache.commons.math3.stat.regression.SimpleRegression();
        long votes = 0;
        long ballots = 0;
        for (int i = 0; i < e.size(); i++) {
            double t = (double) e.ballots(i) / e.registered(i);
            share.addData(t, (double) e.votes(0, i) / e.ballots(i));
            classic.addData(t, (double) e.votes(0, i) / e.registered(i));
            votes += e.votes(0, i);
            ballots += e.ballots(i);
        }
        TestResult s = Sobyanin.withDefaults().run(a, o);
        assertEquals(share.getSlope(), s.value(), 1e-12);
        assertEquals(share.getSlopeStdErr(), (Double) s.details().get("slope_se"), 1e-12);
        assertEquals(classic.getSlope(), (Double) s.details().get("classic_slope"), 1e-12);
        assertEquals(classic.getSlopeStdErr(), (Double) s.details().get("classic_se"), 1e-12);
        assertEquals((double) votes / ballots, (Double) s.details().get("classic_expected"), 1e-15);
        assertEquals(0.0, s.expected());
        assertTrue(Double.isNaN(s.pValue()) && !s.flag(), "no p-value and no flag until a calibrated null");
        assertTrue(s.ciLow() < s.value() && s.value() < s.ciHigh(), s.toString());
        TestResult c = Sobyanin.withDefaults().with(Sobyanin.Form.CLASSIC).run(a, o);
        assertEquals(classic.getSlope(), c.value(), 1e-12);
        assertEquals((double) votes / ballots, c.expected(), 1e-15);
        assertFalse(c.flag());
        TestResult eft = Sobyanin.withDefaults().run(a, o.withConventions(Conventions.EFTOOLKIT));
        double mean = 0;
        for (int i = 0; i < e.size(); i++) {
            mean += (double) e.votes(0, i) / e.ballots(i) / e.size();
        }
        assertEquals(share.getSlope() - mean, eft.value(), 1e-12);
        assertEquals(-mean, eft.expected(), 1e-12, "the slope's null 0 minus the mean share it subtracts");
        assertEquals(Math.abs(eft.value()) > Sobyanin.THRESHOLD, eft.flag());
        TestResult eftOwn = Sobyanin.withDefaults().with(Sobyanin.Form.EFTOOLKIT).run(a, o);
        assertEquals(eft.value(), eftOwn.value(), 1e-12);
        assertEquals(-mean, eftOwn.expected(), 1e-12, "the same under Psephos's conventions");
    }

    @Test
    void zeroVarianceIsNotApplicableNeverNaN() {
        double[] t = new double[30];
        double[] v = new double[30];
        java.util.Arrays.fill(t, 0.6);
        for (int i = 0; i < 30; i++) {
            v[i] = 0.3 + i / 100.0;
        }
        Election e = fromProportions(t, v);
        BatteryOptions o = BatteryOptions.defaults().withReplicates(50).withThreads(1);
        TestInput turnout = new TestInput(e, "national", Variable.turnout());
        TestInput a = new TestInput(e, "national", Variable.option(e, 0));
        for (ForensicTest test : new ForensicTest[] {Skewness.withDefaults(), Kurtosis.withDefaults(),
            LogVoteKurtosis.withDefaults()}) {
            TestResult r = test.run(turnout, o);
            assertFalse(r.applicable(), test.id());
            assertEquals(Results.ZERO_VARIANCE, r.reason());
        }
        assertEquals(Results.ZERO_VARIANCE, TurnoutShareCorrelation.withDefaults().run(a, o).reason());
        assertEquals(Results.ZERO_VARIANCE, Sobyanin.withDefaults().run(a, o).reason());
        TestResult fine = Skewness.withDefaults().run(a, o);
        assertTrue(fine.applicable() && Double.isFinite(fine.ciLow()) && Double.isFinite(fine.ciHigh()));
    }

    @Test
    void tooFewUnitsIsNotApplicable() {
        Election e = fromProportions(new double[] {0.5, 0.6, 0.7}, new double[] {0.3, 0.4, 0.5});
        TestResult r = Kurtosis.withDefaults().run(new TestInput(e, "x", Variable.turnout()),
                BatteryOptions.defaults());
        assertEquals("too few units: 3, need at least 10", r.reason());
        assertEquals("x", r.level());
    }
}
