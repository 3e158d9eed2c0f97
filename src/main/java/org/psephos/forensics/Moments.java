package org.psephos.forensics;

import org.psephos.simulation.SampleMoments;

/**
 * Central moments and the statistics built on them, with population (divide-by-n) moments as R's {@code moments}
 * package uses: over a whole array in two passes, and from the one-pass power sums the bootstrap accumulates over a
 * resample ({@link #centralFromSums}, {@link #crossFromSums}, used by {@link Resample}). Package-private helper.
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
        return SampleMoments.mean(x, x.length);
    }

    /**
     * Skewness \( m_3 / m_2^{3/2} \) as {@code moments::skewness}; NaN if the values are all equal.
     *
     * @param x values
     * @return the skewness
     */
    static double skewness(double[] x) {
        if (constant(x)) {
            return Double.NaN; // the mean's rounding error would otherwise give ±1
        }
        double[] m = centralMoments(x);
        return skewness(m[1], m[2], m[3]);
    }

    /**
     * Pearson kurtosis \( m_4 / m_2^2 \) (normal = 3) as {@code moments::kurtosis}; NaN if the values are all equal.
     *
     * @param x values
     * @return the kurtosis
     */
    static double kurtosis(double[] x) {
        if (constant(x)) {
            return Double.NaN; // the mean's rounding error would otherwise give 1
        }
        double[] m = centralMoments(x);
        return kurtosis(m[1], m[2], m[3]);
    }

    /** Skewness from population central moments, NaN without variance (a {@link Resample.MomentStatistic}). */
    static double skewness(double m2, double m3, double m4) {
        return m2 > 0 ? m3 / Math.pow(m2, 1.5) : Double.NaN;
    }

    /** Pearson kurtosis from population central moments, NaN without variance (a {@link Resample.MomentStatistic}). */
    static double kurtosis(double m2, double m3, double m4) {
        return m2 > 0 ? m4 / (m2 * m2) : Double.NaN;
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
     * Pearson correlation and OLS slope of y on x over the whole arrays, in two passes. (The bootstrap's one-pass
     * version over a resample is {@link #crossFromSums}.)
     *
     * @param x regressor values
     * @param y response values, as many
     * @return {r, slope, mean of y}; r and slope are NaN when x (or, for r, y) has zero variance
     */
    static double[] regression(double[] x, double[] y) {
        double[] s = crossSums(x, y);
        return finishRegression(s[2], s[3], s[4], s[1]);
    }

    /**
     * @param x values
     * @param y as many values
     * @return {mean x, mean y, Σ(x − x̄)², Σ(y − ȳ)², Σ(x − x̄)(y − ȳ)}, in two passes
     */
    static double[] crossSums(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        return new double[] {mx, my, sxx, syy, sxy};
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
