package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.TestRegistry;
import org.psephos.forensics.Variable;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Progress;

class EstimatorsTest {
    @Test
    void estimatorsAreRegisteredAfterTheBatteryButNotInIt() {
        List<String> all = Estimators.registry().ids();
        assertEquals(List.of("KlimekFit", "Shpilkin", "FraudMixture", "Spikes"), all.subList(all.size() - 4,
                all.size()));
        assertFalse(TestRegistry.standard().ids().contains("Shpilkin"));
        assertFalse(TestRegistry.standard().ids().contains("Spikes"));
        assertEquals(TestRegistry.standard().ids(), all.subList(0, all.size() - 4));
    }

    @Test
    void theBatteryRunsThemOncePerGroupOnTheLeader() {
        Election e = Simulated.election(3_000, 8, FraudModel.Klimek.of(0.3, 0.4, 2, 0.03));
        BatteryResult r = Battery.withDefaults().withTests(Estimators.registry().select(List.of("Shpilkin",
                "FraudMixture"))).run(e, BatteryOptions.defaults().withReplicates(20).withThreads(2)
                .withNulls(org.psephos.forensics.NullKind.REFERENCE), Progress.NONE);
        assertEquals(2, r.results().size());
        assertTrue(r.results().stream().allMatch(t -> t.variable().equals("leader") && t.flag()));
    }

    /**
     * Each test's declared evidence ({@link ForensicTest#evidence()}) is what its results carry: a p-value in [0, 1]
     * whenever a {@link ForensicTest.Evidence#P_VALUE} test applies, none for a
     * {@link ForensicTest.Evidence#DISTANCE_FROM_CLEAN} test; the estimators declare
     * {@link ForensicTest.Evidence#VALUE}.
     */
    @Test
    void declaredEvidenceMatchesTheResults() {
        Election e = Simulated.election(2_000, 8);
        BatteryOptions o = BatteryOptions.defaults().withReplicates(20).withThreads(2);
        int applied = 0;
        for (ForensicTest t : Estimators.registry().tests()) {
            if (Estimators.isEstimator(t.id())) {
                assertEquals(ForensicTest.Evidence.VALUE, t.evidence(), t.id());
                continue;
            }
            for (Variable v : List.of(Variable.turnout(), Variable.option(e, 0))) {
                TestResult r = t.run(new TestInput(e, TestInput.NATIONAL, v), o);
                if (!r.applicable()) {
                    continue;
                }
                applied++;
                boolean hasP = r.pValue() >= 0 && r.pValue() <= 1;
                assertEquals(t.evidence() == ForensicTest.Evidence.P_VALUE, hasP, t.id() + " on " + v.name()
                        + ": p = " + r.pValue() + ", declared " + t.evidence());
            }
        }
        assertTrue(applied >= 20, "rows checked: " + applied);
    }
}
