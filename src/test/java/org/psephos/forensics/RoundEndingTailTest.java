package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.forensics.nulls.TailPValue;
import org.psephos.simulation.Progress;

/**
 * C05s and P05s under calibrated nulls test for an excess of round endings only (docs/verdict-method.md, addendum
 * of the third session of 2026-12-07). A small party at about 2% in every unit never rounds to a whole percentage
 * ending in 0 or 5, while the resampling null sends a few of its units to 5% (0% is not counted under Psephos's
 * conventions, addendum 7): a deficit, which a two-sided p-value would reject and the one-sided one must not. A party
 * at 10% everywhere is an excess, which must still be rejected.
 */
class RoundEndingTailTest {
    private static Election election() {
        int n = 2000;
        int[] reg = new int[n];
        int[] bal = new int[n];
        int[] a = new int[n];
        int[] small = new int[n];
        int[] round = new int[n];
        for (int i = 0; i < n; i++) {
            reg[i] = 500 + i % 7;
            bal[i] = 201 + i % 48;
            small[i] = (int) Math.round(0.02 * bal[i]); // 4 or 5 votes: 1.6%-2.5%, whole percentage 2
            round[i] = (int) Math.round(0.10 * bal[i]); // whole percentage 10
            a[i] = bal[i] - small[i] - round[i];
        }
        return Election.builder("round-endings").registered(reg).ballots(bal).option("A", a).option("Small", small)
                .option("Round", round).build();
    }

    private static TestResult row(BatteryResult r, String variable) {
        return r.results().stream().filter(x -> x.id().equals("P05s") && x.variable().equals(variable)
                && x.level().equals(TestInput.NATIONAL)).findFirst().orElseThrow();
    }

    @Test
    void aDeficitOfRoundPercentagesIsNotRejectedAndAnExcessIs() {
        Battery p05s = Battery.withDefaults().withTests(TestRegistry.standard().select(List.of("P05s")));
        BatteryOptions o = BatteryOptions.defaults().withReplicates(200).withSeed(7).withThreads(2);
        BatteryResult calibrated = p05s.run(election(), o, Progress.NONE);
        TestResult small = row(calibrated, "Small");
        assertEquals(0.0, small.value(), "no unit of the small party rounds to a 0/5 ending");
        // above 0: a few units reach 5%; below 0.03: 0% is not counted (counting it gave more than 0.03)
        assertTrue(small.expected() > 0.003 && small.expected() < 0.03, "the null sends a few units to 5% and "
                + "does not count 0%: " + small.expected());
        assertTrue(small.pValue() > 0.5, "a deficit is not an anomaly under the one-sided rule: p = " + small.pValue());
        TestResult round = row(calibrated, "Round");
        assertTrue(round.value() > 0.9, "the 10% party ends in 0 almost everywhere: " + round.value());
        assertTrue(round.pValue() < 0.01, "an excess is rejected: p = " + round.pValue());

        BatteryResult reference = p05s.run(election(), o.withNulls(NullKind.REFERENCE), Progress.NONE);
        assertTrue(row(reference, "Small").pValue() < 1e-10,
                "the reference null keeps EFToolkit's two-sided binomial test against 0.2");
    }

    /**
     * The data's P05s and the calibrated null's come from two code paths ({@link ZeroFivePercents#statistic} and the
     * count null's tally): on units at 0% and 100% (a minor option with 0–2 votes, stations whose turnout is 100%)
     * the calibrated row's value and n must be the test's own, 0% and 100% left out of both.
     */
    @Test
    void theCalibratedRowCountsTheUnitsTheTestCounts() {
        int n = 400;
        int[] reg = new int[n];
        int[] bal = new int[n];
        int[] a = new int[n];
        int[] minor = new int[n];
        for (int i = 0; i < n; i++) {
            reg[i] = 300 + i % 11;
            bal[i] = i % 10 == 0 ? reg[i] : 150 + i % 97; // one station in ten at 100% turnout
            minor[i] = i % 3 == 0 ? 0 : i % 3; // 0, 1 or 2 votes: 0% or 1%
            a[i] = bal[i] - minor[i];
        }
        Election e = Election.builder("boundaries").registered(reg).ballots(bal).option("A", a)
                .option("Minor", minor).build();
        Battery p05s = Battery.withDefaults().withTests(TestRegistry.standard().select(List.of("P05s")));
        BatteryResult r = p05s.run(e, BatteryOptions.defaults().withReplicates(50).withSeed(3).withThreads(2),
                Progress.NONE);
        for (Variable v : List.of(Variable.turnout(), Variable.option(e, 0), Variable.option(e, 1))) {
            double[] props = new TestInput(e, TestInput.NATIONAL, v).proportions();
            int inner = 0;
            for (double q : props) {
                long pct = Math.round(Math.rint(100 * Math.min(q, 1.0)));
                inner += pct > 0 && pct < 100 ? 1 : 0;
            }
            TestResult row = row(r, v.name());
            if (inner < 50) {
                assertTrue(!row.applicable(), v.name() + ": " + inner + " inner percentages");
                continue;
            }
            assertEquals(ZeroFivePercents.withDefaults().statistic(props), row.value(), 1e-15, v.name());
            assertEquals(inner, row.n(), v.name());
            assertTrue(row.pValue() >= 0 && row.pValue() <= 1, v.name());
        }
        assertEquals(360, row(r, "turnout").n(), "the 40 stations at 100% are left out");
    }

    @Test
    void theRoundEndingTestsAreUpperTailedTheDigitMeansTwoSided() {
        assertEquals(TailPValue.Direction.UPPER, CalibratedNulls.direction(ZeroFivePercents.withDefaults()));
        assertEquals(TailPValue.Direction.UPPER, CalibratedNulls.direction(TestRegistry.standard().get("C05s")));
        assertEquals(TailPValue.Direction.TWO_SIDED, CalibratedNulls.direction(TestRegistry.standard().get("LastC")));
        assertEquals(TailPValue.Direction.TWO_SIDED, CalibratedNulls.direction(TestRegistry.standard().get("2BL")));
    }
}
