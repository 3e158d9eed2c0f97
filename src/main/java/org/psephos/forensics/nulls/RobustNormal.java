package org.psephos.forensics.nulls;

import java.util.Arrays;
import org.psephos.simulation.Quantiles;
import org.psephos.simulation.SampleMoments;

/**
 * Location and spread of the clean part of a sample whose anomalies lie in its upper tail (see
 * {@link TwinOptions.TailRule}). Package-private helper of {@link ComponentFit}; stateless.
 *
 * <p>The mode is the maximum of a Gaussian kernel density estimate (Silverman's bandwidth 0.9·s·n^(−1/5), binned
 * on a grid of spacing h/4 over the sample's 1st to 99th percentiles, refined by a parabola through the three grid
 * points around the maximum), computed twice: first with s the interquartile range / 1.349, then with s the spread
 * of the first pass (so that a heavy upper tail does not widen the kernel). Kobak, Shpilkin and Pshenichnikov read
 * the clean peak of turnout and support as the first maximum of a kernel density in the same way
 * ({@code dkobak/elections}, {@code meduza2018/meduza.ipynb}).
 */
final class RobustNormal {
    /** Φ⁻¹(0.75): the median of a standard half-normal. */
    private static final double Q3 = 0.6744897501960817;
    /** Fewest values for a density mode; below it the median stands in. */
    private static final int MIN_MODE = 20;

    private RobustNormal() {
    }

    /**
     * @param sorted values in increasing order, none NaN
     * @param n      how many of them to use (from index 0)
     * @param rule   the rule
     * @return {location, spread}; {NaN, NaN} for no value, spread 0 for one
     */
    static double[] fit(double[] sorted, int n, TwinOptions.TailRule rule) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (rule == TwinOptions.TailRule.ALL) {
            double m = SampleMoments.mean(sorted, n);
            return new double[] {m, SampleMoments.sd(sorted, n, m)};
        }
        double iqr = (Quantiles.type7(sorted, n, 0.75) - Quantiles.type7(sorted, n, 0.25)) / 1.349;
        if (n < MIN_MODE || !(iqr > 0)) {
            double med = Quantiles.type7(sorted, n, 0.5);
            return new double[] {med, spread(sorted, n, med, rule, iqr)};
        }
        double m = mode(sorted, n, iqr);
        double s = spread(sorted, n, m, rule, iqr);
        m = mode(sorted, n, s > 0 ? s : iqr);
        return new double[] {m, spread(sorted, n, m, rule, iqr)};
    }

    /** The rule's spread about m; the fallback when too few values lie below m. */
    private static double spread(double[] sorted, int n, double m, TwinOptions.TailRule rule, double fallback) {
        double[] d = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double x = sorted[i];
            if (rule == TwinOptions.TailRule.SYMMETRIC) {
                d[k++] = Math.abs(x - m);
            } else if (x < m) {
                d[k++] = m - x;
            }
        }
        if (k < 3) {
            return Math.max(0, fallback);
        }
        Arrays.sort(d, 0, k);
        return Quantiles.type7(d, k, 0.5) / Q3;
    }

    /** The location of the kernel density's maximum with bandwidth 0.9·s·n^(−1/5). */
    static double mode(double[] sorted, int n, double s) {
        double h = 0.9 * s * Math.pow(n, -0.2);
        double lo = Quantiles.type7(sorted, n, 0.01) - 3 * h;
        double hi = Quantiles.type7(sorted, n, 0.99) + 3 * h;
        double step = h / 4;
        int grid = (int) Math.min(8192, Math.ceil((hi - lo) / step) + 1);
        step = (hi - lo) / (grid - 1);
        // Linear binning of the values, then the kernel as a discrete convolution (4 bandwidths each side).
        double[] bins = new double[grid];
        for (int i = 0; i < n; i++) {
            double pos = (sorted[i] - lo) / step;
            int b = (int) Math.floor(pos);
            if (b < 0 || b >= grid - 1) {
                continue;
            }
            double f = pos - b;
            bins[b] += 1 - f;
            bins[b + 1] += f;
        }
        int reach = (int) Math.ceil(4 * h / step);
        double[] kernel = new double[reach + 1];
        for (int j = 0; j <= reach; j++) {
            double u = j * step / h;
            kernel[j] = Math.exp(-0.5 * u * u);
        }
        int best = 0;
        double bestValue = -1;
        double[] density = new double[grid];
        for (int g = 0; g < grid; g++) {
            double sum = 0;
            for (int j = Math.max(0, g - reach); j <= Math.min(grid - 1, g + reach); j++) {
                sum += bins[j] * kernel[Math.abs(g - j)];
            }
            density[g] = sum;
            if (sum > bestValue) {
                bestValue = sum;
                best = g;
            }
        }
        double x = lo + best * step;
        if (best > 0 && best < grid - 1) {
            double a = density[best - 1];
            double b = density[best];
            double c = density[best + 1];
            double denom = a - 2 * b + c;
            if (denom < 0) {
                x += 0.5 * (a - c) / denom * step;
            }
        }
        return x;
    }
}
