package org.psephos.forensics.nulls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.simulation.Progress;

/**
 * The resampling null's draws against their closed forms: B* ~ Binomial(N, B/N) and the categories
 * ~ Multinomial(B* + e, c/Σc) give E[B*] = B, Var B* = N p(1 − p), E[x*_j] = c_j,
 * Var x*_j = B s_j(1 − s_j) + s_j² Var B*, Cov(B*, x*_j) = s_j Var B* (s_j = c_j / B, e = 0); the beta-binomial
 * variant multiplies Var B* by (A + N)/(A + 1) with A = N + κ. Moments of 20,000 replicates are compared within
 * 5 standard errors (a mean's se is sd/√R; a variance's se about Var·√(2/R)). Also: the documented handling of
 * units that do not nest, and reproducibility for any thread count. Cannot detect: departures in the far tails.
 */
class CountResamplerTest {
    private static final long SEED = 31_415L;
    private static final int R = 20_000;
    private static final int M = Election.MISSING;

    /**
     * Units: A regular; B more ballots than registered; C found above ballots; D option 1 missing (valid kept);
     * E invalid missing; F ballots missing.
     */
    private static Election units() {
        return Election.builder("test")
                .registered(new int[] {1000, 100, 800, 900, 700, 600})
                .ballots(new int[] {600, 120, 500, 450, 300, M})
                .valid(new int[] {570, 120, 520, 400, 290, 250})
                .invalid(new int[] {20, 0, 10, 20, M, 5})
                .option("a", new int[] {300, 100, 300, 300, 200, 150})
                .option("b", new int[] {200, 20, 220, M, 90, 100})
                .option("c", new int[] {70, 0, 0, 0, 0, 0})
                .build();
    }

    private static double[] column(NullDistribution d, int unit, int field) {
        return d.values(unit * 9 + field);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double cov(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }

    private static void assertMoments(double mean, double var, double[] x, String what) {
        assertEquals(mean, mean(x), 5 * Math.sqrt(var / x.length), what + " mean");
        assertEquals(var, cov(x, x), 5 * var * Math.sqrt(2.0 / x.length) + 1e-9, what + " variance");
    }

    @Test
    void binomialDrawsAreNestedAsTheCounts() {
        NullDistribution d = CountResampler.of(units()).distribution(new UnitCounts(6, 3), R, SEED, 2);
        // Unit A: p = 0.6, categories 300, 200, 70, invalid 20, unfound 10 of 600.
        double varB = 1000 * 0.6 * 0.4;
        double[] b = column(d, 0, 0);
        assertMoments(600, varB, b, "A ballots");
        double[][] cat = {{300, 1}, {200, 2}, {70, 3}, {20, 4}};
        for (double[] c : cat) {
            double s = c[0] / 600;
            double[] x = column(d, 0, (int) c[1]);
            assertMoments(c[0], 600 * s * (1 - s) + s * s * varB, x, "A category " + c[1]);
            double se = Math.sqrt(varB * (600 * s * (1 - s) + s * s * varB) / R);
            assertEquals(s * varB, cov(b, x), 5 * se, "A cov(B*, x*)");
        }
        assertEquals(590, mean(column(d, 0, 6)), 1, "A found* = valid* + invalid*, unfound drawn apart");
        // Unit B: more ballots than registered: B* = B; a ~ Bin(120, 5/6).
        assertMoments(120, 0, column(d, 1, 0), "B ballots kept");
        assertMoments(100, 120 * (5.0 / 6) / 6, column(d, 1, 1), "B option a");
        // Unit C: found 530 > ballots 500: the multinomial draws B* + 30, so found* has mean 530.
        assertMoments(530, 800 * 0.625 * 0.375, column(d, 2, 6), "C found");
        double[] r = column(d, 2, 8);
        assertEquals(800, r[0], 0, "registered fixed");
    }

    @Test
    void missingCellsStayMissingAndOnlyThose() {
        NullDistribution d = CountResampler.of(units()).distribution(new UnitCounts(6, 3), 50, SEED, 1);
        for (int rep = 0; rep < 50; rep++) {
            assertEquals(M, column(d, 3, 2)[rep], 0, "D option b");
            assertTrue(column(d, 3, 5)[rep] >= 0, "D valid is kept (other valid absorbs b)");
            assertEquals(M, column(d, 4, 4)[rep], 0, "E invalid");
            assertEquals(M, column(d, 4, 6)[rep], 0, "E found");
            assertEquals(M, column(d, 4, 7)[rep], 0, "E share denominator (found)");
            assertEquals(M, column(d, 5, 0)[rep], 0, "F ballots");
            double[] f = new double[9];
            for (int k = 0; k < 9; k++) {
                f[k] = column(d, 5, k)[rep];
            }
            assertEquals(255, f[6], 0, "F: categories drawn at their observed total");
            assertEquals(f[5], f[1] + f[2] + f[3], 0, "F: valid = options (no other valid)");
        }
        // D: valid* = a* + other*, mean 400; a* mean 300.
        NullDistribution big = CountResampler.of(units()).distribution(new UnitCounts(6, 3), 4000, SEED, 2);
        assertEquals(400, mean(column(big, 3, 5)), 1.5, "D valid");
        assertEquals(300, mean(column(big, 3, 1)), 1.5, "D option a");
    }

    @Test
    void withoutValidAndInvalidColumnsValidIsTheOptionsSum() {
        Election e = Election.builder("bare").registered(new int[] {500, 800}).ballots(new int[] {300, 500})
                .option("x", new int[] {200, 300}).option("y", new int[] {90, 200}).build();
        NullDistribution d = CountResampler.of(e).distribution(new UnitCounts(2, 2), 200, SEED, 1);
        for (int rep = 0; rep < 200; rep++) {
            for (int u = 0; u < 2; u++) {
                double[] x = new double[8];
                for (int k = 0; k < 8; k++) {
                    x[k] = d.values(u * 8 + k)[rep];
                }
                assertEquals(0, x[3], 0, "invalid");
                assertEquals(x[1] + x[2], x[4], 0, "valid");
                assertEquals(x[4], x[5], 0, "found");
                assertTrue(x[0] >= x[5], "ballots cover the found ballots (unfound drawn)");
            }
        }
    }

    @Test
    void betaBinomialDoublesTheVarianceWithAFlatPosterior() {
        NullDistribution d = CountResampler.of(units(), new ResamplingModel.BetaBinomial(0), null)
                .distribution(new UnitCounts(6, 3), R, SEED, 2);
        double a = 1000;
        assertMoments(600, 1000 * 0.24 * (a + 1000) / (a + 1), column(d, 0, 0), "A ballots");
        // Category a of unit A: Dirichlet(300, 200, 70, 20, 10) then multinomial of B*: mean 300.
        assertEquals(300, mean(column(d, 0, 1)), 1.0, "A option a (se below 0.2)");
    }

    @Test
    void fittedPriorConcentrationIsTheMomentEstimate() {
        Election e = units();
        CountResampler r = CountResampler.of(e, ResamplingModel.betaBinomial(), null);
        // Turnouts of the redrawn units (A, C, D, E): 0.6, 0.625, 0.5, 3/7.
        double[] t = {0.6, 0.625, 0.5, 300.0 / 700};
        double m = mean(t);
        double v = cov(t, t);
        assertEquals(m * (1 - m) / v - 1, r.turnoutConcentration(), 1e-9);
        assertTrue(r.shareConcentration() > 0);
        assertTrue(Double.isNaN(CountResampler.of(e).turnoutConcentration()));
        assertThrows(IllegalArgumentException.class, () -> new ResamplingModel.BetaBinomial(-1));
    }

    @Test
    void replicatesAreTheSameForAnyThreadCountAndRunLength() {
        Election e = Simulated.clean(5_000, 11);
        CountResampler r = CountResampler.of(e);
        List<NullStatistic> stats = List.of(DigitHistogram.of(-1), DigitHistogram.of(0));
        List<NullDistribution> one = NullRunner.run(r, stats, 37, SEED, 1, Progress.NONE);
        List<NullDistribution> three = NullRunner.run(r, stats, 37, SEED, 3, Progress.NONE);
        List<NullDistribution> shorter = NullRunner.run(r, stats, 20, SEED, 2, Progress.NONE);
        List<NullDistribution> other = NullRunner.run(r, stats, 20, SEED + 1, 2, Progress.NONE);
        for (int s = 0; s < 2; s++) {
            for (int c = 0; c < 24; c++) {
                assertArrayEquals(one.get(s).values(c), three.get(s).values(c));
                assertArrayEquals(java.util.Arrays.copyOf(one.get(s).values(c), 20), shorter.get(s).values(c));
                assertEquals(one.get(s).observed(c), shorter.get(s).observed(c), 0);
            }
        }
        assertNotEquals(mean(one.get(0).values(DigitHistogram.LAST)), mean(other.get(0).values(DigitHistogram.LAST)));
    }
}
