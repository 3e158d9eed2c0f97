package org.psephos.benchmarks.forensics;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.psephos.data.Election;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.IntegerPercentResult;
import org.psephos.forensics.IntegerPercentTest;

/**
 * The integer-percent test of Kobak et al. with its Monte Carlo null: 1000 replicates over
 * {@value SyntheticStations#STATIONS} synthetic stations, on 1 and 2 threads (target: under 5 s on 2 cores).
 * {@code baseline} computes only the observed statistics (one replicate), the cost that does not scale with the
 * replicates.
 */
public class IntegerPercentPerformance extends ForensicsBenchmark {
    /** Threads for the null. */
    @Param({"1", "2"})
    int threads;

    /** Monte Carlo replicates. */
    @Param({"1000"})
    int replicates;

    int[] registered;
    int[] ballots;
    int[] denominator;
    int[] leader;
    IntegerPercentTest test;
    /** The seed: varied per invocation so no result can be cached. */
    long seed;

    /** Builds the stations. */
    @Setup
    public void setup() {
        Election e = SyntheticStations.of(SyntheticStations.STATIONS, SyntheticStations.REGIONS, 2024);
        registered = e.registeredColumn();
        ballots = e.ballotsColumn();
        denominator = e.shareDenominatorColumn();
        leader = e.votesColumn(e.leader());
        test = IntegerPercentTest.withDefaults();
    }

    /** @return the twelve statistics with their null */
    @Benchmark
    public IntegerPercentResult integerPercent() {
        return test.test(registered, ballots, denominator, leader,
                BatteryOptions.defaults().withReplicates(replicates).withThreads(threads).withSeed(seed++));
    }

    /** @return the statistics with a single replicate: inclusion, observed counts, integer probabilities */
    @Benchmark
    public IntegerPercentResult baseline() {
        return test.test(registered, ballots, denominator, leader,
                BatteryOptions.defaults().withReplicates(1).withThreads(threads).withSeed(seed++));
    }
}
