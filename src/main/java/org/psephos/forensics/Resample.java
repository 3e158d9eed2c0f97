package org.psephos.forensics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.simulation.RandomStreams;

/**
 * The bootstrap resamples shared by the mean-type tests of one group and variable, as EFToolkit's
 * {@code boot(dataSubset, bootAnalT, R)} computes all its statistics from one resample of the group's units
 * ({@code BasicElectionForensics.R}). Package-private.
 *
 * <p>Every replicate draws n unit indices with replacement from the group's n units, once, and every statistic of
 * the plan is computed from those indices. A statistic over a subset of the units (the counts of 10 or more for
 * {@code 2BL}, the units with a finite log vote rate for {@code LogVoteKurtosis}) is computed over the resampled
 * units of that subset, exactly as EFToolkit's {@code mean(..., na.rm = TRUE)} over a resample of all units does;
 * a replicate without any such unit is NaN and is dropped from the interval as {@code boot.ci} drops it.
 *
 * <p>Per-unit data are primitive arrays computed once per variable ({@link Spec}). Digit and indicator values are
 * packed into one small code per unit ({@link ShareCodes}: the distinct tuples of all share statistics), so a
 * replicate's share sums come from one histogram pass; moment and cross-product sums take one pass per distinct
 * array. A statistic's replicates do not depend on which other statistics share the plan, so a test run alone gives
 * the same interval as in the battery.
 *
 * <p>Reproducibility: replicates run in blocks of {@link Bootstrap#BLOCK}; block b draws from
 * {@code streams.stream(key(variable), key(level), b)} (see {@link #streamKey}), so the replicates are the same for
 * any thread count and any order in which blocks run. Immutable once built; {@link #block} is thread-safe.
 */
final class Resample {
    /** Key part naming the shared unit bootstrap (ASCII "UnitBoot"). */
    private static final long PURPOSE = 0x556E6974426F6F74L;

    /** What one statistic needs from a resample. */
    sealed interface Spec permits Share, Moment, Cross {
    }

    /**
     * The mean of small whole values over the included units.
     *
     * @param values per unit a value in [0, 9], or -1 if the unit is not used
     */
    record Share(byte[] values) implements Spec {
    }

    /** A statistic of the central moments of one array. */
    @FunctionalInterface
    interface MomentStatistic {
        /**
         * @param m2 second central moment (population)
         * @param m3 third
         * @param m4 fourth
         * @return the statistic
         */
        double of(double m2, double m3, double m4);
    }

    /**
     * A moment statistic (skewness, kurtosis) of the included units' values.
     *
     * @param x      per unit a value, or NaN if the unit is not used
     * @param center the mean of the included values (the shift of the one-pass power sums)
     * @param stat   the statistic of the central moments
     */
    record Moment(double[] x, double center, MomentStatistic stat) implements Spec {
    }

    /**
     * A statistic of the regression of y on x over all units ({@link CrossStatistic}).
     *
     * @param x     regressor per unit
     * @param y     response per unit
     * @param cx    mean of x
     * @param cy    mean of y
     * @param stat  which statistic
     */
    record Cross(double[] x, double[] y, double cx, double cy, CrossStatistic stat) implements Spec {
    }

    private final int n;
    private final int replicates;
    private final RandomStreams streams;
    private final long[] key;
    private final List<Spec> specs;    /** The units' share values as tuple codes; null without share specs. */
    private final ShareCodes shareCodes;
    /** Distinct moment arrays (by identity and center) and, per moment spec, its index among them. */
    private final List<Moment> momentArrays = new ArrayList<>();
    private final List<WeightedSums.MomentData> moments = new ArrayList<>();
    private final List<WeightedSums.CrossData> crosses = new ArrayList<>();
    private final int[] momentOf;
    private final List<Cross> crossArrays = new ArrayList<>();
    private final int[] crossOf;
    private final int[] shareOf;

    /**
     * @param n       units in the group
     * @param specs   the statistics
     * @param options replicates and seed
     * @param key     the stream key (see {@link #streamKey})
     */
    Resample(int n, List<Spec> specs, BatteryOptions options, long[] key) {
        this.n = n;
        this.replicates = options.replicates();
        this.streams = RandomStreams.seeded(options.seed());
        this.key = key.clone();
        this.specs = List.copyOf(specs);
        int s = this.specs.size();
        momentOf = new int[s];
        crossOf = new int[s];
        shareOf = new int[s];
        List<byte[]> shares = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            Spec spec = this.specs.get(i);
            momentOf[i] = -1;
            crossOf[i] = -1;
            shareOf[i] = -1;
            if (spec instanceof Share sh) {
                check(sh.values().length);
                shareOf[i] = shares.size();
                shares.add(sh.values());
            } else if (spec instanceof Moment m) {
                check(m.x().length);
                momentOf[i] = indexOfMoment(m);
            } else if (spec instanceof Cross c) {
                check(c.x().length);
                check(c.y().length);
                crossOf[i] = indexOfCross(c);
            }
        }
        shareCodes = shares.isEmpty() ? null : new ShareCodes(shares, n);
    }

    private void check(int length) {
        if (length != n) {
            throw new IllegalArgumentException("per-unit array length is not the unit count " + n + ": " + length);
        }
    }

    private int indexOfMoment(Moment m) {
        for (int j = 0; j < momentArrays.size(); j++) {
            Moment o = momentArrays.get(j);
            if (o.x() == m.x() && Double.compare(o.center(), m.center()) == 0) {
                return j;
            }
        }
        momentArrays.add(m);
        moments.add(new WeightedSums.MomentData(m));
        return momentArrays.size() - 1;
    }

    private int indexOfCross(Cross c) {
        for (int j = 0; j < crossArrays.size(); j++) {
            Cross o = crossArrays.get(j);
            if (o.x() == c.x() && o.y() == c.y() && Double.compare(o.cx(), c.cx()) == 0
                    && Double.compare(o.cy(), c.cy()) == 0) {
                return j;
            }
        }
        crossArrays.add(c);
        crosses.add(new WeightedSums.CrossData(c));
        return crossArrays.size() - 1;
    }

    /**
     * @param input the group and variable
     * @return the stream key of that group and variable's shared resamples
     */
    static long[] streamKey(TestInput input) {
        return new long[] {PURPOSE, Bootstrap.key(input.variable().name()), Bootstrap.key(input.level())};
    }

    /** @return the number of blocks */
    int blocks() {
        return (replicates + Bootstrap.BLOCK - 1) / Bootstrap.BLOCK;
    }

    /**
     * @param b a block index
     * @return [spec][replicate within the block] the statistics of that block's replicates
     */
    double[][] block(int b) {
        long[] k = Arrays.copyOf(key, key.length + 1);
        k[key.length] = b;
        UniformRandomProvider rng = streams.stream(k);
        int count = Math.min(Bootstrap.BLOCK, replicates - b * Bootstrap.BLOCK);
        double[][] out = new double[specs.size()][count];
        int[] idx = new int[n];
        int[] times = new int[n];
        int[] hist = shareCodes == null ? null : new int[shareCodes.value[0].length];
        double[][] momentSums = new double[moments.size()][];
        double[][] crossSums = new double[crosses.size()][];
        for (int r = 0; r < count; r++) {
            Bootstrap.drawIndices(rng, idx, n);
            Arrays.fill(times, 0);
            for (int j = 0; j < n; j++) {
                times[idx[j]]++;
            }
            if (hist != null) {
                Arrays.fill(hist, 0);
                int[] cd = shareCodes.unitCode;
                for (int i = 0; i < n; i++) {
                    hist[cd[i]] += times[i];
                }
            }
            for (int m = 0; m < moments.size(); m++) {
                momentSums[m] = moments.get(m).sums(times);
            }
            for (int c = 0; c < crosses.size(); c++) {
                crossSums[c] = crosses.get(c).sums(times);
            }
            for (int s = 0; s < specs.size(); s++) {
                Spec spec = specs.get(s);
                if (shareOf[s] >= 0) {
                    out[s][r] = shareMean(hist, shareCodes.value[shareOf[s]], shareCodes.used[shareOf[s]]);
                } else if (momentOf[s] >= 0) {
                    double[] ms = momentSums[momentOf[s]];
                    out[s][r] = ms[0] > 0 && ms[1] > 0 ? ((Moment) spec).stat().of(ms[1], ms[2], ms[3]) : Double.NaN;
                } else {
                    out[s][r] = ((Cross) spec).stat().of(crossSums[crossOf[s]]);
                }
            }
        }
        return out;
    }

    /*
     * Implementation note. A tuple's value is -1 when the statistic does not use it; two precomputed arrays make the
     * loop branch-free (it vectorises): sum += h * max(v, 0) and count += h * [v >= 0].
     */
    private static double shareMean(int[] hist, int[] value, int[] used) {
        long sum = 0;
        long count = 0;
        for (int c = 0; c < hist.length; c++) {
            sum += (long) hist[c] * value[c];
            count += (long) hist[c] * used[c];
        }
        return count == 0 ? Double.NaN : (double) sum / count;
    }

    /**
     * @param parts the blocks' results in block order
     * @return [spec][replicate]
     */
    double[][] gather(List<double[][]> parts) {
        double[][] t = new double[specs.size()][replicates];
        int pos = 0;
        for (double[][] part : parts) {
            for (int s = 0; s < specs.size(); s++) {
                System.arraycopy(part[s], 0, t[s], pos, part[s].length);
            }
            pos += part.length == 0 ? 0 : part[0].length;
        }
        return t;
    }
}

