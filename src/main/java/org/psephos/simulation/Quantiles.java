package org.psephos.simulation;

/**
 * Sample quantiles of sorted values by linear interpolation between order statistics: Hyndman and Fan's (1996,
 * "Sample quantiles in statistical packages", The American Statistician 50(4):361–365) definition 7, the default of
 * R's {@code quantile} and of {@code numpy.percentile}. The q-quantile of n sorted values is
 * x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) with h = (n − 1)q (0-based). The one home of this rule for the replicate
 * summaries, the calibrated nulls, the robust twin fit and the integer-percent test.
 *
 * @since 0.1
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * @param sorted values in increasing order
     * @param q      a probability in [0, 1]
     * @return their type-7 q-quantile, NaN if there are none
     */
    public static double type7(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : type7(sorted, sorted.length, q);
    }

    /**
     * @param sorted values whose first n are in increasing order
     * @param n      how many of them count, at least 1
     * @param q      a probability in [0, 1]
     * @return the type-7 q-quantile of the first n
     */
    public static double type7(double[] sorted, int n, double q) {
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * {@code numpy.percentile(x, percent)} with its default interpolation (type 7), on integer values.
     *
     * @param sorted  values in increasing order, at least one
     * @param percent a percentage in [0, 100]
     * @return the percentile
     */
    public static double percentile(long[] sorted, double percent) {
        double h = (sorted.length - 1) * percent / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
