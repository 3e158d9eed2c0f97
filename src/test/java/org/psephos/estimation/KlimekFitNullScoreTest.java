package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.UnitFilter;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.NullSettings;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Variable;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Heterogeneity;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;

/**
 * KlimekFit's calibrated null score ({@link KlimekFitNullScore}): the size adjustment itself, and the calibrated
 * p-value on a clean election whose station sizes are as spread as Russia's (ln N sd 1.05) with both size slopes
 * negative, on 20 regions, and on the same election with Klimek et al.'s incremental fraud (f_i = 0.3). The study
 * behind the choice (false-positive rates and power over many seeds, every scenario) is
 * {@code org.psephos.forensics.KlimekNullStudy}, by hand; its tables are in docs/calibration.md.
 */
class KlimekFitNullScoreTest {
    private static final int UNITS = 3_000;
    private static final double SLOPE_T = -0.43;
    private static final double SLOPE_L = -0.36;

    /** Clean: 20 regions (logit sd 0.45), logit-normal turnout and support, both tied to station size. */
    static ElectorateModel sizeTied(int units) {
        return new ElectorateModel(units, new SizeDistribution.LogNormal(6.6, 1.05), 20, 0.45, 0.45,
                new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.6, 0.45),
                new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.45, 0.4), 4,
                ElectorateModel.DEFAULT_CONCENTRATION, 0.01, Heterogeneity.NONE.withSizeEffect(SLOPE_T, SLOPE_L));
    }

    private static Election election(ElectorateModel m, long seed, FraudModel... frauds) {
        return UnitFilter.standard().apply(Simulated.election(m, seed, frauds)).election();
    }

    @Test
    void withoutSlopesTheAdjustedElectionHasTheSameCounts() {
        Election e = election(sizeTied(2_000), 3);
        Election a = KlimekFitNullScore.adjusted(e, new double[] {0, 0});
        assertArrayEquals(e.registeredColumn(), a.registeredColumn());
        assertArrayEquals(e.ballotsColumn(), a.ballotsColumn());
        assertArrayEquals(e.votesColumn(e.leader()), a.votesColumn(a.leader()));
        int[] base = e.shareDenominatorColumn();
        int[] adjusted = a.shareDenominatorColumn();
        for (int i = 0; i < e.size(); i++) {
            // the base is rebuilt as round(ρ·B) from ρ = S/B: the same count
            assertEquals(base[i], adjusted[i], "unit " + i);
        }
    }

    @Test
    void theSlopesAreRecoveredAndTakenOut() {
        Election e = election(sizeTied(20_000), 5);
        double[] b = KlimekFitNullScore.slopes(e);
        assertEquals(SLOPE_T, b[0], 0.06, "turnout slope");
        assertEquals(SLOPE_L, b[1], 0.06, "leader slope");
        double[] after = KlimekFitNullScore.slopes(KlimekFitNullScore.adjusted(e, b));
        assertEquals(0, after[0], 0.03, "turnout slope after");
        assertEquals(0, after[1], 0.03, "leader slope after");
    }

    @Test
    void theProbeReportsTheScoreAndTheRowKeepsItsValue() {
        Election e = election(sizeTied(UNITS), 7);
        KlimekFit k = KlimekFit.withDefaults();
        BatteryOptions o = BatteryOptions.defaults().withReplicates(1).withThreads(1).withSeed(1);
        TestInput in = new TestInput(e, TestInput.NATIONAL, Variable.option(e, e.leader()));
        TestResult probe = k.nullProbe().run(in, o);
        Object score = probe.details().get(KlimekFitNullScore.SCORE);
        assertTrue(score instanceof Double s && s >= 0 && s <= 1, String.valueOf(score));
        assertEquals((Double) score, k.nullScore(probe));
        TestResult row = k.run(in, o);
        assertTrue(!row.details().containsKey(KlimekFitNullScore.SCORE), "the row's own fit has no null score");
        assertEquals(row.value(), k.nullScore(row));
    }

    /**
     * The calibrated p-value on a clean size-tied election (no rejection) and with incremental fraud in 30% of the
     * stations (θ = 0.4, α = 2, no extreme fraud: rejection), 19 refitted twins each.
     */
    @Test
    void calibratedPValueKeepsCleanAndDetectsIncrementalFraud() {
        BatteryOptions o = BatteryOptions.defaults().withReplicates(100).withThreads(2).withSeed(3)
                .withNulls(NullSettings.defaults().withFits(19));
        Battery b = Battery.withDefaults().withTests(Estimators.registry().select(List.of(KlimekFit.ID)));
        Map<String, Double> p = new java.util.LinkedHashMap<>();
        p.put("clean", national(b.run(election(sizeTied(UNITS), 21), o, org.psephos.simulation.Progress.NONE))
                .pValue());
        p.put("fraud", national(b.run(election(sizeTied(UNITS), 21, FraudModel.Klimek.of(0.3, 0.4, 2, 0)), o,
                org.psephos.simulation.Progress.NONE)).pValue());
        System.out.println("KlimekFit calibrated p-values, size-tied election of " + UNITS + " stations: " + p);
        assertTrue(p.get("clean") > 0.05, p.toString());
        assertTrue(p.get("fraud") <= 0.05, p.toString());
    }

    private static TestResult national(BatteryResult r) {
        return r.results().stream().filter(t -> t.id().equals(KlimekFit.ID) && t.level().equals(TestInput.NATIONAL))
                .findFirst().orElseThrow();
    }
}
