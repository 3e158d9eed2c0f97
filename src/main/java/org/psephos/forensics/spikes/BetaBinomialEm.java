package org.psephos.forensics.spikes;

import org.apache.commons.math3.special.Gamma;

/**
 * One EM iteration of a beta-binomial mixture fit as Rozenas's {@code em.update} does it: the E-step's posterior
 * component weights \( W_{ik} \propto w_k\,\mathrm{BB}(y_i \mid n_i, \alpha_k, \beta_k) \), the new mixture weights
 * \( w_k = \sum_i W_{ik} / n \), then the M-step: each component's \( (\ln\alpha_k, \ln\beta_k) \) maximising the
 * weighted log-likelihood \( \sum_i W_{ik} \ln \mathrm{BB}(y_i \mid n_i, \alpha_k, \beta_k) \) within the package's
 * bounds [−3, 6], started from the current values.
 *
 * <p>The package hands the M-step to R's {@code optim(method = "L-BFGS-B")} with finite-difference gradients; the
 * objective is a sum over components of functions of one component's two parameters each, so this class maximises
 * each component separately by Newton's method with the exact gradient and Hessian (digamma and trigamma sums) and a
 * backtracking line search projected on the bounds, which reaches the maximiser to about 1e-10 on the log scale,
 * where L-BFGS-B stops at a relative change of the objective of about 2e-9 ({@code factr = 1e7}). The Hessian of the
 * weighted log-likelihood at the new parameters (R's {@code hessian = TRUE}) is returned for the posterior draws of
 * {@code confInt}.
 *
 * <p>Implementation: sums over units become sums over the distinct values of y, n − y and n
 * ({@link BinomialCounts}), weighted by the posterior mass at each value. The E-step works with log densities and
 * subtracts each unit's largest term, so units far from every component do not underflow (the package's
 * {@code dbetabinom} products would give 0/0 there). The M-step is {@link BetaBinomialMStep}'s. Not thread-safe: holds
 * scratch arrays.
 */
final class BetaBinomialEm {
    /** Bounds of the log shapes in the package's optimisers. */
    static final double LOWER = -3;
    /** Upper bound of the log shapes. */
    static final double UPPER = 6;

    private final BinomialCounts data;
    private double[][] posterior = new double[0][];
    /** The M-step of each component, with its scratch arrays. */
    private final BetaBinomialMStep mStep;

    /** @param data the counts */
    BetaBinomialEm(BinomialCounts data) {
        this.data = data;
        this.mStep = new BetaBinomialMStep(data);
    }

    /** @return the counts */
    BinomialCounts data() {
        return data;
    }

    /**
     * The outcome of an iteration.
     *
     * @param next          the new mixture
     * @param logLikelihood the mixture log-likelihood at the old mixture (the E-step's)
     * @param hessian       the Hessian of the weighted log-likelihood at the new shapes, in R's order
     *                      (ln α_1 … ln α_L, ln β_1 … ln β_L)
     */
    record Step(BetaBinomialMixture next, double logLikelihood, double[][] hessian) {
    }

    /**
     * Writes \( \ln \mathrm{BB}(y_i \mid n_i, \alpha, \beta) - \ln\binom{n_i}{y_i} \) for every unit.
     *
     * @param alpha the first shape
     * @param beta  the second shape
     * @param out   one value per unit
     */
    void logKernel(double alpha, double beta, double[] out) {
        double[] ta = table(data.ys, alpha);
        double[] tb = table(data.rests, beta);
        double[] tc = table(data.ns, alpha + beta);
        double lb = Gamma.logGamma(alpha) + Gamma.logGamma(beta) - Gamma.logGamma(alpha + beta);
        int[] iy = data.yIndex;
        int[] ir = data.restIndex;
        int[] in = data.nIndex;
        for (int i = 0; i < data.size; i++) {
            out[i] = ta[iy[i]] + tb[ir[i]] - tc[in[i]] - lb;
        }
    }

    private static double[] table(double[] values, double shift) {
        double[] t = new double[values.length];
        GammaRuns.evaluate(values, shift, t, null, null);
        return t;
    }

    /**
     * The E-step: posterior component probabilities, written into {@link #posterior()}.
     *
     * @param theta the mixture
     * @return the mixture's log-likelihood \( \sum_i \ln \sum_k w_k \mathrm{BB}(y_i \mid n_i, \alpha_k, \beta_k) \)
     */
    double expectation(BetaBinomialMixture theta) {
        int l = theta.components();
        int n = data.size;
        if (posterior.length != l || (l > 0 && posterior[0].length != n)) {
            posterior = new double[l][n];
        }
        for (int k = 0; k < l; k++) {
            logKernel(theta.alpha(k), theta.beta(k), posterior[k]);
            double lw = Math.log(theta.w(k));
            double[] p = posterior[k];
            for (int i = 0; i < n; i++) {
                p[i] += lw;
            }
        }
        double ll = data.logChooseSum;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < l; k++) {
                max = Math.max(max, posterior[k][i]);
            }
            double sum = 0;
            for (int k = 0; k < l; k++) {
                double e = Math.exp(posterior[k][i] - max);
                posterior[k][i] = e;
                sum += e;
            }
            for (int k = 0; k < l; k++) {
                posterior[k][i] /= sum;
            }
            ll += max + Math.log(sum);
        }
        return ll;
    }

    /** @return the posterior probabilities of the last {@link #expectation}, [component][unit] (not a copy) */
    double[][] posterior() {
        return posterior;
    }

    /**
     * @param theta a mixture
     * @return its log-likelihood
     */
    double logLikelihood(BetaBinomialMixture theta) {
        return expectation(theta);
    }

    /**
     * One EM iteration, {@code em.update}.
     *
     * @param theta the current mixture
     * @return the new mixture, the log-likelihood at the current one and the M-step's Hessian
     */
    Step step(BetaBinomialMixture theta) {
        int l = theta.components();
        double ll = expectation(theta);
        double[] w = new double[l];
        double[] alpha = new double[l];
        double[] beta = new double[l];
        double[][] hessian = new double[2 * l][2 * l];
        for (int k = 0; k < l; k++) {
            BetaBinomialMStep.Weights wk = mStep.weights(posterior[k]);
            w[k] = wk.total() / data.size;
            double[] x = mStep.maximise(wk, Math.log(theta.alpha(k)), Math.log(theta.beta(k)));
            alpha[k] = Math.exp(x[0]);
            beta[k] = Math.exp(x[1]);
            double[] h = mStep.valueGradientHessian(wk, x[0], x[1]);
            hessian[k][k] = h[3];
            hessian[l + k][l + k] = h[4];
            hessian[k][l + k] = h[5];
            hessian[l + k][k] = h[5];
        }
        return new Step(new BetaBinomialMixture(alpha, beta, normalised(w)), ll, hessian);
    }

    /** @return the weights divided by their sum (which is 1 up to rounding) */
    static double[] normalised(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        double[] out = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            out[k] = w[k] / s;
        }
        return out;
    }
}
