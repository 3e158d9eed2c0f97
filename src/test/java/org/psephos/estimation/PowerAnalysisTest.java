package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psephos.simulation.Progress;

/**
 * {@link PowerAnalysis} on 2,000-unit electorates, 40 replicates. On the clean point the calibrated detection
 * rate is at most α by construction of the threshold (the ⌈(1 − α)m⌉-th clean score, ties not counted) and the
 * clean point's replicates are the calibration replicates themselves (paired seeds), so it is ≤ 0.05 exactly;
 * at f_i = 0.2 a Klimek fraud moves ~10% of the leader's votes and both estimators detect every replicate.
 */
class PowerAnalysisTest {
    private static PowerAnalysis analysis() {
        return PowerAnalysis.of(Simulated.electorate(2_000), new FraudSpec("klimek", Map.of("extreme", 0.0)),
                List.of(PowerAnalysis.Axis.parse("incremental=0:0.2:3")), List.of("Shpilkin", "FraudMixture",
                    "Sobyanin")).withReplicates(40).withSeed(3).withTestReplicates(2);
    }

    @Test
    void calibratedPowerIsAlphaOnCleanDataAndRisesWithIntensity() {
        PowerResult r = analysis().run(2, Progress.NONE);
        assertEquals(3, r.points().size());
        for (int t = 0; t < 3; t++) {
            double clean = r.points().get(0).tests().get(t).power();
            assertTrue(clean <= 0.05, r.tests().get(t) + " clean power " + clean);
            double mid = r.points().get(1).tests().get(t).power();
            double high = r.points().get(2).tests().get(t).power();
            assertTrue(high >= mid && high > 0.9, r.tests().get(t) + " power " + mid + " -> " + high);
        }
        PowerResult.TestPower shp = r.points().get(2).tests().get(0);
        assertEquals("Shpilkin", shp.test());
        assertTrue(Math.abs(shp.bias()) < 0.25 * shp.truth(), "Shpilkin bias " + shp.bias() + " of " + shp.truth());
    }

    @Test
    void tasksReduceToTheSameResultInAnyOrderAndThreadCount() {
        PowerAnalysis a = analysis().withReplicates(6);
        List<PowerSummary> s = new ArrayList<>();
        for (PowerTask t : a.tasks()) {
            s.add(t.run());
        }
        Collections.reverse(s);
        assertEquals(a.run(1, Progress.NONE), a.reduce(s));
        assertEquals(a.run(1, Progress.NONE).toString(), a.run(2, Progress.NONE).toString());
    }

    @Test
    void rejectsUnknownParametersAndGrids() {
        assertThrows(IllegalArgumentException.class, () -> new FraudSpec("klimek", Map.of("share", 0.1)));
        assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.Axis.parse("incremental"));
        assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.of(Simulated.electorate(100),
                new FraudSpec("klimek", Map.of()), List.of(PowerAnalysis.Axis.parse("incremental=0:2:3")),
                List.of("Shpilkin")));
    }
}
