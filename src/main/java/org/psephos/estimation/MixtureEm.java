package org.psephos.estimation;

/**
 * The EM machinery behind {@link FraudMixture}: bivariate normal mixtures over units x_j = (t_j, v_j), turnout and
 * the leader's share of ballots. Two fits share one E-step:
 * <ul>
 *   <li>{@link #cleanMixture(double[], double[], int)}: K clean populations with their own means and one common
 *       covariance (regional effects on the means and one dispersion, the normal analogue of eforensics' covariates
 *       on μτ and μν);</li>
 *   <li>{@link FraudMixtureEm#fraudMixture(double[], double[], int, double, double)}: eforensics' {@code bl}
 *       classes on top of K clean populations: no fraud = the populations N(μ_k, Σ), incremental = each
 *       population pushed through the {@code bl} map g with common rates (ι_m, ι_s), N(g(μ_k), J_kΣJ_kᵀ) with
 *       J_k the map's Jacobian at μ_k, extreme = its own normal near turnout 1.</li>
 * </ul>
 * The fraud family's start and M-step are {@link FraudMixtureEm}'s, its map {@link BlMap}'s; the map moves a unit
 * toward (1, 1) and shrinks the spread, and a second clean population with its own centre and the common spread is
 * not of that form. A fit is a {@link MixtureFit}. The model choice (BIC) between the two families is made by
 * {@link FraudMixture}.
 *
 * <p>Covariances are packed (xx, xy, yy). Package-private, stateless; every fit is deterministic, O(n·classes) per
 * iteration, and allocates only its per-unit responsibility array (flat, n·classes) and its start.
 */
final class MixtureEm {
    /** Most EM iterations. */
    static final int MAX_ITERATIONS = 500;
    /** Convergence: log-likelihood change per unit. */
    static final double TOLERANCE = 1e-7;
    /** The least variance of a population. */
    static final double MIN_VAR = 1e-6;
    private static final double LOG_2PI = 1.8378770664093453;

    private MixtureEm() {
    }

    /**
     * E-step: responsibilities of every class for every unit.
     *
     * @return the log-likelihood
     */
    static double expectation(double[] t, double[] w, MixtureFit f, double[] lp, double[] inv, double[] konst) {
        int k = f.classes;
        for (int z = 0; z < k; z++) {
            double[] s = f.cov[z];
            double det = s[0] * s[2] - s[1] * s[1];
            inv[3 * z] = s[2] / det;
            inv[3 * z + 1] = -2 * s[1] / det;
            inv[3 * z + 2] = s[0] / det;
            konst[z] = f.pi[z] > 0 ? Math.log(f.pi[z]) - 0.5 * Math.log(det) - LOG_2PI : Double.NEGATIVE_INFINITY;
        }
        double ll = 0;
        double[] r = f.r;
        for (int j = 0, n = t.length; j < n; j++) {
            double mx = Double.NEGATIVE_INFINITY;
            for (int z = 0; z < k; z++) {
                double a = t[j] - f.mean[z][0];
                double b = w[j] - f.mean[z][1];
                lp[z] = konst[z] - 0.5 * (inv[3 * z] * a * a + inv[3 * z + 1] * a * b + inv[3 * z + 2] * b * b);
                mx = Math.max(mx, lp[z]);
            }
            double s = 0;
            for (int z = 0; z < k; z++) {
                double e = Math.exp(lp[z] - mx);
                r[j * k + z] = e;
                s += e;
            }
            for (int z = 0; z < k; z++) {
                r[j * k + z] /= s;
            }
            ll += mx + Math.log(s);
        }
        return ll;
    }

    /**
     * Weighted statistics per class: stats[z] = (S, mean t, mean ω, scatter xx, xy, yy) with the scatter about the
     * class's own weighted mean (not divided by S).
     */
    static void statistics(double[] t, double[] w, MixtureFit f, double[][] stats) {
        int k = f.classes;
        for (double[] s : stats) {
            java.util.Arrays.fill(s, 0);
        }
        double[] r = f.r;
        for (int j = 0, n = t.length; j < n; j++) {
            for (int z = 0; z < k; z++) {
                double q = r[j * k + z];
                stats[z][0] += q;
                stats[z][1] += q * t[j];
                stats[z][2] += q * w[j];
            }
        }
        for (int z = 0; z < k; z++) {
            if (stats[z][0] > 0) {
                stats[z][1] /= stats[z][0];
                stats[z][2] /= stats[z][0];
            }
        }
        for (int j = 0, n = t.length; j < n; j++) {
            for (int z = 0; z < k; z++) {
                double q = r[j * k + z];
                double a = t[j] - stats[z][1];
                double b = w[j] - stats[z][2];
                stats[z][3] += q * a * a;
                stats[z][4] += q * a * b;
                stats[z][5] += q * b * b;
            }
        }
    }

    /**
     * K clean populations, one common covariance. Start: the units split into K equal runs along the principal axis
     * of their covariance.
     *
     * @return the fit
     */
    static MixtureFit cleanMixture(double[] t, double[] w, int k) {
        int n = t.length;
        MixtureFit f = new MixtureFit(k, MixtureFit.Family.CLEAN, n);
        double[] all = moments(t, w);
        // principal axis of the 2x2 covariance
        double angle = 0.5 * Math.atan2(2 * all[3], all[2] - all[4]);
        double ca = Math.cos(angle);
        double sa = Math.sin(angle);
        double[] proj = new double[n];
        for (int j = 0; j < n; j++) {
            proj[j] = ca * t[j] + sa * w[j];
        }
        double[] sorted = proj.clone();
        java.util.Arrays.sort(sorted);
        for (int j = 0; j < n; j++) {
            int rank = java.util.Arrays.binarySearch(sorted, proj[j]);
            int g = Math.min(k - 1, (int) ((long) Math.max(0, rank) * k / n));
            f.r[j * k + g] = 1;
        }
        double[][] stats = new double[k][6];
        statistics(t, w, f, stats);
        cleanStep(f, stats, n);
        iterate(t, w, f, stats);
        return f;
    }

    /** M-step of the clean mixture: proportions, means, common covariance. */
    private static void cleanStep(MixtureFit f, double[][] stats, int n) {
        double[] common = new double[3];
        for (int z = 0; z < f.classes; z++) {
            f.pi[z] = stats[z][0] / n;
            if (stats[z][0] > 1e-9) {
                f.mean[z][0] = stats[z][1];
                f.mean[z][1] = stats[z][2];
            }
            for (int q = 0; q < 3; q++) {
                common[q] += stats[z][3 + q];
            }
        }
        for (int q = 0; q < 3; q++) {
            common[q] /= n;
        }
        regularise(common, MIN_VAR, Double.POSITIVE_INFINITY);
        for (int z = 0; z < f.classes; z++) {
            System.arraycopy(common, 0, f.cov[z], 0, 3);
        }
    }

    /** EM iterations from the current parameters until convergence. */
    static void iterate(double[] t, double[] w, MixtureFit f, double[][] stats) {
        int n = t.length;
        int k = f.classes;
        double[] lp = new double[k];
        double[] inv = new double[3 * k];
        double[] konst = new double[k];
        double ll = Double.NEGATIVE_INFINITY;
        int it = 0;
        boolean converged = false;
        while (it < MAX_ITERATIONS) {
            it++;
            double newLl = expectation(t, w, f, lp, inv, konst);
            converged = Math.abs(newLl - ll) < TOLERANCE * n;
            ll = newLl;
            if (converged) {
                break;
            }
            statistics(t, w, f, stats);
            if (f.isFraud()) {
                FraudMixtureEm.fraudStep(f, stats, n);
            } else {
                cleanStep(f, stats, n);
            }
        }
        // the responsibilities and the log-likelihood belong to the final parameters: on convergence the last E-step
        // already used them; after MAX_ITERATIONS the last M-step moved them, so one more E-step
        f.logLikelihood = converged ? ll : expectation(t, w, f, lp, inv, konst);
        f.iterations = it;
    }

    /** @return (mean t, mean ω, var t, cov, var ω) of all units */
    static double[] moments(double[] t, double[] w) {
        int n = t.length;
        double mt = 0;
        double mw = 0;
        for (int j = 0; j < n; j++) {
            mt += t[j];
            mw += w[j];
        }
        mt /= n;
        mw /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int j = 0; j < n; j++) {
            double a = t[j] - mt;
            double b = w[j] - mw;
            sxx += a * a;
            sxy += a * b;
            syy += b * b;
        }
        return new double[] {mt, mw, sxx / n, sxy / n, syy / n};
    }

    /** Bounds the variances of a packed 2x2 covariance and keeps it positive definite. */
    static void regularise(double[] s, double lo, double hi) {
        s[0] = Math.max(lo, Math.min(hi, s[0]));
        s[2] = Math.max(lo, Math.min(hi, s[2]));
        double lim = 0.99 * Math.sqrt(s[0] * s[2]);
        s[1] = Math.max(-lim, Math.min(lim, s[1]));
    }
}
