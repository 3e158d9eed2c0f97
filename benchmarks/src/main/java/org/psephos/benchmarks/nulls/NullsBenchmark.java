package org.psephos.benchmarks.nulls;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.psephos.benchmarks.forensics.ForensicsBenchmark;
import org.psephos.data.Election;
import org.psephos.forensics.nulls.CleanTwins;
import org.psephos.forensics.nulls.CountResampler;
import org.psephos.forensics.nulls.DigitHistogram;
import org.psephos.forensics.nulls.NullDistribution;
import org.psephos.forensics.nulls.NullRunner;
import org.psephos.forensics.nulls.NullStatistic;
import org.psephos.forensics.nulls.ReplicateSource;
import org.psephos.forensics.nulls.ResamplingModel;
import org.psephos.forensics.nulls.TwinOptions;
import org.psephos.simulation.Progress;

/**
 * The two nulls at Russia scale ({@link NullInputs}): {@code replicates} replicates per invocation (single shot,
 * milliseconds; scale by 1000/replicates for the 1,000), on 1 and 2 threads. The twin model's fit is
 * {@link TwinFitPerformance}.
 *
 * <ul>
 *   <li>{@code source}: {@code resampling} (binomial), {@code betaBinomial}, {@code twins} (fitted once in setup);</li>
 *   <li>{@code stats}: {@code none} (a one-value statistic: the draw alone), {@code digits} (the digit histograms
 *       of turnout and the 5 options: every digit test's input), {@code counts} (digits plus the P05s and
 *       integer-percentage indicators of {@link PercentIndicators}: what the count tests of the default battery
 *       need per replicate);</li>
 *   <li>{@code baseline}: one replicate (the observed pass of the statistics and one draw).</li>
 * </ul>
 */
public class NullsBenchmark extends ForensicsBenchmark {
    /** The null. */
    @Param({"resampling", "betaBinomial", "twins"})
    String source;

    /** What is computed on every replicate. */
    @Param({"none", "digits", "counts"})
    String stats;

    /** Threads. */
    @Param({"1", "2"})
    int threads;

    /** Replicates per invocation. */
    @Param({"100"})
    int replicates;

    Election election;
    ReplicateSource null0;
    List<NullStatistic> statistics;
    long seed;

    /** Builds the input, the null and the statistics. */
    @Setup
    public void setup() {
        election = NullInputs.election();
        null0 = source(source, election);
        statistics = statistics(stats, election.optionCount());
    }

    static ReplicateSource source(String name, Election e) {
        return switch (name) {
            case "resampling" -> CountResampler.of(e);
            case "betaBinomial" -> CountResampler.of(e, ResamplingModel.betaBinomial(), null);
            case "twins" -> CleanTwins.of(e, "region", TwinOptions.defaults());
            default -> throw new IllegalArgumentException("unknown source " + name);
        };
    }

    static List<NullStatistic> statistics(String name, int options) {
        List<NullStatistic> s = new ArrayList<>();
        if (name.equals("none")) {
            s.add(units -> new First());
            return s;
        }
        for (int v = -1; v < options; v++) {
            s.add(DigitHistogram.of(v));
        }
        if (name.equals("counts")) {
            s.add(new PercentIndicators(options));
        }
        return s;
    }

    /** The smallest statistic: the first unit's ballots (keeps the draw from being optimised away). */
    static final class First implements NullStatistic.Accumulator {
        private double v;

        @Override
        public void start() {
            v = 0;
        }

        @Override
        public void add(org.psephos.forensics.nulls.UnitChunk chunk) {
            v += chunk.ballots()[0];
        }

        @Override
        public void finish(double[] out, int offset) {
            out[offset] = v;
        }
    }

    /** @return the null distributions of {@code replicates} replicates */
    @Benchmark
    public List<NullDistribution> run() {
        return NullRunner.run(null0, statistics, replicates, seed++, threads, Progress.NONE);
    }

    /** @return the statistics on one replicate (the observed pass is in every run) */
    @Benchmark
    public List<NullDistribution> baseline() {
        return NullRunner.run(null0, statistics, 1, seed++, 1, Progress.NONE);
    }
}
