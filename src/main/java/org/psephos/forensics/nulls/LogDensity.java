package org.psephos.forensics.nulls;

import org.psephos.simulation.Quantiles;
import org.psephos.simulation.SampleMoments;

/**
 * The first two derivatives of the log of a Gaussian kernel density estimate (Silverman's bandwidth
 * 0.9·min(sd, IQR/1.349)·n^(−1/5), B. W. Silverman 1986, Density Estimation, eq. 3.31), linearly binned on a grid
 * of spacing h/4 and interpolated: the local centre and spread that {@link MatchedRates} shrinks each unit's logit
 * towards. Package-private, immutable.
 */
final class LogDensity {
    /** The IQR of a normal sample over its sd. */
    private static final double IQR_PER_SD = 1.3489795003921634;
    private static final int MAX_GRID = 1 << 16;
    /** The smallest bandwidth as a share of the sample's spread (its square is taken out of the spread). */
    private static final double MIN_BANDWIDTH = 0.25;
    final double bandwidth;
    private final double lo;
    private final double step;
    private final double[] f0;
    private final double[] f1;
    private final double[] f2;
    /** The density below which a point has too few neighbours for its derivatives (about one unit's worth). */
    private final double floor;

    private LogDensity(double bandwidth, double lo, double step, double[] f0, double[] f1, double[] f2,
                       double floor) {
        this.bandwidth = bandwidth;
        this.lo = lo;
        this.step = step;
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.floor = floor;
    }

    /**
     * @param sorted  the values, sorted
     * @param lattice the typical distance between neighbouring values of a count's logit (its binomial
     *                variance v: d logit/dx = 1/x + 1/(m − x)); the bandwidth is at least twice it
     */
    static LogDensity of(double[] sorted, double lattice) {
        int n = sorted.length;
        double mean = SampleMoments.mean(sorted, n);
        double sd = SampleMoments.sd(sorted, n, mean);
        double iqr = n > 1 ? (Quantiles.type7(sorted, n, 0.75) - Quantiles.type7(sorted, n, 0.25)) / IQR_PER_SD
                : 0;
        double s = iqr > 0 ? Math.min(sd, iqr) : sd;
        if (!(s > 0)) {
            return new LogDensity(0, 0, 1, null, null, null, 0);
        }
        double h = Math.max(Math.max(0.9 * s * Math.pow(n, -0.2), MIN_BANDWIDTH * s), 2 * lattice);
        double lo = sorted[0] - 4 * h;
        double hi = sorted[n - 1] + 4 * h;
        double dx = Math.max(h / 4, (hi - lo) / (MAX_GRID - 1));
        int g = (int) Math.ceil((hi - lo) / dx) + 1;
        double[] w = new double[g];
        for (double y : sorted) {
            double t = (y - lo) / dx;
            int j = Math.min(g - 2, (int) t);
            double frac = t - j;
            w[j] += 1 - frac;
            w[j + 1] += frac;
        }
        int half = (int) Math.ceil(4 * h / dx);
        double[] k0 = new double[2 * half + 1];
        double[] k1 = new double[k0.length];
        double[] k2 = new double[k0.length];
        double norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
        for (int j = -half; j <= half; j++) {
            double u = j * dx / h;
            double phi = Math.exp(-0.5 * u * u) * norm;
            // derivatives in the evaluation point x of K((x − y)/h): u = (x − y)/h
            k0[j + half] = phi;
            k1[j + half] = -u * phi / h;
            k2[j + half] = (u * u - 1) * phi / (h * h);
        }
        double[] f0 = new double[g];
        double[] f1 = new double[g];
        double[] f2 = new double[g];
        for (int j = 0; j < g; j++) {
            if (w[j] == 0) {
                continue;
            }
            int from = Math.max(0, j - half);
            int to = Math.min(g - 1, j + half);
            for (int q = from; q <= to; q++) {
                int kk = q - j + half;
                f0[q] += w[j] * k0[kk];
                f1[q] += w[j] * k1[kk];
                f2[q] += w[j] * k2[kk];
            }
        }
        return new LogDensity(h, lo, dx, f0, f1, f2, norm * 2);
    }

    /** @return {(log f)', (log f)''} at y, or null where the density is too thin (or the sample has no spread) */
    double[] at(double y) {
        if (f0 == null) {
            return null;
        }
        double t = (y - lo) / step;
        int j = Math.max(0, Math.min(f0.length - 2, (int) t));
        double a = t - j;
        double d0 = (1 - a) * f0[j] + a * f0[j + 1];
        if (!(d0 > floor)) {
            return null;
        }
        double d1 = ((1 - a) * f1[j] + a * f1[j + 1]) / d0;
        double d2 = ((1 - a) * f2[j] + a * f2[j + 1]) / d0;
        return new double[] {d1, d2 - d1 * d1};
    }
}
