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
 * {@link PowerAnalysis} on 2,000-unit electorates, 40 replicates. The threshold is the ⌈(1 − α)m⌉-th smallest
 * clean score and the clean point's replicates are the calibration replicates themselves (paired seeds), so without
 * ties among the top scores the clean detection rate is exactly (m − ⌈(1 − α)m⌉)/m = 2/40 = 0.05;
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
            // the threshold is the ⌈0.95·40⌉ = 38th smallest of the 40 clean scores and detection is score >
            // threshold, so with all 40 applicable and no tie at the top exactly the 39th and 40th exceed it: 2/40.
            // A threshold one rank off (37th or 39th) gives 0.075 or 0.025; >= instead of > gives 0.075.
            PowerResult.TestPower cp = r.points().get(0).tests().get(t);
            assertEquals(40, cp.applicable(), r.tests().get(t) + " applicable");
            assertEquals(2.0 / 40, cp.power(), 0, r.tests().get(t) + " clean power");
            double mid = r.points().get(1).tests().get(t).power();
            double high = r.points().get(2).tests().get(t).power();
            assertTrue(high >= mid && high > 0.9, r.tests().get(t) + " power " + mid + " -> " + high);
        }
        PowerResult.TestPower shp = r.points().get(2).tests().get(0);
        assertEquals("Shpilkin", shp.test());
        assertTrue(Math.abs(shp.bias()) < 0.25 * shp.truth(), "Shpilkin bias " + shp.bias() + " of " + shp.truth());
    }

    /**
     * {@code power --conventions}: the tests follow the tool's definitions on every simulated election. Sobyanin
     * under EFToolkit's is the slope minus the mean share with its 1.645 flag; under Psephos's the slope, which
     * never flags; the result says which.
     */
    @Test
    void theTestsFollowTheConventionsOnEverySimulatedElection() {
        PowerAnalysis a = PowerAnalysis.of(Simulated.electorate(2_000), new FraudSpec("klimek", Map.of("extreme",
                0.0)), List.of(PowerAnalysis.Axis.parse("incremental=0:0.2:2")), List.of("Sobyanin"))
                .withReplicates(10).withSeed(3).withTestReplicates(2);
        PowerResult own = a.run(1, Progress.NONE);
        PowerResult eft = a.withConventions(org.psephos.forensics.Conventions.EFTOOLKIT).run(1, Progress.NONE);
        assertEquals("psephos", own.conventions());
        assertEquals("eftoolkit", eft.conventions());
        PowerResult.TestPower o = own.points().get(0).tests().get(0);
        PowerResult.TestPower e = eft.points().get(0).tests().get(0);
        assertEquals(0.0, o.flagRate(), "the slope has no flag rule");
        // EFToolkit's value is the same slope minus the mean share (about 0.55 in this electorate)
        assertEquals(o.mean() - 0.55, e.mean(), 0.02);
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

    /**
     * How a test is scored is its declared {@link org.psephos.forensics.ForensicTest#evidence()}, not a guess from
     * the scores of a block: on 60-unit electorates 2BL (a p-value test, scored 1 − p) lacks its 50 two-digit counts
     * in some replicates. With one replicate per task some tasks then hold no applicable 2BL row; the guess that
     * replaced the scores of every task by their distance from the clean median as soon as one task looked like
     * that gave another result with block size 1 than with one block of 40 (run against the old code: threshold
     * 3.84, a distance of 1 − p from the clean median of the 2BL means, instead of 0.996); now the block size
     * changes nothing.
     */
    @Test
    void scoringDoesNotDependOnBlocksWhereATestNeverApplied() {
        org.psephos.simulation.ElectorateModel small = org.psephos.simulation.ElectorateModel.of(60,
                new org.psephos.simulation.SizeDistribution.Uniform(20, 50),
                org.psephos.simulation.ProportionDistribution.normal(0.7, 0.1),
                org.psephos.simulation.ProportionDistribution.normal(0.6, 0.1));
        PowerAnalysis a = PowerAnalysis.of(small, new FraudSpec("klimek", Map.of("extreme", 0.0)),
                List.of(PowerAnalysis.Axis.parse("incremental=0,0.3")), List.of("2BL")).withReplicates(40)
                .withSeed(5).withTestReplicates(2);
        PowerResult oneByOne = a.run(1, 1, Progress.NONE);
        int applicable = oneByOne.points().get(0).tests().get(0).applicable();
        assertTrue(applicable > 10 && applicable < 40, "2BL applies in some replicates only: " + applicable);
        assertEquals(a.run(1, 40, Progress.NONE), oneByOne);
        double threshold = oneByOne.thresholds().get(0);
        assertTrue(threshold > 0.5 && threshold <= 1, "threshold on the 1 - p scale: " + threshold);
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
