package org.psephos.benchmarks.simulation;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SimulationSummary;

/**
 * Per-unit cost of the benchmark model in the engine's summary mode: one replicate of {@value #UNITS} units per
 * invocation, reported in ns per unit ({@code @OperationsPerInvocation}). {@code threads} = 1 and 2.
 */
public class MonteCarloEnginePerformance extends AbstractBenchmark {
    /** Units per invocation: also the numpy peer's default. */
    static final int UNITS = 1_000_000;

    /** Threads for the engine. */
    @Param({"1", "2"})
    int threads;

    /** The seed: varied per invocation so no result can be cached. */
    long seed;

    SimulationModel model;

    /** Builds the model. */
    @Setup
    public void setup() {
        model = BenchmarkModel.of(UNITS);
    }

    /** @return the summary, consumed by JMH */
    @Benchmark
    @OperationsPerInvocation(UNITS)
    public SimulationSummary engine() {
        return MonteCarloEngine.run(model, seed++, threads, 1, Progress.NONE).summary();
    }
}
