package org.psephos.forensics.spikes;

/**
 * Minimises a smooth function over a box by a projected quasi-Newton method: BFGS directions on the coordinates not
 * held at a bound (a coordinate is held when it sits on a bound and the gradient pushes outwards), a backtracking
 * line search on the path projected into the box (Armijo condition), and the stopping rule of R's L-BFGS-B made a
 * thousand times stricter: the relative decrease \( (f_k - f_{k+1}) / \max(|f_k|, |f_{k+1}|, 1) \le 10^4
 * \varepsilon \) (R's default is {@code factr = 1e7}, i.e. 1e7 ε, which can stop where the gradient is still
 * clearly non-zero), a projected gradient of zero, or 1,000 iterations. Used for the initialisation of the mixture
 * fits, where the package calls {@code optim(method = "L-BFGS-B")}; on a non-convex objective the two methods need
 * not stop in the same local minimum from the same start. Stateless.
 */
final class BoxBfgs {
    /** The relative decrease that stops the search: R's L-BFGS-B tolerance factr · ε divided by 1,000. */
    static final double RELATIVE_DECREASE = 1e4 * Math.ulp(1.0);
    private static final int MAX_ITERATIONS = 1000;

    private BoxBfgs() {
    }

    /** A function with its gradient. */
    interface Objective {
        /**
         * @param x    the point
         * @param grad receives the gradient (may be null when only the value is wanted)
         * @return the value
         */
        double value(double[] x, double[] grad);
    }

    /**
     * The minimiser found.
     *
     * @param x          the point
     * @param value      the objective there
     * @param iterations the iterations taken
     */
    record Minimum(double[] x, double value, int iterations) {
    }

    /**
     * @param f     the objective
     * @param start the start (clamped into the box)
     * @param lower the lower bound of every coordinate
     * @param upper the upper bound of every coordinate
     * @return the minimum found
     */
    static Minimum minimise(Objective f, double[] start, double lower, double upper) {
        int n = start.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(lower, Math.min(upper, start[i]));
        }
        double[] g = new double[n];
        double fx = f.value(x, g);
        double[][] h = identity(n);
        double[] d = new double[n];
        double[] xn = new double[n];
        double[] gn = new double[n];
        int it = 0;
        while (it < MAX_ITERATIONS) {
            it++;
            boolean[] held = new boolean[n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                held[i] = (x[i] <= lower && g[i] > 0) || (x[i] >= upper && g[i] < 0);
                any |= !held[i] && g[i] != 0;
            }
            if (!any) {
                break;
            }
            double slope = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                if (!held[i]) {
                    for (int j = 0; j < n; j++) {
                        if (!held[j]) {
                            s -= h[i][j] * g[j];
                        }
                    }
                }
                d[i] = s;
                slope += s * g[i];
            }
            if (!(slope < 0)) { // not a descent direction: restart from the projected gradient
                h = identity(n);
                for (int i = 0; i < n; i++) {
                    d[i] = held[i] ? 0 : -g[i];
                }
            }
            double step = 1;
            double fn = Double.NaN;
            boolean accepted = false;
            for (int back = 0; back < 60; back++) {
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    xn[i] = Math.max(lower, Math.min(upper, x[i] + step * d[i]));
                    decrease += g[i] * (xn[i] - x[i]);
                }
                fn = f.value(xn, gn);
                if (fn <= fx + 1e-4 * decrease) {
                    accepted = true;
                    break;
                }
                step /= 2;
            }
            if (!accepted) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            double sy = 0;
            double ss = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
                sy += s[i] * y[i];
                ss += s[i] * s[i];
                yy += y[i] * y[i];
            }
            double rel = (fx - fn) / Math.max(Math.max(Math.abs(fx), Math.abs(fn)), 1);
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            if (sy > 1e-12 * Math.sqrt(ss * yy)) {
                update(h, s, y, sy);
            }
            if (rel <= RELATIVE_DECREASE) {
                break;
            }
        }
        return new Minimum(x, fx, it);
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    /** The BFGS update of the inverse Hessian: H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(sᵀy). */
    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1 / sy;
        double[] hy = new double[n];
        double yhy = 0;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += h[i][j] * y[j];
            }
            hy[i] = v;
            yhy += y[i] * v;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }
}
