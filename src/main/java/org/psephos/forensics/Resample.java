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
 * packed into one small code per unit (the distinct tuples of all share statistics), so a replicate's share sums
 * come from one histogram pass; moment and cross-product sums take one pass per distinct array. A statistic's
 * replicates do not depend on which other statistics share the plan, so a test run alone gives the same interval
 * as in the battery.
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
    private final List<Spec> specs;
    /** Per unit, the id of its tuple of share values; null without share specs. */
    private final int[] code;
    /** [share spec][code]: the value if used, else 0. */
    private final int[][] codeValue;
    /** [share spec][code]: 1 if the value is used, else 0. */
    private final int[][] codeUsed;
    /** Distinct moment arrays (by identity and center) and, per moment spec, its index among them. */
    private final List<Moment> momentArrays = new ArrayList<>();
    private final List<MomentData> moments = new ArrayList<>();
    private final List<CrossData> crosses = new ArrayList<>();
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
        byte[][] codeValues;
        if (shares.isEmpty()) {
            code = null;
            codeValues = new byte[0][];
        } else {
            code = new int[n];
            codeValues = encode(shares, code);
        }
        codeValue = new int[codeValues.length][];
        codeUsed = new int[codeValues.length][];
        for (int j = 0; j < codeValues.length; j++) {
            codeValue[j] = new int[codeValues[j].length];
            codeUsed[j] = new int[codeValues[j].length];
            for (int c = 0; c < codeValues[j].length; c++) {
                codeValue[j][c] = Math.max(codeValues[j][c], 0);
                codeUsed[j][c] = codeValues[j][c] >= 0 ? 1 : 0;
            }
        }
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
        moments.add(new MomentData(m));
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
        crosses.add(new CrossData(c));
        return crossArrays.size() - 1;
    }

    /**
     * Numbers the distinct tuples of the units' share values in order of first appearance and writes each unit's
     * tuple id into {@code code}. The values of up to 16 share specs are packed into one long per unit (4 bits
     * each, value + 1), whose dense id is the tuple's; with more specs, each further long's id is chained onto the
     * previous id as one long key ({@code previous id << 32 | id of the word}), which numbers the full tuples in the
     * same order.
     *
     * @return [share][tuple id] the value (-1: not used)
     */
    private byte[][] encode(List<byte[]> shares, int[] code) {
        int k = shares.size();
        LongIds first = new LongIds(n);
        for (int i = 0; i < n; i++) {
            code[i] = first.id(pack(shares, 0, i));
        }
        int tuples = first.size();
        for (int w = 1; w * 16 < k; w++) {
            LongIds word = new LongIds(n);
            LongIds pair = new LongIds(n);
            for (int i = 0; i < n; i++) {
                code[i] = pair.id((long) code[i] << 32 | word.id(pack(shares, w, i)));
            }
            tuples = pair.size();
        }
        byte[][] values = new byte[k][tuples];
        boolean[] seen = new boolean[tuples];
        for (int i = 0; i < n; i++) {
            int c = code[i];
            if (!seen[c]) {
                seen[c] = true;
                for (int j = 0; j < k; j++) {
                    values[j][c] = shares.get(j)[i];
                }
            }
        }
        return values;
    }

    /** @return share specs 16w .. 16w+15 of unit i, 4 bits each (value + 1) */
    private static long pack(List<byte[]> shares, int w, int i) {
        long packed = 0;
        for (int j = w * 16; j < Math.min(shares.size(), (w + 1) * 16); j++) {
            int v = shares.get(j)[i];
            if (v < -1 || v > 9) {
                throw new IllegalArgumentException("share value is not in [-1, 9]: " + v);
            }
            packed |= (long) (v + 1) << (4 * (j - w * 16));
        }
        return packed;
    }

    /** Dense ids (0, 1, …) for long keys in order of first sight: open addressing, linear probing, no boxing. */
    private static final class LongIds {
        private final long[] keys;
        private final int[] ids;
        private final int shift;
        private int size;

        /** @param most the most distinct keys there will be (the table stays at most half full) */
        LongIds(int most) {
            int bits = Math.max(2, 33 - Integer.numberOfLeadingZeros(Math.max(1, most)));
            keys = new long[1 << bits];
            ids = new int[1 << bits];
            Arrays.fill(ids, -1);
            shift = 64 - bits;
        }

        int id(long key) {
            int mask = ids.length - 1;
            int h = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
            while (ids[h] >= 0) {
                if (keys[h] == key) {
                    return ids[h];
                }
                h = (h + 1) & mask;
            }
            keys[h] = key;
            ids[h] = size;
            return size++;
        }

        int size() {
            return size;
        }
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
        int[] hist = code == null ? null : new int[codeValue[0].length];
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
                int[] cd = code;
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
                    out[s][r] = shareMean(hist, codeValue[shareOf[s]], codeUsed[shareOf[s]]);
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

    /**
     * One moment array prepared for weighted passes: the used units (null if all are used) and their deviations
     * from the center.
     */
    private static final class MomentData {
        private final double[] d;
        private final int[] units;

        MomentData(Moment m) {
            double[] x = m.x();
            int used = 0;
            for (double v : x) {
                used += Double.isNaN(v) ? 0 : 1;
            }
            d = new double[used];
            units = used == x.length ? null : new int[used];
            int k = 0;
            for (int i = 0; i < x.length; i++) {
                if (!Double.isNaN(x[i])) {
                    d[k] = x[i] - m.center();
                    if (units != null) {
                        units[k] = i;
                    }
                    k++;
                }
            }
        }

        /**
         * @param times how many times each unit is in the resample
         * @return {count, m2, m3, m4} of the used units in the resample (count 0: all 0)
         */
        double[] sums(int[] times) {
            // Two interleaved sets of sums (even and odd units) halve the loop-carried dependency chains.
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double u1 = 0;
            double u2 = 0;
            double u3 = 0;
            double u4 = 0;
            long count = 0;
            int len = d.length;
            int k = 0;
            for (; k + 1 < len; k += 2) {
                int t = units == null ? times[k] : times[units[k]];
                int t1 = units == null ? times[k + 1] : times[units[k + 1]];
                double v = d[k];
                double v1 = d[k + 1];
                double wv = t * v;
                double wv1 = t1 * v1;
                double wv2 = wv * v;
                double wv21 = wv1 * v1;
                s1 += wv;
                u1 += wv1;
                s2 += wv2;
                u2 += wv21;
                s3 += wv2 * v;
                u3 += wv21 * v1;
                s4 += wv2 * v * v;
                u4 += wv21 * v1 * v1;
                count += t + t1;
            }
            if (k < len) {
                int t = units == null ? times[k] : times[units[k]];
                double v = d[k];
                double wv = t * v;
                double wv2 = wv * v;
                s1 += wv;
                s2 += wv2;
                s3 += wv2 * v;
                s4 += wv2 * v * v;
                count += t;
            }
            return count == 0 ? new double[4]
                    : Moments.centralFromSums((int) count, s1 + u1, s2 + u2, s3 + u3, s4 + u4);
        }
    }

    /** Two arrays prepared for weighted cross-product passes: deviations from their centers. */
    private static final class CrossData {
        private final double[] dx;
        private final double[] dy;
        private final double cy;

        CrossData(Cross c) {
            dx = new double[c.x().length];
            dy = new double[c.x().length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = c.x()[i] - c.cx();
                dy[i] = c.y()[i] - c.cy();
            }
            cy = c.cy();
        }

        /**
         * @param times how many times each unit is in the resample
         * @return {r, slope, mean of y} of the resample
         */
        double[] sums(int[] times) {
            // Two interleaved sets of sums (even and odd units) halve the loop-carried dependency chains.
            double sx = 0;
            double sy = 0;
            double rxx = 0;
            double ryy = 0;
            double rxy = 0;
            double ux = 0;
            double uy = 0;
            double uxx = 0;
            double uyy = 0;
            double uxy = 0;
            long count = 0;
            int len = dx.length;
            int i = 0;
            for (; i + 1 < len; i += 2) {
                double w = times[i];
                double w1 = times[i + 1];
                double x = dx[i];
                double y = dy[i];
                double x1 = dx[i + 1];
                double y1 = dy[i + 1];
                double wx = w * x;
                double wy = w * y;
                double wx1 = w1 * x1;
                double wy1 = w1 * y1;
                sx += wx;
                ux += wx1;
                sy += wy;
                uy += wy1;
                rxx += wx * x;
                uxx += wx1 * x1;
                ryy += wy * y;
                uyy += wy1 * y1;
                rxy += wx * y;
                uxy += wx1 * y1;
                count += times[i] + times[i + 1];
            }
            if (i < len) {
                double w = times[i];
                double wx = w * dx[i];
                double wy = w * dy[i];
                sx += wx;
                sy += wy;
                rxx += wx * dx[i];
                ryy += wy * dy[i];
                rxy += wx * dy[i];
                count += times[i];
            }
            return Moments.crossFromSums(count, sx + ux, sy + uy, rxx + uxx, ryy + uyy, rxy + uxy, cy);
        }
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
