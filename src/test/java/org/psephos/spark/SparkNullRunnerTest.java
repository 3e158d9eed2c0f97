package org.psephos.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.IntegerPercentResult;
import org.psephos.forensics.IntegerPercentTest;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.RandomStreams;

class SparkNullRunnerTest {
    @Test
    void sparkLocalTwoGivesTheLocalNullExactly() {
        int n = 3000;
        int[] reg = new int[n];
        int[] bal = new int[n];
        int[] den = new int[n];
        int[] lead = new int[n];
        UniformRandomProvider rng = RandomStreams.seeded(11).stream(1);
        for (int i = 0; i < n; i++) {
            reg[i] = 100 + rng.nextInt(2000);
            bal[i] = BinomialSampler.sample(rng, reg[i], 0.6);
            den[i] = bal[i];
            lead[i] = BinomialSampler.sample(rng, den[i], 0.55);
        }
        BatteryOptions opts = BatteryOptions.defaults().withReplicates(203).withSeed(5).withThreads(2);
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("test").set("spark.ui.enabled", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            for (IntegerPercentTest t : new IntegerPercentTest[] {IntegerPercentTest.withDefaults(),
                IntegerPercentTest.withDefaults().with(IntegerPercentTest.NullMethod.COUNTS).withPeriod(5)}) {
                IntegerPercentResult local = t.test(reg, bal, den, lead, opts);
                IntegerPercentResult spark = SparkNullRunner.run(t.nullSpec(reg, bal, den, lead, opts), sc);
                assertEquals(local.includedUnits(), spark.includedUnits());
                assertEquals(local.turnoutInteger(), spark.turnoutInteger());
                assertEquals(local.leaderInteger(), spark.leaderInteger());
                assertEquals(local.replicates(), spark.replicates());
                for (int v = 0; v < 3; v++) {
                    assertArrayEquals(local.statistics()[v], spark.statistics()[v], "variant " + v);
                }
            }
        }
    }
}
