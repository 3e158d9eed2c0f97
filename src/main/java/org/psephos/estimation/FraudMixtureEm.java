package org.psephos.estimation;

/**
 * The fraud family of {@link MixtureEm}: eforensics' {@code bl} classes on top of K clean populations (no fraud = the
 * populations N(μ_k, Σ); incremental = each population pushed through the {@link BlMap} with common rates
 * (ι_m, ι_s), N(g(μ_k), J_kΣJ_kᵀ); extreme = its own normal near turnout 1), fitted by ECM: its start, its M-step
 * (populations and common covariance pulled back through the map, then the rates by a compass search, then the
 * extreme class). The E-step and the iterations are {@link MixtureEm}'s. Package-private, stateless, deterministic.
 */
final class FraudMixtureEm {
    /** eforensics' boundary k between incremental and extreme rates. */
    static final double K = 0.7;
    /** Bounds of the extreme class's sds (its variances in [0.01², 0.05²]). */
    private static final double EXTREME_MIN_VAR = 1e-4;
    private static final double EXTREME_MAX_VAR = 0.0025;

    private FraudMixtureEm() {
    }

    /**
     * The fraud mixture with K clean populations from a start: the populations fitted to the units at or below the
     * 80th turnout percentile, incremental rates (ι_m, ι_s) as given, extreme at turnout 0.97,
     * (π_clean, π_incremental, π_extreme) = (0.8, 0.15, 0.05).
     *
     * @return the fit
     */
    static MixtureFit fraudMixture(double[] t, double[] w, int k, double iotaM, double iotaS) {
        int n = t.length;
        MixtureFit f = new MixtureFit(k, MixtureFit.Family.FRAUD, n);
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
        MixtureFit start = MixtureEm.cleanMixture(lt, lw, k);
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
        f.mean[2 * k][1] = BlMap.share(centre[0], centre[1], chi, 0.8 * chi);
        f.cov[2 * k][0] = 0.02 * 0.02;
        f.cov[2 * k][1] = 0;
        f.cov[2 * k][2] = 0.03 * 0.03;
        MixtureEm.iterate(t, w, f, new double[f.classes][6]);
        return f;
    }

    /**
     * ECM step of the fraud mixture: class proportions and population weights; each population's mean and the common
     * covariance given the rates (the incremental copies pulled back through the {@code bl} map); the rates given
     * those; the extreme class.
     */
    static void fraudStep(MixtureFit f, double[][] stats, int n) {
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
            BlMap.jacobian(f.mean[z][0], f.mean[z][1], f.iotaM, f.iotaS, jac);
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
            MixtureEm.regularise(common, MixtureEm.MIN_VAR, Double.POSITIVE_INFINITY);
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
            m[1] = Math.max(BlMap.share(centre[0], centre[1], chi, 0),
                    Math.min(BlMap.share(centre[0], centre[1], chi, chi), st[2]));
            double dt = st[1] - m[0];
            double dw = st[2] - m[1];
            double[] e = f.cov[2 * k];
            e[0] = st[3] / st[0] + dt * dt;
            e[1] = st[4] / st[0] + dt * dw;
            e[2] = st[5] / st[0] + dw * dw;
            MixtureEm.regularise(e, EXTREME_MIN_VAR, EXTREME_MAX_VAR);
        }
    }

    /** Sets each incremental copy to N(g(μ_k), J_k Σ J_kᵀ), g the {@code bl} map and J_k its Jacobian at μ_k. */
    private static void mapIncremental(MixtureFit f) {
        double im = f.iotaM;
        double is = f.iotaS;
        int k = f.populations;
        double[] jac = new double[3];
        for (int z = 0; z < k; z++) {
            double[] mu = f.mean[z];
            f.mean[k + z][0] = BlMap.turnout(mu[0], im);
            f.mean[k + z][1] = BlMap.share(mu[0], mu[1], im, is);
            BlMap.jacobian(mu[0], mu[1], im, is, jac);
            BlMap.transform(f.cov[z], jac[0], jac[1], jac[2], f.cov[k + z]);
        }
    }

    /**
     * The rates maximising the incremental copies' expected complete log-likelihood given the populations: a compass
     * search on [0, k]² over a function of the copies' sufficient statistics (O(K) per evaluation).
     */
    private static void rates(MixtureFit f, double[][] stats) {
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
    private static double incrementalQ(MixtureFit f, double[][] stats, double im, double is, double[] v) {
        int k = f.populations;
        double q = 0;
        for (int z = 0; z < k; z++) {
            double[] st = stats[k + z];
            double[] mu = f.mean[z];
            BlMap.jacobian(mu[0], mu[1], im, is, v);
            BlMap.transform(f.cov[z], v[0], v[1], v[2], v);
            double det = v[0] * v[2] - v[1] * v[1];
            if (!(det > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            double i11 = v[2] / det;
            double i12 = -v[1] / det;
            double i22 = v[0] / det;
            double a = st[1] - BlMap.turnout(mu[0], im);
            double b = st[2] - BlMap.share(mu[0], mu[1], im, is);
            double tr = i11 * st[3] + 2 * i12 * st[4] + i22 * st[5];
            q -= 0.5 * (st[0] * Math.log(det) + tr + st[0] * (i11 * a * a + 2 * i12 * a * b + i22 * b * b));
        }
        return q;
    }
}
