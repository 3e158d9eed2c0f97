package org.psephos.forensics.nulls;

import java.util.Arrays;
import org.psephos.simulation.Quantiles;
import org.psephos.simulation.SampleMoments;

/**
 * A statistic on the data and its distribution over the replicates of a null model: per value of the statistic
 * (see {@link NullStatistic#width()}), the observed value and the R replicate values in replicate order.
 *
 * <p>Summaries use the finite replicates only (a statistic can be undefined on a replicate, e.g. a mean over no
 * usable count). p-values are the Monte Carlo p-values with the observed value counted among the replicates
 * (Davison and Hinkley 1997, §4.2.1): upper \( (1 + \#\{t^*_r \ge t\}) / (1 + R') \), lower likewise with ≤, and
 * two-sided \( \min(1, 2\min(p_{upper}, p_{lower})) \), where R' is the number of finite replicates; NaN if the
 * observed value is not finite or no replicate is. Quantiles interpolate linearly between order statistics
 * (R's type 7, numpy's default). Immutable.
 *
 * @since 0.1
 */
public final class NullDistribution {
    private final double[] observed;
    private final double[][] values;
    private final double[][] sorted;
    private final double[] drift;
    private final long seed;

    /**
     * @param observed the statistic on the data, one entry per value
     * @param values   [value][replicate]
     * @param seed     the run seed the replicates came from
     */
    NullDistribution(double[] observed, double[][] values, long seed) {
        this(observed, values, new double[observed.length], seed);
    }

    /**
     * @param observed the statistic on the data, one entry per value
     * @param values   [value][replicate], already shifted by the drift
     * @param drift    per value the drift subtracted from its replicates (0 for none)
     * @param seed     the run seed the replicates came from
     */
    NullDistribution(double[] observed, double[][] values, double[] drift, long seed) {
        this.drift = drift.clone();
        this.observed = observed.clone();
        this.values = new double[values.length][];
        this.sorted = new double[values.length][];
        for (int c = 0; c < values.length; c++) {
            this.values[c] = values[c].clone();
            this.sorted[c] = Arrays.stream(values[c]).filter(Double::isFinite).sorted().toArray();
        }
        this.seed = seed;
    }

    /** @return the number of values of the statistic */
    public int width() {
        return observed.length;
    }

    /** @return the number of replicates drawn */
    public int replicates() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** @return the seed of the run */
    public long seed() {
        return seed;
    }

    /**
     * @param c a value index
     * @return the drift E[T(x**)] − E[T(x*)] that was subtracted from the value's replicates under a drift-corrected
     *         resampling null ({@link ResamplingModel.Drift#CORRECTED}); 0 otherwise
     */
    public double drift(int c) {
        return drift[c];
    }

    /** @param c a value index @return the observed value */
    public double observed(int c) {
        return observed[c];
    }

    /** @param c a value index @return its replicate values in replicate order (a copy) */
    public double[] values(int c) {
        return values[c].clone();
    }

    /** @param c a value index @return how many replicates are finite */
    public int finite(int c) {
        return sorted[c].length;
    }

    /** @param c a value index @return the mean over the finite replicates (NaN if none) */
    public double mean(int c) {
        double[] s = sorted[c];
        return s.length == 0 ? Double.NaN : SampleMoments.mean(s, s.length);
    }

    /** @param c a value index @return the standard deviation (n − 1) over the finite replicates (NaN below 2) */
    public double sd(int c) {
        double[] s = sorted[c];
        if (s.length < 2) {
            return Double.NaN;
        }
        return Math.sqrt(SampleMoments.squaredDeviations(s, s.length, mean(c)) / (s.length - 1));
    }

    /**
     * @param c a value index
     * @param q a probability in [0, 1]
     * @return the q-quantile of the finite replicates (type 7; NaN if none)
     */
    public double quantile(int c, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile probability is not in [0, 1]: " + q);
        }
        return Quantiles.type7(sorted[c], q);
    }

    /** @param c a value index @return (1 + #{replicates ≥ observed}) / (1 + finite replicates) */
    public double pUpper(int c) {
        return tail(c, Tail.UPPER);
    }

    /** @param c a value index @return (1 + #{replicates ≤ observed}) / (1 + finite replicates) */
    public double pLower(int c) {
        return tail(c, Tail.LOWER);
    }

    /** @param c a value index @return min(1, 2 min(upper, lower)) */
    public double pTwoSided(int c) {
        return Math.min(1, 2 * Math.min(pUpper(c), pLower(c)));
    }

    /** Which replicates a one-sided p-value counts. */
    private enum Tail {
        /** Those at or above the observed value. */
        UPPER,
        /** Those at or below the observed value. */
        LOWER
    }

    private double tail(int c, Tail tail) {
        double t = observed[c];
        double[] s = sorted[c];
        if (!Double.isFinite(t) || s.length == 0) {
            return Double.NaN;
        }
        int count = 0;
        for (double v : s) {
            count += (tail == Tail.UPPER ? v >= t : v <= t) ? 1 : 0;
        }
        return (1.0 + count) / (1.0 + s.length);
    }
}
