package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/**
 * {@link Spikes} in the battery: a round trip (coarse shares injected into a clean simulated election with regional
 * heterogeneity, estimated back), a clean control, what it refuses, and reproducibility.
 */
class SpikesTest {
    private static final long SEED = 2017L;
    /** The fractions the round trip reports: denominators 2 to 5, as in Rozenas (2017). */
    private static final int[][] FRACTIONS = {{1, 2}, {1, 3}, {2, 3}, {3, 4}, {2, 5}, {3, 5}};

    /** 2,000 stations of 200 to 2,500 voters in six regions with different turnout and support, three options. */
    static Election clean(long seed) {
        ElectorateModel m = ElectorateModel.of(2_000, new SizeDistribution.Uniform(200, 2_500),
                ProportionDistribution.normal(0.62, 0.1), ProportionDistribution.normal(0.45, 0.1))
                .withRegions(6, 0.3, 0.4).withOptions(3, ElectorateModel.DEFAULT_CONCENTRATION);
        return MonteCarloEngine.run(SimulationModel.clean(m), seed, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE,
                Progress.NONE).units().orElseThrow();
    }

    /**
     * The clean election with a share of its stations reporting the leader at a coarse fraction a/b exactly: t moved
     * to the nearest multiple of b (within N), the leader given a·t/b and the other options the rest in their
     * proportions.
     */
    static Election withCoarseShares(Election e, double share, long seed) {
        int n = e.size();
        int[] reg = e.registeredColumn();
        int[] bal = e.ballotsColumn();
        int[][] votes = new int[e.optionCount()][];
        for (int k = 0; k < votes.length; k++) {
            votes[k] = e.votesColumn(k);
        }
        UniformRandomProvider rng = RandomStreams.seeded(seed).stream(1);
        int chosen = 0;
        for (int i = 0; i < n && chosen < share * n; i++) {
            if (rng.nextDouble() >= share) {
                continue;
            }
            chosen++;
            int[] f = FRACTIONS[rng.nextInt(FRACTIONS.length)];
            int b = f[1];
            int t = Math.min(Math.max(b, b * (int) Math.round((double) bal[i] / b)), b * (reg[i] / b));
            int lead = f[0] * t / b;
            int others = 0;
            for (int k = 1; k < votes.length; k++) {
                others += votes[k][i];
            }
            int rest = t - lead;
            int given = 0;
            for (int k = 1; k < votes.length; k++) {
                double part = others == 0 ? rest / (votes.length - 1.0) : (double) rest * votes[k][i] / others;
                int v = k == votes.length - 1 ? rest - given : (int) Math.round(part);
                v = Math.max(0, Math.min(v, rest - given));
                votes[k][i] = v;
                given += v;
            }
            votes[votes.length - 1][i] += rest - given;
            votes[0][i] = lead;
            bal[i] = t;
        }
        int[] zero = new int[n];
        Election.Builder b = Election.builder("coarse shares").registered(reg).ballots(bal).valid(bal.clone())
                .invalid(zero);
        for (int k = 0; k < votes.length; k++) {
            b.option(e.options().get(k), votes[k]);
        }
        return b.leader(0).build();
    }

    private static BatteryOptions options(int threads) {
        return BatteryOptions.defaults().withReplicates(300).withSeed(SEED).withThreads(threads);
    }

    private static TestResult leaderRow(Election e, Spikes test, int threads) {
        return leaderRow(e, test, options(threads));
    }

    private static TestResult leaderRow(Election e, Spikes test, BatteryOptions o) {
        TestInput in = new TestInput(e, TestInput.NATIONAL, Variable.option(e, 0));
        return test.run(in, o);
    }

    /**
     * Round trip: 5% of the stations report a coarse fraction; with the package's 1,000 resamples the estimate
     * comes back within a percentage point (injected stations at a share the clean data already crowd are not
     * counted in full, and the clean control below shows the noise of 2,000 stations, each 0.05%), every fraction
     * is among the spikes, and the interval is above 2%.
     */
    @Test
    void coarseSharesInjectedAreEstimatedBack() {
        Election e = withCoarseShares(clean(11), 0.05, 12);
        TestResult r = leaderRow(e, Spikes.withDefaults().withBoots(4), options(2).withReplicates(1000));
        assertTrue(r.applicable(), r.reason());
        double f = (Double) r.details().get("fraud_percent");
        assertTrue(f > 4 && f < 6, "F = " + f);
        @SuppressWarnings("unchecked")
        double mean = (Double) ((Map<String, Object>) r.details().get("conf_int")).get("mean_percent");
        assertEquals(mean / 100, r.value(), 1e-15);
        assertTrue(Math.abs(mean - f) < 1, "draws' mean " + mean + " against F " + f);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> spikes = (List<Map<String, Object>>) r.details().get("spikes");
        for (int[] fr : FRACTIONS) {
            double at = (double) fr[0] / fr[1];
            assertTrue(spikes.stream().anyMatch(s -> Math.abs((Double) s.get("share") - at) <= 0.0011),
                    "no spike at " + fr[0] + "/" + fr[1] + ": " + spikes);
        }
        assertTrue(r.ciLow() <= r.ciHigh() && r.ciLow() > 0.02, r.ciLow() + " " + r.ciHigh());
    }

    /** Clean control: the same elections without the injection give F below half a percent. */
    @Test
    void aCleanElectionGivesAlmostNothing() {
        for (long s = 21; s <= 22; s++) {
            TestResult r = leaderRow(clean(s), Spikes.withDefaults().withBoots(0), options(2).withReplicates(1000));
            double f = (Double) r.details().get("fraud_percent");
            assertTrue(f < 0.5, "clean seed " + s + ": F = " + f);
            assertFalse(r.flag());
        }
    }

    @Test
    void theSameSeedGivesTheSameResultForAnyThreadCount() {
        Election e = withCoarseShares(clean(31), 0.03, 32);
        Spikes t = Spikes.withDefaults().withBoots(2);
        TestResult one = leaderRow(e, t, 1);
        TestResult two = leaderRow(e, t, 2);
        assertEquals(one.value(), two.value());
        assertEquals(one.ciLow(), two.ciLow());
        assertEquals(one.ciHigh(), two.ciHigh());
        assertTrue(same(one.details(), two.details()), one.details() + "\n" + two.details());
    }

    /** Deep equality of details, arrays by content. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return x.size() == y.size() && java.util.stream.IntStream.range(0, x.size())
                    .allMatch(i -> same(x.get(i), y.get(i)));
        }
        return java.util.Objects.deepEquals(a, b);
    }

    @Test
    void itIsNotRunOnTurnoutOrOnFewUnits() {
        Election e = clean(41);
        TestResult turnout = Spikes.withDefaults().run(new TestInput(e, TestInput.NATIONAL, Variable.turnout()),
                options(1));
        assertFalse(turnout.applicable());
        assertTrue(turnout.reason().contains("turnout"), turnout.reason());
        Election few = e.select(java.util.stream.IntStream.range(0, 99).toArray());
        TestResult small = Spikes.withDefaults().run(new TestInput(few, TestInput.NATIONAL, Variable.option(few, 0)),
                options(1));
        assertFalse(small.applicable());
        assertTrue(small.reason().contains("at least 100"), small.reason());
    }

    /** In the battery: one row per option and group, the turnout row not applicable, the curves only nationally. */
    @Test
    void theBatteryRunsItOnEveryOptionNationallyAndPerGroup() {
        Election e = withCoarseShares(clean(51), 0.04, 52);
        Election grouped = Election.builder("grouped").registered(e.registeredColumn()).ballots(e.ballotsColumn())
                .valid(e.validColumn()).invalid(e.invalidColumn()).option("A", e.votesColumn(0))
                .option("B", e.votesColumn(1)).option("C", e.votesColumn(2)).leader(0)
                .grouping(new org.psephos.data.Grouping("half", new String[] {"first", "second"},
                        java.util.stream.IntStream.range(0, e.size()).map(i -> i < e.size() / 2 ? 0 : 1).toArray()))
                .build();
        BatteryResult r = Battery.withDefaults().withTests(List.of(Spikes.withDefaults().withBoots(0)))
                .withLevel("half").run(grouped, BatteryOptions.defaults().withReplicates(100).withThreads(2),
                        Progress.NONE);
        assertEquals(3 * 4, r.results().size()); // national + 2 groups, turnout + 3 options
        for (TestResult t : r.results()) {
            assertEquals(!t.variable().equals("turnout"), t.applicable(), t.toString());
            if (t.applicable()) {
                assertEquals(TestInput.NATIONAL.equals(t.level()), t.details().containsKey("envelope"));
                assertNotNull(t.details().get("turnout_fit"));
            }
        }
    }
}
