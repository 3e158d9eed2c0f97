package org.psephos.simulation;

/**
 * The sample mean and standard deviation of the first n values of an array, by two passes in index order (the mean,
 * then the squared deviations from it): one home for what kernel-density bandwidths and the clean-twin fit read off
 * their values, with the arithmetic numpy's {@code mean} and {@code std(ddof=1)} use for small arrays, so that
 * {@code estimation.KlimekPeaks} keeps its bit-for-bit parity with Kobak et al.'s notebook. Stateless.
 *
 * @since 0.1
 */
public final class SampleMoments {
    private SampleMoments() {
    }

    /**
     * @param x values
     * @param n how many of them, at least 1
     * @return their mean, summed in index order
     */
    public static double mean(double[] x, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        return s / n;
    }

    /**
     * @param x    values
     * @param n    how many of them
     * @param mean their mean
     * @return the sum of their squared deviations from the mean, in index order
     */
    public static double squaredDeviations(double[] x, int n, double mean) {
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (x[i] - mean) * (x[i] - mean);
        }
        return ss;
    }

    /**
     * @param x    values
     * @param n    how many of them
     * @param mean their mean
     * @return the sample standard deviation (divisor n − 1), 0 for fewer than two values
     */
    public static double sd(double[] x, int n, double mean) {
        return n > 1 ? Math.sqrt(squaredDeviations(x, n, mean) / (n - 1)) : 0;
    }
}
