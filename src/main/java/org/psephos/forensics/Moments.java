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
     * @param x      values
     * @param idx    indices into {@code x}, or {@code null} for all of {@code x} in order
     * @param n      how many values
     * @param center with indices, the mean of all of {@code x} (the shift of the one-pass sums)
     * @return the skewness
     */
    static double skewness(double[] x, int[] idx, int n, double center) {
        double[] m = central(x, idx, n, center);
        return m[1] > 0 ? m[2] / Math.pow(m[1], 1.5) : Double.NaN;
    }

    /**
     * Pearson kurtosis \( m_4 / m_2^2 \) (normal = 3) as {@code moments::kurtosis}; NaN if the values are all equal.
     *
     * @param x      values
     * @param idx    indices into {@code x}, or {@code null} for all of {@code x} in order
     * @param n      how many values
     * @param center with indices, the mean of all of {@code x} (the shift of the one-pass sums)
     * @return the kurtosis
     */
    static double kurtosis(double[] x, int[] idx, int n, double center) {
        double[] m = central(x, idx, n, center);
        return m[1] > 0 ? m[3] / (m[1] * m[1]) : Double.NaN;
    }

    /**
     * @return {mean, m2, m3, m4}: population central moments. Over the whole array: two passes. Over resampled
     *         indices: one pass of power sums of \( d = x - c \) about the whole array's mean c (close to the
     *         resample's mean, so the sums do not cancel badly), converted to central moments by the binomial
     *         expansion; this halves the reads of the bootstrap's inner loop.
     */
    private static double[] central(double[] x, int[] idx, int n, double center) {
        return idx != null ? centralAbout(x, idx, n, center) : centralMoments(x);
    }

    /** @param x values @return {mean, m2, m3, m4}: population central moments of all of x, in two passes */
    static double[] centralMoments(double[] x) {
        int n = x.length;
        double mean = mean(x);
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (int j = 0; j < n; j++) {
            double d = x[j] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        return new double[] {mean, m2 / n, m3 / n, m4 / n};
    }

    private static double[] centralAbout(double[] x, int[] idx, int n, double c) {
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (int j = 0; j < n; j++) {
            double d = x[idx[j]] - c;
            double d2 = d * d;
            s1 += d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        double[] m = centralFromSums(n, s1, s2, s3, s4);
        m[0] = c + s1 / n;
        return m;
    }

    /**
     * Central moments from power sums of \( d = x - c \) about a shift c close to the mean, by the binomial expansion.
     *
     * @param n  how many values (positive)
     * @param s1 sum of d
     * @param s2 sum of d squared
     * @param s3 sum of d cubed
     * @param s4 sum of d to the fourth
     * @return {n, m2, m3, m4}: population central moments; m2 is 0 when the difference is rounding error (a
     *         constant sample)
     */
    static double[] centralFromSums(int n, double s1, double s2, double s3, double s4) {
        double a = s1 / n;
        double r2 = s2 / n;
        double r3 = s3 / n;
        double r4 = s4 / n;
        double a2 = a * a;
        double m2 = r2 - a2;
        if (m2 <= r2 * 1e-12) {
            m2 = 0; // a constant resample: the difference is rounding error, the variance is zero
        }
        double m3 = r3 - 3 * a * r2 + 2 * a2 * a;
        double m4 = r4 - 4 * a * r3 + 6 * a2 * r2 - 3 * a2 * a2;
        return new double[] {n, m2, m3, m4};
    }

    /**
     * Pearson correlation and OLS slope of y on x. Over the whole arrays: two passes. Over resampled indices: one
     * pass of cross-products of deviations from the given centers (the whole arrays' means), corrected by the
     * resample's mean deviation, which halves the reads of the bootstrap's inner loop.
     *
     * @param x   regressor values
     * @param y   response values
     * @param idx indices, or {@code null} for all in order
     * @param n   how many
     * @param cx  with indices, the mean of all of x
     * @param cy  with indices, the mean of all of y
     * @return {r, slope, mean of y}; r and slope are NaN when x (or, for r, y) has zero variance
     */
    static double[] regression(double[] x, double[] y, int[] idx, int n, double cx, double cy) {
        double sxx;
        double syy;
        double sxy;
        double my;
        if (idx == null) {
            double mx = mean(x);
            my = mean(y);
            sxx = 0;
            syy = 0;
            sxy = 0;
            for (int i = 0; i < n; i++) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        } else {
            double sx = 0;
            double sy = 0;
            double rxx = 0;
            double ryy = 0;
            double rxy = 0;
            for (int j = 0; j < n; j++) {
                int i = idx[j];
                double dx = x[i] - cx;
                double dy = y[i] - cy;
                sx += dx;
                sy += dy;
                rxx += dx * dx;
                ryy += dy * dy;
                rxy += dx * dy;
            }
            return crossFromSums(n, sx, sy, rxx, ryy, rxy, cy);
        }
        return finishRegression(sxx, syy, sxy, my);
    }

    /**
     * Pearson r and the OLS slope from sums of deviations \( d_x = x - c_x \), \( d_y = y - c_y \) about shifts close
     * to the means.
     *
     * @param n   how many (positive)
     * @param sx  sum of d_x
     * @param sy  sum of d_y
     * @param rxx sum of d_x squared
     * @param ryy sum of d_y squared
     * @param rxy sum of d_x d_y
     * @param cy  the shift of y
     * @return {r, slope, mean of y}, as {@link #regression}
     */
    static double[] crossFromSums(double n, double sx, double sy, double rxx, double ryy, double rxy, double cy) {
        double sxx = rxx - sx * sx / n;
        double syy = ryy - sy * sy / n;
        double sxy = rxy - sx * sy / n;
        if (sxx <= rxx * 1e-12) {
            sxx = 0;
        }
        if (syy <= ryy * 1e-12) {
            syy = 0;
        }
        return finishRegression(sxx, syy, sxy, cy + sy / n);
    }

    private static double[] finishRegression(double sxx, double syy, double sxy, double my) {
        double r = sxx > 0 && syy > 0 ? Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : Double.NaN;
        double slope = sxx > 0 ? sxy / sxx : Double.NaN;
        return new double[] {r, slope, my};
    }
}
