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
 * 0.08/(√800·0.55·0.45) ≈ 1.1%, and F = Σ_{b&gt;t*}(W_b − r·O_b) inherits δr·ΣO_above, plus the jitter of the
 * peak bin itself. The unit bootstrap (the default uncertainty) resamples exactly this: over five clean data seeds
 * (100..104) F was −18k, 40k, 26k, −2k and 110k with bootstrap sds 36k–54k. The tolerance is therefore 4 bootstrap
 * sd (100 resamples). With fraud the method also misses the fraudulent votes of units that stay at or below the
 * peak bin (small incremental intensities): a structural bias, allowed as 15% of the injected votes on top.
 * Turnout-independent switching is invisible by construction (it raises r in every bin alike), so its F must stay
 * within 4 sd of 0 although 270k votes were switched.
 */
class ShpilkinTest {
    private static final long SEED = 2011L;
    private static final int N = 20_000;
    /** Bootstrap resamples behind each tolerance. */
    private static final int RESAMPLES = 100;

    @Test
    void roundTrips() {
        Election clean = Simulated.election(N, SEED);
        Shpilkin s = Shpilkin.withDefaults();
        ShpilkinResult cr = s.estimate(clean, RESAMPLES, 1, 2);
        ShpilkinEstimate c = cr.estimate();
        assertTrue(Math.abs(c.excessVotes()) <= 4 * cr.excessSd(), "clean F " + c.excessVotes() + " sd "
                + cr.excessSd());
        assertEquals(0.5, c.cleanTurnout(), 0.05);
        assertEquals(0.55, c.cleanShare(), 0.02);
        FraudModel[] cases = {
            FraudModel.Klimek.of(0.05, 0.4, 2, 0.005),
            FraudModel.Klimek.of(0.3, 0.4, 2, 0.02),
            new FraudModel.BallotStuffing(0.1, 0.3)};
        for (FraudModel f : cases) {
            Election e = Simulated.election(N, SEED, f);
            long truth = Simulated.trueExcess(e, clean);
            ShpilkinResult r = s.estimate(e, RESAMPLES, 1, 2);
            double est = r.estimate().excessVotes();
            assertTrue(Math.abs(est - truth) <= 4 * r.excessSd() + 0.15 * truth, f + ": F " + est + " ± "
                    + r.excessSd() + " vs injected " + truth);
        }
        Election switched = Simulated.election(N, SEED, new FraudModel.VoteSwitching(0.2, 0.3));
        ShpilkinResult sw = s.estimate(switched, RESAMPLES, 1, 2);
        assertTrue(Math.abs(sw.estimate().excessVotes()) <= 4 * sw.excessSd(), "switching is turnout-independent");
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
