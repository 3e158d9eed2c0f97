package org.psephos.estimation;

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
    /** Most EM iterations of each fit. */
    public static final int MAX_ITERATIONS = MixtureEm.MAX_ITERATIONS;
    /** Smallest fraud share the flag rule accepts. */
    public static final double FLAG_FRACTION = 0.05;
    /** eforensics' boundary k between incremental and extreme rates. */
    public static final double K = MixtureEm.K;
    /** Most clean populations of the no-fraud family. */
    public static final int MAX_CLEAN_COMPONENTS = 3;
    /** Extra clean populations the no-fraud family gets: one for each fraud class. */
    public static final int EXTRA_CLEAN_POPULATIONS = 2;
    /** Starting incremental rates (ι_m, ι_s) of the fraud fits. */
    private static final double START_IOTA_M = 0.3;
    private static final double START_IOTA_S = 0.1;

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
            if (c.registered[j] <= 0) {
                throw new IllegalArgumentException("unit " + (j + 1) + " has " + c.registered[j]
                        + " registered voters; the mixture needs positive registered voters");
            }
            t[j] = (double) c.ballots[j] / c.registered[j];
            w[j] = c.ballots[j] > 0 ? (double) c.leader[j] / c.ballots[j] : 0;
        }
        MixtureEm.Fit bestClean = null;
        MixtureEm.Fit bestFraud = null;
        double cleanOne = Double.NaN;
        for (int k = 1; k <= MAX_CLEAN_COMPONENTS + EXTRA_CLEAN_POPULATIONS; k++) {
            MixtureEm.Fit f = MixtureEm.cleanMixture(t, w, k);
            if (k == 1) {
                cleanOne = f.logLikelihood;
            }
            if (bestClean == null || f.bic(n) < bestClean.bic(n)) {
                bestClean = f;
            }
            if (k <= MAX_CLEAN_COMPONENTS) {
                MixtureEm.Fit g = MixtureEm.fraudMixture(t, w, k, START_IOTA_M, START_IOTA_S);
                if (bestFraud == null || g.bic(n) < bestFraud.bic(n)) {
                    bestFraud = g;
                }
            }
        }
        double bicClean = bestClean.bic(n);
        double bicFraud = bestFraud.bic(n);
        return bicFraud < bicClean ? fraudResult(c, bestFraud, cleanOne, bicFraud, bicClean)
                : cleanResult(c, bestClean, cleanOne, bicFraud, bicClean);
    }

    /** The no-fraud answer: every unit clean, no manufactured or stolen votes. */
    private static FraudMixtureResult cleanResult(LeaderColumns c, MixtureEm.Fit clean, double cleanOne,
                                                  double bicFraud, double bicClean) {
        int n = c.n;
        double[] post = new double[3 * n];
        for (int j = 0; j < n; j++) {
            post[3 * j] = 1;
        }
        double[] centre = clean.cleanCentre();
        double[] m = centre.clone();
        return new FraudMixtureResult(new double[] {1, 0, 0}, centre[0], centre[1], new double[3], new double[3],
                new double[][] {m, m.clone(), m.clone()}, post, new double[n], new double[n], 0, 0, 0, 0,
                clean.populations, clean.logLikelihood, cleanOne, bicFraud, bicClean, clean.iterations);
    }

    /**
     * The fraud answer, with each unit's expected manufactured and stolen votes. Given class z with rates
     * (ι_m,z, ι_s,z) and clean population k with turnout and leader votes per voter (μτ_k, μω_k), eforensics'
     * {@code bl} gives a unit of N registered voters the expected frauds N·ι_m,z·(1 − μτ_k) (manufactured:
     * abstainers' ballots added for the leader) and N·ι_s,z·(μτ_k − μω_k) (stolen: opposition votes moved), capped so
     * that together they do not exceed the unit's leader votes; the extreme class uses the populations' weighted
     * centre. A unit's value is their posterior mean over the classes; the totals' sd is the spread of the class
     * draws given the fitted parameters (√Σ_j Var_z), not of the parameters themselves.
     */
    private static FraudMixtureResult fraudResult(LeaderColumns c, MixtureEm.Fit f, double cleanOne,
                                                  double bicFraud, double bicClean) {
        int n = c.n;
        int k = f.populations;
        int cl = f.classes;
        double[] centre = f.cleanCentre();
        double mu = centre[0];
        double[] extreme = f.mean[2 * k];
        double[] man = {0, f.iotaM, (extreme[0] - mu) / (1 - mu)};
        double[] st = {0, f.iotaS, extremeStolen(centre, man[2], extreme)};
        // per fraud class z (copies of population k, then extreme): votes per registered voter
        double[] perM = new double[cl];
        double[] perS = new double[cl];
        for (int z = 0; z < k; z++) {
            perM[k + z] = f.iotaM * (1 - f.mean[z][0]);
            perS[k + z] = f.iotaS * f.mean[z][0] * (1 - f.mean[z][1]);
        }
        perM[2 * k] = man[2] * (1 - mu);
        perS[2 * k] = st[2] * mu * (1 - centre[1]);
        double[] post = new double[3 * n];
        double[] unitMan = new double[n];
        double[] unitSt = new double[n];
        double sumM = 0;
        double sumS = 0;
        double varM = 0;
        double varS = 0;
        for (int j = 0; j < n; j++) {
            double em = 0;
            double es = 0;
            double em2 = 0;
            double es2 = 0;
            for (int z = 0; z < cl; z++) {
                double p = f.r[j * cl + z];
                post[3 * j + (z < k ? 0 : z < 2 * k ? 1 : 2)] += p;
                double m = c.registered[j] * perM[z];
                double s = c.registered[j] * perS[z];
                if (m + s > c.leader[j]) {
                    double scale = c.leader[j] / (m + s);
                    m *= scale;
                    s *= scale;
                }
                em += p * m;
                es += p * s;
                em2 += p * m * m;
                es2 += p * s * s;
            }
            unitMan[j] = em;
            unitSt[j] = es;
            sumM += em;
            sumS += es;
            varM += Math.max(0, em2 - em * em);
            varS += Math.max(0, es2 - es * es);
        }
        double[][] means = new double[3][];
        means[0] = centre.clone();
        means[1] = new double[] {f.iotaM + (1 - f.iotaM) * mu, MixtureEm.share(mu, centre[1], f.iotaM, f.iotaS)};
        means[2] = extreme.clone();
        return new FraudMixtureResult(f.share, mu, centre[1], man, st, means, post, unitMan, unitSt, sumM,
                Math.sqrt(varM), sumS, Math.sqrt(varS), k, f.logLikelihood, cleanOne, bicFraud, bicClean,
                f.iterations);
    }

    /**
     * Solves the {@code bl} map's leader share v·t = χ_m(1 − μτ) + (1 − χ_s)μτμν + χ_sμτ for χ_s, in [0, χ_m].
     *
     * @param clean (μτ, μν)
     * @param chiM  χ_m
     * @param mean  the extreme class's mean (t, v)
     * @return χ_s
     */
    static double extremeStolen(double[] clean, double chiM, double[] mean) {
        double denom = clean[0] * (1 - clean[1]);
        if (!(denom > 1e-12)) {
            return 0;
        }
        double x = (mean[1] * mean[0] - chiM * (1 - clean[0]) - clean[0] * clean[1]) / denom;
        return Math.max(0, Math.min(chiM, x));
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
        d.put("manufactured_votes", r.manufacturedVotes());
        d.put("manufactured_votes_sd", r.manufacturedSd());
        d.put("stolen_votes", r.stolenVotes());
        d.put("stolen_votes_sd", r.stolenSd());
        d.put("iota_m", r.manufactured()[1]);
        d.put("iota_s", r.stolen()[1]);
        d.put("chi_m", r.manufactured()[2]);
        d.put("chi_s", r.stolen()[2]);
        d.put("clean_components", r.cleanComponents());
        d.put("bic_fraud_minus_clean", r.bicFraud() - r.bicClean());
        return new TestResult(ID, input.variable().name(), input.level(), value, 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, flag, input.size(), true, "", d);
    }
}
