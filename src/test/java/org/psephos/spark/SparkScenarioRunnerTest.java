package org.psephos.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.scenarios.ScenarioFiles;
import org.psephos.scenarios.ScenarioJson;
import org.psephos.scenarios.ScenarioResult;
import org.psephos.scenarios.ScenarioRunner;
import org.psephos.scenarios.ScenarioRunnerTest;
import org.psephos.scenarios.ScenarioSpec;
import org.psephos.simulation.Progress;

class SparkScenarioRunnerTest {
    /**
     * Every part of a scenario, small: two clean shares, a minimal-fraud bisection (rounds of one step per search),
     * a solved share, clean turnout (a second simulation per task), detection power and observers.
     */
    static final String SCENARIO = ScenarioRunnerTest.ROUNDS.replace("\"solve\":",
            "\"power\": {\"tests\": [\"Sobyanin\"], \"alpha\": 0.1, \"testReplicates\": 2}, "
                    + "\"observer\": {\"inflations\": [2], \"trials\": 50}, \"solve\":");

    @Test
    void sparkLocalTwoGivesTheLocalResultForAnyBlockSize(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("spark.json");
        Files.writeString(f, SCENARIO);
        ScenarioSpec spec = ScenarioFiles.read(f);
        ScenarioResult local = ScenarioRunner.run(spec, 2, Progress.NONE);
        assertEquals(2 * 5, local.points().size(), "2 shares x (first, last, 3 bisection steps)");
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("test").set("spark.ui.enabled", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            for (int block : new int[] {3, 7}) {
                ScenarioResult spark = ScenarioRunner.run(spec, SparkScenarioRunner.engine(sc), block, Progress.NONE);
                assertEquals(local, spark, "block " + block);
                assertEquals(ScenarioJson.write(local), ScenarioJson.write(spark), "block " + block);
            }
        }
    }

    /**
     * The second edition's scenario kinds on the calibrated presets, cut down: the referendum's crossing search for
     * the regional rule (f) and the turnout held with the clean turnout solved (c), 4 replicates.
     */
    @Test
    void kazakhstanPresetsCrossingAndHeldTurnoutGiveTheLocalResult(@TempDir Path dir) throws IOException {
        String dataset = Path.of("datasets/kazakhstan").toAbsolutePath().toString().replace("\\", "/");
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("test")
                .set("spark.ui.enabled", "false"))) {
            for (String name : new String[] {"f-referendum-2022-regions.json", "c-referendum-2022-turnout.json"}) {
                String text = Files.readString(Path.of("datasets/kazakhstan/scenarios", name))
                        .replace("\"dataset\": \"..\"", "\"dataset\": \"" + dataset + "\"")
                        .replaceAll("\"replicates\": \\d+", "\"replicates\": 4")
                        .replace("[0.40, 0.45, 0.50, 0.55]", "[0.5]");
                Path f = dir.resolve(name);
                Files.writeString(f, text);
                ScenarioSpec spec = ScenarioFiles.read(f);
                ScenarioResult local = ScenarioRunner.run(spec, 2, Progress.NONE);
                ScenarioResult spark = ScenarioRunner.run(spec, SparkScenarioRunner.engine(sc), 3, Progress.NONE);
                assertEquals(ScenarioJson.write(local), ScenarioJson.write(spark), name);
            }
        }
    }
}
