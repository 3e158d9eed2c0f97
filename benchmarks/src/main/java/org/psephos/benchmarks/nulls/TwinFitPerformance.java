package org.psephos.benchmarks.nulls;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.psephos.data.Election;
import org.psephos.forensics.nulls.TwinModel;
import org.psephos.forensics.nulls.TwinOptions;

/**
 * The clean-twin model's fit on the Russia-sized input of {@link NullInputs}, per region (85 groups) or nationally,
 * single shot in milliseconds: the once-per-analysis cost before any twin is drawn.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class TwinFitPerformance {
    /** The grouping: "region" or "national" (none). */
    @Param({"region", "national"})
    String level;

    Election election;

    /** Builds the input. */
    @Setup
    public void setup() {
        election = NullInputs.election();
    }

    /** @return the fitted model */
    @Benchmark
    public TwinModel fit() {
        return TwinModel.fit(election, level.equals("national") ? null : level, TwinOptions.defaults());
    }
}
