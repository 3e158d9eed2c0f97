package org.psephos.forensics;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * p-values from the null distributions the digit tests use: the exact two-sided binomial test, the chi-square
 * upper tail and the two-sided normal tail. Upper tails are computed directly (regularised beta and gamma
 * functions), not as 1 − cdf, so small p-values keep their precision. Package-private helper.
 */
final class NullDistributions {
    /** The relative tolerance scipy uses when it compares binomial probabilities with the observed one. */
    private static final double RERR = 1 + 1e-7;

    private NullDistributions() {
    }

    /**
     * The exact two-sided binomial test p-value, \( \sum_{i: P(i) \le P(k)} P(i) \) (the "minlike" method of R's
     * {@code binom.test} and of {@code scipy.stats.binomtest}), computed as scipy 1.17 does: a binary search for
     * the far tail's boundary, then the cdf of one tail plus the survival function of the other.
     *
     * @param k successes, in [0, n]
     * @param n trials, positive
     * @param p success probability under the null, in (0, 1)
     * @return the p-value, in [0, 1]
     */
    static double binomialTwoSided(int k, int n, double p) {
        BinomialDistribution b = new BinomialDistribution(null, n, p);
        double d = b.probability(k);
        double mean = p * n;
        double pval;
        if (k == mean) {
            return 1.0;
        } else if (k < mean) {
            int ix = search(b, -1, -d * RERR, (int) Math.ceil(mean), n);
            int y = n - ix + (d * RERR == b.probability(ix) ? 1 : 0);
            pval = cdf(b, k) + sf(n - y, n, p);
        } else {
            int ix = search(b, 1, d * RERR, 0, (int) Math.floor(mean));
            int y = ix + 1;
            pval = cdf(b, y - 1) + sf(k - 1, n, p);
        }
        return Math.min(1.0, pval);
    }

    /**
     * scipy's {@code _binary_search_for_binom_tst} on a(x) = sign·pmf(x), increasing in x on [lo, hi]: the largest
     * x with a(x) &le; target (or the exact match).
     */
    private static int search(BinomialDistribution b, double sign, double target, int lo, int hi) {
        int l = lo;
        int h = hi;
        while (l < h) {
            int mid = l + (h - l) / 2;
            double midval = sign * b.probability(mid);
            if (midval < target) {
                l = mid + 1;
            } else if (midval > target) {
                h = mid - 1;
            } else {
                return mid;
            }
        }
        return sign * b.probability(l) <= target ? l : l - 1;
    }

    /** P(X ≤ x) as the regularised incomplete beta \( I_{1-p}(n − x, x + 1) \), accurate in the far lower tail. */
    private static double cdf(BinomialDistribution b, int x) {
        int n = b.getNumberOfTrials();
        if (x < 0) {
            return 0.0;
        }
        if (x >= n) {
            return 1.0;
        }
        return Beta.regularizedBeta(1 - b.getProbabilityOfSuccess(), (double) n - x, x + 1.0);
    }

    /** P(X > x) for X ~ Binomial(n, p), as the regularised incomplete beta \( I_p(x + 1, n − x) \). */
    private static double sf(int x, int n, double p) {
        if (x < 0) {
            return 1.0;
        }
        if (x >= n) {
            return 0.0;
        }
        return Beta.regularizedBeta(p, x + 1.0, (double) n - x);
    }

    /**
     * @param statistic a chi-square statistic, non-negative
     * @param df        degrees of freedom
     * @return P(X ≥ statistic) for X ~ χ²(df)
     */
    static double chiSquareUpper(double statistic, int df) {
        return Gamma.regularizedGammaQ(df / 2.0, statistic / 2.0);
    }

    /** Uniform probabilities of the ten decimal digits (the last-digit tests' reference). */
    static final double[] UNIFORM_DIGITS = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};

    /**
     * Pearson's chi-square statistic of observed counts against expected probabilities.
     *
     * @param observed counts per category
     * @param probs    null probabilities, summing to 1
     * @return \( \sum (O_d − n q_d)^2 / (n q_d) \)
     */
    static double chiSquare(long[] observed, double[] probs) {
        return chiSquare(observed, 0, probs);
    }

    /**
     * Pearson's chi-square statistic of the {@code probs.length} counts starting at {@code from} (a slice of a
     * larger tally, as the resampling null keeps them).
     *
     * @param observed counts, the categories at {@code from ... from + probs.length − 1}
     * @param from     the first category's index
     * @param probs    null probabilities, summing to 1
     * @return \( \sum (O_d − n q_d)^2 / (n q_d) \); NaN when the slice holds no count
     */
    static double chiSquare(long[] observed, int from, double[] probs) {
        long n = 0;
        for (int d = 0; d < probs.length; d++) {
            n += observed[from + d];
        }
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int d = 0; d < probs.length; d++) {
            double e = n * probs[d];
            double diff = observed[from + d] - e;
            s += diff * diff / e;
        }
        return s;
    }
}
