package org.psephos.spark;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.psephos.estimation.PowerSummary;
import org.psephos.estimation.PowerTask;
import org.psephos.scenarios.ScenarioEngine;
import org.psephos.scenarios.ScenarioRunner;
import org.psephos.scenarios.ScenarioSpec;
import org.psephos.scenarios.ScenarioTask;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;

/**
 * Runs scenario files on Spark: each round of {@link ScenarioRunner} (every grid point, or the next bisection
 * step of every minimal-fraud search) becomes one Spark job whose partitions are the round's {@link ScenarioTask}s
 * (point × block of replicates); executors call {@link ScenarioTask#run()}, the driver collects the small blocks
 * and assembles the points with the same code as the local engine. A scenario's detection-power tasks (its families'
 * grid points and their shared clean set) are one more job; the observer-sampling question (one clean replicate) stays on the driver. Seeds
 * derive only from (run seed, region, replicate), so the result equals the local one for any master, executor
 * count or block size.
 *
 * @since 0.1
 */
public final class SparkScenarioRunner {
    private SparkScenarioRunner() {
    }

    /**
     * Opens a Spark context, gives its {@link #engine} to {@code body} and stops the context afterwards (several
     * scenarios, as in the Kazakhstan case study, then share one context).
     *
     * @param master the Spark master, or null to take it from spark-submit's configuration, else {@code local[*]}
     * @param body   what to run with the engine
     * @param <T>    the body's result type
     * @return the body's result
     */
    public static <T> T withEngine(String master, Function<ScenarioEngine, T> body) {
        try (JavaSparkContext sc = new JavaSparkContext(SparkPowerRunner.conf("psephos scenarios", master))) {
            return body.apply(engine(sc));
        }
    }

    /**
     * @param sc the Spark context, left running
     * @return an engine running each round's tasks as one job on it, one partition per task
     */
    public static ScenarioEngine engine(JavaSparkContext sc) {
        Objects.requireNonNull(sc, "sc");
        return new ScenarioEngine() {
            @Override
            public List<ScenarioTask.Block> run(List<ScenarioTask> tasks, Progress progress) {
                List<ScenarioTask.Block> out = sc.parallelize(tasks, Math.max(1, tasks.size()))
                        .map(ScenarioTask::run).collect();
                progress.update(tasks.size(), tasks.size());
                return out;
            }

            @Override
            public List<PowerSummary> power(List<PowerTask> tasks) {
                return sc.parallelize(tasks, Math.max(1, tasks.size())).map(PowerTask::run).collect();
            }

            @Override
            public int threads() {
                return Parallel.defaultThreads();
            }
        };
    }
}
