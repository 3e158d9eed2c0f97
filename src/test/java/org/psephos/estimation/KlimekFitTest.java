package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestRegistry;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Variable;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Progress;

/**
 * Round trips of {@link KlimekFit} on 10,000 simulated units (clean turnout N(0.5, 0.1), share N(0.55, 0.08),
 * θ = 0.4, α = 2, sizes U{500..1500}; {@link Simulated}).
 *
 * <p>Tolerances come from the estimator's sampling spread, measured with {@link KlimekFitStudy} (same model and
 * settings as here: {@link #FIT} = 3 fits × 8 realisations, fit seed {@value #FIT_SEED}, 2 threads) over the ten
 * data seeds 100..109, which are not the seed of these tests (mean ± sd over the data seeds):
 * <pre>
 *   injected (f_i, f_e)   f̂_i               f̂_e                 tolerance (4 sd)
 *   clean                 0.010 ± 0.0096     0.0000 ± 0.0000     f̂_i ≤ 0.038, f̂_e ≤ 0.001
 *   (0.05, 0.005)         0.062 ± 0.0106     0.0056 ± 0.0012     ± 0.042, ± 0.0048
 *   (0.3, 0.02)           0.308 ± 0.0102     0.0199 ± 0.0022     ± 0.041, ± 0.0088
 * </pre>
 * The mean bias of f̂_i is +0.012 (1.2 sd) at 0.05 and +0.008 (0.8 sd) at 0.3, that of f̂_e at most half an sd.
 * At f_i = 0.05 θ is weakly identified (fitted 0.31 ± 0.01 for 0.4) and f_i rises to compensate. On clean data
 * f̂_e is 0 in 8 of 10 seeds and at most 0.00003. The fitted clean moments lie within 0.008 (τ), 0.004 (ν) and
 * 0.0045 (σ_τ, σ_ν) of the truth in every seed. The implementation before the joint moment fit gave
 * 0.248 ± 0.031 at f_i = 0.3, outside these bounds; one that finds no fraud fails the bound at 0.05.
 *
 * <p>Rerun after issue 14, item 4.7 (the fit's simulator draws the intensity of a unit whose 3 candidates are all
 * rejected by the inverse cdf instead of setting x = 0.999; with θ near 0.4 that is about 2 units in a million):
 * clean f̂_i 0.0098 ± 0.0096, (0.05, 0.005) 0.0622 ± 0.0106 and 0.0056 ± 0.0012, (0.3, 0.02) 0.3077 ± 0.0102 and
 * 0.0199 ± 0.0022: the table above.
 */
class KlimekFitTest {
    private static final long SEED = 2012L;
    private static final int N = 10_000;
    /** The fitter of the round trips. */
    static final KlimekFit FIT = KlimekFit.withDefaults().withRepeats(3, 8);
    /** Seed of the fits. */
    static final long FIT_SEED = 5;
    /** Injected θ and α. */
    static final double THETA = 0.4;
    static final double ALPHA = 2;
    /** sd of f̂_i, f̂_e over data seeds (see the class comment), clean and at f = (0.05, 0.005) and (0.3, 0.02). */
    private static final double SD_FI_CLEAN = 0.0096;
    private static final double SD_FI_LOW = 0.0106;
    private static final double SD_FE_LOW = 0.0012;
    private static final double SD_FI_HIGH = 0.0102;
    private static final double SD_FE_HIGH = 0.0022;

    @Test
    void cleanDataGiveNearZeroFraud() {
        KlimekFitResult clean = FIT.fit(Simulated.election(N, SEED), FIT_SEED, 2);
        assertTrue(clean.fi() <= 4 * SD_FI_CLEAN, "clean f_i " + clean.fi());
        assertTrue(clean.fe() <= 0.001, "clean f_e " + clean.fe());
        assertMoments(clean.moments());
    }

    @Test
    void recoversSmallFraud() {
        roundTrip(0.05, 0.005, SD_FI_LOW, SD_FE_LOW);
    }

    @Test
    void recoversLargeFraud() {
        KlimekFitResult r = roundTrip(0.3, 0.02, SD_FI_HIGH, SD_FE_HIGH);
        assertEquals(ALPHA, r.alpha(), 0.4, "alpha");
        assertEquals(THETA, r.moments().theta(), 0.05, "theta");
    }

    /** @return the fit of the test election with this fraud, checked against the truth within 4 sd */
    private static KlimekFitResult roundTrip(double fi, double fe, double sdFi, double sdFe) {
        KlimekFitResult r = FIT.fit(Simulated.election(N, SEED, FraudModel.Klimek.of(fi, THETA, ALPHA, fe)),
                FIT_SEED, 2);
        assertEquals(fi, r.fi(), 4 * sdFi, "f_i");
        assertEquals(fe, r.fe(), 4 * sdFe, "f_e");
        assertTrue(r.cleanDistance() > r.fits()[0][3]);
        assertMoments(r.moments());
        return r;
    }

    /** The fitted clean moments: within 0.01 of the truth (measured: 0.008 or less in every seed of the study). */
    private static void assertMoments(KlimekMoments m) {
        assertEquals(0.5, m.tau(), 0.01, "tau");
        assertEquals(0.55, m.nu(), 0.01, "nu");
        assertEquals(0.1, m.sigmaTau(), 0.01, "sigma_tau");
        assertEquals(0.08, m.sigmaNu(), 0.01, "sigma_nu");
    }

    @Test
    void stepOneMomentsOfCleanData() {
        KlimekMoments m = KlimekFit.withDefaults().moments(Simulated.election(N, SEED));
        assertEquals(0.5, m.tau(), 0.03);
        assertEquals(0.55, m.nu(), 0.03);
        assertEquals(0.1, m.sigmaTau(), 0.015);
        assertEquals(0.08, m.sigmaNu(), 0.015);
    }

    @Test
    void publishedVariantInflatesSigmaNuBySqrtTwo() {
        Election e = Simulated.election(5_000, SEED);
        KlimekMoments corrected = KlimekFit.withDefaults().moments(e);
        KlimekMoments published = KlimekFit.withDefaults().with(KlimekFit.SigmaRule.PUBLISHED).moments(e);
        assertEquals(Math.sqrt(2), published.sigmaNu() / corrected.sigmaNu(), 1e-12);
        KlimekMoments slope = KlimekFit.withDefaults().with(KlimekFit.PeakRule.SLOPE).moments(e);
        // golden peaks recomputed here by the published rule (EFToolkit ComputeKlimekModel.R, Estimate(): breaks
        // x = seq(x0, 1 − x0, h), sl = diff(n[10:length(n)]), λ = x[which(sl < −thres)[1] + 9]): with 5,000 units the
        // threshold stays 5 (0.8·n > 100), so h = 0.01, x0 = −0.005 and bin j holds [j − 0.5, j + 0.5)%; ν is the
        // lower break x0 + j·h of the first bin j ≥ 9 (0-based) of the share histogram whose successor holds more than
        // 5 fewer units, τ the same from j ≥ 14 in the turnout histogram
        int[] ht = new int[101];
        int[] hv = new int[101];
        for (int i = 0; i < e.size(); i++) {
            double t = (double) e.ballots(i) / e.registered(i);
            double v = (double) e.votes(0, i) / e.shareDenominator(i);
            ht[(int) Math.floor((t + 0.005) / 0.01)]++;
            hv[(int) Math.floor((v + 0.005) / 0.01)]++;
        }
        assertEquals(-0.005 + firstDrop(hv, 9, 5) * 0.01, slope.nu(), 1e-12, "nu");
        assertEquals(-0.005 + firstDrop(ht, 14, 5) * 0.01, slope.tau(), 1e-12, "tau");
        // on the rising flank of N(0.55, 0.08) and N(0.5, 0.1), below their modes (measured: ν 0.365, τ 0.315):
        // the rule stops at the first chance drop of 5 units, as the class comment of KlimekFit says
        assertTrue(slope.nu() < 0.55 && slope.tau() < 0.5, slope.toString());
    }

    /** @return the first j ≥ from with c[j + 1] &lt; c[j] − thres, or −1 */
    private static int firstDrop(int[] c, int from, double thres) {
        for (int j = from; j + 1 < c.length; j++) {
            if (c[j + 1] < c[j] - thres) {
                return j;
            }
        }
        return -1;
    }

    @Test
    void threadDeterministicAndTestContract() {
        Election e = Simulated.election(3_000, SEED, FraudModel.Klimek.of(0.3, 0.4, 2, 0.02));
        KlimekFit k = KlimekFit.withDefaults().withRepeats(2, 2).with(KlimekFit.Objective.WINNER_SHARE);
        assertArrayEquals(k.fit(e, 3, 1).fits(), k.fit(e, 3, 2).fits());
        TestResult r = k.run(new TestInput(e, TestInput.NATIONAL, Variable.option(e, 0)),
                BatteryOptions.defaults().withThreads(2));
        assertEquals(List.of("f_i", "f_e", "alpha", "f_i_sd", "f_e_sd", "tau", "nu", "sigma_tau", "sigma_nu",
                "theta", "p_value_method"), List.copyOf(r.details().keySet()));
        assertTrue(r.applicable());
    }

    /**
     * By default the fit has no p-value, so its row stays out of the Benjamini–Hochberg set and the other rows' q-values
     * are those of their own p-values; it does not flag. On this clean 1,500-unit election the fit is biased
     * (measured: f̂_i 0.037 ± 0.005 over the 2 seeds, f̂_e 0.003 ± 0.004), and the old p-value, 2·(1 − Φ(f̂/sd)) with
     * sd that spread of the optimiser, was 2.5e-13: run against the old code the KlimekFit row failed this test.
     */
    @Test
    void defaultFitHasNoPValueAndStaysOutOfTheBenjaminiHochbergSet() {
        Election e = Simulated.election(1_500, SEED);
        List<ForensicTest> tests = new java.util.ArrayList<>(TestRegistry.standard().select(List.of("2BLChi2",
                "LastDigitChi2", "DipT")));
        tests.add(KlimekFit.withDefaults().withRepeats(2, 2));
        BatteryResult r = Battery.withDefaults().withTests(tests).run(e, BatteryOptions.defaults().withReplicates(20)
                .withThreads(2).withNulls(org.psephos.forensics.NullKind.REFERENCE), Progress.NONE);
        TestResult k = r.results().stream().filter(t -> t.id().equals(KlimekFit.ID)).findFirst().orElseThrow();
        assertTrue(k.applicable());
        assertTrue(k.value() > 0, "a clean fit is biased upwards: " + k.value());
        assertTrue(Double.isNaN(k.pValue()), "p " + k.pValue());
        assertTrue(Double.isNaN(k.qValue()));
        assertFalse(k.flag());
        List<TestResult> others = r.results().stream().filter(t -> !t.id().equals(KlimekFit.ID)).toList();
        double[] q = org.psephos.forensics.MultipleTesting.benjaminiHochberg(others.stream()
                .mapToDouble(TestResult::pValue).toArray());
        assertTrue(others.size() >= 6);
        for (int i = 0; i < others.size(); i++) {
            assertEquals(q[i], others.get(i).qValue(), 1e-15, others.get(i).id() + " " + others.get(i).variable());
        }
    }

    /**
     * With {@code withNull(19)} the p-value is a Monte Carlo p-value from 19 fits of clean elections simulated at the
     * fitted clean moments (2,000 units, 2 fits × 4 realisations): at (f_i, f_e) = (0.3, 0.05) every null fit stays
     * below the observed one (measured: f̂ 0.37 against null fits 0.053 ± 0.040; p = 1/20, flagged); on a clean
     * election of the same size the observed fit, itself biased (0.058), lies inside the null fits (0.046 ± 0.024;
     * measured p = 0.25).
     */
    @Test
    void nullDistributionGivesAMonteCarloPValue() {
        KlimekFit k = KlimekFit.withDefaults().withRepeats(2, 4).withNull(19);
        BatteryOptions o = BatteryOptions.defaults().withThreads(2);
        Election fraud = Simulated.election(2_000, SEED, FraudModel.Klimek.of(0.3, THETA, ALPHA, 0.05));
        TestResult f = k.run(new TestInput(fraud, TestInput.NATIONAL, Variable.option(fraud, 0)), o);
        assertEquals(0.05, f.pValue(), 1e-15, f.value() + " " + f.details());
        assertTrue(f.flag());
        assertTrue(((Number) f.details().get("null_mean")).doubleValue() < 0.5 * f.value(), f.details().toString());
        assertEquals(((Number) f.details().get("null_mean")).doubleValue(), f.expected(), "expected: the null's mean");
        Election clean = Simulated.election(2_000, SEED);
        TestResult c = k.run(new TestInput(clean, TestInput.NATIONAL, Variable.option(clean, 0)), o);
        assertTrue(c.pValue() > 0.05, "clean p " + c.pValue() + " " + c.details());
        assertFalse(c.flag());
        assertThrows(IllegalArgumentException.class, () -> k.withNull(-1));
    }

    @Test
    void cumulativeCurveReachesTheLeadersTotal() {
        Election e = Simulated.election(2_000, SEED, FraudModel.Klimek.of(0, 0.4, 2, 0.1));
        CumulativeVotes c = CumulativeVotes.of(e);
        assertEquals(1.0, c.fraction()[100], 1e-12);
        long total = 0;
        for (int i = 0; i < e.size(); i++) {
            total += e.votes(0, i);
        }
        assertEquals(total, c.votes()[100]);
        // extreme fraud: a boost phase, more than 5% of the leader's votes come from units above 90% turnout
        assertTrue(c.fraction()[90] < 0.95, "boost " + c.fraction()[90]);
        assertFalse(c.fraction()[50] > c.fraction()[60]);
    }
}
