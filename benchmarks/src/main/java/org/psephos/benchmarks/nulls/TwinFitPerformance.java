package org.psephos.benchmarks.nulls;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.psephos.benchmarks.forensics.ForensicsBenchmark;
import org.psephos.data.Election;
import org.psephos.forensics.nulls.TwinModel;
import org.psephos.forensics.nulls.TwinOptions;

/**
 * The clean-twin model's fit on the Russia-sized input of {@link NullInputs}, per region (85 groups) or nationally,
 * single shot in milliseconds: the once-per-analysis cost before any twin is drawn.
 */
@Warmup(iterations = 3)
public class TwinFitPerformance extends ForensicsBenchmark {
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
