package org.psephos.forensics.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.RandomStreams;

/**
 * The matched-spread resampling null ({@link ResamplingModel#matched()}, {@link MatchedRates}) against what it is
 * for: a binomial replicate at the observed rates is the data plus a second layer of binomial noise, so its counts
 * spread across units about twice as wide as clean counts do; the matched null's replicates spread as the data do,
 * and the statistics that depend on that spread (the second digit of counts crowded around 100) have their null
 * centred on the clean expectation. The clean expectation and the latent spread are known by construction (fresh
 * clean elections of the same model), not assumed.
 */
class MatchedResamplingTest {
    private static final int R = 100;

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /**
     * Latent logits N(logit 0.3, 0.3²) over 20,000 units of 400 trials: the shrunk rates' logits spread τ² = 0.09
     * (the observed ones 0.09 + about 1/84), within 5%; their centre is the latent one.
     */
    @Test
    void shrunkLogitsSpreadAsTheLatentRates() {
        int n = 20_000;
        UniformRandomProvider rng = RandomStreams.seeded(1).stream(0x4D61746368L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[n];
        double[] m = new double[n];
        double[] observed = new double[n];
        for (int i = 0; i < n; i++) {
            double p = 1 / (1 + Math.exp(-(logit(0.3) + 0.3 * g.sample())));
            m[i] = 400;
            x[i] = BinomialSampler.sample(rng, 400, p);
            observed[i] = logit((x[i] + 0.5) / (m[i] + 1));
        }
        double[] p = MatchedRates.shrink(x, m, null, 1);
        double[] shrunk = new double[n];
        for (int i = 0; i < n; i++) {
            shrunk[i] = logit(p[i]);
        }
        double v0 = StatUtils.variance(observed);
        double v1 = StatUtils.variance(shrunk);
        System.out.printf(java.util.Locale.ROOT, "observed logit variance %.4f, shrunk %.4f (latent 0.09)%n", v0, v1);
        assertTrue(v0 > 0.099, "the observed logits carry the binomial variance too: " + v0);
        assertEquals(0.09, v1, 0.0045, "the shrunk logits spread as the latent ones");
        assertEquals(logit(0.3), StatUtils.mean(shrunk), 0.01, "centred on the latent centre");
    }

    /**
     * Binomial counts at one rate (no latent spread): τ² is estimated as 0 or nearly, and every unit is redrawn at
     * (nearly) the common rate: the shrunk logits spread less than a tenth of the binomial variance of one unit.
     */
    @Test
    void homogeneousUnitsAreRedrawnAtTheCommonRate() {
        int n = 10_000;
        UniformRandomProvider rng = RandomStreams.seeded(2).stream(0x4D61746368L);
        double[] x = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = 200;
            x[i] = BinomialSampler.sample(rng, 200, 0.2);
        }
        double[] p = MatchedRates.shrink(x, m, null, 1);
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = logit(p[i]);
        }
        double binomialVar = 1 / (200 * 0.2 * 0.8);
        assertTrue(StatUtils.variance(l) < 0.1 * binomialVar, "spread " + StatUtils.variance(l));
        assertEquals(logit(0.2), StatUtils.mean(l), 0.01);
    }

    /**
     * Large counts keep their rates (c ≈ 1); a count at 0 or at its full base keeps its rate, 0 or 1, while a count
     * of 1 beside it keeps a positive rate (fifth-session addendum 6); units without trials get NaN; with a
     * grouping each group's small counts are pulled towards its own centre (logit 0.2 and 0.6, latent sd 0.2, 30
     * trials): the shrunk logits' mean stays at the group's centre and their spread about it falls.
     */
    @Test
    void largeCountsBarelyMoveBoundaryCountsKeepTheirRatesAndGroupsHaveTheirCentres() {
        int n = 4000;
        UniformRandomProvider rng = RandomStreams.seeded(3).stream(0x4D61746368L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[n];
        double[] m = new double[n];
        double[] big = new double[n];
        double[] bigM = new double[n];
        int[] group = new int[n];
        double[] latent = new double[n];
        for (int i = 0; i < n; i++) {
            group[i] = i % 2;
            latent[i] = (group[i] == 0 ? logit(0.2) : logit(0.6)) + 0.2 * g.sample();
            double p = 1 / (1 + Math.exp(-latent[i]));
            m[i] = 30;
            x[i] = BinomialSampler.sample(rng, 30, p);
            bigM[i] = 100_000;
            big[i] = BinomialSampler.sample(rng, 100_000, p);
        }
        m[0] = 0;
        double[] p = MatchedRates.shrink(x, m, group, 2);
        assertTrue(Double.isNaN(p[0]), "no trials: NaN");
        double[] q = MatchedRates.shrink(big, bigM, group, 2);
        for (int i = 0; i < n; i++) {
            double r = big[i] / bigM[i];
            assertEquals(r, q[i], 0.25 * Math.sqrt(r * (1 - r) / bigM[i]),
                    "a count of thousands keeps its rate within a quarter of its binomial sd");
        }
        for (int grp = 0; grp < 2; grp++) {
            double centre = grp == 0 ? logit(0.2) : logit(0.6);
            double[] before = new double[n / 2];
            double[] after = new double[n / 2];
            int k = 0;
            for (int i = 2 + grp; i < n; i += 2) {
                if (x[i] == 0 || x[i] == m[i]) { // boundary counts keep their rates (asserted below)
                    assertEquals(x[i] / m[i], p[i]);
                    continue;
                }
                before[k] = logit((x[i] + 0.5) / 31);
                after[k++] = logit(p[i]);
            }
            before = java.util.Arrays.copyOf(before, k);
            after = java.util.Arrays.copyOf(after, k);
            assertEquals(centre, StatUtils.mean(after), 0.06, "group " + grp + " keeps its centre");
            assertTrue(StatUtils.variance(after) < 0.6 * StatUtils.variance(before), "group " + grp + " shrinks");
        }
        double[] zero = {0, 1, 4, 5, 6, 2, 3, 4, 5, 3, 4, 2, 6, 3, 4, 5, 4, 3, 4, 5, 4, 3, 4, 4, 20};
        double[] twenty = new double[zero.length];
        java.util.Arrays.fill(twenty, 20);
        double[] pz = MatchedRates.shrink(zero, twenty, null, 1);
        assertEquals(0.0, pz[0], "a zero count of 20 trials stays at rate 0 (absorbing, as the binomial null)");
        assertEquals(1.0, pz[zero.length - 1], "a full count of 20 trials stays at rate 1");
        assertTrue(pz[1] > 0.049 && pz[1] < 0.2, "a count of 1 of 20 keeps a positive rate, at or above its own: "
                + pz[1]);
    }

    /**
     * The replicates' counts spread across units as the data's: over the units of a narrow election (the leader's
     * votes about 100 ± 8, mostly binomial noise: v/(τ² + v) ≈ 0.76, the hardest case for an estimate of the latent
     * spread), the variance across units of a matched replicate's votes is within 15% of the data's (measured: data
     * 88.6, matched 99.6), where a binomial replicate's exceeds it by most of the binomial variance (149.0).
     */
    @Test
    void replicatesSpreadAcrossUnitsAsTheDataDo() {
        Election e = DriftCorrectionTest.narrow(3);
        double[] data = new double[e.size()];
        for (int i = 0; i < e.size(); i++) {
            data[i] = e.votes(0, i);
        }
        double dataVar = StatUtils.variance(data);
        double matched = 0;
        double binomial = 0;
        int reps = 20;
        for (ResamplingModel model : new ResamplingModel[] {ResamplingModel.matched(), ResamplingModel.binomial()}) {
            NullDistribution d = CountResampler.of(e, model, null).distribution(new UnitCounts(e.size(), 2), reps, 5, 2);
            double mean = 0;
            for (int r = 0; r < reps; r++) {
                double[] c = new double[e.size()];
                for (int i = 0; i < e.size(); i++) {
                    c[i] = d.values(i * 8 + 1)[r];
                }
                mean += StatUtils.variance(c) / reps;
            }
            if (model instanceof ResamplingModel.Matched) {
                matched = mean;
            } else {
                binomial = mean;
            }
        }
        System.out.printf(java.util.Locale.ROOT, "votes' variance across units: data %.1f, matched %.1f, binomial %.1f%n",
                dataVar, matched, binomial);
        assertEquals(dataVar, matched, 0.15 * dataVar, "matched replicates spread as the data");
        assertTrue(binomial > 1.5 * dataVar, "binomial replicates spread wider: " + binomial);
    }

    /**
     * The narrow election of {@link DriftCorrectionTest}: over 8 clean elections the matched null's centre of 2BL is
     * within 0.4 null sd of the clean expectation (from 400 fresh clean elections), where the binomial null's is
     * more than 0.8 null sd off (measured there: +1.12).
     */
    @Test
    void matchedNullIsCentredOnTheCleanExpectationWhereTheBinomialIsNot() {
        DriftCorrectionTest.SecondDigitMean stat = new DriftCorrectionTest.SecondDigitMean(0);
        double[] clean = new double[400];
        for (int k = 0; k < clean.length; k++) {
            NullStatistic.Accumulator a = stat.accumulator(0);
            a.start();
            CountResampler.of(DriftCorrectionTest.narrow(10_000 + k)).observe(new NullStatistic.Accumulator[] {a});
            double[] out = new double[1];
            a.finish(out, 0);
            clean[k] = out[0];
        }
        double expected = StatUtils.mean(clean);
        int elections = 8;
        double plain = 0;
        double matched = 0;
        double nullSd = 0;
        for (int k = 0; k < elections; k++) {
            Election e = DriftCorrectionTest.narrow(k);
            NullDistribution b = CountResampler.of(e, ResamplingModel.binomial(), null).distribution(stat, R, 7 + k, 2);
            NullDistribution m = CountResampler.of(e, ResamplingModel.matched(), null).distribution(stat, R, 7 + k, 2);
            nullSd += b.sd(0) / elections;
            plain += (b.mean(0) - expected) / elections;
            matched += (m.mean(0) - expected) / elections;
        }
        System.out.printf(java.util.Locale.ROOT, "null centre - clean expectation: binomial %+.2f sd, matched %+.2f sd%n",
                plain / nullSd, matched / nullSd);
        assertTrue(Math.abs(plain / nullSd) >= 0.8, "the binomial null's centre is off: " + plain / nullSd);
        assertTrue(Math.abs(matched / nullSd) <= 0.4, "the matched null's centre is on it: " + matched / nullSd);
    }

    /** A missing option cell stays missing in every replicate and the model's id parses back. */
    @Test
    void missingCellsStayMissingAndTheIdParses() {
        int mis = Election.MISSING;
        Election e = Election.builder("m").registered(new int[] {1000, 900, 800}).ballots(new int[] {600, 450, 500})
                .option("a", new int[] {300, 300, 250}).option("b", new int[] {300, mis, 250}).build();
        NullDistribution d = CountResampler.of(e, ResamplingModel.matched(), null)
                .distribution(new UnitCounts(3, 2), 30, 3, 1);
        for (int r = 0; r < 30; r++) {
            assertEquals(mis, d.values(8 + 2)[r], 0, "option b of unit 2 stays missing");
            assertTrue(d.values(8 + 1)[r] >= 0);
        }
        assertEquals("matched", ResamplingModel.parse("matched").id());
        assertEquals(ResamplingModel.Drift.NONE, ResamplingModel.matched().drift());
    }
}
