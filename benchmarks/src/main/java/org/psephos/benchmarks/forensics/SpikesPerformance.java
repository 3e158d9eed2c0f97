package org.psephos.benchmarks.forensics;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.psephos.data.Election;
import org.psephos.forensics.spikes.MixtureFit;
import org.psephos.forensics.spikes.RozenasSpikes;
import org.psephos.forensics.spikes.SpikesEstimate;

/**
 * Rozenas's spikes method ({@code spikes(data)} of the R package: both mixture fits and 1,000 resamples, no
 * interval) on {@value SyntheticStations#STATIONS} synthetic stations, the size of Russia 2011, on 1 and 2 threads
 * (target: under 20 s on 2 cores). {@code resampling} is the resampling step alone at fitted mixtures, and
 * {@code baseline} the fits alone, the cost that does not scale with the resamples. {@link SpikesCheck} times the
 * same on a real file.
 */
public class SpikesPerformance extends ForensicsBenchmark {
    /** Worker threads. */
    @Param({"1", "2"})
    int threads;

    int[] registered;
    int[] ballots;
    int[] leader;
    RozenasSpikes method;
    MixtureFit turnout;
    MixtureFit support;
    /** The seed: varied per invocation so no result can be cached. */
    long seed;

    /** Builds the stations and fits the mixtures once for {@link #resampling}. */
    @Setup
    public void setup() {
        Election e = SyntheticStations.of(SyntheticStations.STATIONS, SyntheticStations.REGIONS, 2024);
        registered = e.registeredColumn();
        ballots = e.ballotsColumn();
        leader = e.votesColumn(e.leader());
        method = RozenasSpikes.withDefaults().withBoots(0);
        turnout = method.fit(ballots, registered, 1, threads);
        support = method.fit(leader, ballots, 2, threads);
    }

    /** @return the fits, the resamples and the estimate */
    @Benchmark
    public RozenasSpikes.Result spikes() {
        return method.analyse(registered, ballots, leader, seed++, threads, org.psephos.simulation.Progress.NONE);
    }

    /** @return the resampling step at the fitted mixtures */
    @Benchmark
    public SpikesEstimate resampling() {
        return method.estimate(registered, ballots, leader, turnout.mixture(), support.mixture(), seed++, threads);
    }

    /** @return the two fits */
    @Benchmark
    public MixtureFit[] baseline() {
        long s = seed++;
        return new MixtureFit[] {method.fit(ballots, registered, s, threads), method.fit(leader, ballots, s, threads)};
    }
}
