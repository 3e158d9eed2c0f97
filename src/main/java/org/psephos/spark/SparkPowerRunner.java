package org.psephos.spark;

import java.util.List;
import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.psephos.estimation.PowerAnalysis;
import org.psephos.estimation.PowerResult;
import org.psephos.estimation.PowerSummary;
import org.psephos.estimation.PowerTask;

/**
 * Runs a {@link PowerAnalysis} on Spark: its {@link PowerAnalysis#tasks(int) tasks} (grid point, replicate block)
 * are serialised records, one Spark partition each; executors call {@link PowerTask#run()}, the driver collects the
 * small {@link PowerSummary}s and reduces them with {@link PowerAnalysis#reduce}, exactly as the local engine does.
 * Seeds derive only from (run seed, replicate), so the result equals the local one for any master, executor count
 * or block size.
 *
 * @since 0.1
 */
public final class SparkPowerRunner {
    /** The class whose presence tells that Spark is on the class path. */
    public static final String SPARK_CLASS = "org.apache.spark.api.java.JavaSparkContext";

    private SparkPowerRunner() {
    }

    /** @return whether Spark's classes can be loaded (they are a provided dependency) */
    public static boolean available() {
        try {
            Class.forName(SPARK_CLASS, false, SparkPowerRunner.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Runs the analysis in a Spark context of its own, stopped at the end.
     *
     * @param analysis the analysis
     * @param master   the Spark master ({@code local[2]}, {@code spark://host:7077}, {@code yarn}), or null to take
     *                 it from spark-submit's configuration ({@code spark.master}), else {@code local[*]}
     * @param block    replicates per task
     * @return the result, identical to {@code analysis.run(threads, progress)}
     */
    public static PowerResult run(PowerAnalysis analysis, String master, int block) {
        try (JavaSparkContext sc = new JavaSparkContext(conf("psephos power", master))) {
            return run(analysis, sc, block);
        }
    }

    /**
     * @param app    the application name
     * @param master the Spark master, or null to take it from spark-submit's configuration, else {@code local[*]}
     * @return the configuration, with the web UI off unless configured
     */
    static SparkConf conf(String app, String master) {
        SparkConf conf = new SparkConf().setAppName(app);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        return conf;
    }

    /**
     * Runs the analysis in the given context (left running).
     *
     * @param analysis the analysis
     * @param sc       the Spark context
     * @param block    replicates per task
     * @return the result, identical to {@code analysis.run(threads, progress)}
     */
    public static PowerResult run(PowerAnalysis analysis, JavaSparkContext sc, int block) {
        Objects.requireNonNull(sc, "sc");
        List<PowerTask> tasks = analysis.tasks(block);
        List<PowerSummary> summaries = sc.parallelize(tasks, tasks.size()).map(PowerTask::run).collect();
        return analysis.reduce(summaries);
    }
}
