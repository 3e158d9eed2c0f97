package org.psephos.forensics.nulls;

import java.util.Arrays;

/**
 * The p-value of an observed statistic against its null replicates, the rule of {@code docs/verdict-method.md}: the
 * Monte Carlo p-value of its deviation, and a generalized Pareto tail beyond the Monte Carlo range.
 *
 * <p>Deviation. {@link Direction#UPPER} (a statistic that the alternative raises: an excess of integer percentages,
 * an estimated amount of fraud, a chi-square distance, a dip) takes the statistic itself, d = T;
 * {@link Direction#TWO_SIDED} its absolute deviation from the median m of the finite replicates, d = |T − m|, and
 * likewise d*_r for every replicate. The Monte Carlo p-value counts the observed value among the replicates (Davison
 * and Hinkley 1997, §4.2.1): \( p = (1 + \#\{d^*_r \ge d\}) / (R + 1) \), R the finite replicates.
 *
 * <p>Tail. With fewer than {@value #MIN_EXCEEDANCES} replicates at least as extreme, 1,000 replicates could never
 * give less than 1/1001, which no correction over about a hundred rows can reject. There the tail is estimated as
 * Knijnenburg, Wessels, Reinders and Shmulevich (2009, "Fewer permutations, more accurate P-values", Bioinformatics
 * 25(12):i161–i168, doi:10.1093/bioinformatics/btp211) do: the N_exc = min(250, ⌊R/4⌋) largest deviations, their
 * excesses y over the threshold t (midway between the N_exc-th and the (N_exc + 1)-th largest), a generalized
 * Pareto fit to y, and \( p = (N_{exc}/R)\,(1 - F_{GPD}(d - t)) \). The fit is Zhang and Stephens's (2009, "A new and
 * efficient estimation method for the generalized Pareto distribution", Technometrics 51(3):316–325,
 * doi:10.1198/tech.2009.08017), which has no iteration to fail. Two choices keep the rule valid when the replicates
 * are few or the tail is light, documented because they depart from Knijnenburg et al.'s goodness-of-fit loop:
 * <ul>
 *   <li>a fitted shape ξ &lt; 0 (a bounded tail, which would give p = 0 beyond its end point) is replaced by the
 *       exponential tail, ξ = 0 with the maximum-likelihood scale mean(y): for the statistics of this toolkit, sums
 *       and means with Gaussian-like tails, the exponential errs on the conservative side;</li>
 *   <li>no tail is fitted with fewer than 40 finite replicates (N_exc &lt; 10), or when the excesses have no spread
 *       (a null concentrated on a few values); the p-value is then the Monte Carlo one, which is exact (never
 *       anti-conservative) whatever R.</li>
 * </ul>
 * Tail p-values are floored at {@value #FLOOR}, below which double precision says nothing. Stateless.
 *
 * @since 0.1
 */
public final class TailPValue {
    /** Fewer replicates at least as extreme than this: the tail is fitted. */
    public static final int MIN_EXCEEDANCES = 10;
    /** Most excesses the tail fit uses. */
    static final int MAX_TAIL = 250;
    /** Smallest p-value reported. */
    public static final double FLOOR = 1e-300;

    /** Which deviations count as extreme. */
    public enum Direction {
        /** Large values of the statistic. */
        UPPER,
        /** Large absolute deviations from the median of the replicates. */
        TWO_SIDED;

        /** @return "upper" or "two-sided", for reports */
        public String label() {
            return this == UPPER ? "upper" : "two-sided";
        }
    }

    /**
     * A p-value and how it was obtained.
     *
     * @param p           the p-value (NaN if the observed value or every replicate is not finite)
     * @param exceedances replicates at least as extreme as the observed value
     * @param replicates  finite replicates
     * @param tail        whether the generalized Pareto tail gave p
     * @param shape       the tail's shape ξ as used (NaN without a tail)
     * @param scale       the tail's scale (NaN without a tail)
     * @param excesses    the excesses the tail was fitted to (0 without a tail)
     */
    public record Result(double p, int exceedances, int replicates, boolean tail, double shape, double scale,
                         int excesses) {
        /** @return a short description, e.g. "Monte Carlo (3 of 999 replicates at least as extreme)" */
        public String method() {
            if (Double.isNaN(p)) {
                return "none";
            }
            String mc = "Monte Carlo (" + exceedances + " of " + replicates + " replicates at least as extreme)";
            return tail ? mc + ", generalized Pareto tail fitted to the " + excesses + " largest deviations" : mc;
        }
    }

    private TailPValue() {
    }

    /**
     * @param observed  the statistic on the data
     * @param replicate the statistic on each null replicate (NaN and infinities are left out; not modified)
     * @param direction which deviations count as extreme
     * @return the p-value
     */
    public static Result of(double observed, double[] replicate, Direction direction) {
        double[] finite = Arrays.stream(replicate).filter(Double::isFinite).toArray();
        int r = finite.length;
        if (!Double.isFinite(observed) || r == 0) {
            return new Result(Double.NaN, 0, r, false, Double.NaN, Double.NaN, 0);
        }
        double centre = 0;
        if (direction == Direction.TWO_SIDED) {
            double[] s = finite.clone();
            Arrays.sort(s);
            centre = r % 2 == 1 ? s[r / 2] : 0.5 * (s[r / 2 - 1] + s[r / 2]);
        }
        double d = deviation(observed, centre, direction);
        double[] dev = new double[r];
        int count = 0;
        for (int i = 0; i < r; i++) {
            dev[i] = deviation(finite[i], centre, direction);
            count += dev[i] >= d ? 1 : 0;
        }
        double mc = (1.0 + count) / (r + 1.0);
        int nExc = Math.min(MAX_TAIL, r / 4);
        if (count >= MIN_EXCEEDANCES || nExc < MIN_EXCEEDANCES) {
            return new Result(mc, count, r, false, Double.NaN, Double.NaN, 0);
        }
        Arrays.sort(dev);
        double threshold = 0.5 * (dev[r - nExc] + dev[r - nExc - 1]);
        double[] y = new double[nExc];
        for (int i = 0; i < nExc; i++) {
            y[i] = dev[r - nExc + i] - threshold; // ascending
        }
        if (!(y[nExc - 1] > y[0]) || !(d > threshold)) {
            return new Result(mc, count, r, false, Double.NaN, Double.NaN, 0);
        }
        double[] fit = fit(y);
        double xi = fit[0];
        double sigma = fit[1];
        if (!(xi >= 0) || !(sigma > 0)) {
            xi = 0;
            sigma = mean(y);
        }
        double p = (double) nExc / r * survival(d - threshold, xi, sigma);
        return new Result(Math.max(FLOOR, Math.min(mc, p)), count, r, true, xi, sigma, nExc);
    }

    private static double deviation(double x, double centre, Direction direction) {
        return direction == Direction.UPPER ? x : Math.abs(x - centre);
    }

    /** @return P(Y &gt; y) for Y ~ GPD(ξ ≥ 0, σ) */
    static double survival(double y, double xi, double sigma) {
        if (xi < 1e-12) {
            return Math.exp(-y / sigma);
        }
        return Math.exp(-Math.log1p(xi * y / sigma) / xi);
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }

    /*
     * Implementation note. Zhang and Stephens's estimator as in the PSIS code of Vehtari, Simpson, Gelman, Yao and
     * Gabry (without their prior on the shape). With b = −ξ/σ, the profile log-likelihood is
     * l(b) = n(ln(−b/k(b)) − k(b) − 1), k(b) = mean ln(1 − b·y). It is evaluated on the grid
     * b_j = 1/y_(n) + (1 − √(m/(j − ½)))/(3·y_(⌊n/4 + ½⌋)), j = 1..m, m = 30 + ⌊√n⌋ (every b_j < 1/y_(n), so every
     * logarithm is defined); b is the likelihood-weighted mean of the grid, then ξ = k(b) and σ = −ξ/b.
     */
    /**
     * @param y excesses in ascending order, positive spread
     * @return {ξ, σ}: the shape and scale of the generalized Pareto distribution
     */
    static double[] fit(double[] y) {
        int n = y.length;
        int m = 30 + (int) Math.sqrt(n);
        double quarter = y[Math.max(0, (int) (n / 4.0 + 0.5) - 1)];
        double top = y[n - 1];
        if (!(quarter > 0)) {
            quarter = mean(y);
        }
        double[] b = new double[m];
        double[] l = new double[m];
        for (int j = 0; j < m; j++) {
            b[j] = 1 / top + (1 - Math.sqrt(m / (j + 0.5))) / (3 * quarter);
            double k = 0;
            for (double v : y) {
                k += Math.log1p(-b[j] * v);
            }
            k /= n;
            l[j] = n * (Math.log(-b[j] / k) - k - 1);
        }
        double bPost = 0;
        double wSum = 0;
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += Math.exp(l[i] - l[j]);
            }
            w[j] = Double.isFinite(s) && s > 0 ? 1 / s : 0;
            wSum += w[j];
        }
        for (int j = 0; j < m; j++) {
            bPost += b[j] * w[j] / wSum;
        }
        double k = 0;
        for (double v : y) {
            k += Math.log1p(-bPost * v);
        }
        k /= n;
        return new double[] {k, -k / bPost};
    }
}
