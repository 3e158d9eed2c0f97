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
 * {@code IntegerPercentNull} does.
 *
 * <p>Drift correction ({@link ResamplingModel.Drift#CORRECTED}): the first {@link ReplicateSource#driftReplicates}
 * replicates x* are also resampled once more, x** ({@link ReplicateSource.Drawer#drawNested}), from the block's
 * second stream {@code stream(source.streamKey(), b, NESTED)}, so that x* is drawn exactly as without the
 * correction. {@link #reduce} estimates each value's drift as the mean of T(x**) − T(x*) over those replicates and
 * subtracts it from every replicate of that value ({@link NullDistribution#drift}). Stateless.
 *
 * @since 0.1
 */
public final class NullRunner {
    /** Replicates per block: the unit of parallel work and of random streams. */
    public static final int BLOCK = 8;
    /** Last key of the streams of the second resampling layer (drift correction). */
    private static final long NESTED = 0x4E6573746564L; // "Nested"

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
        int nested = source.driftReplicates(replicates);
        double[][] out = new double[nested > 0 ? 2 * width : width][count];
        double[] row = new double[width];
        boolean anyNested = b * BLOCK < nested;
        UniformRandomProvider nestedRng = anyNested
                ? RandomStreams.seeded(seed).stream(source.streamKey(), b, NESTED) : null;
        NullStatistic.Accumulator[] second = anyNested ? accumulators(source, statistics) : null;
        for (int r = 0; r < count; r++) {
            boolean twice = b * BLOCK + r < nested;
            start(acc);
            if (twice) {
                start(second);
                drawer.drawNested(rng, gaussian, acc, nestedRng, second);
            } else {
                drawer.draw(rng, gaussian, acc);
            }
            finish(statistics, acc, row);
            for (int v = 0; v < width; v++) {
                out[v][r] = row[v];
            }
            if (nested > 0) {
                if (twice) {
                    finish(statistics, second, row);
                }
                for (int v = 0; v < width; v++) {
                    out[width + v][r] = twice ? row[v] : Double.NaN;
                }
            }
        }
        return out;
    }

    private static void start(NullStatistic.Accumulator[] acc) {
        for (NullStatistic.Accumulator a : acc) {
            a.start();
        }
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
        int rows = source.driftReplicates(replicates) > 0 ? 2 * width : width;
        double[][] all = new double[rows][replicates];
        int pos = 0;
        for (double[][] part : parts) {
            int count = part[0].length;
            if (pos + count > replicates) {
                throw new IllegalArgumentException("the blocks hold more than " + replicates + " replicates");
            }
            if (part.length != rows) {
                throw new IllegalArgumentException("a block holds " + part.length + " values, not " + rows);
            }
            for (int v = 0; v < rows; v++) {
                System.arraycopy(part[v], 0, all[v], pos, count);
            }
            pos += count;
        }
        if (pos != replicates) {
            throw new IllegalArgumentException("the blocks hold " + pos + " replicates, not " + replicates);
        }
        double[] drift = new double[width];
        if (rows > width) {
            for (int v = 0; v < width; v++) {
                drift[v] = drift(all[v], all[width + v]);
                for (int r = 0; r < replicates; r++) {
                    all[v][r] -= drift[v];
                }
            }
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
            out.add(new NullDistribution(java.util.Arrays.copyOfRange(observed, offset, offset + w), values,
                    java.util.Arrays.copyOfRange(drift, offset, offset + w), seed));
            offset += w;
        }
        return out;
    }

    /**
     * @param first  T(x*) per replicate
     * @param second T(x**) per replicate (NaN where not drawn)
     * @return the mean of T(x**) − T(x*) over the replicates where both are finite (0 if none)
     */
    static double drift(double[] first, double[] second) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < first.length; r++) {
            double d = second[r] - first[r];
            if (Double.isFinite(d)) {
                sum += d;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
