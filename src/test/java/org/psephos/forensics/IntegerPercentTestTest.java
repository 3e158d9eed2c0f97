package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.RandomStreams;

class IntegerPercentTestTest {
    /** Seed of every simulated data set here. */
    private static final long SEED = 20_160_101L;

    private static Election election(int[] n, int[] b, int[] w) {
        int[] other = new int[n.length];
        int[] zero = new int[n.length];
        for (int i = 0; i < n.length; i++) {
            other[i] = b[i] - w[i];
        }
        // share base FOUND = valid + invalid = ballots here
        return Election.builder("t").registered(n).ballots(b).valid(b).invalid(zero).option("Leader", w)
                .option("Other", other).leader(0).build();
    }

    /** Clean data: turnout U(0.4, 0.8) and leader's share U(0.3, 0.7), counts binomial. */
    private static int[][] clean(UniformRandomProvider rng, int stations) {
        int[] n = new int[stations];
        int[] b = new int[stations];
        int[] w = new int[stations];
        for (int i = 0; i < stations; i++) {
            n[i] = 300 + rng.nextInt(1700);
            b[i] = BinomialSampler.sample(rng, n[i], 0.4 + 0.4 * rng.nextDouble());
            w[i] = BinomialSampler.sample(rng, b[i], 0.3 + 0.4 * rng.nextDouble());
        }
        return new int[][] {n, b, w};
    }

    /** Two groups with the same stations must not share their Monte Carlo null: each draws from its own seed. */
    @Test
    void groupsDrawIndependentNullsAndNationalUsesTheRunSeed() {
        int[][] c = clean(RandomStreams.seeded(SEED).stream(9), 2_000);
        Election e = election(c[0], c[1], c[2]);
        BatteryOptions o = BatteryOptions.defaults().withReplicates(200).withThreads(1);
        IntegerPercentTest t = IntegerPercentTest.withDefaults();
        Variable leader = Variable.option(e, 0);
        TestResult national = t.run(new TestInput(e, TestInput.NATIONAL, leader), o);
        TestResult north = t.run(new TestInput(e, "North", leader), o);
        TestResult south = t.run(new TestInput(e, "South", leader), o);
        assertEquals(north.value(), south.value(), "same stations, same observed count");
        assertTrue(north.details().get("expected_mean") != null);
        assertFalse(north.details().get("expected_mean").equals(south.details().get("expected_mean")),
                "independent nulls give different Monte Carlo means");
        assertEquals(t.test(c[0], c[1], c[1], c[2], o).headline().expectedMean(), national.expected(),
                "the battery's national null is the library call's");
    }

    @Test
    void integerIndicatorIsExactAtTheBinEdges() {
        assertTrue(IntegerPercentTest.isInteger(50, 100, 1));
        assertTrue(IntegerPercentTest.isInteger(1001, 2000, 1)); // 50.05: on the edge, included
        assertTrue(IntegerPercentTest.isInteger(999, 2000, 1)); // 49.95
        assertFalse(IntegerPercentTest.isInteger(1003, 2000, 1)); // 50.15
        assertFalse(IntegerPercentTest.isInteger(1, 3, 1)); // 33.33
        assertTrue(IntegerPercentTest.isInteger(0, 500, 1));
        assertTrue(IntegerPercentTest.isInteger(55, 100, 5));
        assertFalse(IntegerPercentTest.isInteger(51, 100, 5));
        assertTrue(IntegerPercentTest.isInteger(70, 100, 10));
        assertFalse(IntegerPercentTest.isInteger(75, 100, 10));
        assertThrows(IllegalArgumentException.class, () -> IntegerPercentTest.withDefaults().withPeriod(3));
    }

    @Test
    void inclusionRulesEachExcludeTheirStation() {
        int[] n = {1000, 99, 100, 1000, 1000, 1000, 1000, 1000};
        int[] b = {600, 60, 60, 995, 990, 600, 600, 0};
        int[] w = {300, 30, 30, 400, 400, 597, 594, 0};
        // 0 ok; 1 N < 100; 2 N = 100 ok; 3 turnout 99.5% > 99%; 4 turnout exactly 99% ok;
        // 5 result 99.5% > 99%; 6 result exactly 99% ok; 7 R = 0
        IntegerPercentResult r = IntegerPercentTest.withDefaults().test(n, b, b, w,
                BatteryOptions.defaults().withReplicates(10).withThreads(1));
        assertEquals(4, r.includedUnits());
        assertTrue(IntegerPercentTest.included(1000, 600, 600, 300));
        assertFalse(IntegerPercentTest.included(99, 60, 60, 30));
        assertFalse(IntegerPercentTest.included(1000, 995, 995, 400));
        assertFalse(IntegerPercentTest.included(1000, 600, 600, 597));
        assertFalse(IntegerPercentTest.included(1000, 0, 0, 0));
        // observed: turnout 60%, 60%, 99%, 60%; results 50%, 50%, 40.4% (not integer), 99%
        assertEquals(4, r.turnoutInteger());
        assertEquals(3, r.leaderInteger());
    }

    @Test
    void detailsCarryTheContractKeys() {
        int[][] d = clean(RandomStreams.seeded(SEED).stream(1), 300);
        Election e = election(d[0], d[1], d[2]);
        TestResult r = IntegerPercentTest.withDefaults().run(new TestInput(e, TestInput.NATIONAL, Variable.option(e,
                0)), BatteryOptions.defaults().withReplicates(50).withThreads(1));
        assertTrue(r.applicable());
        assertEquals("Leader", r.variable());
        assertEquals(List.of("included_units", "turnout_integer", "leader_integer", "observed", "expected_mean",
                "expected_sd", "excess", "p999", "period", "bin_width", "replicates", "seed", "variants"),
                List.copyOf(r.details().keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> v =
                (Map<String, Map<String, Map<String, Object>>>) r.details().get("variants");
        assertEquals(List.of("either", "leader", "turnout"), List.copyOf(v.keySet()));
        assertEquals(List.of("stations", "registered", "ballots", "leader_votes"),
                List.copyOf(v.get("turnout").keySet()));
        assertEquals(r.details().get("observed"), v.get("either").get("stations").get("observed"));
        assertEquals(r.value(), ((Number) r.details().get("observed")).doubleValue());
        assertEquals(300, r.n());

        TestResult few = IntegerPercentTest.withDefaults().run(new TestInput(e, TestInput.NATIONAL,
                Variable.turnout()), BatteryOptions.defaults().withReplicates(5).withMinUnits(301));
        assertFalse(few.applicable());
        assertTrue(few.reason().contains("inclusion rules"), few.reason());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int[][] d = clean(RandomStreams.seeded(SEED).stream(2), 500);
        Election e = election(d[0], d[1], d[2]);
        TestInput in = new TestInput(e, TestInput.NATIONAL, Variable.option(e, 0));
        BatteryOptions o = BatteryOptions.defaults().withReplicates(101).withSeed(7);
        TestResult one = IntegerPercentTest.withDefaults().run(in, o.withThreads(1));
        TestResult three = IntegerPercentTest.withDefaults().run(in, o.withThreads(3));
        assertEquals(one, three);
        TestResult otherSeed = IntegerPercentTest.withDefaults().run(in, o.withSeed(8));
        assertFalse(one.details().equals(otherSeed.details()));
        IntegerPercentTest counts = IntegerPercentTest.withDefaults().with(IntegerPercentTest.NullMethod.COUNTS);
        assertEquals(counts.run(in, o.withThreads(1)), counts.run(in, o.withThreads(3)));
    }

    @Test
    void integerProbabilityIsTheBinomialMassOnIntegerCounts() {
        int[][] cases = {{1000, 600}, {1500, 1234}, {137, 70}, {100, 99}, {2500, 40}};
        for (int[] c : cases) {
            for (int period : new int[] {1, 5, 10}) {
                double p = c[1] / (double) c[0];
                BinomialDistribution bin = new BinomialDistribution(null, c[0], p);
                double exact = 0;
                for (int k = 0; k <= c[0]; k++) {
                    exact += IntegerPercentTest.isInteger(k, c[0], period) ? bin.probability(k) : 0;
                }
                assertEquals(exact, IntegerIndicators.integerProbability(c[0], p, period), 1e-13,
                        "n = " + c[0] + ", p = " + p + ", P = " + period);
            }
        }
        assertEquals(1.0, IntegerIndicators.integerProbability(300, 0.0, 1));
        assertEquals(1.0, IntegerIndicators.integerProbability(7, 1.0, 1)); // 7 of 7 = 100%: integer
    }

    /*
     * The two null methods must give the same distribution of the statistics: on one data set (2,000 stations,
     * R = 400 replicates each) the MC means differ by less than 4 standard errors of their difference,
     * sd * sqrt(2 / R), and the sds agree within 20% (the sd of an sd estimate from 400 draws is about 3.5%).
     */
    @Test
    void indicatorAndCountNullsAgreeInDistribution() {
        int[][] d = clean(RandomStreams.seeded(SEED).stream(5), 2000);
        BatteryOptions o = BatteryOptions.defaults().withReplicates(400).withThreads(2);
        IntegerPercentResult ind = IntegerPercentTest.withDefaults().test(d[0], d[1], d[1], d[2], o);
        IntegerPercentResult cnt = IntegerPercentTest.withDefaults().with(IntegerPercentTest.NullMethod.COUNTS)
                .test(d[0], d[1], d[1], d[2], o);
        for (String v : IntegerPercentTest.VARIANTS) {
            for (String w : IntegerPercentTest.WEIGHTINGS) {
                IntegerPercentResult.Statistic a = ind.statistic(v, w);
                IntegerPercentResult.Statistic b = cnt.statistic(v, w);
                assertEquals(a.observed(), b.observed());
                double se = a.expectedSd() * Math.sqrt(2.0 / 400);
                assertEquals(a.expectedMean(), b.expectedMean(), 4 * se, v + "/" + w + " means");
                assertEquals(1.0, a.expectedSd() / b.expectedSd(), 0.2, v + "/" + w + " sds");
            }
        }
    }

    /*
     * On clean binomial data the null is right, so the Monte Carlo p-value is (conservatively) uniform: over M = 300
     * data sets the share with p <= 0.1 has mean at most 0.1 and sd sqrt(0.1 * 0.9 / 300) = 0.017; we accept
     * [0.03, 0.17] (4 sd; the lower end allows for the conservativeness of counting ties as >=). The 99.9% flag
     * rule with R = 99 replicates compares with an interpolated percentile between the two largest replicates, so
     * it fires with probability between 1/100 and 2/100: at most 6 of 300 expected; we accept at most 15 (the
     * binomial(300, 0.02) upper tail beyond 15 has probability < 0.001). What this cannot detect: a miscalibration
     * of less than about 0.07 in the p-value's tail.
     */
    @Test
    void cleanBinomialDataFlagAtAboutTheNominalRate() {
        int sets = 300;
        int below = 0;
        int flags = 0;
        IntegerPercentTest t = IntegerPercentTest.withDefaults();
        BatteryOptions o = BatteryOptions.defaults().withReplicates(99).withThreads(2);
        for (int k = 0; k < sets; k++) {
            int[][] d = clean(RandomStreams.seeded(SEED).stream(3, k), 400);
            IntegerPercentResult r = t.test(d[0], d[1], d[1], d[2], o.withSeed(k));
            below += r.headline().pValue() <= 0.1 ? 1 : 0;
            flags += r.headline().flag() ? 1 : 0;
        }
        double rate = below / (double) sets;
        assertTrue(rate >= 0.03 && rate <= 0.17, "share of p <= 0.1: " + rate);
        assertTrue(flags <= 15, "flags: " + flags);
    }

    /*
     * K stations of 1000 voters get turnout rounded to a whole percentage (B a multiple of 10). Each would be
     * integer under the binomial null with probability q_i = P(Bin(1000, B_i/1000) is a multiple of 10), so the
     * expected turnout excess is K - sum q_i, about 0.9 K; the observed excess must lie within 4 MC sd of it.
     */
    @Test
    void plantedRoundTurnoutsAreFlaggedAndCounted() {
        UniformRandomProvider rng = RandomStreams.seeded(SEED).stream(4);
        int[][] d = clean(rng, 3000);
        int planted = 150;
        double nullIntegers = 0;
        for (int i = 0; i < planted; i++) {
            d[0][i] = 1000;
            d[1][i] = 10 * (45 + rng.nextInt(30));
            d[2][i] = BinomialSampler.sample(rng, d[1][i], 0.5);
            BinomialDistribution bin = new BinomialDistribution(1000, d[1][i] / 1000.0);
            for (int k = 0; k <= 1000; k += 10) {
                nullIntegers += bin.probability(k);
            }
        }
        IntegerPercentResult r = IntegerPercentTest.withDefaults().test(d[0], d[1], d[1], d[2],
                BatteryOptions.defaults().withReplicates(300).withThreads(2));
        IntegerPercentResult.Statistic turnout = r.statistic("turnout", "stations");
        double expectedExcess = planted - nullIntegers;
        assertTrue(Math.abs(turnout.excess() - expectedExcess) <= 4 * turnout.expectedSd(),
                "excess " + turnout.excess() + " vs " + expectedExcess + " (sd " + turnout.expectedSd() + ")");
        assertTrue(r.headline().flag(), "either: " + r.headline());
        assertTrue(turnout.flag());
        assertTrue(r.headline().pValue() < 0.01);
        assertFalse(r.statistic("leader", "stations").excess() > 4 * r.statistic("leader", "stations")
                .expectedSd(), "leader results were not touched");
        // the registered weighting counts 1000 voters per planted station
        assertTrue(r.statistic("turnout", "registered").excess() > 0.5 * planted * 1000);
    }

    @Test
    void regionalScreenCountsIntegerMinusHalfIntegerBins() {
        int[] n = {1000, 1000, 1000, 1000, 1000, 1000};
        int[] b = {500, 600, 505, 704, 650, 50};
        int[] w = {200, 200, 200, 200, 200, 20};
        Election e = election(n, b, w);
        Grouping g = Grouping.ofLabels("region", new String[] {"A", "A", "A", "B", "B", "B"});
        List<KobakRegionalScreen.Line> lines = KobakRegionalScreen.screen(e, g, 1);
        // A: 50.0 and 60.0 integer, 50.5 half; B: 70.4 neither, 65.0 integer, 5.0 integer
        assertEquals(new KobakRegionalScreen.Line("A", 3, 2, 1, 1, false), lines.get(0));
        assertEquals(new KobakRegionalScreen.Line("B", 3, 2, 0, 2, true), lines.get(1));
    }
}
