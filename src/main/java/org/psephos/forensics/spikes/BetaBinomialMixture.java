package org.psephos.forensics.spikes;

import java.util.Arrays;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * A mixture of beta-binomial distributions: y of n successes with probability
 * \( \sum_k w_k \binom{n}{y} B(y + \alpha_k, n - y + \beta_k) / B(\alpha_k, \beta_k) \), equivalently a
 * binomial count whose rate is drawn from the beta mixture \( \sum_k w_k \mathrm{Beta}(\alpha_k, \beta_k) \) (the
 * "latent density" of Rozenas's {@code spikes}). Immutable.
 *
 * @param alpha the components' first shapes, positive
 * @param beta  the components' second shapes, positive
 * @param w     the components' weights, non-negative, summing to 1
 * @since 0.1
 */
public record BetaBinomialMixture(double[] alpha, double[] beta, double[] w) {

    /**
     * Validates and copies the arrays.
     *
     * @throws IllegalArgumentException if the lengths differ or are 0, a shape is not positive and finite, a weight
     *                                  is not in [0, 1] or the weights do not sum to 1 (within 1e-9)
     */
    public BetaBinomialMixture {
        if (alpha.length == 0 || alpha.length != beta.length || alpha.length != w.length) {
            throw new IllegalArgumentException("mixture needs as many alphas, betas and weights, at least one: "
                    + alpha.length + ", " + beta.length + ", " + w.length);
        }
        for (int k = 0; k < alpha.length; k++) {
            if (!(alpha[k] > 0 && beta[k] > 0 && alpha[k] < Double.POSITIVE_INFINITY
                    && beta[k] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("shape of component " + (k + 1) + " is not positive and finite: "
                        + alpha[k] + ", " + beta[k]);
            }
            if (!(w[k] >= 0 && w[k] <= 1)) {
                throw new IllegalArgumentException("weight of component " + (k + 1) + " is not in [0, 1]: " + w[k]);
            }
        }
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        if (!(Math.abs(sum - 1) <= 1e-9)) {
            throw new IllegalArgumentException("weights do not sum to 1: " + sum);
        }
        alpha = alpha.clone();
        beta = beta.clone();
        w = w.clone();
    }

    /** @return the number of components */
    public int components() {
        return w.length;
    }

    @Override
    public double[] alpha() {
        return alpha.clone();
    }

    @Override
    public double[] beta() {
        return beta.clone();
    }

    @Override
    public double[] w() {
        return w.clone();
    }

    double alpha(int k) {
        return alpha[k];
    }

    double beta(int k) {
        return beta[k];
    }

    double w(int k) {
        return w[k];
    }

    /** @return the mean of the latent rate, \( \sum_k w_k \alpha_k / (\alpha_k + \beta_k) \) */
    public double mean() {
        double m = 0;
        for (int k = 0; k < w.length; k++) {
            m += w[k] * alpha[k] / (alpha[k] + beta[k]);
        }
        return m;
    }

    /**
     * The latent density on a grid, R's {@code dmbeta}: \( \sum_k w_k\,\mathrm{dbeta}(x; \alpha_k, \beta_k) \), 0
     * at x = 0 and x = 1.
     *
     * @param x points in [0, 1]
     * @return the density at each
     */
    public double[] latentDensity(double[] x) {
        double[] out = new double[x.length];
        for (int k = 0; k < w.length; k++) {
            double lb = Beta.logBeta(alpha[k], beta[k]);
            for (int i = 0; i < x.length; i++) {
                if (x[i] > 0 && x[i] < 1) {
                    out[i] += w[k] * Math.exp((alpha[k] - 1) * Math.log(x[i]) + (beta[k] - 1) * Math.log1p(-x[i])
                            - lb);
                }
            }
        }
        return out;
    }

    /**
     * Pearson's correlation of two equally long series, R's {@code cor}: the package's convergence measure between
     * successive latent densities.
     *
     * @param a a series
     * @param b another, as long
     * @return the correlation (NaN if one is constant)
     */
    static double correlation(double[] a, double[] b) {
        return new PearsonsCorrelation().correlation(a, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BetaBinomialMixture m && Arrays.equals(alpha, m.alpha) && Arrays.equals(beta, m.beta)
                && Arrays.equals(w, m.w);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(alpha) + Arrays.hashCode(beta)) + Arrays.hashCode(w);
    }

    @Override
    public String toString() {
        return "BetaBinomialMixture[alpha=" + Arrays.toString(alpha) + ", beta=" + Arrays.toString(beta) + ", w="
                + Arrays.toString(w) + "]";
    }
}
