package org.psephos.forensics.spikes;

import org.apache.commons.math3.special.Beta;

/**
 * The starting values of an L-component fit, as the package's {@code optfn} makes them: the beta mixture whose
 * density is closest in mean squared error to a kernel density estimate of the shares y/n (R's
 * {@code density(y/n, bw = 0.001, n = 1001, from = 0.01, to = 0.99)}), over \( (\ln\alpha_k, \ln\beta_k) \) and,
 * for L &gt; 1, L − 1 weight parameters p, all bounded to [−3, 6]. The weights are the package's {@code y.v(p)}:
 * with \( a_j = 1 + e^{-p_j} \), \( w_L = c \) and \( w_i = c \prod_{j \ge i} a_j \), c making them sum to 1, so
 * the weights decrease with the component's index and each is at most 21 times the next.
 * The package minimises from {@code rnorm(3L − 1)} (two values for L = 1) with L-BFGS-B; this class uses
 * {@link BoxBfgs} with the exact gradient. Immutable once built.
 */
final class KdeInit {
    private final double[] logX;
    private final double[] log1mX;
    private final double[] target;

    /**
     * @param grid   the points of the density estimate, inside (0, 1)
     * @param target the estimate there
     */
    KdeInit(double[] grid, double[] target) {
        this.target = target.clone();
        logX = new double[grid.length];
        log1mX = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            logX[i] = Math.log(grid[i]);
            log1mX[i] = Math.log1p(-grid[i]);
        }
    }

    /** @return the number of parameters of an L-component start: 2 for L = 1, else 3L − 1 */
    static int parameters(int components) {
        return components == 1 ? 2 : 3 * components - 1;
    }

    /**
     * @param p the parameters (log shapes, then weight parameters)
     * @param l the number of components
     * @return the mixture they stand for
     */
    static BetaBinomialMixture mixture(double[] p, int l) {
        double[] alpha = new double[l];
        double[] beta = new double[l];
        for (int k = 0; k < l; k++) {
            alpha[k] = Math.exp(p[k]);
            beta[k] = Math.exp(p[l + k]);
        }
        return new BetaBinomialMixture(alpha, beta, weights(p, l));
    }

    /** The package's {@code y.v}: weights from the L − 1 parameters after the log shapes. */
    static double[] weights(double[] p, int l) {
        double[] w = new double[l];
        if (l == 1) {
            w[0] = 1;
            return w;
        }
        w[l - 1] = 1;
        double sum = 1;
        for (int i = l - 2; i >= 0; i--) {
            w[i] = w[i + 1] * (1 + Math.exp(-p[2 * l + i]));
            sum += w[i];
        }
        for (int i = 0; i < l; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /**
     * @param p    parameters
     * @param l    components
     * @param grad receives the gradient, or null
     * @return the mean squared error between the mixture density and the target
     */
    double objective(double[] p, int l, double[] grad) {
        int nx = logX.length;
        double[] w = weights(p, l);
        double[][] phi = new double[l][nx];
        double[] r = new double[nx];
        for (int i = 0; i < nx; i++) {
            r[i] = -target[i];
        }
        for (int k = 0; k < l; k++) {
            double a = Math.exp(p[k]);
            double b = Math.exp(p[l + k]);
            double lb = Beta.logBeta(a, b);
            for (int i = 0; i < nx; i++) {
                double d = Math.exp((a - 1) * logX[i] + (b - 1) * log1mX[i] - lb);
                phi[k][i] = d;
                r[i] += w[k] * d;
            }
        }
        double f = 0;
        for (int i = 0; i < nx; i++) {
            f += r[i] * r[i];
        }
        f /= nx;
        if (grad == null) {
            return f;
        }
        java.util.Arrays.fill(grad, 0);
        double[] s = new double[l];
        for (int k = 0; k < l; k++) {
            double a = Math.exp(p[k]);
            double b = Math.exp(p[l + k]);
            double sk = 0;
            double sa = 0;
            double sb = 0;
            for (int i = 0; i < nx; i++) {
                double rp = r[i] * phi[k][i];
                sk += rp;
                sa += rp * logX[i];
                sb += rp * log1mX[i];
            }
            s[k] = sk;
            double psiS = Polygamma.digamma(a + b);
            grad[k] = 2.0 / nx * w[k] * a * (sa - (Polygamma.digamma(a) - psiS) * sk);
            grad[l + k] = 2.0 / nx * w[k] * b * (sb - (Polygamma.digamma(b) - psiS) * sk);
        }
        for (int j = 0; j < l - 1; j++) {
            double dl = -1 / (1 + Math.exp(p[2 * l + j]));
            double below = 0; // sum of w_m for m <= j
            for (int m = 0; m <= j; m++) {
                below += w[m];
            }
            double g = 0;
            for (int k = 0; k < l; k++) {
                g += w[k] * ((j >= k ? 1 : 0) - below) * dl * s[k];
            }
            grad[2 * l + j] = 2.0 / nx * g;
        }
        return f;
    }

    /**
     * @param start the start, {@link #parameters} values
     * @param l     components
     * @return the parameters at the minimum found, and the objective there
     */
    BoxBfgs.Minimum minimise(double[] start, int l) {
        return BoxBfgs.minimise((x, g) -> objective(x, l, g), start, BetaBinomialEm.LOWER, BetaBinomialEm.UPPER);
    }
}
