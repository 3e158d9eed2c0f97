package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psephos.simulation.Progress;

/**
 * {@code power} scores the same verdict as {@code analyze} when {@link PowerAnalysis#VERDICT} is named: with whole
 * percentages invented in 30% of the stations every election is called anomalous (the integer-percentage test carries
 * it), and the verdict's score is 1 − its smallest Holm-adjusted p-value.
 */
class PowerVerdictTest {
    @Test
    void theVerdictCatchesInventedPercentagesInEveryElection() {
        PowerResult r = PowerAnalysis.of(Simulated.electorate(1_500), new FraudSpec("invented-results", Map.of()),
                        List.of(PowerAnalysis.Axis.parse("fraction=0,0.3")), List.of(PowerAnalysis.VERDICT,
                                "IntegerPercent"))
                .withReplicates(4).withTestReplicates(60).withSeed(2).run(2, Progress.NONE);
        PowerResult.TestPower clean = r.points().get(0).tests().get(0);
        PowerResult.TestPower fraud = r.points().get(1).tests().get(0);
        assertEquals(PowerAnalysis.VERDICT, fraud.test());
        assertEquals(1.0, fraud.flagRate(), "anomalous in every election with 30% invented stations");
        assertEquals(4, fraud.applicable());
        assertTrue(fraud.mean() <= 0.05, "mean adjusted p " + fraud.mean());
        assertTrue(clean.flagRate() <= 0.25, "clean elections called anomalous: " + clean.flagRate());
        assertTrue(clean.mean() > fraud.mean());
        assertEquals(1.0, r.points().get(1).tests().get(1).flagRate(), "IntegerPercent's own rule");
    }
}
