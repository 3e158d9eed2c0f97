package org.psephos.forensics.nulls;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;

/**
 * Runs statistics over the replicates of a {@link ReplicateSource}: the seeded, parallel driver of both nulls.
 *
 * <p>Replicates run in blocks of {@value #BLOCK}. Block b draws its replicates one after another from the single
 * stream {@code RandomStreams.seeded(seed).stream(source.streamKey(), b)} and computes every statistic on each
 * replicate as it is drawn (one drawer, one accumulator per statistic, made once per block: nothing is allocated
 * per replicate). Blocks run on {@link Parallel} threads and are gathered in block order, so the distributions are
 * identical for any thread count, and replicate r of a run of R is replicate r of any longer run with the same
 * seed. {@link #block} and {@link #reduce} split a run for executors elsewhere (e.g. Spark), as
 * {@code IntegerPercentNull} does. Stateless.
 *
 * @since 0.1
 */
public final class NullRunner {
    /** Replicates per block: the unit of parallel work and of random streams. */
    public static final int BLOCK = 8;

    private NullRunner() {
    }

    /** @param replicates replicates @return the number of blocks */
    public static int blocks(int replicates) {
        return (replicates + BLOCK - 1) / BLOCK;
    }

    /**
     * @param source     the null
     * @param statistics the statistics
     * @param replicates R, at least 1
     * @param seed       the run seed
     * @param threads    worker threads, at least 1
     * @param progress   told as blocks finish
     * @return per statistic its value on the data and its null distribution
     * @throws IllegalArgumentException if replicates or threads is not positive or there is no statistic
     */
    public static List<NullDistribution> run(ReplicateSource source, List<? extends NullStatistic> statistics,
                                             int replicates, long seed, int threads, Progress progress) {
        check(statistics, replicates);
        List<double[][]> parts = Parallel.map(blocks(replicates), threads,
                b -> block(source, statistics, replicates, seed, b), progress);
        return reduce(source, statistics, replicates, seed, parts);
    }

    private static void check(List<? extends NullStatistic> statistics, int replicates) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates is not positive: " + replicates);
        }
        if (statistics.isEmpty()) {
            throw new IllegalArgumentException("no statistic to compute");
        }
    }

    private static int totalWidth(List<? extends NullStatistic> statistics) {
        int w = 0;
        for (NullStatistic s : statistics) {
            w += s.width();
        }
        return w;
    }

    private static NullStatistic.Accumulator[] accumulators(ReplicateSource source,
                                                            List<? extends NullStatistic> statistics) {
        NullStatistic.Accumulator[] acc = new NullStatistic.Accumulator[statistics.size()];
        for (int s = 0; s < acc.length; s++) {
            acc[s] = statistics.get(s).accumulator(source.units());
        }
        return acc;
    }

    /**
     * One block of replicates.
     *
     * @param source     the null
     * @param statistics the statistics
     * @param replicates R of the whole run
     * @param seed       the run seed
     * @param b          the block, in [0, {@link #blocks}(R))
     * @return [value][replicate within the block], the statistics' values laid end to end in list order
     */
    public static double[][] block(ReplicateSource source, List<? extends NullStatistic> statistics,
                                   int replicates, long seed, int b) {
        check(statistics, replicates);
        int count = Math.min(BLOCK, replicates - b * BLOCK);
        if (b < 0 || count < 1) {
            throw new IllegalArgumentException("block " + b + " is outside [0, " + blocks(replicates) + ")");
        }
        UniformRandomProvider rng = RandomStreams.seeded(seed).stream(source.streamKey(), b);
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        NullStatistic.Accumulator[] acc = accumulators(source, statistics);
        ReplicateSource.Drawer drawer = source.drawer();
        int width = totalWidth(statistics);
        double[][] out = new double[width][count];
        double[] row = new double[width];
        for (int r = 0; r < count; r++) {
            for (NullStatistic.Accumulator a : acc) {
                a.start();
            }
            drawer.draw(rng, gaussian, acc);
            finish(statistics, acc, row);
            for (int v = 0; v < width; v++) {
                out[v][r] = row[v];
            }
        }
        return out;
    }

    private static void finish(List<? extends NullStatistic> statistics, NullStatistic.Accumulator[] acc,
                               double[] row) {
        int offset = 0;
        for (int s = 0; s < acc.length; s++) {
            acc[s].finish(row, offset);
            offset += statistics.get(s).width();
        }
    }

    /**
     * @param source     the null
     * @param statistics the statistics
     * @param replicates R
     * @param seed       the run seed
     * @param parts      {@link #block}(0), {@link #block}(1), … in block order
     * @return per statistic its observed value and null distribution, as {@link #run} gives them
     * @throws IllegalArgumentException if the blocks do not hold R replicates
     */
    public static List<NullDistribution> reduce(ReplicateSource source, List<? extends NullStatistic> statistics,
                                                int replicates, long seed, List<double[][]> parts) {
        check(statistics, replicates);
        int width = totalWidth(statistics);
        double[][] all = new double[width][replicates];
        int pos = 0;
        for (double[][] part : parts) {
            int count = part[0].length;
            if (pos + count > replicates) {
                throw new IllegalArgumentException("the blocks hold more than " + replicates + " replicates");
            }
            for (int v = 0; v < width; v++) {
                System.arraycopy(part[v], 0, all[v], pos, count);
            }
            pos += count;
        }
        if (pos != replicates) {
            throw new IllegalArgumentException("the blocks hold " + pos + " replicates, not " + replicates);
        }
        NullStatistic.Accumulator[] acc = accumulators(source, statistics);
        for (NullStatistic.Accumulator a : acc) {
            a.start();
        }
        source.observe(acc);
        double[] observed = new double[width];
        finish(statistics, acc, observed);
        List<NullDistribution> out = new ArrayList<>(statistics.size());
        int offset = 0;
        for (NullStatistic s : statistics) {
            int w = s.width();
            double[][] values = new double[w][];
            for (int v = 0; v < w; v++) {
                values[v] = all[offset + v];
            }
            out.add(new NullDistribution(java.util.Arrays.copyOfRange(observed, offset, offset + w), values, seed));
            offset += w;
        }
        return out;
    }
}
