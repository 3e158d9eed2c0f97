package org.psephos.scenarios;

import java.util.Arrays;
import org.psephos.simulation.ReplicateDistribution;

/**
 * The distribution of one quantity over the R replicates of a scenario point, with the Monte Carlo error of each
 * figure: mean, sd (divisor R − 1), the 2.5%, 50% and 97.5% quantiles ({@link ReplicateDistribution}'s type 7
 * quantiles), and the standard errors of the mean (sd / √R) and of the two outer quantiles.
 *
 * <p>Quantile error, distribution-free: the number of replicates below the true p-quantile is Binomial(R, p), so
 * the order statistics of ranks Rp ± √(Rp(1 − p)) bracket it with about one standard error on either side; half
 * their distance is reported as the standard error (the order-statistic interval for quantiles, Conover 1999,
 * <i>Practical Nonparametric Statistics</i>, 3rd ed., §3.2, at one binomial standard deviation). Immutable.
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
                quantileError(sorted, 0.025), quantileError(sorted, 0.975));
    }

    /**
     * @param sorted values in increasing order, at least one
     * @param p      the quantile's probability
     * @return half the distance between the order statistics of ranks Rp ± √(Rp(1 − p)), clamped to the sample
     */
    static double quantileError(double[] sorted, double p) {
        int r = sorted.length;
        double h = Math.sqrt(r * p * (1 - p));
        int lo = (int) Math.min(r, Math.max(1, Math.floor(r * p - h)));
        int hi = (int) Math.min(r, Math.max(1, Math.ceil(r * p + h)));
        return (sorted[hi - 1] - sorted[lo - 1]) / 2;
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
