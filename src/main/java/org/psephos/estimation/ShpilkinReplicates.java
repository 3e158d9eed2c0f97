package org.psephos.estimation;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.data.Election;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateDistribution;

/**
 * The uncertainty of {@link Shpilkin}'s F: its sd over R replicates with the clean peak re-picked in each, bootstrap
 * resamples of the units or binomial redraws of the leader's votes ({@link Shpilkin.Uncertainty}). Replicate r draws
 * from {@code RandomStreams.seeded(seed).stream(KEY, r)}; tasks of {@value #PER_TASK} replicates run in parallel,
 * each with its own scratch arrays, so the result is the same for any thread count. Package-private and stateless.
 */
final class ShpilkinReplicates {
    /** Stream key of the replicates. */
    private static final long KEY = 0x5368706CL;
    /** Replicates per parallel task. */
    private static final int PER_TASK = 16;

    private ShpilkinReplicates() {
    }

    /**
     * The estimate on Psephos's bins with the sd of F over the estimator's replicates.
     *
     * @throws IllegalArgumentException as {@link Shpilkin#estimate(Election)}
     */
    static ShpilkinResult estimate(Shpilkin by, Election e, int redraws, long seed, int threads) {
        LeaderColumns c = ShpilkinBins.columns(e);
        int[] bin = ShpilkinBins.bins(c);
        ShpilkinEstimate point = ShpilkinBins.estimate(by, e, c, bin);
        int bins = ShpilkinBins.BINS;
        double sd = excessSd(redraws, seed, threads, () -> {
            double[] w = new double[bins];
            double[] o = new double[bins];
            return rng -> {
                java.util.Arrays.fill(w, 0);
                java.util.Arrays.fill(o, 0);
                if (by.uncertainty == Shpilkin.Uncertainty.BOOTSTRAP) {
                    for (int j = 0; j < c.n; j++) {
                        int i = rng.nextInt(c.n);
                        w[bin[i]] += c.leader[i];
                        o[bin[i]] += c.others[i];
                    }
                } else {
                    for (int i = 0; i < c.n; i++) {
                        int valid = c.leader[i] + c.others[i];
                        int lead = valid == 0 ? 0 : BinomialSampler.sample(rng, valid, (double) c.leader[i] / valid);
                        w[bin[i]] += lead;
                        o[bin[i]] += valid - lead;
                    }
                }
                int peak = ShpilkinPeaks.peak(by, w, o);
                return o[peak] > 0 ? ShpilkinBins.excess(w, o, peak, w[peak] / o[peak]) : Double.NaN;
            };
        });
        return new ShpilkinResult(point, sd, redraws, seed);
    }

    /**
     * EFToolkit's estimate with the sd of F over bootstrap resamples of the units (its {@code "nonparametric"}
     * option; the binomial redraws of its {@code "parametric"} option are not reproduced), the peak re-picked in
     * each; replicates where EFToolkit would give no estimate are left out.
     */
    static ShpilkinResult eftoolkitEstimate(Shpilkin by, Election e, int redraws, long seed, int threads) {
        EftoolkitShpilkin.Columns c = EftoolkitShpilkin.Columns.of(e);
        ShpilkinEstimate point = EftoolkitShpilkinEstimate.of(by, c);
        int n = c.voters().length;
        double sd = excessSd(redraws, seed, threads, () -> {
            int[] units = new int[n];
            return rng -> {
                for (int j = 0; j < n; j++) {
                    units[j] = rng.nextInt(n);
                }
                try {
                    return EftoolkitShpilkinEstimate.point(by, EftoolkitShpilkin.Sums.of(c, units))[2];
                } catch (IllegalArgumentException ex) {
                    return Double.NaN;
                }
            };
        });
        return new ShpilkinResult(point, sd, redraws, seed);
    }

    /** F on one replicate (a resample or redraw), NaN where there is no estimate. */
    @FunctionalInterface
    private interface Replicate {
        double excess(UniformRandomProvider rng);
    }

    /**
     * The sd of F over the replicates: replicate r draws from {@code RandomStreams.seeded(seed).stream(KEY, r)},
     * tasks of {@value #PER_TASK} replicates run in parallel, each with its own scratch ({@code perTask}); replicates
     * without an estimate are left out.
     */
    private static double excessSd(int redraws, long seed, int threads,
                                   java.util.function.Supplier<Replicate> perTask) {
        RandomStreams streams = RandomStreams.seeded(seed);
        int tasks = (redraws + PER_TASK - 1) / PER_TASK;
        List<double[]> parts = Parallel.map(tasks, threads, t -> {
            int from = t * PER_TASK;
            int to = Math.min(redraws, from + PER_TASK);
            Replicate rep = perTask.get();
            double[] out = new double[to - from];
            for (int r = from; r < to; r++) {
                out[r - from] = rep.excess(streams.stream(KEY, r));
            }
            return out;
        }, Progress.NONE);
        double[] f = parts.stream().flatMapToDouble(java.util.Arrays::stream).filter(x -> !Double.isNaN(x)).toArray();
        return f.length < 2 ? Double.NaN : ReplicateDistribution.of(f).sd();
    }
}
