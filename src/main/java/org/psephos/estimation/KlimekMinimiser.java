package org.psephos.estimation;

import java.util.Arrays;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The minimiser of {@link KlimekFit}'s distance ({@link KlimekObjective}) for one seed: a grid over (f_i, f_e, α)
 * at fixed clean moments, then Nelder–Mead (commons-math3) from the best grid point, over (f_i, f_e, α) alone or
 * also over the clean moments (τ, ν, σ_τ, σ_ν) and θ, within f_i ∈ [0, 1], f_e ∈ [0, 1 − f_i], α ∈ [0.25, 4],
 * τ, ν ∈ [0.01, 0.99], σ ∈ [0.005, 0.5], θ ∈ [0.05, 1] (a point outside is clamped and its distance penalised).
 * The fraud model and the passes are Klimek, Yegorov, Hanel and Thurner (2012), PNAS 109(41), 16469–16473
 * (see {@link KlimekFit}). Stateless.
 */
final class KlimekMinimiser {
    private static final double ALPHA_MIN = 0.25;
    private static final double ALPHA_MAX = 4;
    /** Range of θ in the joint fit. */
    private static final double THETA_MIN = 0.05;
    private static final double THETA_MAX = 1;
    /** Smallest clean sd in the joint fit. */
    private static final double SIGMA_MIN = 0.005;
    private static final double[] GRID_FI = {0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

    private KlimekMinimiser() {
    }

    /** The grid the simplex starts from. */
    enum Grid {
        /** f_e ∈ {0, .005, .01, .02, .04, .08, .16, .3}, α ∈ {0.5, 1, 2}. */
        FULL(new double[] {0, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.3}, new double[] {0.5, 1, 2}),
        /** The first joint pass's (it only gives the second its moments): f_e ∈ {0, .01, .04, .16}, α ∈ {1, 2}. */
        COARSE(new double[] {0, 0.01, 0.04, 0.16}, new double[] {1, 2});

        private final double[] fe;
        private final double[] alpha;

        Grid(double[] fe, double[] alpha) {
            this.fe = fe;
            this.alpha = alpha;
        }
    }

    /** What the simplex moves. */
    enum Free {
        /** (f_i, f_e, α), the clean moments and θ held. */
        FRAUD(3),
        /** (f_i, f_e, α) and the clean moments (τ, ν, σ_τ, σ_ν) and θ together (the joint fit). */
        FRAUD_AND_MOMENTS(8);

        private final int dim;

        Free(int dim) {
            this.dim = dim;
        }
    }

    /**
     * One seed's fit at the minimum.
     *
     * @param fi       f_i
     * @param fe       f_e
     * @param alpha    α
     * @param distance the distance there (the penalised one if the simplex's best point was outside the bounds)
     * @param moments  the clean moments and θ there (the start's, clamped to the bounds, if they were held)
     */
    record Row(double fi, double fe, double alpha, double distance, KlimekMoments moments) {
        /** The number of columns of {@link #toArray()}. */
        static final int COLUMNS = 9;

        /** @return {f_i, f_e, α, distance, τ, ν, σ_τ, σ_ν, θ}, the row of {@link KlimekFitResult#fits()} */
        double[] toArray() {
            return new double[] {fi, fe, alpha, distance, moments.tau(), moments.nu(), moments.sigmaTau(),
                moments.sigmaNu(), moments.theta()};
        }

        /** @param a a row of {@link KlimekFitResult#fits()} @return it as a record */
        static Row of(double[] a) {
            return new Row(a[0], a[1], a[2], a[3], new KlimekMoments(a[4], a[5], a[6], a[7], a[8]));
        }
    }

    /**
     * @return the minimum: grid over (f_i, f_e, α) with the moments m, then Nelder–Mead from the best grid point
     *         (see {@link #simplex})
     */
    static Row minimise(KlimekObjective f, KlimekMoments m, Free free, int maxEval, Grid grid) {
        double best = Double.POSITIVE_INFINITY;
        double[] arg = {0, 0, 1};
        for (double alpha : grid.alpha) {
            for (double fi : GRID_FI) {
                for (double fe : grid.fe) {
                    if (fi + fe > 1) {
                        continue;
                    }
                    double d = f.value(fi, fe, alpha);
                    if (d < best) {
                        best = d;
                        arg = new double[] {fi, fe, alpha};
                    }
                }
            }
        }
        return simplex(f, m, free, maxEval, arg, best);
    }

    /**
     * @param arg  (f_i, f_e, α) to start from
     * @param best the distance there
     * @return the minimum of Nelder–Mead from the start over what {@code free} names (the moments and θ from m); the
     *         best point evaluated if the simplex runs out of evaluations
     */
    static Row simplex(KlimekObjective f, KlimekMoments m, Free free, int maxEval, double[] arg, double best) {
        double[] lo = {0, 0, ALPHA_MIN, 0.01, 0.01, SIGMA_MIN, SIGMA_MIN, THETA_MIN};
        double[] hi = {1, 1, ALPHA_MAX, 0.99, 0.99, 0.5, 0.5, THETA_MAX};
        int dim = free.dim;
        boolean joint = free == Free.FRAUD_AND_MOMENTS;
        double[] start = {arg[0], arg[1], arg[2], m.tau(), m.nu(), m.sigmaTau(), m.sigmaNu(),
            clamp(m.theta(), THETA_MIN, THETA_MAX)};
        double[] q = new double[8];
        // the best point evaluated: kept if the simplex runs out of evaluations
        double[] x = start.clone();
        double[] bestValue = {best};
        MultivariateFunction fn = p -> {
            double out = 0;
            for (int j = 0; j < dim; j++) {
                q[j] = clamp(p[j], lo[j], hi[j]);
                out += (q[j] - p[j]) * (q[j] - p[j]);
            }
            double fe = Math.min(q[1], 1 - q[0]);
            out += (fe - q[1]) * (fe - q[1]);
            q[1] = fe;
            double d = joint ? f.atMoments(q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7]) : f.value(q[0], q[1], q[2]);
            double v = d * (1 + 100 * out) + 100 * out;
            if (v < bestValue[0]) {
                bestValue[0] = v;
                System.arraycopy(p, 0, x, 0, dim);
            }
            return v;
        };
        double[] steps = {0.03, Math.max(0.004, arg[1] / 2), 0.3, 0.01, 0.01, 0.01, 0.01, 0.05};
        try {
            new SimplexOptimizer(new SimpleValueChecker(1e-7, 1e-9)).optimize(new MaxEval(maxEval),
                    new ObjectiveFunction(fn), GoalType.MINIMIZE, new InitialGuess(Arrays.copyOf(start, dim)),
                    new NelderMeadSimplex(Arrays.copyOf(steps, dim)));
        } catch (TooManyEvaluationsException ex) {
            // keep the best point evaluated
        }
        double[] c = new double[8];
        for (int j = 0; j < 8; j++) {
            c[j] = clamp(x[j], lo[j], hi[j]);
        }
        return new Row(c[0], Math.min(c[1], 1 - c[0]), c[2], bestValue[0], new KlimekMoments(c[3], c[4], c[5], c[6],
                c[7]));
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
