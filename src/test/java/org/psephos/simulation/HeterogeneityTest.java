package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.Grouping;

/**
 * The heterogeneity scenarios of the calibration study, checked on the moments of what the engine simulates:
 * regional centres with a logit sd, turnout and support that depend on size, an urban population. Each moment is
 * compared with the model's value within about 5 standard errors at a fixed seed (the bounds say how they were
 * set). Logit-normal proportions are used so that every parameter lives on the logit scale; the empirical logit
 * ln((k + ½)/(n − k + ½)) of the counts carries binomial noise of variance about 1/(np(1 − p)), which the checks
 * allow for. Cannot detect: errors that move a moment by less than its tolerance.
 */
class HeterogeneityTest {
    private static final long SEED = 20_261_206L;

    private static Election simulate(ElectorateModel e, long seed) {
        return MonteCarloEngine.run(SimulationModel.clean(e), seed, 2, 1,
                MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE).units().orElseThrow();
    }

    private static double logit(int k, int n) {
        return Math.log((k + 0.5) / (n - k + 0.5));
    }

    private static ProportionDistribution logitNormal(double median, double sd) {
        return new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, median, sd);
    }

    /** {slope, intercept} of the least-squares line of y on x. */
    private static double[] line(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }

    @Test
    void turnoutAndSupportMoveWithLogSize() {
        // Sizes log-normal (6.5, 0.7): ln N has sd 0.7, so over 60,000 units the slopes have standard errors of
        // about sd(residual) / (0.7 sqrt(60,000)) = 0.31 / 171 = 0.0018 (turnout) and 0.0018 (support); the
        // tolerance 0.01 is 5.5 of them. The intercept at the mean log size is the national median's logit.
        double bt = -0.3;
        double bs = 0.2;
        ElectorateModel e = new ElectorateModel(60_000, new SizeDistribution.LogNormal(6.5, 0.7), 1, 0, 0,
                logitNormal(0.6, 0.3), logitNormal(0.55, 0.3), 2, 20, 0, Heterogeneity.NONE.withSizeEffect(bt, bs));
        Election units = simulate(e, SEED);
        int n = units.size();
        double[] lnSize = new double[n];
        double[] turnout = new double[n];
        double[] support = new double[n];
        for (int i = 0; i < n; i++) {
            lnSize[i] = Math.log(units.registered(i)) - 6.5;
            turnout[i] = logit(units.ballots(i), units.registered(i));
            support[i] = logit(units.votes(0, i), units.valid(i));
        }
        double[] t = line(lnSize, turnout);
        double[] s = line(lnSize, support);
        assertEquals(bt, t[0], 0.01, "turnout slope on ln size");
        assertEquals(bs, s[0], 0.01, "support slope on ln size");
        assertEquals(Math.log(0.6 / 0.4), t[1], 0.01, "turnout logit at the mean log size");
        assertEquals(Math.log(0.55 / 0.45), s[1], 0.01, "support logit at the mean log size");
    }

    @Test
    void urbanUnitsAreAFractionWithTheirOwnCentresAndSizes() {
        // Uniform sizes 800..1200 (mean 1000), urban ×2: the urban mean size is 2000 (rounding is exact for ×2).
        ElectorateModel e = ElectorateModel.of(40_000, new SizeDistribution.Uniform(800, 1200), logitNormal(0.7, 0.3),
                logitNormal(0.6, 0.3)).withHeterogeneity(Heterogeneity.NONE.withUrban(0.35, -0.6, -0.5, 2));
        Election units = simulate(e, SEED + 1);
        Grouping settlement = units.grouping(MonteCarloEngine.SETTLEMENT).orElseThrow();
        double[] count = new double[2];
        double[] size = new double[2];
        double[] turnout = new double[2];
        double[] support = new double[2];
        for (int i = 0; i < units.size(); i++) {
            int u = "urban".equals(settlement.label(i)) ? 1 : 0;
            count[u]++;
            size[u] += units.registered(i);
            turnout[u] += logit(units.ballots(i), units.registered(i));
            support[u] += logit(units.votes(0, i), units.valid(i));
        }
        double n = units.size();
        assertEquals(0.35 * n, count[1], 5 * Math.sqrt(0.35 * 0.65 * n), "urban units");
        // Mean sizes: sd of a uniform size is 115, se of a mean over >14,000 units < 1.
        assertEquals(1000, size[0] / count[0], 5, "rural mean size");
        assertEquals(2000, size[1] / count[1], 10, "urban mean size");
        // Differences of mean logits: sd per unit ~0.31, se of the difference ~0.0034; 0.02 is about 6 of them. The
        // urban units' smaller binomial noise moves the mean empirical logit by well under 0.002.
        assertEquals(-0.6, turnout[1] / count[1] - turnout[0] / count[0], 0.02, "urban turnout shift");
        assertEquals(-0.5, support[1] / count[1] - support[0] / count[0], 0.02, "urban support shift");
        assertEquals(Math.log(0.7 / 0.3), turnout[0] / count[0], 0.02, "rural turnout centre");
    }

    @Test
    void theSameUnitsAreUrbanWhateverTheBehaviourAndTheReplicateSeedOfTheOutcome() {
        ElectorateModel e = ElectorateModel.of(9_000, new SizeDistribution.Uniform(300, 900), logitNormal(0.6, 0.3),
                logitNormal(0.5, 0.3)).withHeterogeneity(Heterogeneity.NONE.withUrban(0.5, -1, 0, 1));
        Election a = simulate(e, SEED);
        Election b = MonteCarloEngine.run(SimulationModel.clean(e.withHeterogeneity(
                        Heterogeneity.NONE.withUrban(0.5, 0.4, 0.7, 1)).withOptions(4, 5)).with(
                        FraudModel.Klimek.of(0.2, 0.4, 2, 0.01)), SEED, 3, 2, MonteCarloEngine.UnitOutput.FIRST_REPLICATE,
                Progress.NONE).units().orElseThrow();
        Grouping sa = a.grouping(MonteCarloEngine.SETTLEMENT).orElseThrow();
        Grouping sb = b.grouping(MonteCarloEngine.SETTLEMENT).orElseThrow();
        String[] la = new String[a.size()];
        String[] lb = new String[b.size()];
        for (int i = 0; i < a.size(); i++) {
            la[i] = sa.label(i);
            lb[i] = sb.label(i);
        }
        assertArrayEquals(la, lb, "urban units are part of the electorate, like sizes");
        assertArrayEquals(a.registeredColumn(), b.registeredColumn(), "sizes");
    }

    @Test
    void regionalCentresHaveTheirLogitSd() {
        // 400 regions of 100 units: a region's mean empirical logit has variance 0.4² + (0.3² + ~0.005) / 100, so
        // its sd is 0.4012; the sd of 400 of them has se 0.4 / sqrt(800) = 0.014, and 0.06 is about 4 of them.
        ElectorateModel e = ElectorateModel.of(40_000, new SizeDistribution.Uniform(800, 1200), logitNormal(0.6, 0.3),
                logitNormal(0.5, 0.3)).withRegions(400, 0.4, 0.4);
        Election units = simulate(e, SEED + 2);
        Grouping region = units.grouping("region").orElseThrow();
        double[][] sums = new double[2][400];
        for (int i = 0; i < units.size(); i++) {
            sums[0][region.code(i)] += logit(units.ballots(i), units.registered(i)) / 100;
            sums[1][region.code(i)] += logit(units.votes(0, i), units.valid(i)) / 100;
        }
        for (int v = 0; v < 2; v++) {
            double m = 0;
            for (double x : sums[v]) {
                m += x / 400;
            }
            double ss = 0;
            for (double x : sums[v]) {
                ss += (x - m) * (x - m);
            }
            assertEquals(0.4, Math.sqrt(ss / 399), 0.06, v == 0 ? "turnout" : "support");
            assertEquals(v == 0 ? Math.log(1.5) : 0, m, 5 * 0.4 / Math.sqrt(400), "mean of the centres");
        }
    }

    @Test
    void aShiftMovesEveryShapeToTheShiftedCentreAndNoShiftDrawsAsBefore() {
        double shifted = 1 / (1 + Math.exp(-(Math.log(0.3 / 0.7) + 1.0)));
        for (ProportionDistribution d : new ProportionDistribution[] {logitNormal(0.3, 0.4),
            new ProportionDistribution(ProportionDistribution.Shape.BETA, 0.3, 0.05),
            ProportionDistribution.normal(0.3, 0.05)}) {
            UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(SEED);
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
            ProportionDistribution.Centred c = d.around(0);
            double below = 0;
            double sum = 0;
            int draws = 40_000;
            for (int i = 0; i < draws; i++) {
                double x = c.sample(rng, g, 1.0);
                below += x < shifted ? 1 : 0;
                sum += x;
            }
            if (d.shape() == ProportionDistribution.Shape.LOGIT_NORMAL) {
                assertEquals(0.5, below / draws, 5 * 0.5 / Math.sqrt(draws), "median moves to expit(logit m + 1)");
            } else {
                assertEquals(shifted, sum / draws, 5 * 0.05 / Math.sqrt(draws), d.shape() + " mean");
            }
            UniformRandomProvider r1 = RandomSource.XO_SHI_RO_256_PP.create(SEED);
            UniformRandomProvider r2 = RandomSource.XO_SHI_RO_256_PP.create(SEED);
            NormalizedGaussianSampler g1 = ZigguratSampler.NormalizedGaussian.of(r1);
            NormalizedGaussianSampler g2 = ZigguratSampler.NormalizedGaussian.of(r2);
            for (int i = 0; i < 100; i++) {
                assertEquals(c.sample(r1, g1), c.sample(r2, g2, 0.0), 0.0, "shift 0 draws as before");
            }
        }
    }

    @Test
    void meanLogSizeIsTheCentreOfTheSizeEffect() {
        assertEquals((Math.log(3) + Math.log(4) + Math.log(5)) / 3, new SizeDistribution.Uniform(3, 5).meanLogSize(),
                1e-15);
        assertEquals(6.5, new SizeDistribution.LogNormal(6.5, 0.7).meanLogSize(), 0);
        assertEquals((Math.log(1) + Math.log(1) + Math.log(100)) / 3,
                new SizeDistribution.Listed(new int[] {0, 1, 100}).meanLogSize(), 1e-15);
        // Beyond a million sizes: (b ln b − a ln a)/(b − a) − 1 over [a, b] = [0.5, 2e6 + 0.5].
        double exact = (2e6 + 0.5) * Math.log(2e6 + 0.5) - 0.5 * Math.log(0.5);
        assertEquals(exact / 2e6 - 1, new SizeDistribution.Uniform(1, 2_000_000).meanLogSize(), 1e-9);
    }

    @Test
    void badParametersNameThemselves() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Heterogeneity.NONE.withUrban(1.5, 0, 0, 1));
        assertTrue(e.getMessage().contains("urban fraction") && e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Heterogeneity.NONE.withSizeEffect(Double.NaN, 0));
        assertTrue(e.getMessage().contains("size effect on turnout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Heterogeneity.NONE.withUrban(0.5, 0, 0, 0));
        assertTrue(e.getMessage().contains("urban size"), e.getMessage());
        assertTrue(Heterogeneity.NONE.isNone());
        assertFalse(Heterogeneity.NONE.withSizeEffect(0, 0.1).isNone());
    }
}
