package org.psephos.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.psephos.forensics.IntegerPercentNull;
import org.psephos.forensics.IntegerPercentResult;
import org.psephos.forensics.IntegerPercentTest;

/**
 * Runs the Monte Carlo null of the integer-percentage test on Spark: the spec
 * ({@link IntegerPercentNull}, the count columns with period, seed, replicates and null method) is
 * broadcast once per executor, the block indices are parallelised, executors call
 * {@link IntegerPercentNull#block}, the driver collects the blocks in block order and calls
 * {@link IntegerPercentNull#reduce}, exactly as {@link IntegerPercentTest#test} does locally. Block b draws
 * only from (seed, method, b), so the result equals the local one for any master or executor count.
 *
 * @since 0.1
 */
public final class SparkNullRunner {
    private SparkNullRunner() {
    }

    /**
     * Opens a Spark context, gives its {@link #runner} to {@code body} and stops the context afterwards.
     *
     * @param master the Spark master, or null to take it from spark-submit's configuration, else {@code local[*]}
     * @param body   what to run with the runner
     * @param <T>    the body's result type
     * @return the body's result
     */
    public static <T> T withRunner(String master, java.util.function.Function<IntegerPercentTest.NullRunner, T> body) {
        try (JavaSparkContext sc = new JavaSparkContext(SparkPowerRunner.conf("psephos analyze", master))) {
            return body.apply(runner(sc));
        }
    }

    /**
     * Runs the null in the given context (left running).
     *
     * @param spec the null
     * @param sc   the Spark context
     * @return the result, identical to the local {@link IntegerPercentTest#test}
     */
    public static IntegerPercentResult run(IntegerPercentNull spec, JavaSparkContext sc) {
        return spec.reduce(blocks(spec, sc));
    }

    /**
     * @param sc the Spark context, left running
     * @return a {@link IntegerPercentTest.NullRunner} running the blocks on it
     */
    public static IntegerPercentTest.NullRunner runner(JavaSparkContext sc) {
        Objects.requireNonNull(sc, "sc");
        return (spec, threads, progress) -> blocks(spec, sc);
    }

    /**
     * @param spec the null
     * @param sc   the Spark context
     * @return the blocks in block order, computed on the executors
     */
    public static List<long[][]> blocks(IntegerPercentNull spec, JavaSparkContext sc) {
        Objects.requireNonNull(sc, "sc");
        int blocks = spec.blocks();
        List<Integer> indices = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            indices.add(b);
        }
        Broadcast<IntegerPercentNull> shared = sc.broadcast(spec);
        try {
            return sc.parallelize(indices, Math.max(1, Math.min(blocks, sc.defaultParallelism() * 4)))
                    .map(b -> shared.value().block(b)).collect();
        } finally {
            shared.destroy();
        }
    }
}
