package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Variable;
import org.psephos.simulation.FraudModel;

/**
 * Simulate-then-estimate round trips of {@link Shpilkin} on 20,000 units (engine seed {@value #SEED}).
 *
 * <p>Tolerance. The point estimate errs mainly through r, read from the single peak bin: the leader's share there
 * is a mean over ~800 units whose support has sd 0.08, so r carries a relative error of about
 * 0.08/(√800·0.55·0.45) ≈ 1.1%, and F = Σ_{b&gt;t*}(W_b − r·O_b) inherits δr·ΣO_above. Over ten clean seeds
 * (1..10) F/ΣW had sd 0.0045 (range −0.0068..0.0061); the binomial redraws see none of this (count noise only, sd
 * ≈ 0.1%). The clean tolerance is 4 × 0.0045 × ΣW. With fraud the method also misses the fraudulent votes of units
 * that stay at or below the peak bin (small incremental intensities): a structural bias, allowed as 15% of the
 * injected votes on top of the clean tolerance. Turnout-independent switching is invisible by construction (it
 * raises r in every bin alike), so its F must stay within the clean tolerance.
 */
class ShpilkinTest {
    private static final long SEED = 2011L;
    private static final int N = 20_000;
    /** sd of F / ΣW over clean seeds (see the class comment). */
    private static final double CLEAN_SD = 0.0045;

    private static long leaderVotes(Election e) {
        long s = 0;
        for (int i = 0; i < e.size(); i++) {
            s += e.votes(0, i);
        }
        return s;
    }

    @Test
    void roundTrips() {
        Election clean = Simulated.election(N, SEED);
        Shpilkin s = Shpilkin.withDefaults();
        ShpilkinEstimate c = s.estimate(clean);
        double tol = 4 * CLEAN_SD * leaderVotes(clean);
        assertTrue(Math.abs(c.excessVotes()) <= tol, "clean F " + c.excessVotes() + " > " + tol);
        assertEquals(0.5, c.cleanTurnout(), 0.05);
        assertEquals(0.55, c.cleanShare(), 0.02);
        FraudModel[] cases = {
            FraudModel.Klimek.of(0.05, 0.4, 2, 0.005),
            FraudModel.Klimek.of(0.3, 0.4, 2, 0.02),
            new FraudModel.BallotStuffing(0.1, 0.3)};
        for (FraudModel f : cases) {
            Election e = Simulated.election(N, SEED, f);
            long truth = Simulated.trueExcess(e, clean);
            double est = s.estimate(e).excessVotes();
            assertTrue(Math.abs(est - truth) <= tol + 0.15 * truth, f + ": F " + est + " vs injected " + truth);
        }
        Election switched = Simulated.election(N, SEED, new FraudModel.VoteSwitching(0.2, 0.3));
        assertTrue(Math.abs(s.estimate(switched).excessVotes()) <= tol, "switching is turnout-independent");
    }

    @Test
    void splitsStuffingAndKeepsPerUnitSums() {
        Election e = Simulated.election(5_000, SEED, FraudModel.Klimek.of(0.3, 0.4, 2, 0.02));
        ShpilkinEstimate est = Shpilkin.withDefaults().withManualTurnout(0.5).estimate(e);
        assertEquals(0.505, est.peakTurnout(), 1e-12);
        assertEquals(est.excessVotes(), est.stuffing() + est.switching(), 1e-6);
        double sum = 0;
        for (double x : est.unitExcess()) {
            sum += x;
        }
        assertEquals(est.excessVotes(), sum, 1e-6 * Math.abs(sum));
        assertTrue(est.stuffing() > 0 && est.stuffing() <= est.excessVotes());
    }

    @Test
    void redrawsAreThreadDeterministicAndTheTestFlagsFraud() {
        Election e = Simulated.election(5_000, SEED, FraudModel.Klimek.of(0.3, 0.4, 2, 0.02));
        Shpilkin s = Shpilkin.withDefaults();
        assertEquals(s.estimate(e, 40, 9, 1).excessSd(), s.estimate(e, 40, 9, 2).excessSd(), 0);
        TestResult r = s.run(new TestInput(e, TestInput.NATIONAL, Variable.option(e, 0)),
                BatteryOptions.defaults().withReplicates(40).withThreads(2));
        assertTrue(r.flag());
        assertEquals(List.of("excess_votes", "stuffing", "switching", "clean_turnout", "clean_share", "excess_sd"),
                List.copyOf(r.details().keySet()));
    }

    @Test
    void estimatesPerRegion() {
        Election e = Simulated.election(4_000, SEED);
        String[] labels = new String[e.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2 == 0 ? "A" : "B";
        }
        Election g = e.toBuilder().grouping(Grouping.ofLabels("half", labels)).build();
        List<Shpilkin.GroupEstimate> per = Shpilkin.withDefaults().byGroup(g, "half");
        assertEquals(2, per.size());
        assertEquals("A", per.get(0).level());
        assertArrayEquals(new int[] {0, 2, 4}, java.util.Arrays.copyOf(per.get(0).units(), 3));
    }
}
