package org.psephos.forensics.spikes;

import org.apache.commons.math3.special.Gamma;

/**
 * The M-step of {@link BetaBinomialEm} for one component: its posterior weights summed at the distinct counts, its
 * weighted beta-binomial log-likelihood in log shapes (ln α, ln β) with the exact gradient and Hessian (digamma and
 * trigamma sums over {@link BinomialCounts}' distinct values), and its maximiser on the package's box [−3, 6]² by
 * projected Newton steps with backtracking (Rozenas's {@code spikes} 1.1 hands this to R's {@code optim(method =
 * "L-BFGS-B")}; {@link BetaBinomialEm}'s class comment compares the two). Not thread-safe: holds scratch arrays.
 */
final class BetaBinomialMStep {
    private static final double LOWER = BetaBinomialEm.LOWER;
    private static final double UPPER = BetaBinomialEm.UPPER;
    private static final int NEWTON_ITERATIONS = 200;

    private final BinomialCounts data;
    private double[] lg = new double[0];
    private double[] dg = new double[0];
    private double[] tg = new double[0];

    /** @param data the counts */
    BetaBinomialMStep(BinomialCounts data) {
        this.data = data;
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

    /** How much of the log-likelihood {@link #evaluate} computes. */
    private enum Order {
        /** The value only (digamma and trigamma sums skipped): the line search's trial points. */
        VALUE,
        /** The value, the gradient and the Hessian in (a, b): Newton's steps and the EM's standard errors. */
        VALUE_GRADIENT_HESSIAN
    }

    /**
     * The weighted log-likelihood of one component at log shapes (a, b), without the log-choose terms.
     *
     * @return f
     */
    double value(Weights wk, double a, double b) {
        return evaluate(wk, a, b, Order.VALUE)[0];
    }

    /**
     * The weighted log-likelihood of one component at log shapes (a, b), without the log-choose terms, with its
     * gradient and Hessian in (a, b).
     *
     * @return {f, f_a, f_b, f_aa, f_bb, f_ab}
     */
    double[] valueGradientHessian(Weights wk, double a, double b) {
        return evaluate(wk, a, b, Order.VALUE_GRADIENT_HESSIAN);
    }

    /** @return {f} or {f, f_a, f_b, f_aa, f_bb, f_ab}, as the order asks */
    private double[] evaluate(Weights wk, double a, double b, Order order) {
        double alpha = Math.exp(a);
        double beta = Math.exp(b);
        double s = alpha + beta;
        double[] y = sums(data.ys, wk.atY, alpha, order);
        double[] r = sums(data.rests, wk.atRest, beta, order);
        double[] c = sums(data.ns, wk.atN, s, order);
        double f = y[0] + r[0] - c[0];
        double da = y[1];
        double db = r[1];
        double dc = c[1];
        double haa = y[2];
        double hbb = r[2];
        double hc = c[2];
        double t = wk.total;
        f -= t * (Gamma.logGamma(alpha) + Gamma.logGamma(beta) - Gamma.logGamma(s));
        if (order == Order.VALUE) {
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
     * @return \( \sum_m c_m \ln\Gamma(v_m + x) \) and, for {@link Order#VALUE_GRADIENT_HESSIAN}, the same sums of
     *         digamma and trigamma
     */
    private double[] sums(double[] values, double[] weights, double x, Order order) {
        boolean derivatives = order == Order.VALUE_GRADIENT_HESSIAN;
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
        double[] e = valueGradientHessian(wk, x[0], x[1]);
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
                double fc = value(wk, cand[0], cand[1]);
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
            e = valueGradientHessian(wk, x[0], x[1]);
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
