package org.psephos.forensics.nulls;

import java.util.Arrays;
import org.psephos.simulation.Quantiles;

/**
 * Fits one logit-normal component of the clean-twin model (turnout, invalid share, the leader's support, one
 * log-ratio of the other options) per group, robustly, and shrinks it towards the national fit. Package-private;
 * the method is documented on {@link TwinModel}.
 */
final class ComponentFit {
    /** Fewest units for the size slope. */
    private static final int MIN_SLOPE_UNITS = 200;
    private static final int SLOPE_BINS = 10;
    /**
     * Fewest groups with units for a between-group spread τ: with fewer (two settlement types, three
     * districts) nothing tells a stuffed group from a different one, so each group keeps its own fit.
     */
    static final int MIN_GROUPS = 10;

    /** Which way fraud moves a component, which decides whether a group's centre is clipped from above. */
    enum Push {
        /** Stuffing and added votes push it up (turnout, the leader's support): clip group centres from above. */
        UPWARD,
        /** Fraud does not push it one way (the invalid share, the other options' log-ratios): no clip. */
        NEITHER_WAY
    }

    private ComponentFit() {
    }

    /**
     * @param x       per unit the empirical logit, NaN where the unit does not count
     * @param noise   per unit the sampling variance of x (binomial noise on the logit scale)
     * @param z       per unit the size covariate ln N − mean ln N, or null for no slope
     * @param group   per unit the group code, or null for one group
     * @param groups  number of groups
     * @param options the rule, the clip and the shrinkage
     * @param push    which way anomalies push this component; {@link Push#UPWARD} (turnout, support): group centres
     *                are clipped from above at k robust between-group sd
     * @return the fitted component
     */
    static TwinModel.Component fit(double[] x, double[] noise, double[] z, int[] group, int groups,
                                   TwinOptions options, Push push) {
        int n = x.length;
        double slope = 0;
        double[][] raw = groupFits(x, z, 0, group, groups, options.tail());
        if (z != null) {
            slope = slope(x, z, group, raw[0], options.tail());
            raw = groupFits(x, z, slope, group, groups, options.tail());
        }
        int[] count = new int[groups];
        double[][] noiseOf = new double[groups][];
        int[] fill = new int[groups];
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                count[group == null ? 0 : group[i]]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            noiseOf[g] = new double[count[g]];
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                int g = group == null ? 0 : group[i];
                noiseOf[g][fill[g]++] = noise[i];
            }
        }
        double national = weightedMedian(raw[0], count);
        double nationalScale = weightedMedian(raw[1], count);
        // τ: the median absolute deviation of the group locations (robust while fewer than half of the groups are
        // anomalous; its lower-half form was tried and was noisier with 40 groups, TwinFitStudy).
        double[] deviation = new double[groups];
        for (int g = 0; g < groups; g++) {
            deviation[g] = Math.abs(raw[0][g] - national);
        }
        int populated = 0;
        for (int c : count) {
            populated += c > 0 ? 1 : 0;
        }
        boolean pooled = populated >= MIN_GROUPS;
        double tau = pooled ? weightedMedian(deviation, count) / 0.6744897501960817 : 0;
        tau = Double.isNaN(tau) ? 0 : tau;
        double[] centre = new double[groups];
        double[] sd = new double[groups];
        boolean[] clipped = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            if (count[g] == 0) {
                centre[g] = national;
                sd[g] = latent(nationalScale, 0);
                continue;
            }
            double se2 = 2 * raw[1][g] * raw[1][g] / count[g];
            double w = !pooled ? 1 : tau > 0 ? tau * tau / (tau * tau + se2) : 0;
            double d = w * (raw[0][g] - national);
            if (pooled && push == Push.UPWARD && Double.isFinite(options.groupClip()) && d > options.groupClip() * tau) {
                d = options.groupClip() * tau;
                clipped[g] = true;
            }
            centre[g] = national + d;
            double ws = count[g] / (double) (count[g] + options.shrinkUnits());
            double ls = ws * Math.log(Math.max(raw[1][g], 1e-6)) + (1 - ws) * Math.log(Math.max(nationalScale, 1e-6));
            ls = Math.max(Math.log(nationalScale / 2), Math.min(Math.log(nationalScale * 2), ls));
            Arrays.sort(noiseOf[g]);
            sd[g] = latent(Math.exp(ls), Quantiles.type7(noiseOf[g], noiseOf[g].length, 0.5));
        }
        return new TwinModel.Component(centre, sd, raw[0], raw[1], clipped, count, slope, national,
                latent(nationalScale, 0), tau);
    }

    /** The spread without the binomial noise: sqrt(max(0, s² − median noise variance)). */
    private static double latent(double s, double noiseVariance) {
        return Math.sqrt(Math.max(0, s * s - noiseVariance));
    }

    /** @return {location[g], spread[g]} of x − slope·z per group (NaN where a group has no unit) */
    private static double[][] groupFits(double[] x, double[] z, double slope, int[] group, int groups,
                                        TwinOptions.TailRule rule) {
        int n = x.length;
        int[] count = new int[groups];
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                count[group == null ? 0 : group[i]]++;
            }
        }
        double[][] values = new double[groups][];
        for (int g = 0; g < groups; g++) {
            values[g] = new double[count[g]];
        }
        int[] fill = new int[groups];
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                int g = group == null ? 0 : group[i];
                values[g][fill[g]++] = x[i] - (z == null ? 0 : slope * z[i]);
            }
        }
        double[][] out = new double[2][groups];
        for (int g = 0; g < groups; g++) {
            Arrays.sort(values[g]);
            double[] f = RobustNormal.fit(values[g], values[g].length, rule);
            out[0][g] = f[0];
            out[1][g] = f[1];
        }
        return out;
    }

    /**
     * The size slope: the residuals from the group locations, cut into ten bins by z, and the least-squares line of
     * the bins' median residual on their median z, weighted by the bins' counts (the mean residual on the mean z
     * under {@code ALL}). An upper tail that is the same at every size moves every bin alike and leaves the slope
     * alone; medians, unlike modes, are not pulled towards the dense side of the skewed end bins. 0 below
     * {@value #MIN_SLOPE_UNITS} units or without spread in z.
     */
    private static double slope(double[] x, double[] z, int[] group, double[] location, TwinOptions.TailRule rule) {
        int n = 0;
        for (double v : x) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        if (n < MIN_SLOPE_UNITS) {
            return 0;
        }
        Integer[] idx = new Integer[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                idx[k++] = i;
            }
        }
        Arrays.sort(idx, (a, b) -> Double.compare(z[a], z[b]));
        double sw = 0;
        double swz = 0;
        double swy = 0;
        double swzz = 0;
        double swzy = 0;
        for (int b = 0; b < SLOPE_BINS; b++) {
            int from = (int) ((long) n * b / SLOPE_BINS);
            int to = (int) ((long) n * (b + 1) / SLOPE_BINS);
            double[] r = new double[to - from];
            double[] zb = new double[to - from];
            for (int j = from; j < to; j++) {
                int i = idx[j];
                r[j - from] = x[i] - location[group == null ? 0 : group[i]];
                zb[j - from] = z[i];
            }
            Arrays.sort(r);
            Arrays.sort(zb);
            boolean all = rule == TwinOptions.TailRule.ALL;
            double mz = all ? mean(zb) : Quantiles.type7(zb, zb.length, 0.5);
            double loc = all ? mean(r) : Quantiles.type7(r, r.length, 0.5);
            double w = r.length;
            sw += w;
            swz += w * mz;
            swy += w * loc;
            swzz += w * mz * mz;
            swzy += w * mz * loc;
        }
        double var = swzz - swz * swz / sw;
        return var > 1e-12 ? (swzy - swz * swy / sw) / var : 0;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The median of values weighted by counts (groups without units ignored). */
    private static double weightedMedian(double[] values, int[] count) {
        Integer[] idx = new Integer[values.length];
        long total = 0;
        int k = 0;
        for (int g = 0; g < values.length; g++) {
            if (count[g] > 0 && !Double.isNaN(values[g])) {
                idx[k++] = g;
                total += count[g];
            }
        }
        if (k == 0) {
            return Double.NaN;
        }
        Integer[] used = Arrays.copyOf(idx, k);
        Arrays.sort(used, (a, b) -> Double.compare(values[a], values[b]));
        long acc = 0;
        for (Integer g : used) {
            acc += count[g];
            if (2 * acc >= total) {
                return values[g];
            }
        }
        return values[used[k - 1]];
    }
}
