package org.psephos.forensics;

/**
 * Central moments and the statistics built on them, over a whole array or over resampled indices, with population
 * (divide-by-n) moments as R's {@code moments} package uses. Package-private helper.
 */
final class Moments {
    private Moments() {
    }

    /** @param x values @return whether every value is the same (so the variance is zero) */
    static boolean constant(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] != x[0]) {
                return false;
            }
        }
        return true;
    }

    /** @param x values @return their arithmetic mean */
    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /**
     * @param x   values
     * @param idx indices into {@code x}
     * @param n   how many indices to use
     * @return the mean of {@code x[idx[0..n)]}
     */
    static double mean(double[] x, int[] idx, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += x[idx[j]];
        }
        return s / n;
    }

    /**
     * Skewness \( m_3 / m_2^{3/2} \) as {@code moments::skewness}; NaN if the values are all equal.
     *
     * @param x   values
     * @param idx indices into {@code x}, or {@code null} for all of {@code x} in order
     * @param n   how many values
     * @return the skewness
     */
    static double skewness(double[] x, int[] idx, int n) {
        double[] m = central(x, idx, n);
        return m[1] > 0 ? m[2] / Math.pow(m[1], 1.5) : Double.NaN;
    }

    /**
     * Pearson kurtosis \( m_4 / m_2^2 \) (normal = 3) as {@code moments::kurtosis}; NaN if the values are all equal.
     *
     * @param x   values
     * @param idx indices into {@code x}, or {@code null} for all of {@code x} in order
     * @param n   how many values
     * @return the kurtosis
     */
    static double kurtosis(double[] x, int[] idx, int n) {
        double[] m = central(x, idx, n);
        return m[1] > 0 ? m[3] / (m[1] * m[1]) : Double.NaN;
    }

    /** @return {mean, m2, m3, m4}, population central moments computed in two passes */
    private static double[] central(double[] x, int[] idx, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += x[idx == null ? j : idx[j]];
        }
        double mean = s / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (int j = 0; j < n; j++) {
            double d = x[idx == null ? j : idx[j]] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        return new double[] {mean, m2 / n, m3 / n, m4 / n};
    }

    /**
     * Pearson correlation and OLS slope of y on x over the given indices.
     *
     * @param x   regressor values
     * @param y   response values
     * @param idx indices, or {@code null} for all in order
     * @param n   how many
     * @return {r, slope, mean of y}; r and slope are NaN when x (or, for r, y) has zero variance
     */
    static double[] regression(double[] x, double[] y, int[] idx, int n) {
        double sx = 0;
        double sy = 0;
        for (int j = 0; j < n; j++) {
            int i = idx == null ? j : idx[j];
            sx += x[i];
            sy += y[i];
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int j = 0; j < n; j++) {
            int i = idx == null ? j : idx[j];
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        double r = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
        double slope = sxx > 0 ? sxy / sxx : Double.NaN;
        return new double[] {r, slope, my};
    }
}
