package org.psephos.forensics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The nonparametric bootstrap with the basic ("reverse percentile") interval, as R's
 * {@code boot(data, statistic, R)} with {@code boot.ci(type = "basic")} that the Election Forensics Toolkit uses
 * (Davison and Hinkley 1997, <i>Bootstrap Methods and their Application</i>, §5.2, eq. 5.6).
 *
 * <p>Each replicate draws n units with replacement and recomputes the statistic \( t^*_r \). The basic interval at
 * level \( 1 - 2\alpha \) is \( (2\hat\theta - t^*_{((R+1)(1-\alpha))},\ 2\hat\theta - t^*_{((R+1)\alpha)}) \), where
 * the order statistics are interpolated on the normal quantile scale exactly as {@code boot:::norm.inter} does when
 * \( (R+1)\alpha \) is not an integer. Non-finite replicates (e.g. a kurtosis of a resample whose values are all
 * equal) are dropped before the quantiles, as {@code norm.inter} does; if fewer than two finite replicates remain,
 * the interval is NaN.
 *
 * <p>This class holds the pieces the resampling shares: the block size, the index generator, the interval and the
 * stream-key hash. The replicates themselves are drawn by {@code Resample}, once per group and variable for all the
 * tests that need them: blocks of {@link #BLOCK} replicates, block b drawing from a stream keyed by the group,
 * variable and b, never by the thread, so the replicates and the interval are identical for any thread count.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Bootstrap {
    /** Replicates per block (the unit of parallel work and of random stream keys). */
    public static final int BLOCK = 25;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Bootstrap() {
    }

    /**
     * A basic bootstrap interval.
     *
     * @param low        lower end
     * @param high       upper end
     * @param replicates replicates drawn
     * @param finite     replicates with a finite statistic (the ones the quantiles use)
     */
    public record Interval(double low, double high, int replicates, int finite) {
        /**
         * @param reference a value
         * @return whether the interval lies entirely above or below it (false if the interval is NaN)
         */
        public boolean excludes(double reference) {
            return low > reference || high < reference;
        }
    }

    /**
     * Fills {@code idx[0..n)} with independent uniform indices in [0, n): two 32-bit halves of each 64-bit draw, each
     * mapped by Lemire's multiply-shift with rejection (Lemire 2019, "Fast random integer generation in an
     * interval", ACM TOMACS 29(1), doi:10.1145/3230636), so every index is exactly uniform. Drawing two indices per
     * call halves the generator's share of the bootstrap's time.
     *
     * @param rng the block's generator
     * @param idx where to write
     * @param n   the bound, positive
     */
    static void drawIndices(UniformRandomProvider rng, int[] idx, int n) {
        long bound = n;
        long threshold = (1L << 32) % bound; // 2^32 mod n: products whose low half is below it are rejected
        int j = 0;
        while (j < n) {
            long bits = rng.nextLong();
            long m = (bits >>> 32) * bound;
            if ((m & 0xFFFFFFFFL) >= threshold) {
                idx[j++] = (int) (m >>> 32);
            }
            m = (bits & 0xFFFFFFFFL) * bound;
            if (j < n && (m & 0xFFFFFFFFL) >= threshold) {
                idx[j++] = (int) (m >>> 32);
            }
        }
    }

    /**
     * The basic interval from given replicates, as {@code boot.ci(type = "basic")}.
     *
     * @param estimate the statistic on the data
     * @param t        the replicates (not modified)
     * @param conf     the confidence level, in (0, 1)
     * @return the interval; NaN ends if fewer than two replicates are finite
     */
    public static Interval basicInterval(double estimate, double[] t, double conf) {
        double[] finite = Arrays.stream(t).filter(Double::isFinite).sorted().toArray();
        if (finite.length < 2) {
            return new Interval(Double.NaN, Double.NaN, t.length, finite.length);
        }
        // The same floating-point alphas as boot.ci: (1 + c(-conf, conf)) / 2.
        double lowQ = normInter(finite, (1 - conf) / 2);
        double highQ = normInter(finite, (1 + conf) / 2);
        return new Interval(2 * estimate - highQ, 2 * estimate - lowQ, t.length, finite.length);
    }

    /** {@code boot:::norm.inter} for one alpha, on sorted values. */
    static double normInter(double[] sorted, double alpha) {
        int r = sorted.length;
        double rk = (r + 1) * alpha;
        int k = (int) Math.floor(rk);
        if (k == rk && k >= 1 && k <= r) {
            return sorted[k - 1];
        }
        if (k <= 0) {
            return sorted[0];
        }
        if (k >= r) {
            return sorted[r - 1];
        }
        double z = NORMAL.inverseCumulativeProbability(alpha);
        double zk = NORMAL.inverseCumulativeProbability(k / (r + 1.0));
        double zk1 = NORMAL.inverseCumulativeProbability((k + 1) / (r + 1.0));
        double tk = sorted[k - 1];
        double tk1 = sorted[k];
        return tk + (z - zk) / (zk1 - zk) * (tk1 - tk);
    }

    /**
     * A stable 64-bit key part from text (FNV-1a over UTF-8), for stream keys built from test ids, variable names and
     * group labels. Unlike {@link String#hashCode()} it is 64 bits wide.
     *
     * @param text the text
     * @return its hash
     */
    public static long key(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
