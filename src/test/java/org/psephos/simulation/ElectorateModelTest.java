package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The clean electorate: the shapes of unit proportions, the regional hierarchy, the Dirichlet-multinomial split of
 * the other options and the invalid rate, each checked against its formula within 5 standard errors at a fixed
 * seed. Cannot detect: departures in the far tails (beyond about 4 sd) of the unit distributions.
 */
class ElectorateModelTest {
    private static final long SEED = 1_618_033L;
    private static final int DRAWS = 100_000;

    private static double[] draws(ProportionDistribution d, double centre) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(SEED);
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        ProportionDistribution.Centred around = new ProportionDistribution.Centred(d, centre);
        double[] x = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            x[i] = around.sample(rng, g);
            assertTrue(x[i] >= 0 && x[i] <= 1);
        }
        return x;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    @Test
    void betaHasTheRequestedMeanAndSd() {
        double[] x = draws(new ProportionDistribution(ProportionDistribution.Shape.BETA, 0.3, 0.12), 0.3);
        assertEquals(0.3, mean(x), 5 * 0.12 / Math.sqrt(DRAWS), "beta mean");
        // The sd of a sample sd is about sd * sqrt((kurtosis - 1) / (4N)); 3% is over 5 of them for a beta.
        assertEquals(0.12, sd(x), 0.03 * 0.12, "beta sd");
    }

    @Test
    void logitNormalHasItsMedianAndLogitSd() {
        double[] x = draws(new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.8, 0.5), 0.8);
        int below = 0;
        double[] logits = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            below += x[i] < 0.8 ? 1 : 0;
            logits[i] = Math.log(x[i] / (1 - x[i]));
        }
        assertEquals(0.5 * DRAWS, below, 5 * Math.sqrt(0.25 * DRAWS), "median");
        assertEquals(0.5, sd(logits), 0.02 * 0.5, "logit-scale sd");
    }

    @Test
    void truncatedNormalHasTheTruncatedMean() {
        // N(0.9, 0.1) on [0, 1]: mean 0.9 + 0.1 (phi(-9) - phi(1)) / (Phi(1) - Phi(-9)) = 0.9 - 0.1 * 0.2876.
        double[] x = draws(ProportionDistribution.normal(0.9, 0.1), 0.9);
        double expected = 0.9 - 0.1 * 0.24197072451914337 / 0.8413447460685429;
        assertEquals(expected, mean(x), 5 * 0.1 / Math.sqrt(DRAWS), "truncated mean");
        // Clipping instead of truncating would put 15.9% of draws at exactly 1.
        long ones = java.util.Arrays.stream(x).filter(v -> v == 1.0).count();
        assertEquals(0, ones);
    }

    @Test
    void regionCentresMoveOnTheLogitScale() {
        // Mean 0.3, logit −0.8473: a shift of 1 gives expit(−0.8473 + 1) = 0.53810; dropping the national mean
        // would give expit(1) = 0.73106, shifting on the probability scale 1.3 (clamped) or 0.3 + expit(1) − 0.5.
        ProportionDistribution d = ProportionDistribution.normal(0.3, 0.1);
        assertEquals(0.538101, d.centre(1.0), 1e-6);
        assertEquals(1 / (1 + Math.exp(-(Math.log(0.3 / 0.7) + 1.0))), d.centre(1.0), 1e-15);
        assertEquals(0.3, d.centre(0), 0);
    }

    @Test
    void regionsAreContiguousAndTheirTurnoutsDiffer() {
        ElectorateModel e = ElectorateModel.of(10_000, new SizeDistribution.Uniform(800, 1200),
                ProportionDistribution.normal(0.6, 0.05), ProportionDistribution.normal(0.5, 0.05))
                .withRegions(7, 0.8, 0.0);
        Election units = MonteCarloEngine.run(SimulationModel.clean(e), SEED, 2, 1,
                MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE).units().orElseThrow();
        Grouping region = units.grouping("region").orElseThrow();
        assertEquals(7, region.levelCount());
        double[] turnout = new double[7];
        int[] count = new int[7];
        for (int i = 0; i < units.size(); i++) {
            assertEquals(e.regionOf(i), region.code(i), "unit " + i);
            assertEquals(String.format("R%02d", e.regionOf(i) + 1), region.label(i));
            turnout[region.code(i)] += (double) units.ballots(i) / units.registered(i);
            count[region.code(i)]++;
        }
        double min = 1;
        double max = 0;
        for (int r = 0; r < 7; r++) {
            assertTrue(Math.abs(count[r] - 10_000 / 7.0) < 1, "nearly equal regions");
            min = Math.min(min, turnout[r] / count[r]);
            max = Math.max(max, turnout[r] / count[r]);
        }
        // A logit sd of 0.8 spreads 7 centres by ~0.3 in turnout; within-region means have se ~0.002.
        assertTrue(max - min > 0.1, "regional turnout range " + (max - min));
    }

    /**
     * The two other options split the rest by Dirichlet-multinomial with concentration c: option 2's share of
     * the rest, X/n, has variance (n + c) / (4 n (c + 1)), much larger than a multinomial's 1/(4n).
     */
    @Test
    void otherOptionsAreDirichletMultinomial() {
        double c = 10;
        ElectorateModel e = ElectorateModel.of(20_000, new SizeDistribution.Uniform(500, 2000),
                ProportionDistribution.normal(0.7, 0.1), ProportionDistribution.normal(0.5, 0.1))
                .withOptions(3, c).withInvalidRate(0.03);
        Election units = MonteCarloEngine.run(SimulationModel.clean(e), SEED, 2, 1,
                MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE).units().orElseThrow();
        double observed = 0;
        double expected = 0;
        double shareSum = 0;
        int m = 0;
        long invalid = 0;
        long ballots = 0;
        for (int i = 0; i < units.size(); i++) {
            int rest = units.votes(1, i) + units.votes(2, i);
            invalid += units.invalid(i);
            ballots += units.ballots(i);
            if (rest == 0) {
                continue;
            }
            double f = (double) units.votes(1, i) / rest;
            shareSum += f;
            observed += (f - 0.5) * (f - 0.5);
            expected += (rest + c) / (4.0 * rest * (c + 1));
            m++;
        }
        assertEquals(0.5, shareSum / m, 5 * Math.sqrt(expected / m) / Math.sqrt(m), "equal expected shares");
        assertEquals(1.0, observed / expected, 0.05, "Dirichlet-multinomial variance ratio");
        double se = Math.sqrt(0.03 * 0.97 / ballots);
        assertEquals(0.03, (double) invalid / ballots, 5 * se, "invalid rate");
    }

    @Test
    void sizesFollowTheirDistributions() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(SEED);
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        SizeDistribution.Uniform u = new SizeDistribution.Uniform(3, 5);
        int[] seen = new int[6];
        for (int i = 0; i < 3000; i++) {
            seen[u.sample(rng, g, i)]++;
        }
        assertTrue(seen[3] > 900 && seen[4] > 900 && seen[5] > 900, "all of 3..5 about equally often");
        SizeDistribution.LogNormal ln = new SizeDistribution.LogNormal(Math.log(1000), 0.5);
        int below = 0;
        int belowPlusOneSd = 0;
        double[] logs = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            int size = ln.sample(rng, g, i);
            below += size < 1000 ? 1 : 0;
            belowPlusOneSd += size < 1000 * Math.exp(0.5) ? 1 : 0;
            logs[i] = Math.log(size);
        }
        assertEquals(0.5 * DRAWS, below, 5 * Math.sqrt(0.25 * DRAWS) + 0.001 * DRAWS, "log-normal median");
        // σ: P(size < 1000·e^σ) = Φ(1) = 0.841345, within 5 binomial sd (0.0058 of DRAWS); rounding to whole voters
        // moves the cut 1648.72 to 1648.5, shifting the fraction by density × 0.22 ≈ 7e-5 (negligible). σ = 0.25
        // (the variance for the sd) gives Φ(2) = 0.977, σ = 1 gives Φ(0.5) = 0.691.
        double p = 0.8413447460685429;
        assertEquals(p * DRAWS, belowPlusOneSd, 5 * Math.sqrt(p * (1 - p) * DRAWS), "log-normal fraction below e^σ");
        // The sd of log size is σ = 0.5 with standard error σ/sqrt(2N) = 0.0011 for a normal sample; rounding adds
        // variance of about 1/(12·size²), ~1e-7 on average on the log scale. 5 standard errors: 0.0056.
        assertEquals(0.5, sd(logs), 5 * 0.5 / Math.sqrt(2.0 * DRAWS), "sd of log size");
        SizeDistribution.Listed listed = new SizeDistribution.Listed(new int[] {7, 9});
        assertEquals(9, listed.sample(rng, g, 3));
    }

    @Test
    void invalidParametersNameThemselves() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProportionDistribution(ProportionDistribution.Shape.BETA, 0.5, 0.6));
        assertTrue(e.getMessage().contains("beta sd") && e.getMessage().contains("0.6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SizeDistribution.Uniform(10, 5));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ElectorateModel.of(0, new SizeDistribution.Uniform(1, 2),
                ProportionDistribution.normal(0.5, 0.1), ProportionDistribution.normal(0.5, 0.1)));
        assertTrue(e.getMessage().contains("units"), e.getMessage());
        assertEquals(ProportionDistribution.Shape.LOGIT_NORMAL, ProportionDistribution.Shape.parse("Logit-Normal"));
    }
}
