package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.NullCalibration;
import org.psephos.forensics.NullSettings;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Verdict;
import org.psephos.simulation.Progress;

/**
 * {@link Calibration}: the rates, intervals and labels it derives from known outcomes, and a small end-to-end study
 * whose answers are known in advance: invented whole percentages in 20% of the stations must be caught by the
 * integer-percentage test and by the verdict in every election, and the count tests' verdict must stay quiet on
 * clean elections. The slow study with K ≥ 200 is in {@code docs/calibration.md}.
 */
class CalibrationTest {
    private static final List<String> COUNT_TESTS = List.of("2BL", "2BLChi2", "LastC", "LastDigitChi2", "C05s",
            "P05s", "Repeats", "Adjacent", "Distant", "IntegerPercent");

    @Test
    void labelsFollowTheOneSidedBinomialRuleWithBonferroni() {
        int k = 20;
        Calibration c = Calibration.of(List.of(CalibrationScenarios.clean("homogeneous", 500),
                CalibrationScenarios.fraud("invented-percent", "homogeneous", 500)), List.of("2BL", "P05s"))
                .withElections(k);
        List<Calibration.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Map<String, Double> p = new LinkedHashMap<>();
            for (String v : Calibration.VARIABLES) {
                p.put("2BL/" + v, v.equals("leader") && i < 6 ? 0.01 : 0.5);   // 6/20 on the leader: descriptive
                p.put("P05s/" + v, i < 2 ? 0.04 : 0.3);                          // 2/20: not significant
            }
            outcomes.add(new Calibration.Outcome(p, i < 1 ? Verdict.Answer.ANOMALOUS : Verdict.Answer.NO_ANOMALY));
        }
        for (int i = 0; i < k; i++) {
            Map<String, Double> p = new LinkedHashMap<>();
            for (String v : Calibration.VARIABLES) {
                p.put("2BL/" + v, 0.5);
                p.put("P05s/" + v, i < 3 ? 0.01 : 0.6);                          // 3/20 against its own fraud
            }
            outcomes.add(new Calibration.Outcome(p, Verdict.Answer.ANOMALOUS));
        }
        CalibrationResult r = c.reduce(outcomes);
        BinomialRate leader = r.rate("homogeneous", "2BL", "leader").orElseThrow().rate();
        assertEquals(6, leader.events());
        assertEquals(20, leader.trials());
        // P(X >= 6) for Binomial(20, 0.05) = 2.6e-4 < 0.05/3 (three variables in one clean scenario)
        assertEquals(BinomialRate.upperTail(6, 20, 0.05), leader.pAbove(), 1e-15);
        List<CalibrationResult.Label> labels = r.labels();
        assertEquals(2, labels.size(), labels.toString());
        assertEquals(new CalibrationResult.Label("2BL", "leader", "descriptive", labels.get(0).reason()),
                labels.get(0));
        assertTrue(labels.get(0).reason().contains("6/20 = 0.300"), labels.get(0).reason());
        // Bonferroni over the test's own three clean rates (addendum 8's rule over every rate was reverted)
        assertTrue(labels.get(0).reason().endsWith("< 0.05/3"), labels.get(0).reason());
        // P05s: 3/20 at best, P(X >= 3) = 0.075 is not below 0.05/3: no power
        assertEquals("P05s", labels.get(1).test());
        assertEquals("no-power", labels.get(1).label());
        assertEquals(1, r.rate("homogeneous", CalibrationResult.VERDICT, CalibrationResult.APPLIED).orElseThrow().rate().events());
        assertEquals(20, r.rate("invented-percent", CalibrationResult.VERDICT, CalibrationResult.APPLIED).orElseThrow().rate().events());
        // the verdict under the measured labels leaves the descriptive row out of Holm's family
        Calibration.Outcome o = new Calibration.Outcome(Map.of(), Verdict.Answer.ANOMALOUS, List.of(
                new Calibration.Row("2BL", "leader", NullCalibration.Role.LEADER, 0.001),
                new Calibration.Row("P05s", "turnout", NullCalibration.Role.TURNOUT, 0.3)));
        assertTrue(Calibration.verdict(o, NullCalibration.none()).anomalous(), "0.001 <= 0.05/2");
        assertEquals(Verdict.Answer.NO_ANOMALY, Calibration.verdict(o, r.labelTable("x")).answer());
        assertEquals(1, Calibration.verdict(o, r.labelTable("x")).family().size());
        NullCalibration table = r.labelTable("test");
        assertEquals(NullCalibration.Label.DESCRIPTIVE, table.of("2BL", NullCalibration.Role.LEADER).label());
        assertEquals(NullCalibration.Label.CALIBRATED, table.of("2BL", NullCalibration.Role.TURNOUT).label());
        assertEquals(NullCalibration.Label.NO_POWER, table.of("P05s", NullCalibration.Role.OTHER).label());
    }

    @Test
    void inventedPercentagesAreCaughtAndCleanElectionsAreNotCalledAnomalous() {
        Calibration c = Calibration.of(List.of(CalibrationScenarios.clean("homogeneous", 2000),
                        CalibrationScenarios.fraud("invented-results:fraction=0.2", "homogeneous", 2000)), COUNT_TESTS)
                .withElections(8).withReplicates(60).withSeed(3)
                .withNulls(NullSettings.defaults().withCalibration(NullCalibration.none()));
        CalibrationResult one = c.run(1, Progress.NONE);
        CalibrationResult two = c.run(2, Progress.NONE);
        assertEquals(one, two, "the same result for any thread count");
        BinomialRate integer = one.rate("invented-results:fraction=0.2", "IntegerPercent", "leader").orElseThrow()
                .rate();
        assertEquals(8, integer.events(), "the integer-percentage test catches 20% invented stations every time");
        assertEquals(8, one.rate("invented-results:fraction=0.2", CalibrationResult.VERDICT, CalibrationResult.APPLIED).orElseThrow()
                .rate().events());
        BinomialRate clean = one.rate("homogeneous", CalibrationResult.VERDICT, CalibrationResult.APPLIED).orElseThrow().rate();
        assertEquals(8, clean.trials());
        // at a family-wise 5%, 3 or more anomalous verdicts of 8 would have probability 0.006
        assertTrue(clean.events() <= 2, "clean verdicts called anomalous: " + clean.events());
        assertTrue(one.scenarios().get(1).targets().contains("IntegerPercent"));
        assertEquals("fraud", one.scenarios().get(1).kind());
    }

    /**
     * "other" is every option but the leader, scored by the Bonferroni-adjusted smallest of their national p-values
     * (docs/verdict-method.md, addendum 9): recomputed here from the same battery run by hand.
     */
    @Test
    void otherIsEveryOptionButTheLeaderBonferroniAdjusted() {
        CalibrationScenario sc = CalibrationScenarios.clean("homogeneous", 1000);
        Calibration c = Calibration.of(List.of(sc), List.of("P05s", "LastC", "2BL")).withElections(1)
                .withReplicates(40).withSeed(5);
        Calibration.Outcome o = c.outcome(0, 0);
        long seed = c.seedOf(0, 0);
        Election e = sc.election(seed);
        BatteryResult r = Battery.withDefaults().withTests(c.tests()).run(e, c.options().withSeed(seed)
                .withThreads(1), Progress.NONE);
        int uncapped = 0;
        for (String id : List.of("P05s", "LastC", "2BL")) {
            double min = 1;
            int m = 0;
            List<Double> single = new ArrayList<>();
            for (TestResult t : r.results()) {
                if (t.id().equals(id) && TestInput.NATIONAL.equals(t.level()) && t.applicable()
                        && !t.variable().equals("turnout") && !t.variable().equals(e.leaderName())) {
                    min = Math.min(min, t.pValue());
                    m++;
                    single.add(t.pValue());
                }
            }
            assertEquals(3, m, id + ": the three options but the leader");
            double other = o.p().get(id + "/other");
            assertEquals(Math.min(1, m * min), other, 0.0, id);
            if (m * min < 1) {
                uncapped++;
                assertTrue(!single.contains(other), id + ": not one option's own p-value (the runner-up's, before)");
            }
        }
        assertTrue(uncapped > 0, "at least one score below the cap, so the test tells the two scorings apart");
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(List.of(), List.of("2BL")));
        assertThrows(IllegalArgumentException.class, () -> CalibrationScenarios.clean("nowhere", 100));
        assertThrows(IllegalArgumentException.class, () -> CalibrationScenarios.fraud("klimek:incremental=0",
                "regions", 100), "a fraud that changes nothing");
        assertThrows(IllegalArgumentException.class, () -> CalibrationScenarios.fraud("klimek:nonsense=1",
                "regions", 100));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(List.of(
                CalibrationScenarios.clean("size", 100), CalibrationScenarios.clean("size", 100)), List.of("2BL")));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(List.of(
                CalibrationScenarios.clean("size", 100)), List.of("NoSuchTest")));
    }
}
