package org.psephos.estimation;

/**
 * The EM machinery behind {@link FraudMixture}: bivariate normal mixtures over units x_j = (t_j, v_j), turnout and
 * the leader's share of ballots. Two fits share one E-step:
 * <ul>
 *   <li>{@link #cleanMixture(double[], double[], int)}: K clean populations with their own means and one common
 *       covariance (regional effects on the means and one dispersion, the normal analogue of eforensics' covariates
 *       on μτ and μν);</li>
 *   <li>{@link #fraudMixture(double[], double[], int, double, double)}: eforensics' {@code bl} classes on top of
 *       K clean populations: no fraud = the populations N(μ_k, Σ), incremental = each population pushed through the
 *       {@code bl} map g with common rates (ι_m, ι_s), N(g(μ_k), J_kΣJ_kᵀ) with J_k the map's Jacobian at μ_k,
 *       extreme = its own normal near turnout 1.</li>
 * </ul>
 * The map (see {@link #share(double, double, double, double)}) moves a unit toward (1, 1) and shrinks the spread; a
 * second clean population with its own centre and the common spread is not of that form. The model choice (BIC)
 * between the two families is made by {@link FraudMixture}.
 *
 * <p>Covariances are packed (xx, xy, yy). Package-private, stateless; every fit is deterministic, O(n·classes) per
 * iteration, and allocates only its per-unit responsibility array (flat, n·classes) and its start.
 */
final class MixtureEm {
    /** Most EM iterations. */
    static final int MAX_ITERATIONS = 500;
    /** Convergence: log-likelihood change per unit. */
    static final double TOLERANCE = 1e-7;
    /** eforensics' boundary k between incremental and extreme rates. */
    static final double K = 0.7;
    private static final double MIN_VAR = 1e-6;
    /** Bounds of the extreme class's sds (its variances in [0.01², 0.05²]). */
    private static final double EXTREME_MIN_VAR = 1e-4;
    private static final double EXTREME_MAX_VAR = 0.0025;
    private static final double LOG_2PI = 1.8378770664093453;

    private MixtureEm() {
    }

    /**
     * A fitted mixture: per-class mixing weights, means, covariances (packed), responsibilities (flat, unit-major).
     * A clean fit has K classes; a fraud fit has 2K + 1: clean populations 0..K−1, their incremental copies K..2K−1
     * and the extreme class 2K, with weights π_clean·w_k, π_incremental·w_k and π_extreme.
     */
    static final class Fit {
        final int populations;
        final boolean fraud;
        final int classes;
        final double[] pi;
        final double[][] mean;
        final double[][] cov;
        /** Responsibilities r[j·classes + z]. */
        final double[] r;
        /** (π_clean, π_incremental, π_extreme) of a fraud fit. */
        final double[] share = new double[3];
        double logLikelihood;
        int iterations;
        /** Incremental rates (fraud fits only). */
        double iotaM;
        double iotaS;

        Fit(int populations, boolean fraud, int n) {
            this.populations = populations;
            this.fraud = fraud;
            classes = fraud ? 2 * populations + 1 : populations;
            pi = new double[classes];
            mean = new double[classes][2];
            cov = new double[classes][3];
            r = new double[n * classes];
        }

        /** @return the number of free parameters: K − 1 weights, 2K means, one covariance; fraud adds 9 */
        int parameters() {
            // fraud: 2 class proportions, two rates, the extreme class's mean and covariance
            return (populations - 1) + 2 * populations + 3 + (fraud ? 9 : 0);
        }

        /** @return the Bayesian information criterion, −2 log L + p log n */
        double bic(int n) {
            return -2 * logLikelihood + parameters() * Math.log(n);
        }

        /** @return the weighted centre of the clean populations */
        double[] cleanCentre() {
            double[] c = new double[2];
            double s = 0;
            for (int z = 0; z < populations; z++) {
                double q = fraud ? pi[z] + pi[populations + z] : pi[z];
                c[0] += q * mean[z][0];
                c[1] += q * mean[z][1];
                s += q;
            }
            c[0] /= s;
            c[1] /= s;
            return c;
        }
    }

    /**
     * E-step: responsibilities of every class for every unit.
     *
     * @return the log-likelihood
     */
    static double expectation(double[] t, double[] w, Fit f, double[] lp, double[] inv, double[] konst) {
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
    static void statistics(double[] t, double[] w, Fit f, double[][] stats) {
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
    static Fit cleanMixture(double[] t, double[] w, int k) {
        int n = t.length;
        Fit f = new Fit(k, false, n);
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
    private static void cleanStep(Fit f, double[][] stats, int n) {
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

    /**
     * The fraud mixture with K clean populations from a start: the populations fitted to the units at or below the
     * 80th turnout percentile, incremental rates (ι_m, ι_s) as given, extreme at turnout 0.97,
     * (π_clean, π_incremental, π_extreme) = (0.8, 0.15, 0.05).
     *
     * @return the fit
     */
    static Fit fraudMixture(double[] t, double[] w, int k, double iotaM, double iotaS) {
        int n = t.length;
        Fit f = new Fit(k, true, n);
        double[] sorted = t.clone();
        java.util.Arrays.sort(sorted);
        double cut = sorted[(int) (0.8 * (n - 1))];
        int low = 0;
        for (double x : t) {
            low += x <= cut ? 1 : 0;
        }
        double[] lt = new double[low];
        double[] lw = new double[low];
        for (int j = 0, i = 0; j < n; j++) {
            if (t[j] <= cut) {
                lt[i] = t[j];
                lw[i++] = w[j];
            }
        }
        Fit start = cleanMixture(lt, lw, k);
        f.share[0] = 0.8;
        f.share[1] = 0.15;
        f.share[2] = 0.05;
        for (int z = 0; z < k; z++) {
            f.mean[z] = start.mean[z].clone();
            f.cov[z] = start.cov[z].clone();
            f.pi[z] = f.share[0] * start.pi[z];
            f.pi[k + z] = f.share[1] * start.pi[z];
        }
        f.pi[2 * k] = f.share[2];
        f.iotaM = iotaM;
        f.iotaS = iotaS;
        mapIncremental(f);
        double[] centre = f.cleanCentre();
        double chi = (0.97 - centre[0]) / (1 - centre[0]);
        f.mean[2 * k][0] = 0.97;
        f.mean[2 * k][1] = share(centre[0], centre[1], chi, 0.8 * chi);
        f.cov[2 * k][0] = 0.02 * 0.02;
        f.cov[2 * k][1] = 0;
        f.cov[2 * k][2] = 0.03 * 0.03;
        iterate(t, w, f, new double[f.classes][6]);
        return f;
    }

    /** EM iterations from the current parameters until convergence. */
    private static void iterate(double[] t, double[] w, Fit f, double[][] stats) {
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
            if (f.fraud) {
                fraudStep(f, stats, n);
            } else {
                cleanStep(f, stats, n);
            }
        }
        // the responsibilities and the log-likelihood belong to the final parameters: on convergence the last E-step
        // already used them; after MAX_ITERATIONS the last M-step moved them, so one more E-step
        f.logLikelihood = converged ? ll : expectation(t, w, f, lp, inv, konst);
        f.iterations = it;
    }

    /**
     * ECM step of the fraud mixture: class proportions and population weights; each population's mean and the common
     * covariance given the rates (the incremental copies pulled back through the {@code bl} map); the rates given
     * those; the extreme class.
     */
    private static void fraudStep(Fit f, double[][] stats, int n) {
        int k = f.populations;
        double sc = 0;
        double si = 0;
        for (int z = 0; z < k; z++) {
            sc += stats[z][0];
            si += stats[k + z][0];
        }
        f.share[0] = sc / n;
        f.share[1] = si / n;
        f.share[2] = stats[2 * k][0] / n;
        double[] jac = new double[3];
        double[] common = new double[3];
        for (int z = 0; z < k; z++) {
            double[] c0 = stats[z];
            double[] c1 = stats[k + z];
            double s0 = c0[0];
            double s1 = c1[0];
            if (s0 + s1 <= 1e-9) {
                continue;
            }
            // the incremental copy pulled back through the inverse map, its scatter through the inverse Jacobian
            double yt = Math.max(1e-3, (c1[1] - f.iotaM) / (1 - f.iotaM));
            double yw = (c1[2] * c1[1] - f.iotaM * (1 - yt) - f.iotaS * yt) / (yt * (1 - f.iotaS));
            jacobian(f.mean[z][0], f.mean[z][1], f.iotaM, f.iotaS, jac);
            double b11 = 1 / jac[0];
            double b21 = -jac[1] / (jac[0] * jac[2]);
            double b22 = 1 / jac[2];
            double mt = (s0 * c0[1] + s1 * yt) / (s0 + s1);
            double mw = (s0 * c0[2] + s1 * yw) / (s0 + s1);
            double d0t = c0[1] - mt;
            double d0w = c0[2] - mw;
            double d1t = yt - mt;
            double d1w = yw - mw;
            common[0] += c0[3] + s0 * d0t * d0t + b11 * b11 * c1[3] + s1 * d1t * d1t;
            common[1] += c0[4] + s0 * d0t * d0w + b11 * (b21 * c1[3] + b22 * c1[4]) + s1 * d1t * d1w;
            common[2] += c0[5] + s0 * d0w * d0w + b21 * b21 * c1[3] + 2 * b21 * b22 * c1[4] + b22 * b22 * c1[5]
                    + s1 * d1w * d1w;
            f.mean[z][0] = mt;
            f.mean[z][1] = Math.max(0, Math.min(1, mw));
        }
        if (sc + si > 1e-9) {
            for (int q = 0; q < 3; q++) {
                common[q] /= sc + si;
            }
            regularise(common, MIN_VAR, Double.POSITIVE_INFINITY);
            for (int z = 0; z < k; z++) {
                System.arraycopy(common, 0, f.cov[z], 0, 3);
            }
        }
        if (si > 1e-9) {
            rates(f, stats);
        }
        for (int z = 0; z < k; z++) {
            double wz = sc + si > 1e-9 ? (stats[z][0] + stats[k + z][0]) / (sc + si) : 1.0 / k;
            f.pi[z] = f.share[0] * wz;
            f.pi[k + z] = f.share[1] * wz;
        }
        f.pi[2 * k] = f.share[2];
        mapIncremental(f);
        double[] st = stats[2 * k];
        if (st[0] > 1e-9) {
            double[] m = f.mean[2 * k];
            double[] centre = f.cleanCentre();
            double mu = centre[0];
            double lo = mu + K * (1 - mu);
            m[0] = Math.max(lo, Math.min(1, st[1]));
            double chi = (m[0] - mu) / (1 - mu);
            m[1] = Math.max(share(centre[0], centre[1], chi, 0), Math.min(share(centre[0], centre[1], chi, chi), st[2]));
            double dt = st[1] - m[0];
            double dw = st[2] - m[1];
            double[] e = f.cov[2 * k];
            e[0] = st[3] / st[0] + dt * dt;
            e[1] = st[4] / st[0] + dt * dw;
            e[2] = st[5] / st[0] + dw * dw;
            regularise(e, EXTREME_MIN_VAR, EXTREME_MAX_VAR);
        }
    }

    /**
     * The leader's share of ballots after the {@code bl} map: a unit with clean turnout τ and share ν and rates
     * (ι_m, ι_s) reports t' = ι_m + (1 − ι_m)τ and leader votes per voter ω' = ι_m(1 − τ) + (1 − ι_s)ντ + ι_sτ.
     *
     * @return ω'/t'
     */
    static double share(double tau, double nu, double im, double is) {
        double tp = im + (1 - im) * tau;
        return (im * (1 - tau) + (1 - is) * nu * tau + is * tau) / tp;
    }

    /** The map's Jacobian at (τ, ν), lower triangular: (∂t'/∂τ, ∂v'/∂τ, ∂v'/∂ν). */
    static void jacobian(double tau, double nu, double im, double is, double[] out) {
        double tp = im + (1 - im) * tau;
        double wp = im * (1 - tau) + (1 - is) * nu * tau + is * tau;
        double dwt = -im + (1 - is) * nu + is;
        double dwn = (1 - is) * tau;
        out[0] = 1 - im;
        out[1] = (dwt * tp - wp * (1 - im)) / (tp * tp);
        out[2] = dwn / tp;
    }

    /** Sets each incremental copy to N(g(μ_k), J_k Σ J_kᵀ), g the {@code bl} map and J_k its Jacobian at μ_k. */
    private static void mapIncremental(Fit f) {
        double im = f.iotaM;
        double is = f.iotaS;
        int k = f.populations;
        double[] jac = new double[3];
        for (int z = 0; z < k; z++) {
            double[] mu = f.mean[z];
            f.mean[k + z][0] = im + (1 - im) * mu[0];
            f.mean[k + z][1] = share(mu[0], mu[1], im, is);
            jacobian(mu[0], mu[1], im, is, jac);
            transform(f.cov[z], jac[0], jac[1], jac[2], f.cov[k + z]);
        }
    }

    /** out = A S Aᵀ for A = [[a11, 0], [a21, a22]], packed. */
    private static void transform(double[] s, double a11, double a21, double a22, double[] out) {
        double xx = a11 * a11 * s[0];
        double xy = a11 * (a21 * s[0] + a22 * s[1]);
        double yy = a21 * a21 * s[0] + 2 * a21 * a22 * s[1] + a22 * a22 * s[2];
        out[0] = xx;
        out[1] = xy;
        out[2] = yy;
    }

    /**
     * The rates maximising the incremental copies' expected complete log-likelihood given the populations: a compass
     * search on [0, k]² over a function of the copies' sufficient statistics (O(K) per evaluation).
     */
    private static void rates(Fit f, double[][] stats) {
        double bm = f.iotaM;
        double bs = f.iotaS;
        double[] v = new double[3];
        double q = incrementalQ(f, stats, bm, bs, v);
        double step = 0.05;
        while (step > 1e-7) {
            boolean moved = false;
            for (int d = 0; d < 4; d++) {
                double im = bm + (d == 0 ? step : d == 1 ? -step : 0);
                double is = bs + (d == 2 ? step : d == 3 ? -step : 0);
                if (im < 0 || im > K || is < 0 || is > im) {
                    continue;
                }
                double qq = incrementalQ(f, stats, im, is, v);
                if (qq > q) {
                    q = qq;
                    bm = im;
                    bs = is;
                    moved = true;
                }
            }
            if (!moved) {
                step /= 2;
            }
        }
        f.iotaM = bm;
        f.iotaS = bs;
    }

    /**
     * Σ_k −½[S log det V_k + tr(V_k⁻¹M) + S (x̄ − m_k)ᵀV_k⁻¹(x̄ − m_k)] over the incremental copies at (im, is);
     * {@code v} is scratch space of length 3.
     */
    private static double incrementalQ(Fit f, double[][] stats, double im, double is, double[] v) {
        int k = f.populations;
        double q = 0;
        for (int z = 0; z < k; z++) {
            double[] st = stats[k + z];
            double[] mu = f.mean[z];
            jacobian(mu[0], mu[1], im, is, v);
            transform(f.cov[z], v[0], v[1], v[2], v);
            double det = v[0] * v[2] - v[1] * v[1];
            if (!(det > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            double i11 = v[2] / det;
            double i12 = -v[1] / det;
            double i22 = v[0] / det;
            double a = st[1] - (im + (1 - im) * mu[0]);
            double b = st[2] - share(mu[0], mu[1], im, is);
            double tr = i11 * st[3] + 2 * i12 * st[4] + i22 * st[5];
            q -= 0.5 * (st[0] * Math.log(det) + tr + st[0] * (i11 * a * a + 2 * i12 * a * b + i22 * b * b));
        }
        return q;
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
