package org.psephos.estimation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psephos.data.Election;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;

/**
 * {@code FraudMixture}: a Mebane-type finite mixture of no-fraud, incremental-fraud and extreme-fraud units,
 * fitted by EM, with per-unit posterior class probabilities. A JAGS-free, deterministic counterpart of the
 * {@code bl}/{@code qbl} models of eforensics (Ferrari, McAlister and Mebane 2018, "Developments in positive
 * empirical models of election frauds: dimensions and decisions", and the R package {@code eforensics};
 * FORENSICS.md B6).
 *
 * <p>Likelihood. Per unit j the observation is x_j = (t_j, v_j) with t = ballots/registered and v = leader
 * votes/ballots (eforensics models abstention a = N − B and winner votes w out of N; w/N = t·v, and the normal
 * approximation is closer in (t, v), where a clean Klimek election is a product of two normals). In eforensics' {@code bl},
 * class z ∈ {no fraud, incremental, extreme} has binomial means E[t] = 1 − (1 − μτ)(1 − ι_m) and
 * E[w/N] = μν·((1 − ι_s)/(1 − ι_m))·(1 − ι_m − a/N) + (a/N)(ι_m − ι_s)/(1 − ι_m) + ι_s with fixed-effect
 * μτ, μν and class rates ι (incremental, in (0, 0.7)) or χ (extreme, in (0.7, 1)). Here each class is a bivariate
 * normal with its own mean m_z: the binomial likelihoods replaced by their normal limit, and the binomial variance
 * replaced by a free covariance, estimated from the data (the role of {@code qbl}'s unit random effects, which
 * absorb overdispersion; with registered voters in the thousands the pure binomial likelihood makes every unit's
 * posterior 0 or 1). The no-fraud and incremental classes share one covariance (incremental units are clean units
 * shifted by a fixed rate, as in {@code bl}); the extreme class has its own, with each sd in [0.01, 0.05]. The rates
 * are read off the means: ι_m = (m_z,t − m_0,t)/(1 − m_0,t), μν = m_0,v, and ι_s solves the E[w/N] equation
 * above at a/N = 1 − m_z,t and w/N = m_z,t·m_z,v. After every M-step the means are projected onto eforensics' ranges: incremental
 * ι_m ∈ [0, 0.7], extreme χ_m ∈ [0.7, 1], and neither class below the no-fraud mean in v.
 *
 * <p>EM: responsibilities from the normal densities (E-step), weighted means and covariances (M-step), at most
 * {@value #MAX_ITERATIONS} iterations or until the log-likelihood changes by less than 1e-7 per unit; deterministic,
 * O(n) per iteration (Russia 2011, 95,220 units: 39 iterations, 1.2 s). Start: no-fraud class at the units at or below the 80th
 * turnout percentile, incremental at ι_m = 0.3, extreme at turnout 0.97, π = (0.8, 0.15, 0.05).
 * Limitation: a second clean cluster is read as a fraud class (Canada 2011,
 * whose fingerprint has a Quebec and a rest-of-Canada cluster, gets π_incremental ≈ 0.53); read the classes'
 * means and rates, and calibrate with {@code psephos power}, before calling units fraudulent. Unlike eforensics
 * there is no prior on π (no-fraud is not forced to be the largest class) and no covariates.
 *
 * <p>Null model: one no-fraud class. Flag rule: BIC prefers the mixture and π_incremental + π_extreme &gt;
 * {@value #FLAG_FRACTION} (the ratio of nested mixtures has no χ² limit, so there is no p-value; the power
 * command calibrates the value on clean simulations). Value:
 * 1 − π_clean; no p-value. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class FraudMixture implements ForensicTest {
    /** The test id. */
    public static final String ID = "FraudMixture";
    /** Most EM iterations. */
    public static final int MAX_ITERATIONS = 500;
    /** Smallest fraud share the flag rule accepts. */
    public static final double FLAG_FRACTION = 0.05;
    /** eforensics' boundary k between incremental and extreme rates. */
    public static final double K = 0.7;
    private static final double MIN_VAR = 1e-6;
    /** Convergence: log-likelihood change per unit. */
    private static final double TOLERANCE = 1e-7;
    private static final double LOG_2PI = 1.8378770664093453;
    /** Parameters the three-class fit adds to the one-class fit: 2 proportions, 4 means, 3 covariances. */
    static final int EXTRA_PARAMETERS = 9;

    private FraudMixture() {
    }

    /** @return the estimator */
    public static FraudMixture withDefaults() {
        return new FraudMixture();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Scope scope() {
        return Scope.LEADER_AND_TURNOUT;
    }

    /**
     * @param e units with a leader and positive registered voters
     * @return the fit
     * @throws IllegalArgumentException if there are fewer than 10 units or no leader
     */
    public FraudMixtureResult fit(Election e) {
        LeaderColumns c = LeaderColumns.of(e);
        int n = c.n;
        if (n < 10) {
            throw new IllegalArgumentException("fewer than 10 units: " + n);
        }
        double[] t = new double[n];
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            t[j] = (double) c.ballots[j] / c.registered[j];
            w[j] = c.ballots[j] > 0 ? (double) c.leader[j] / c.ballots[j] : 0;
        }
        double[] sorted = t.clone();
        Arrays.sort(sorted);
        double cut = sorted[(int) (0.8 * (n - 1))];
        double[] m0 = new double[2];
        double[] s0 = new double[3];
        double[] all = new double[2];
        double[] sAll = new double[3];
        int k0 = 0;
        for (int j = 0; j < n; j++) {
            all[0] += t[j];
            all[1] += w[j];
            if (t[j] <= cut) {
                m0[0] += t[j];
                m0[1] += w[j];
                k0++;
            }
        }
        m0[0] /= k0;
        m0[1] /= k0;
        all[0] /= n;
        all[1] /= n;
        for (int j = 0; j < n; j++) {
            double a = t[j] - all[0];
            double b = w[j] - all[1];
            sAll[0] += a * a;
            sAll[1] += a * b;
            sAll[2] += b * b;
            if (t[j] <= cut) {
                a = t[j] - m0[0];
                b = w[j] - m0[1];
                s0[0] += a * a;
                s0[1] += a * b;
                s0[2] += b * b;
            }
        }
        for (int q = 0; q < 3; q++) {
            s0[q] /= k0;
            sAll[q] /= n;
        }
        regularise(sAll, MIN_VAR, Double.POSITIVE_INFINITY);
        double cleanLl = 0;
        for (int j = 0; j < n; j++) {
            cleanLl += logDensity(t[j], w[j], all, sAll);
        }
        double support = m0[1];
        double[][] m = {m0.clone(), {m0[0] + 0.3 * (1 - m0[0]), 0}, {0.97, 0}};
        m[1][1] = Math.min(1, support + 0.2 * (1 - support));
        m[2][1] = Math.min(1, support + 0.8 * (1 - support));
        double[] sc = s0.clone();
        regularise(sc, MIN_VAR, Double.POSITIVE_INFINITY);
        double[] se = {0.02 * 0.02, 0, 0.03 * 0.03};
        double[] pi = {0.8, 0.15, 0.05};
        double[][] post = new double[n][3];
        double ll = Double.NEGATIVE_INFINITY;
        int it = 0;
        double[] lp = new double[3];
        double[][] inv = new double[3][3];
        double[] konst = new double[3];
        while (it < MAX_ITERATIONS) {
            it++;
            // E-step
            double newLl = 0;
            for (int z = 0; z < 3; z++) {
                double[] s = z == 2 ? se : sc;
                double det = s[0] * s[2] - s[1] * s[1];
                inv[z][0] = s[2] / det;
                inv[z][1] = -2 * s[1] / det;
                inv[z][2] = s[0] / det;
                konst[z] = pi[z] > 0 ? Math.log(pi[z]) - 0.5 * Math.log(det) - LOG_2PI : Double.NEGATIVE_INFINITY;
            }
            for (int j = 0; j < n; j++) {
                double mx = Double.NEGATIVE_INFINITY;
                for (int z = 0; z < 3; z++) {
                    double a = t[j] - m[z][0];
                    double b = w[j] - m[z][1];
                    lp[z] = konst[z] - 0.5 * (inv[z][0] * a * a + inv[z][1] * a * b + inv[z][2] * b * b);
                    mx = Math.max(mx, lp[z]);
                }
                double s = 0;
                for (int z = 0; z < 3; z++) {
                    post[j][z] = Math.exp(lp[z] - mx);
                    s += post[j][z];
                }
                for (int z = 0; z < 3; z++) {
                    post[j][z] /= s;
                }
                newLl += mx + Math.log(s);
            }
            boolean done = Math.abs(newLl - ll) < TOLERANCE * n;
            ll = newLl;
            if (done) {
                break;
            }
            // M-step
            double[] nz = new double[3];
            double[][] mean = new double[3][2];
            for (int j = 0; j < n; j++) {
                for (int z = 0; z < 3; z++) {
                    double r = post[j][z];
                    nz[z] += r;
                    mean[z][0] += r * t[j];
                    mean[z][1] += r * w[j];
                }
            }
            for (int z = 0; z < 3; z++) {
                pi[z] = nz[z] / n;
                if (nz[z] > 1e-9) {
                    m[z][0] = mean[z][0] / nz[z];
                    m[z][1] = mean[z][1] / nz[z];
                }
            }
            project(m);
            double[] scNew = new double[3];
            double[] seNew = new double[3];
            for (int j = 0; j < n; j++) {
                for (int z = 0; z < 3; z++) {
                    double r = post[j][z];
                    double a = t[j] - m[z][0];
                    double b = w[j] - m[z][1];
                    double[] target = z == 2 ? seNew : scNew;
                    target[0] += r * a * a;
                    target[1] += r * a * b;
                    target[2] += r * b * b;
                }
            }
            double nc = nz[0] + nz[1];
            for (int q = 0; q < 3; q++) {
                if (nc > 1e-9) {
                    sc[q] = scNew[q] / nc;
                }
                if (nz[2] > 1e-9) {
                    se[q] = seNew[q] / nz[2];
                }
            }
            regularise(sc, MIN_VAR, Double.POSITIVE_INFINITY);
            regularise(se, 1e-4, 0.0025);
        }
        if (2 * (ll - cleanLl) < EXTRA_PARAMETERS * Math.log(n)) {
            // BIC prefers one no-fraud class: report it
            for (double[] p : post) {
                p[0] = 1;
                p[1] = 0;
                p[2] = 0;
            }
            return new FraudMixtureResult(new double[] {1, 0, 0}, all[0], all[1], new double[3], new double[3],
                    new double[][] {all.clone(), all.clone(), all.clone()}, post, cleanLl, cleanLl, it);
        }
        double mu = m[0][0];
        double nu = m[0][1];
        double[] man = new double[3];
        double[] st = new double[3];
        for (int z = 1; z < 3; z++) {
            man[z] = (m[z][0] - mu) / (1 - mu);
            st[z] = stolenRate(nu, man[z], 1 - m[z][0], m[z][0] * m[z][1]);
        }
        return new FraudMixtureResult(pi, mu, nu, man, st, m, post, ll, cleanLl, it);
    }

    /** Solves eforensics' E[w/N] for ι_s given μν, ι_m and the abstention rate a. */
    static double stolenRate(double nu, double im, double a, double pw) {
        if (im >= 1) {
            return Double.NaN;
        }
        double base = (nu * (1 - im - a) + a * im) / (1 - im);
        double slope = 1 - (nu * (1 - im - a) + a) / (1 - im);
        return Math.abs(slope) < 1e-12 ? 0 : Math.max(0, Math.min(1, (pw - base) / slope));
    }

    /** Keeps the fraud classes' means inside eforensics' ranges. */
    private static void project(double[][] m) {
        double t0 = m[0][0];
        double lo1 = t0;
        double hi1 = t0 + K * (1 - t0);
        m[1][0] = Math.max(lo1, Math.min(hi1, m[1][0]));
        m[2][0] = Math.max(hi1, Math.min(1, m[2][0]));
        m[1][1] = Math.max(m[0][1], Math.min(1, m[1][1]));
        m[2][1] = Math.max(m[0][1], Math.min(1, m[2][1]));
    }

    /** Bounds the variances of a 2x2 covariance (xx, xy, yy) and keeps it positive definite. */
    private static void regularise(double[] s, double lo, double hi) {
        s[0] = Math.max(lo, Math.min(hi, s[0]));
        s[2] = Math.max(lo, Math.min(hi, s[2]));
        double lim = 0.99 * Math.sqrt(s[0] * s[2]);
        s[1] = Math.max(-lim, Math.min(lim, s[1]));
    }

    private static double logDensity(double x, double y, double[] m, double[] s) {
        double det = s[0] * s[2] - s[1] * s[1];
        double a = x - m[0];
        double b = y - m[1];
        double q = (s[2] * a * a - 2 * s[1] * a * b + s[0] * b * b) / det;
        return -0.5 * q - 0.5 * Math.log(det) - LOG_2PI;
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        if (input.size() < Math.max(options.minUnits(), 10)) {
            return TestResult.notApplicable(ID, input, input.size(), "fewer than "
                    + Math.max(options.minUnits(), 10) + " units");
        }
        FraudMixtureResult r = fit(input.election());
        double[] pi = r.pi();
        int[] counts = r.modalCounts();
        double value = 1 - pi[0];
        boolean flag = value > FLAG_FRACTION;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("pi_clean", pi[0]);
        d.put("pi_incremental", pi[1]);
        d.put("pi_extreme", pi[2]);
        d.put("units_incremental", counts[1]);
        d.put("units_extreme", counts[2]);
        return new TestResult(ID, input.variable().name(), input.level(), value, 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, flag, input.size(), true, "", d);
    }
}
