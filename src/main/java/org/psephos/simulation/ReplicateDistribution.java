package org.psephos.simulation;

import java.util.Arrays;

/**
 * The distribution of one national quantity over the replicates of a run: mean, standard deviation (divisor
 * R − 1; 0 for one replicate) and the 2.5%, 50% and 97.5% quantiles (Hyndman and Fan 1996 type 7, linear
 * interpolation between order statistics, R's and numpy's default). Immutable.
 *
 * @param mean   the mean
 * @param sd     the sample standard deviation
 * @param q025   the 2.5% quantile
 * @param median the median
 * @param q975   the 97.5% quantile
 * @since 0.1
 */
public record ReplicateDistribution(double mean, double sd, double q025, double median, double q975) {
    /**
     * @param values one value per replicate, at least one
     * @return their distribution
     * @throws IllegalArgumentException if there are no values
     */
    public static ReplicateDistribution of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no replicates");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = SampleMoments.mean(sorted, sorted.length);
        double sd = SampleMoments.sd(sorted, sorted.length, mean);
        return new ReplicateDistribution(mean, sd, Quantiles.type7(sorted, 0.025),
                Quantiles.type7(sorted, 0.5), Quantiles.type7(sorted, 0.975));
    }
}
