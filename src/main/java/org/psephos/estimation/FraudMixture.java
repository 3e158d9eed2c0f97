package org.psephos.estimation;

import java.util.List;
import org.psephos.data.Election;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;

/**
 * {@code FraudMixture}: a Mebane-type finite mixture of no-fraud, incremental-fraud and extreme-fraud units, fitted by
 * EM, with per-unit posterior class probabilities and expected manufactured and stolen votes. A JAGS-free,
 * deterministic counterpart of the {@code bl}/{@code qbl} models of eforensics (Ferrari, McAlister and Mebane 2018,
 * "Developments in positive empirical models of election frauds: dimensions and decisions", and the R package
 * {@code eforensics}; Mebane 2016, "Election forensics: frauds tests and observation-level frauds probabilities";
 * FORENSICS.md B6).
 *
 * <p>Model. Per unit j the observation is x_j = (t_j, v_j), turnout and the leader's share of ballots, where a clean
 * Klimek election is a product of two normals. eforensics' {@code bl} turns a clean unit (τ, ν) with rates (ι_m, ι_s)
 * into turnout t' = ι_m + (1 − ι_m)τ and leader votes per voter ι_m(1 − τ) + (1 − ι_s)ντ + ι_sτ: ι_m of the
 * abstainers become leader ballots (manufactured votes) and ι_s of the opposition's votes move to the leader
 * (stolen votes). Here:
 * <ul>
 *   <li>no fraud: K clean populations N(μ_k, Σ) with their own centres and one common covariance (the normal
 *       analogue of eforensics' covariates on μτ and μν, e.g. regions), K = 1 to {@value #MAX_CLEAN_COMPONENTS};</li>
 *   <li>incremental: every population pushed through the {@code bl} map with common rates, N(g(μ_k), J_kΣJ_kᵀ), g the
 *       map and J_k its Jacobian (the binomial likelihoods replaced by their normal limit and the binomial variance by
 *       the pushed-through clean dispersion, the role of {@code qbl}'s unit random effects); 0 ≤ ι_s ≤ ι_m ≤ k = 0.7;
 *       </li>
 *   <li>extreme: its own normal with mean turnout in [μτ + k(1 − μτ), 1], χ_s in [0, χ_m], sds in [0.01, 0.05].</li>
 * </ul>
 * The fraud signature the model insists on is a shift of turnout and leader share together (manufactured votes, the
 * direction toward (1, 1) of Klimek et al. 2012), with the spread shrinking under the map. A shift of support alone
 * (ι_m = 0) looks exactly like a region of stronger support, so ι_s ≤ ι_m (Klimek's stolen rate x^α ≤ x, α ≥ 1): vote
 * switching without added ballots is not claimed.
 *
 * <p>Null model and decision. The no-fraud family is K clean populations for K = 1 to
 * {@value #MAX_CLEAN_COMPONENTS} + {@value #EXTRA_CLEAN_POPULATIONS}: each fraud class must fit better than one more
 * clean population would (another cluster is not fraud). The fraud mixture is reported when its best BIC is below the no-fraud family's best; otherwise π = (1, 0, 0). The details carry
 * BIC_fraud − BIC_clean ({@link FraudMixtureDetails#bicFraudMinusClean()}), the statistic {@code psephos power} calibrates. The test flags when the reported π_incremental + π_extreme
 * exceeds {@value #FLAG_FRACTION} (nested mixtures have no χ² limit: no p-value; {@code psephos power} calibrates the
 * rule on clean simulations). Value: 1 − π_clean.
 *
 * <p>Frauds. For a unit of N registered voters, class z and population k, the expected manufactured votes are
 * N·ι_m,z·(1 − μτ_k) and the stolen votes N·ι_s,z·μτ_k·(1 − μν_k) (the extreme class uses the populations' weighted
 * centre), capped together at the unit's leader votes, averaged over the unit's posterior (eforensics'
 * {@code attr(x, "frauds")}). Totals come with the sd of the class draws given the fitted parameters, which leaves out
 * the parameters' own uncertainty (on simulations the spread over data seeds is about twice it).
 *
 * <p>EM: responsibilities from the normal densities (E-step); closed-form proportions, centres and common covariance
 * with the incremental units pulled back through the inverse map, then the rates by a compass search on the classes'
 * sufficient statistics, then the extreme class (ECM). At most {@value #MAX_ITERATIONS} iterations per fit or until
 * the log-likelihood changes by less than 1e-7 per unit; starts are deterministic (clean populations along the
 * principal axis; the fraud fit from the units at or below the 80th turnout percentile, ι = (0.3, 0.1), extreme at
 * turnout 0.97). Eight fits (five clean, three fraud), O(n·classes) per iteration, run on the given number of threads
 * ({@link BatteryOptions#threads()} in the battery); the result does not depend on the threads (Russia 2011, 95,220
 * units: 6 s wall with loading on 2 idle cores, 15 s under load).
 *
 * <p>Limits. Klimek's incremental intensity |N(0, θ)| puts many units a hair from clean: the mixture's one rate sees
 * the stronger part only, so manufactured votes there are a lower bound (about a third on simulations). Unlike
 * eforensics there is no prior on π (no-fraud is not forced to be the largest class), no covariates and no MCMC
 * intervals. Units need positive registered voters (the battery's standard filter). Immutable and thread-safe.
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
    public static final double K = FraudMixtureEm.K;
    /** Most clean populations of the fraud family (the no-fraud family gets {@link #EXTRA_CLEAN_POPULATIONS} more). */
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

    /** @return {@link Evidence#VALUE}: an estimate that fraud raises */
    @Override
    public Evidence evidence() {
        return Evidence.VALUE;
    }

    @Override
    public Scope scope() {
        return Scope.LEADER_AND_TURNOUT;
    }

    /**
     * {@link #fit(Election, int)} on {@link Parallel#defaultThreads()} threads.
     *
     * @param e units with a leader and positive registered voters
     * @return the fit
     * @throws IllegalArgumentException as {@link #fit(Election, int)}
     */
    public FraudMixtureResult fit(Election e) {
        return fit(e, Parallel.defaultThreads());
    }

    /**
     * @param e       units with a leader and positive registered voters
     * @param threads threads for the eight EM fits, the calling thread among them (the result does not depend on it)
     * @return the fit
     * @throws IllegalArgumentException if there are fewer than 10 units, no leader, a unit without registered
     *                                  voters, or threads is not positive
     */
    public FraudMixtureResult fit(Election e, int threads) {
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
        // the fits are independent and deterministic: run them on the given threads, choose in a fixed order
        int cleanFits = MAX_CLEAN_COMPONENTS + EXTRA_CLEAN_POPULATIONS;
        List<MixtureFit> fits = Parallel.map(cleanFits + MAX_CLEAN_COMPONENTS, threads,
                i -> i < cleanFits ? MixtureEm.cleanMixture(t, w, i + 1)
                        : FraudMixtureEm.fraudMixture(t, w, i - cleanFits + 1, START_IOTA_M, START_IOTA_S),
                Progress.NONE);
        MixtureFit bestClean = null;
        MixtureFit bestFraud = null;
        for (MixtureFit f : fits) {
            if (!f.isFraud() && (bestClean == null || f.bic(n) < bestClean.bic(n))) {
                bestClean = f;
            }
            if (f.isFraud() && (bestFraud == null || f.bic(n) < bestFraud.bic(n))) {
                bestFraud = f;
            }
        }
        double cleanOne = fits.get(0).logLikelihood;
        double bicClean = bestClean.bic(n);
        double bicFraud = bestFraud.bic(n);
        return bicFraud < bicClean ? fraudResult(c, bestFraud, cleanOne, bicFraud, bicClean)
                : cleanResult(c, bestClean, cleanOne, bicFraud, bicClean);
    }

    /** The no-fraud answer: every unit clean, no manufactured or stolen votes. */
    private static FraudMixtureResult cleanResult(LeaderColumns c, MixtureFit clean, double cleanOne,
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
    private static FraudMixtureResult fraudResult(LeaderColumns c, MixtureFit f, double cleanOne,
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
        means[1] = new double[] {BlMap.turnout(mu, f.iotaM), BlMap.share(mu, centre[1], f.iotaM, f.iotaS)};
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

    /** @return {@link NullModel#REFITTED_TWINS}: its calibrated null refits it on clean twins of the election */
    @Override
    public NullModel nullModel() {
        return NullModel.REFITTED_TWINS;
    }

    /**
     * @param probe a fit's row
     * @return its BIC evidence for fraud, BIC_clean − BIC_fraud ({@link FraudMixtureDetails#bicFraudMinusClean()} negated): continuous even when
     *         the clean family wins and the value 1 − π_clean is 0, so that the twins' distribution has a tail
     */
    @Override
    public double nullScore(TestResult probe) {
        return probe.testDetails() instanceof FraudMixtureDetails d ? d.fraudEvidence() : Double.NaN;
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        if (input.size() < Math.max(options.minUnits(), 10)) {
            return TestResult.notApplicable(ID, input, input.size(), "fewer than "
                    + Math.max(options.minUnits(), 10) + " units");
        }
        FraudMixtureResult r = fit(input.election(), options.threads());
        double value = 1 - r.pi()[0];
        boolean flag = value > FLAG_FRACTION;
        return TestResult.of(ID, input).statistic(value).expected(0).flag(flag).n(input.size())
                .details(FraudMixtureDetails.of(r));
    }
}
