package org.psephos.scenarios;

import java.util.Arrays;
import org.psephos.simulation.ReplicateDistribution;

/**
 * The distribution of one quantity over the R replicates of a scenario point, with the Monte Carlo error of each
 * figure: mean, sd (divisor R − 1), the 2.5%, 50% and 97.5% quantiles ({@link ReplicateDistribution}'s type 7
 * quantiles), and the standard errors of the mean (sd / √R) and of the two outer quantiles.
 *
 * <p>Quantile error: the Maritz–Jarrett estimate of the standard error of a sample quantile (Maritz and Jarrett
 * 1978, "A note on estimating the variance of the sample median", JASA 73(361), 194–196; Wilcox 2012,
 * <i>Introduction to Robust Estimation and Hypothesis Testing</i>, 3rd ed., §3.5.3): the sd of the order statistic
 * of rank m = ⌊Rp + ½⌋ under weights W_i = I_{i/R}(m − 1, R − m) − I_{(i−1)/R}(m − 1, R − m) on the sorted values
 * (I the regularized incomplete beta function), distribution-free and using every replicate. Where m − 1 or R − m is
 * zero (R too small for the quantile) or a value is infinite, the order-statistic interval is used instead: half
 * the distance between the order statistics at ranks Rp ± √(Rp(1 − p)) (Conover 1999, <i>Practical Nonparametric
 * Statistics</i>, 3rd ed., §3.2, at one binomial standard deviation). Immutable.
 *
 * @param mean      the mean
 * @param sd        the sample standard deviation
 * @param q025      the 2.5% quantile
 * @param median    the median
 * @param q975      the 97.5% quantile
 * @param meanError the Monte Carlo standard error of the mean
 * @param q025Error the Monte Carlo standard error of the 2.5% quantile
 * @param q975Error the Monte Carlo standard error of the 97.5% quantile
 * @since 0.1
 */
public record ReplicateEstimate(double mean, double sd, double q025, double median, double q975, double meanError,
                                double q025Error, double q975Error) {
    /**
     * @param values one value per replicate, at least one
     * @return the estimate
     * @throws IllegalArgumentException if there are no values
     */
    public static ReplicateEstimate of(double[] values) {
        ReplicateDistribution d = ReplicateDistribution.of(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int r = sorted.length;
        return new ReplicateEstimate(d.mean(), d.sd(), d.q025(), d.median(), d.q975(), d.sd() / Math.sqrt(r),
                maritzJarrett(sorted, 0.025), maritzJarrett(sorted, 0.975));
    }

    /**
     * @param sorted values in increasing order, at least one
     * @param p      the quantile's probability
     * @return the Maritz–Jarrett standard error of the sample p-quantile (see the class comment), or the
     *         order-statistic interval's half-width where it does not apply
     */
    static double maritzJarrett(double[] sorted, double p) {
        int r = sorted.length;
        int m = (int) Math.min(r, Math.max(1, Math.floor(p * r + 0.5)));
        if (m - 1 < 1 || r - m < 1 || !Double.isFinite(sorted[0]) || !Double.isFinite(sorted[r - 1])) {
            return quantileError(sorted, p);
        }
        double centre = sorted[m - 1];
        double c1 = 0;
        double c2 = 0;
        double previous = 0;
        for (int i = 1; i <= r; i++) {
            double cdf = i == r ? 1 : org.apache.commons.math3.special.Beta.regularizedBeta((double) i / r, m - 1,
                    r - m);
            double w = cdf - previous;
            previous = cdf;
            double x = sorted[i - 1] - centre;
            c1 += w * x;
            c2 += w * x * x;
        }
        return Math.sqrt(Math.max(0, c2 - c1 * c1));
    }

    /**
     * The order-statistic interval's half-width, for a quantile of values that may be infinite (the crossings of a
     * threshold, +∞ for a replicate that never crosses).
     *
     * @param sorted values in increasing order, at least one (+∞ allowed)
     * @param p      the quantile's probability
     * @return half the distance between the order statistics at the (fractional, linearly interpolated) ranks
     *         Rp ± √(Rp(1 − p)), clamped to the sample; NaN if either is infinite
     */
    static double quantileError(double[] sorted, double p) {
        int r = sorted.length;
        double h = Math.sqrt(r * p * (1 - p));
        double e = (rank(sorted, r * p + h) - rank(sorted, r * p - h)) / 2;
        return Double.isFinite(e) ? e : Double.NaN;
    }

    /** @return the order statistic of (1-based, fractional) rank k, linear between ranks, clamped to [1, R] */
    private static double rank(double[] sorted, double k) {
        double c = Math.min(sorted.length, Math.max(1, k));
        int lo = (int) Math.floor(c);
        double f = c - lo;
        if (f == 0 || lo >= sorted.length) {
            return sorted[lo - 1];
        }
        double a = sorted[lo - 1];
        double b = sorted[lo];
        return Double.isInfinite(b) ? b : a + f * (b - a);
    }

    /**
     * @param p a probability estimated from R replicates
     * @param r R
     * @return its binomial standard error √(p(1 − p)/R)
     */
    public static double probabilityError(double p, int r) {
        return Double.isFinite(p) ? Math.sqrt(p * (1 - p) / r) : Double.NaN;
    }

    /** @return the largest of the three errors */
    public double largestError() {
        return Math.max(meanError, Math.max(q025Error, q975Error));
    }
}
