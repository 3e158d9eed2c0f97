package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.data.UnitFilter;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import tech.tablesaw.api.Table;

class BatteryTest {
    /** Seed of the synthetic elections. */
    private static final long SEED = 77L;

    /**
     * A synthetic election: n units, 3 options, 2 regions (the second with only 8 units, too few for any test),
     * plus 2 units that the standard filter drops (ballots above registered, zero ballots).
     */
    static Election synthetic(int n) {
        UniformRandomProvider rng = RandomStreams.seeded(SEED).stream(1);
        int m = n + 2;
        int[] reg = new int[m];
        int[] bal = new int[m];
        int[][] v = new int[3][m];
        String[] region = new String[m];
        for (int i = 0; i < n; i++) {
            reg[i] = 300 + rng.nextInt(1500);
            bal[i] = (int) (reg[i] * (0.4 + 0.4 * rng.nextDouble()));
            int a = (int) (bal[i] * (0.3 + 0.3 * rng.nextDouble()));
            int b = (int) ((bal[i] - a) * rng.nextDouble());
            v[0][i] = a;
            v[1][i] = b;
            v[2][i] = bal[i] - a - b;
            region[i] = i < n - 8 ? "North" : "South";
        }
        reg[n] = 100;
        bal[n] = 120;
        reg[n + 1] = 100;
        region[n] = "North";
        region[n + 1] = "North";
        return Election.builder("synthetic").registered(reg).ballots(bal).option("A", v[0]).option("B", v[1])
                .option("C", v[2]).grouping(Grouping.ofLabels("region", region)).build();
    }

    @Test
    void perGroupIntegerRowsCarryKobaksRegionalScreenUnderBothNulls() {
        Election e = synthetic(400);
        Battery battery = Battery.withDefaults().withTests(TestRegistry.standard().select(List.of("IntegerPercent")))
                .withLevel("region");
        // the screen by hand on the kept units (the battery's filter drops the two bad ones), North in label order
        Election kept = UnitFilter.standard().apply(e).election();
        List<KobakRegionalScreen.Line> lines = KobakRegionalScreen.screen(kept, kept.grouping("region").orElseThrow(),
                0);
        assertTrue(lines.get(0).stations() > 300 && lines.get(0).integerBins() + lines.get(0).halfIntegerBins() > 0,
                "the screen counts something");
        for (NullKind kind : NullKind.values()) {
            BatteryOptions o = BatteryOptions.defaults().withReplicates(40).withSeed(3).withNulls(kind);
            BatteryResult r = battery.run(e, o, Progress.NONE);
            for (TestResult row : r.results()) {
                Object screen = row.details().get("regional_screen");
                if (row.level().equals(TestInput.NATIONAL)) {
                    assertEquals(null, screen, "the national row has no regional screen");
                    continue;
                }
                if (!row.applicable()) {
                    continue;
                }
                KobakRegionalScreen.Line line = lines.stream().filter(l -> l.level().equals(row.level()))
                        .findFirst().orElseThrow();
                assertEquals(Map.of("stations", (long) line.stations(), "integer_bins", line.integerBins(),
                        "half_integer_bins", line.halfIntegerBins(), "anomaly", line.anomaly()), screen,
                        kind + " " + row.level());
            }
        }
    }

    @Test
    void benjaminiHochbergMatchesPAdjust() {
        // Rscript -e 'print(p.adjust(c(0.01,0.04,0.03,0.2,NA,0.005,0.5), "BH"), digits=17)'
        double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.2, Double.NaN, 0.005,
            0.5});
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.24, Double.NaN, 0.03, 0.5}, q, 1e-15);
    }

    /**
     * Only valid p-values (numbers in [0, 1]) enter the set and count in m: an infinite, negative or too large
     * "p-value" gets NaN like a missing one. Before, only NaN was left out (m = 5 here instead of 2).
     */
    @Test
    void invalidPValuesStayOutOfTheBenjaminiHochbergSet() {
        // Rscript -e 'print(p.adjust(c(0.01, NA, NA, NA, NA, 0.04), "BH"))' -> 0.02 NA NA NA NA 0.04
        double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.01, Double.NaN, Double.POSITIVE_INFINITY,
            -0.1, 1.5, 0.04});
        assertArrayEquals(new double[] {0.02, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.04}, q, 1e-15);
    }

    @Test
    void progressAdvancesWhileTheWorkRunsAndEndsAtTheTotal() {
        Election e = synthetic(400);
        List<long[]> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Progress recording = (done, total) -> seen.add(new long[] {done, total});
        BatteryOptions o = BatteryOptions.defaults().withReplicates(60).withSeed(5).withThreads(2);
        Battery.withDefaults().run(e, o, recording);
        assertFalse(seen.isEmpty(), "no progress at all");
        long total = seen.get(0)[1];
        long before = seen.stream().filter(u -> u[0] < total).mapToLong(u -> u[0]).distinct().count();
        assertTrue(before > 1, "progress jumps to the end: " + before + " distinct values before completion");
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(total, seen.get(i)[1], "the total changes");
            assertTrue(i == 0 || seen.get(i)[0] > seen.get(i - 1)[0], "progress goes backwards or repeats");
        }
        assertEquals(total, seen.get(seen.size() - 1)[0], "progress does not end at the total");
    }

    @Test
    void aTestRunAloneGetsTheSameIntervalAsInTheSharedResampleOfTheBattery() {
        Election e = synthetic(400);
        BatteryOptions o = BatteryOptions.defaults().withReplicates(60).withSeed(5).withThreads(2)
                .withNulls(NullKind.REFERENCE);
        BatteryResult all = Battery.withDefaults().run(e, o, Progress.NONE);
        Election kept = org.psephos.data.UnitFilter.standard().apply(e).election();
        int checked = 0;
        for (TestResult r : all.results()) {
            ForensicTest t = TestRegistry.standard().get(r.id());
            if (!(t instanceof Plan.Source) || !r.applicable()) {
                continue;
            }
            Variable v = r.variable().equals("turnout") ? Variable.turnout()
                    : Variable.option(kept, kept.optionIndex(r.variable()));
            TestResult alone = t.run(new TestInput(kept, TestInput.NATIONAL, v), o.withThreads(1));
            assertEquals(r.withQValue(Double.NaN), alone, r.id() + " on " + r.variable());
            checked++;
        }
        assertEquals(4 * 10 + 3 * 2, checked, "10 bootstrapped tests per variable, 2 more per option");
    }

    @Test
    void runsEveryTestPerGroupAndVariableIdenticallyForAnyThreadCount() {
        Election e = synthetic(400);
        BatteryOptions o = BatteryOptions.defaults().withReplicates(60).withSeed(5);
        Battery battery = Battery.withDefaults().withLevel("region");
        BatteryResult one = battery.run(e, o.withThreads(1), Progress.NONE);
        BatteryResult two = battery.run(e, o.withThreads(2), Progress.NONE);
        assertEquals(one.results(), two.results());

        long joint = TestRegistry.standard().tests().stream()
                .filter(t -> t.scope() == ForensicTest.Scope.LEADER_AND_TURNOUT).count();
        long perVariable = TestRegistry.standard().tests().size() - joint;
        assertEquals(1, joint, "IntegerPercent looks at turnout and the leader together");
        assertEquals(3 * (4 * perVariable + joint), one.results().size(),
                "3 groups x ((turnout + 3 options) x per-variable tests + joint tests)");
        assertEquals(400, one.filter().kept());
        assertEquals(Map.of("ballots exceed registered", 1, "zero ballots", 1), one.filter().droppedByLabel());
        assertEquals(400, one.summary().units());
        TestResult first = one.results().get(0);
        assertEquals(List.of("2BL", "turnout", "national"), List.of(first.id(), first.variable(), first.level()));
        assertTrue(one.results().stream().filter(r -> r.level().equals("South"))
                .noneMatch(TestResult::applicable), "8 units: nothing applies");
        for (TestResult r : one.results()) {
            if (r.applicable()) {
                assertTrue(Double.isFinite(r.value()), r.toString());
                for (double x : new double[] {r.expected(), r.ciLow(), r.ciHigh(), r.pValue(), r.qValue()}) {
                    assertFalse(Double.isInfinite(x), r.toString());
                }
                // descriptive rows keep their p-value and stay outside the q-values
                assertEquals(Double.isNaN(r.pValue()) || !CalibratedNulls.eligible(r), Double.isNaN(r.qValue()),
                        r.toString());
                assertTrue(Double.isNaN(r.qValue()) || r.qValue() >= r.pValue(), r.toString());
            } else {
                assertFalse(r.reason().isEmpty());
                assertFalse(r.flag());
            }
        }
        Table t = one.toTable();
        assertEquals(one.results().size(), t.rowCount());
        assertEquals("q_value", t.column(8).name());
    }

    @Test
    void chosenTestsAndOptionsAndUnknownNames() {
        Election e = synthetic(200);
        BatteryOptions o = BatteryOptions.defaults().withReplicates(20).withThreads(1);
        List<Long> seen = new java.util.ArrayList<>();
        List<Long> totals = new java.util.ArrayList<>();
        BatteryResult r = Battery.withDefaults().withTests(TestRegistry.standard().select(List.of("Kurt", "2BL")))
                .withOptions(List.of("B")).withLevel("region").run(e, o, (done, total) -> {
                    totals.add(total);
                    seen.add(done);
                });
        assertFalse(seen.isEmpty());
        long total = totals.get(0);
        assertTrue(totals.stream().allMatch(x -> x == total), "one total, the work items: " + totals);
        assertEquals(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList(), seen,
                "one update per work item, in order on one thread");
        r = Battery.withDefaults().withTests(TestRegistry.standard().select(List.of("Kurt", "2BL")))
                .withOptions(List.of("B")).run(e, o, Progress.NONE);
        assertEquals(List.of("2BL/turnout", "Kurt/turnout", "2BL/B", "Kurt/B"),
                r.results().stream().map(x -> x.id() + "/" + x.variable()).toList());
        assertThrows(IllegalArgumentException.class, () -> TestRegistry.standard().get("2bl"));
        assertThrows(IllegalArgumentException.class,
                () -> Battery.withDefaults().withLevel("province").run(e, o, Progress.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> Battery.withDefaults().withOptions(List.of("Z")).run(e, o, Progress.NONE));
    }

    @Test
    void registryHasTheIdsOfIssueFour() {
        assertEquals(List.of("2BL", "2BLChi2", "LastC", "LastDigitChi2", "C05s", "P05s", "Repeats", "Adjacent",
                "Distant", "Skew", "Kurt", "DipT", "Correlation", "Sobyanin", "LogVoteKurtosis", "IntegerPercent"),
                TestRegistry.standard().ids());
    }
}
