package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Variable;
import org.psephos.simulation.FraudModel;

/**
 * Round trips of {@link KlimekFit} on 10,000 simulated units (clean turnout N(0.5, 0.1), share N(0.55, 0.08),
 * θ = 0.4, α = 2).
 *
 * <p>Tolerance, from a study over five data seeds (100..104, default settings with the moment correction):
 * clean f_i = 0.0006 ± 0.0007, f_e = 0; at (0.05, 0.005) f_i = 0.026 ± 0.007, f_e = 0.0055 ± 0.0005; at
 * (0.3, 0.02) f_i = 0.248 ± 0.031, f_e = 0.0187 ± 0.0014 (mean ± sd over the data seeds; the within-fit sd over
 * repeated seeds is smaller, 0.002–0.02). f_e is nearly unbiased: |f̂_e − f_e| ≤ 4·0.0018 + 0.002. f_i stays
 * biased low: incremental units with a small intensity x = |N(0, θ)| look clean, and the clean-peak moments are
 * only corrected to first order (without the correction f_i = 0.20 ± 0.02 at 0.3; with the true moments 0.32).
 * So f̂_i must lie in [f_i/2 − 4·0.031, f_i + 4·0.031], above 0.1 at f_i = 0.3 (the fraud is seen), and the
 * clean bound is 0.03.
 */
class KlimekFitTest {
    private static final long SEED = 2012L;
    private static final int N = 10_000;

    /** sd of f̂_i and f̂_e over data seeds at f = (0.3, 0.02) (see the class comment). */
    private static final double SD_FI = 0.031;
    private static final double SD_FE = 0.0018;

    @Test
    void roundTrips() {
        KlimekFit k = KlimekFit.withDefaults().withRepeats(3, 3);
        KlimekFitResult clean = k.fit(Simulated.election(N, SEED), 5, 2);
        assertTrue(clean.fi() + clean.fe() <= 0.03, "clean f_i " + clean.fi() + " f_e " + clean.fe());
        assertEquals(0.5, clean.moments().tau(), 0.03);
        assertEquals(0.55, clean.moments().nu(), 0.03);
        assertEquals(0.1, clean.moments().sigmaTau(), 0.015);
        assertEquals(0.08, clean.moments().sigmaNu(), 0.015);
        double[][] cases = {{0.05, 0.005}, {0.3, 0.02}};
        for (double[] c : cases) {
            Election e = Simulated.election(N, SEED, FraudModel.Klimek.of(c[0], 0.4, 2, c[1]));
            KlimekFitResult r = k.fit(e, 5, 2);
            assertTrue(r.fi() >= c[0] / 2 - 4 * SD_FI && r.fi() <= c[0] + 4 * SD_FI, "f_i " + r.fi() + " vs " + c[0]);
            assertEquals(c[1], r.fe(), 4 * SD_FE + 0.002, "f_e");
            assertTrue(r.cleanDistance() > r.fits()[0][3]);
            assertTrue(c[0] < 0.3 || r.fi() > 0.1, "f_i " + r.fi());
        }
    }

    @Test
    void publishedVariantInflatesSigmaNuBySqrtTwo() {
        Election e = Simulated.election(5_000, SEED);
        KlimekMoments corrected = KlimekFit.withDefaults().moments(e);
        KlimekMoments published = KlimekFit.withDefaults().with(KlimekFit.SigmaRule.PUBLISHED).moments(e);
        assertEquals(Math.sqrt(2), published.sigmaNu() / corrected.sigmaNu(), 1e-12);
        KlimekMoments slope = KlimekFit.withDefaults().with(KlimekFit.PeakRule.SLOPE).moments(e);
        assertTrue(slope.tau() > 0 && slope.nu() > 0);
    }

    @Test
    void threadDeterministicAndTestContract() {
        Election e = Simulated.election(3_000, SEED, FraudModel.Klimek.of(0.3, 0.4, 2, 0.02));
        KlimekFit k = KlimekFit.withDefaults().withRepeats(2, 2).with(KlimekFit.Objective.WINNER_SHARE);
        assertArrayEquals(k.fit(e, 3, 1).fits(), k.fit(e, 3, 2).fits());
        TestResult r = k.run(new TestInput(e, TestInput.NATIONAL, Variable.option(e, 0)),
                BatteryOptions.defaults().withThreads(2));
        assertEquals(List.of("f_i", "f_e", "alpha", "f_i_sd", "f_e_sd", "tau", "nu", "sigma_tau", "sigma_nu",
                "theta"), List.copyOf(r.details().keySet()));
        assertTrue(r.applicable());
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
