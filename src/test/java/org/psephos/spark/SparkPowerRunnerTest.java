package org.psephos.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.psephos.estimation.FraudSpec;
import org.psephos.estimation.PowerAnalysis;
import org.psephos.estimation.PowerResult;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;

class SparkPowerRunnerTest {
    @Test
    void sparkLocalTwoGivesTheLocalResultForAnyBlockSize() {
        PowerAnalysis a = PowerAnalysis.of(
                ElectorateModel.of(1000, new SizeDistribution.Uniform(500, 1500),
                        ProportionDistribution.normal(0.5, 0.1), ProportionDistribution.normal(0.55, 0.08)),
                new FraudSpec("ballot-stuffing", java.util.Map.of()),
                List.of(PowerAnalysis.Axis.parse("fraction=0,0.2"), PowerAnalysis.Axis.parse("share=0.3,0.6")),
                List.of("Sobyanin", "Correlation")).withReplicates(8).withSeed(7).withTestReplicates(2);
        PowerResult local = a.run(2, Progress.NONE);
        assertTrue(SparkPowerRunner.available());
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("test").set("spark.ui.enabled", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            assertEquals(local, SparkPowerRunner.run(a, sc, 3), "blocks of 3 (ragged last block)");
            assertEquals(local, SparkPowerRunner.run(a, sc, 25), "one block per point");
        }
    }
}
