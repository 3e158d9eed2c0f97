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
 * {@code dbetabinom} products would give 0/0 there). Not thread-safe: holds scratch arrays.
 */
final class BetaBinomialEm {
    /** Bounds of the log shapes in the package's optimisers. */
    static final double LOWER = -3;
    /** Upper bound of the log shapes. */
    static final double UPPER = 6;
    private static final int NEWTON_ITERATIONS = 200;

    private final BinomialCounts data;
    private double[][] posterior = new double[0][];
    private double[] lg = new double[0];
    private double[] dg = new double[0];
    private double[] tg = new double[0];

    /** @param data the counts */
    BetaBinomialEm(BinomialCounts data) {
        this.data = data;
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
            Weights wk = weights(posterior[k]);
            w[k] = wk.total / data.size;
            double[] x = maximise(wk, Math.log(theta.alpha(k)), Math.log(theta.beta(k)));
            alpha[k] = Math.exp(x[0]);
            beta[k] = Math.exp(x[1]);
            double[] h = evaluate(wk, x[0], x[1], true);
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

    /** A component's posterior weights summed at each distinct y, n − y and n, and in total. */
    record Weights(double[] atY, double[] atRest, double[] atN, double total) {
    }

    Weights weights(double[] p) {
        double[] a = new double[data.ys.length];
        double[] b = new double[data.rests.length];
        double[] c = new double[data.ns.length];
        double total = 0;
        for (int i = 0; i < data.size; i++) {
            double x = p[i];
            a[data.yIndex[i]] += x;
            b[data.restIndex[i]] += x;
            c[data.nIndex[i]] += x;
            total += x;
        }
        return new Weights(a, b, c, total);
    }

    /**
     * The weighted log-likelihood of one component at log shapes (a, b), without the log-choose terms, and on
     * request its gradient and Hessian in (a, b).
     *
     * @return {f} or {f, f_a, f_b, f_aa, f_bb, f_ab}
     */
    double[] evaluate(Weights wk, double a, double b, boolean derivatives) {
        double alpha = Math.exp(a);
        double beta = Math.exp(b);
        double s = alpha + beta;
        double[] y = sums(data.ys, wk.atY, alpha, derivatives);
        double[] r = sums(data.rests, wk.atRest, beta, derivatives);
        double[] c = sums(data.ns, wk.atN, s, derivatives);
        double f = y[0] + r[0] - c[0];
        double da = y[1];
        double db = r[1];
        double dc = c[1];
        double haa = y[2];
        double hbb = r[2];
        double hc = c[2];
        double t = wk.total;
        f -= t * (Gamma.logGamma(alpha) + Gamma.logGamma(beta) - Gamma.logGamma(s));
        if (!derivatives) {
            return new double[] {f};
        }
        double psiS = Polygamma.digamma(s);
        double triS = Polygamma.trigamma(s);
        double fa = da - dc - t * (Polygamma.digamma(alpha) - psiS);
        double fb = db - dc - t * (Polygamma.digamma(beta) - psiS);
        double faa = haa - hc - t * (Polygamma.trigamma(alpha) - triS);
        double fbb = hbb - hc - t * (Polygamma.trigamma(beta) - triS);
        double fab = -hc + t * triS;
        return new double[] {f, alpha * fa, beta * fb, alpha * alpha * faa + alpha * fa, beta * beta * fbb + beta * fb,
            alpha * beta * fab};
    }

    /**
     * @return \( \sum_m c_m \ln\Gamma(v_m + x) \) and, on request, the same sums of digamma and trigamma
     */
    private double[] sums(double[] values, double[] weights, double x, boolean derivatives) {
        int k = values.length;
        if (lg.length < k) {
            lg = new double[k];
            dg = new double[k];
            tg = new double[k];
        }
        GammaRuns.evaluate(values, x, lg, derivatives ? dg : null, derivatives ? tg : null);
        double f = 0;
        double d = 0;
        double h = 0;
        for (int m = 0; m < k; m++) {
            double c = weights[m];
            f += c * lg[m];
            if (derivatives) {
                d += c * dg[m];
                h += c * tg[m];
            }
        }
        return new double[] {f, d, h};
    }

    /**
     * Maximises one component's weighted log-likelihood over the box [−3, 6]² in log shapes: Newton steps on the
     * coordinates not held at a bound (a gradient step where the Hessian is not negative definite), backtracking
     * on the projected path until the Armijo condition holds, until a step moves less than 1e-10.
     *
     * @return the maximiser {a, b}
     */
    double[] maximise(Weights wk, double a0, double b0) {
        double[] x = {clamp(a0), clamp(b0)};
        double[] e = evaluate(wk, x[0], x[1], true);
        for (int it = 0; it < NEWTON_ITERATIONS; it++) {
            double ga = e[1];
            double gb = e[2];
            boolean freeA = !((x[0] <= LOWER && ga < 0) || (x[0] >= UPPER && ga > 0));
            boolean freeB = !((x[1] <= LOWER && gb < 0) || (x[1] >= UPPER && gb > 0));
            double[] d = direction(e, freeA, freeB);
            double size = Math.max(Math.abs(d[0]), Math.abs(d[1]));
            if (size == 0 || !Double.isFinite(size)) {
                break;
            }
            if (size > 2) { // a trust cap on the log scale
                d[0] *= 2 / size;
                d[1] *= 2 / size;
            }
            double step = 1;
            double[] next = null;
            for (int back = 0; back < 60; back++) {
                double[] cand = {clamp(x[0] + step * d[0]), clamp(x[1] + step * d[1])};
                double fc = evaluate(wk, cand[0], cand[1], false)[0];
                double rise = ga * (cand[0] - x[0]) + gb * (cand[1] - x[1]);
                if (fc >= e[0] + 1e-4 * rise) {
                    next = cand;
                    break;
                }
                step /= 2;
            }
            if (next == null) {
                break;
            }
            double moved = Math.max(Math.abs(next[0] - x[0]), Math.abs(next[1] - x[1]));
            x = next;
            e = evaluate(wk, x[0], x[1], true);
            if (moved < 1e-10) {
                break;
            }
        }
        return x;
    }

    /** Newton's ascent direction on the free coordinates, or the scaled gradient where it is not an ascent. */
    private static double[] direction(double[] e, boolean freeA, boolean freeB) {
        double ga = freeA ? e[1] : 0;
        double gb = freeB ? e[2] : 0;
        double haa = e[3];
        double hbb = e[4];
        double hab = e[5];
        if (freeA && freeB) {
            double det = haa * hbb - hab * hab;
            if (haa < 0 && det > 0) {
                return new double[] {-(hbb * ga - hab * gb) / det, -(haa * gb - hab * ga) / det};
            }
        } else if (freeA && haa < 0) {
            return new double[] {-ga / haa, 0};
        } else if (freeB && hbb < 0) {
            return new double[] {0, -gb / hbb};
        }
        double norm = Math.max(Math.abs(ga), Math.abs(gb));
        return norm == 0 ? new double[] {0, 0} : new double[] {0.5 * ga / norm, 0.5 * gb / norm};
    }

    private static double clamp(double v) {
        return Math.max(LOWER, Math.min(UPPER, v));
    }
}
