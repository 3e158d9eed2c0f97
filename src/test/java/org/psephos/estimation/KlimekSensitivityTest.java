package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Variable;
import org.psephos.simulation.FraudModel;

/**
 * {@link KlimekFit#sensitivity} on 10,000 simulated units ({@link Simulated}: clean turnout N(0.5, 0.1), share
 * N(0.55, 0.08), θ = 0.4, α = 2) with the true model handed in as the fit: the refits then start from the truth, so
 * the baseline must recover it, every moment moved off the truth must fit worse, and the extreme-fraud width of the
 * data must fit best.
 */
class KlimekSensitivityTest {
    private static final long SEED = 2012L;
    private static final int N = 10_000;
    private static final KlimekFit FIT = KlimekFit.withDefaults().withRepeats(2, 8);
    private static final KlimekMoments TRUTH = new KlimekMoments(0.5, 0.55, 0.1, 0.08, 0.4);

    /** @return a fit result that is the truth, two identical fits */
    private static KlimekFitResult truth(double fi, double fe) {
        double[] row = {fi, fe, 2, 0, TRUTH.tau(), TRUTH.nu(), TRUTH.sigmaTau(), TRUTH.sigmaNu(), TRUTH.theta()};
        return new KlimekFitResult(TRUTH, fi, fe, 2, 0, 0, 0, new double[][] {row, row.clone()}, 0);
    }

    /**
     * At f = (0.3, 0.02). The baseline recovers the truth within the fit's tolerances of {@link KlimekFitTest} (4 sd:
     * 0.041, 0.0088; α 0.4). Each moment moved by ±δ is a worse fit than the truth (a larger distance; a refit that
     * ignored the move would tie); a clean peak placed higher (τ + δ, ν + δ) explains more of the upper tail as
     * clean, so f_i falls; the peak rule's moments, pulled towards the fraud, hide part of it (the bias the joint fit
     * removes: f_i 0.20–0.25 for 0.3, {@link KlimekFit}). The same for 1 and 2 threads.
     */
    @Test
    void movesOffTheTruthFitWorseAndInTheExpectedDirection() {
        Election e = Simulated.election(N, SEED, FraudModel.Klimek.of(0.3, 0.4, 2, 0.02));
        KlimekSensitivity s = FIT.sensitivity(e, truth(0.3, 0.02), 5, 2);
        assertEquals(s, FIT.sensitivity(e, truth(0.3, 0.02), 5, 1), "thread count");
        List<KlimekSensitivity.Row> rows = s.rows();
        assertEquals(List.of("baseline", "tau", "tau", "nu", "nu", "sigma_tau", "sigma_tau", "sigma_nu", "sigma_nu",
                "step1_moments", "extreme_width", "extreme_width"),
                rows.stream().map(KlimekSensitivity.Row::parameter).toList());
        KlimekSensitivity.Row base = s.baseline();
        assertEquals(0.3, base.fi(), 0.041, "baseline f_i");
        assertEquals(0.02, base.fe(), 0.0088, "baseline f_e");
        assertEquals(2, base.alpha(), 0.4, "baseline alpha");
        assertEquals(TRUTH, base.moments());
        double[] truth = {TRUTH.tau(), TRUTH.nu(), TRUTH.sigmaTau(), TRUTH.sigmaNu()};
        for (int p = 0; p < 4; p++) {
            KlimekSensitivity.Row lo = rows.get(1 + 2 * p);
            KlimekSensitivity.Row hi = rows.get(2 + 2 * p);
            double[] l = values(lo.moments());
            double[] h = values(hi.moments());
            for (int q = 0; q < 4; q++) {
                if (q != p) {
                    assertEquals(truth[q], l[q], 0, lo.parameter() + " moves only itself");
                    assertEquals(truth[q], h[q], 0, hi.parameter() + " moves only itself");
                }
            }
            assertEquals(truth[p] - l[p], h[p] - truth[p], 1e-12, lo.parameter() + ": ± the same delta");
            assertTrue(h[p] - truth[p] > 0, lo.parameter() + ": a positive delta");
            assertTrue(lo.distance() > base.distance() && hi.distance() > base.distance(),
                    lo.parameter() + ": the truth fits best, " + base.distance() + " vs " + lo.distance() + ", "
                            + hi.distance());
        }
        assertTrue(rows.get(2).fi() < base.fi(), "tau + delta: less fraud");
        assertTrue(rows.get(4).fi() < base.fi(), "nu + delta: less fraud");
        assertTrue(rows.get(9).fi() < base.fi() - 0.05, "the peak rule's moments hide fraud: " + rows.get(9).fi());
        assertEquals(0.05, rows.get(10).width(), 0);
        assertEquals(0.10, rows.get(11).width(), 0);
    }

    /**
     * Half the fraud extreme (f_e = 0.1) with intensity 1 − |N(0, w)|: of the three widths tried (0.05, the paper's
     * 0.075, 0.10), the data's own fits best, and f_e grows with the width (a wider extreme component takes in
     * units further from 100%).
     */
    @Test
    void theDataWidthFitsBest() {
        for (double w : new double[] {0.05, 0.10}) {
            Election e = Simulated.election(N, SEED, new FraudModel.Klimek(0.1, 0.4, 2, 0.1, w));
            List<KlimekSensitivity.Row> rows = FIT.sensitivity(e, truth(0.1, 0.1), 5, 2).rows();
            KlimekSensitivity.Row paper = rows.get(0);
            KlimekSensitivity.Row narrow = rows.get(rows.size() - 2);
            KlimekSensitivity.Row wide = rows.get(rows.size() - 1);
            KlimekSensitivity.Row own = w == 0.05 ? narrow : wide;
            for (KlimekSensitivity.Row r : List.of(paper, narrow, wide)) {
                assertTrue(r == own || own.distance() < r.distance(), "data width " + w + ": " + own.distance()
                        + " vs " + r.width() + ": " + r.distance());
            }
            assertTrue(narrow.fe() < paper.fe() && paper.fe() < wide.fe(), "f_e grows with the width");
        }
    }

    /** Off by default (the refits cost about a fit); on, the row carries the table and how it was made. */
    @Test
    void theRowCarriesTheTableWhenAskedFor() {
        Election e = Simulated.election(2_000, SEED, FraudModel.Klimek.of(0.3, 0.4, 2, 0.02));
        TestInput in = new TestInput(e, TestInput.NATIONAL, Variable.option(e, 0));
        BatteryOptions o = BatteryOptions.defaults().withThreads(2);
        KlimekFit fit = KlimekFit.withDefaults().withRepeats(2, 2);
        assertFalse(fit.run(in, o).details().containsKey("sensitivity"));
        TestResult r = fit.withSensitivity(true).run(in, o);
        assertTrue(r.details().get("sensitivity_method") instanceof String);
        List<?> table = (List<?>) r.details().get("sensitivity");
        assertEquals(12, table.size());
        Map<?, ?> first = (Map<?, ?>) table.get(0);
        assertEquals("baseline", first.get("parameter"));
        assertEquals(0.0, first.get("delta_f_i"));
        assertEquals(r.details().get("tau"), first.get("tau"));
    }

    private static double[] values(KlimekMoments m) {
        return new double[] {m.tau(), m.nu(), m.sigmaTau(), m.sigmaNu()};
    }
}
