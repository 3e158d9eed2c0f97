package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;

/**
 * The engine end to end: the clean model lands on its parameters within the derived sampling error (means and
 * the spread between replicates), and the output is identical for any thread count.
 */
class MonteCarloEngineTest {
    private static final long SEED = 314_159L;

    static ElectorateModel benchmarkElectorate(int units) {
        return ElectorateModel.of(units, new SizeDistribution.Uniform(500, 2000),
                ProportionDistribution.normal(0.7, 0.1), ProportionDistribution.normal(0.6, 0.1));
    }

    /**
     * National turnout T = ΣV/ΣN with V_i ~ Bin(N_i, a_i), a_i ~ N(0.7, 0.1) truncated to [0, 1]: the truncated
     * mean is 0.7 − 0.1·φ(3)/Φ(3) and, with the sizes fixed across replicates,
     * Var T = (Σ N_i² Var a + Σ N_i E[a(1 − a)]) / (ΣN)². The same for the leader's share of voters with
     * v ~ N(0.6, 0.1) (truncation at 4 sd, negligible). Means must lie within 5 standard errors of the mean over
     * R = 400 replicates; the sd between replicates within 25% (5 standard errors of a sample sd, 1/sqrt(2(R−1))).
     */
    @Test
    void cleanModelLandsOnItsParameters() {
        int units = 2000;
        int r = 400;
        SimulationModel model = SimulationModel.clean(benchmarkElectorate(units));
        SimulationResult result = MonteCarloEngine.run(model, SEED, 2, r, MonteCarloEngine.UnitOutput.FIRST_REPLICATE,
                Progress.NONE);
        Election e = result.units().orElseThrow();
        double sumN = 0;
        double sumN2 = 0;
        for (int i = 0; i < units; i++) {
            sumN += e.registered(i);
            sumN2 += (double) e.registered(i) * e.registered(i);
        }
        double phi3 = Math.exp(-4.5) / Math.sqrt(2 * Math.PI);
        double cdf3 = 0.9986501019683699;
        double meanA = 0.7 - 0.1 * phi3 / cdf3;
        double varA = 0.01 * (1 - 3 * phi3 / cdf3 - (phi3 / cdf3) * (phi3 / cdf3));
        double eA1A = meanA * (1 - meanA) - varA;
        double sdT = Math.sqrt(sumN2 * varA + sumN * eA1A) / sumN;
        ReplicateDistribution t = result.summary().turnout();
        assertEquals(meanA, t.mean(), 5 * sdT / Math.sqrt(r), "national turnout mean");
        assertEquals(sdT, t.sd(), 0.25 * sdT, "national turnout sd between replicates");

        // Leader share of ballots: L ~ Bin(V, v), share = ΣL/ΣV; delta method with E[V²] = E[(Na)²] + E[Na(1−a)].
        double sumV2 = sumN2 * (varA + meanA * meanA) + sumN * eA1A;
        double sumV = sumN * meanA;
        double sdS = Math.sqrt(sumV2 * 0.01 + sumV * (0.6 * 0.4 - 0.01)) / sumV;
        ReplicateDistribution s = result.summary().leaderShare();
        assertEquals(0.6, s.mean(), 5 * sdS / Math.sqrt(r), "national leader share mean");
        assertEquals(sdS, s.sd(), 0.25 * sdS, "national leader share sd between replicates");
        assertEquals(0.0, result.summary().runoffProbability(), "share 0.6 +- 0.001 never falls to 0.5");
        assertEquals(2 * 0.6 - 1, result.summary().margin().mean(), 5 * 2 * sdS / Math.sqrt(r), "margin");
        assertEquals(r, result.summary().replicates().size());
    }

    @Test
    void outputIsIdenticalForAnyThreadCount() {
        // 10,001 units: three blocks, the last one short; every fraud model on, several regions and options.
        ElectorateModel e = benchmarkElectorate(10_001).withRegions(7, 0.3, 0.2).withOptions(4, 10)
                .withInvalidRate(0.02);
        SimulationModel model = SimulationModel.clean(e)
                .with(FraudModel.Klimek.of(0.1, 0.4, 2, 0.01))
                .with(new FraudModel.BallotStuffing(0.05, 0.3))
                .with(new FraudModel.VoteSwitching(0.05, 0.2))
                .with(new FraudModel.CarouselVoting(0.05, 0.1))
                .with(new FraudModel.InvalidatedOpposition(0.05, 0.2))
                .with(new FraudModel.InflatedRegister(0.05, 0.1, 0.8))
                .with(new FraudModel.InventedResults(0.05, FraudModel.InventedResults.Target.BOTH));
        SimulationResult one = MonteCarloEngine.run(model, SEED, 1, 5, MonteCarloEngine.UnitOutput.FIRST_REPLICATE,
                Progress.NONE);
        for (int threads : new int[] {2, 3}) {
            SimulationResult other = MonteCarloEngine.run(model, SEED, threads, 5,
                    MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE);
            assertEquals(one.summary(), other.summary(), threads + " threads");
            assertSameUnits(one.units().orElseThrow(), other.units().orElseThrow());
        }
        List<ReplicateTotals> reps = one.summary().replicates();
        assertTrue(!reps.get(0).equals(reps.get(1)), "replicates must differ");
        SimulationResult otherSeed = MonteCarloEngine.run(model, SEED + 1, 1, 5, Progress.NONE);
        assertTrue(!one.summary().replicates().equals(otherSeed.summary().replicates()), "seeds must matter");
        // Replicate blocks computed apart are the run's replicates at those indices (what scenario tasks rely on).
        assertEquals(reps.subList(1, 4), MonteCarloEngine.totals(model, SEED, 2, 1, 4, Progress.NONE));
        assertEquals(reps.subList(4, 5), MonteCarloEngine.totals(model, SEED, 1, 4, 5, Progress.NONE));
    }

    /**
     * The clean totals a fraud run carries (registered, ballots, leader votes before phase 4) are those of the same
     * seed run without fraud, replicate by replicate: the fraud models draw from their own streams. Every model is
     * on, including the inflated register, which changes the registered voters.
     */
    @Test
    void cleanTotalsAreThoseOfTheRunWithoutFraud() {
        ElectorateModel e = benchmarkElectorate(10_001).withRegions(7, 0.3, 0.2).withOptions(4, 10)
                .withInvalidRate(0.02);
        SimulationModel clean = SimulationModel.clean(e);
        SimulationModel model = clean
                .with(FraudModel.Klimek.of(0.1, 0.4, 2, 0.01))
                .with(new FraudModel.BallotStuffing(0.05, 0.3))
                .with(new FraudModel.CarouselVoting(0.05, 0.1))
                .with(new FraudModel.InflatedRegister(0.05, 0.1, 0.8));
        List<ReplicateTotals> withFraud = MonteCarloEngine.run(model, SEED, 2, 4, Progress.NONE).summary()
                .replicates();
        List<ReplicateTotals> without = MonteCarloEngine.run(clean, SEED, 2, 4, Progress.NONE).summary()
                .replicates();
        for (int r = 0; r < 4; r++) {
            ReplicateTotals f = withFraud.get(r);
            ReplicateTotals c = without.get(r);
            assertEquals(c.registered(), f.cleanRegistered(), "registered, replicate " + r);
            assertEquals(c.ballots(), f.cleanBallots(), "ballots, replicate " + r);
            assertEquals(c.votes()[0], f.cleanLeaderVotes(), "leader votes, replicate " + r);
            assertEquals(c.turnout(), f.cleanTurnout(), "turnout, replicate " + r);
            assertTrue(f.ballots() > f.cleanBallots() && f.registered() > f.cleanRegistered()
                    && f.votes()[0] > f.cleanLeaderVotes(), "the fraud changes the totals");
            // Without fraud the clean figures are the reported ones.
            assertEquals(c.registered(), c.cleanRegistered());
            assertEquals(c.ballots(), c.cleanBallots());
            assertEquals(c.votes()[0], c.cleanLeaderVotes());
        }
    }

    static void assertSameUnits(Election a, Election b) {
        assertEquals(a.size(), b.size());
        assertArrayEquals(a.registeredColumn(), b.registeredColumn(), "registered");
        assertArrayEquals(a.ballotsColumn(), b.ballotsColumn(), "ballots");
        assertArrayEquals(a.invalidColumn(), b.invalidColumn(), "invalid");
        for (int k = 0; k < a.optionCount(); k++) {
            assertArrayEquals(a.votesColumn(k), b.votesColumn(k), a.options().get(k));
        }
        for (String g : List.of("region", "fraud")) {
            Grouped ga = Grouped.of(a, g);
            Grouped gb = Grouped.of(b, g);
            assertArrayEquals(ga.labels, gb.labels, g);
        }
    }

    /** One label per unit of a grouping. */
    record Grouped(String[] labels) {
        static Grouped of(Election e, String name) {
            var g = e.grouping(name).orElseThrow();
            String[] l = new String[e.size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = g.label(i);
            }
            return new Grouped(l);
        }
    }
}
