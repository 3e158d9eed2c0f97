package org.psephos.benchmarks.forensics;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.psephos.data.Election;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.TestRegistry;
import org.psephos.simulation.Progress;

/**
 * The full forensic battery (every test of {@link TestRegistry#standard()}, 1000 bootstrap and Monte Carlo
 * replicates) on {@value SyntheticStations#STATIONS} synthetic stations with 5 options: nationally, and nationally
 * plus per region ({@value SyntheticStations#REGIONS} groups), on 2 threads (target: under 60 s).
 * {@code baseline} runs only the tests without resampling (the chi-square digit tests), the cost of splitting the
 * election into groups and variables.
 */
public class BatteryPerformance extends ForensicsBenchmark {
    /** "national" or the grouping to run per group as well. */
    @Param({"national", "region"})
    String level;

    /** Worker threads. */
    @Param({"2"})
    int threads;

    /** Bootstrap and Monte Carlo replicates. */
    @Param({"1000"})
    int replicates;

    Election election;
    Battery battery;
    Battery baselineBattery;
    /** The seed: varied per invocation so no result can be cached. */
    long seed;

    /** Builds the stations and the batteries. */
    @Setup
    public void setup() {
        election = SyntheticStations.of(SyntheticStations.STATIONS, SyntheticStations.REGIONS, 2024);
        battery = Battery.withDefaults().withLevel("national".equals(level) ? null : level);
        baselineBattery = battery.withTests(TestRegistry.standard().select(java.util.List.of("2BLChi2",
                "LastDigitChi2")));
    }

    /** @return the battery's results */
    @Benchmark
    public BatteryResult battery() {
        return battery.run(election, options(), Progress.NONE);
    }

    /** @return the results of the two chi-square digit tests only */
    @Benchmark
    public BatteryResult baseline() {
        return baselineBattery.run(election, options(), Progress.NONE);
    }

    private BatteryOptions options() {
        return BatteryOptions.defaults().withReplicates(replicates).withThreads(threads).withSeed(seed++);
    }
}
