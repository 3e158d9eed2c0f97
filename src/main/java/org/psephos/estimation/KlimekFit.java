package org.psephos.estimation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psephos.data.Election;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateDistribution;

/**
 * {@code KlimekFit}: fits the fraud model of Klimek, Yegorov, Hanel and Thurner (2012), "Statistical detection of
 * systematic election irregularities", PNAS 109(41), 16469–16473, doi:10.1073/pnas.1210722109 (FORENSICS.md B2):
 * the fraction f_i of units with incremental fraud, f_e with extreme fraud, and the stealing exponent α.
 *
 * <p>Step 1, moments of the clean peak. Turnout t = ballots/registered and leader share v = leader / share base
 * per unit. Two peak rules: {@link PeakRule#SLOPE}, the published fitter's (EFToolkit {@code Estimate()}, port of
 * {@code ElectionFitter.m}): 1% count histograms (bins widened while 0.8·n ≤ 1/h), ν = the first bin from the 10th
 * on after which the count drops by more than the threshold (5, lowered by 0.5 until one is found), τ the same from
 * the 15th bin; and {@link PeakRule#KDE}, Kobak's: the first local maximum above 0.3 of a Gaussian kernel density
 * (Scott's bandwidth sd·n^(−1/5), on a 0.001 grid), here also at least a quarter as high as the highest maximum
 * (Russia 2024 has a small bump at 0.34 beside its 0.87 mode). Then σ_τ = RMS(t − τ) over units with v &lt; ν and t &lt; τ;
 * σ_ν = √(c·mean((v − ν)²)) over v &lt; ν with c = 2 in {@link SigmaRule#PUBLISHED} and c = 1 in
 * {@link SigmaRule#CORRECTED}; θ = (mean((v − v_max)²))^{1/4} over v &gt; v_max, v_max the mode. <b>Default:
 * CORRECTED with KDE peaks.</b> Below a peak the deviations of a normal are half-normal, whose mean square is σ²,
 * so the factor 2 inflates σ_ν by √2 (Kobak: "must be a typo"). In the EFToolkit port it offsets the port's own
 * simulator, which divides two shares N(λ, σ) and N(1 − λ, σ) by their sum and so shrinks the share's sd to about
 * σ/√2 near λ = 0.5; the engine used here draws the share directly as N(ν, σ_ν). The slope rule on a large sample
 * stops at the first chance drop of 5 counts, which with thousands of units per bin lies anywhere on the rising
 * flank.
 *
 * <p>Step 2, the fit. The observed fingerprint (2-D histogram, 1% bins, turnout × leader share; or, as an
 * option, EFToolkit's winner-share histogram) is compared with the mean fingerprint S̄ of R elections simulated
 * with the same unit sizes and the Klimek fraud under common random numbers ({@link KlimekObjective}). Distance:
 * Σ w·((S̄ − O)² − S̄/R); the − S̄/R removes the Monte Carlo variance of S̄, which otherwise grows as fraud spreads
 * units into sparse bins and pulls the fit towards f = 0 (at f_i = 0.05 on 10,000 units the old distance without
 * it recovered 0.026). Weights w = 1/(O + S̄ + 1) in the first pass (EFToolkit's 1/(O + 1)² for the share
 * histogram), then fixed at 1/(S̄ + 1) of the first pass's fit, which makes the expected distance's minimum
 * unbiased. Minimised by a grid over f_i ∈ {0, .025, .05, .1, .15, .2, .3, …, 1}, f_e ∈ {0, .005, .01, .02, .04,
 * .08, .16, .3}, α ∈ {0.5, 1, 2}, refined by Nelder–Mead (commons-math3) within f_i ∈ [0, 1], f_e ∈ [0, 1 − f_i],
 * α ∈ [0.25, 4]. The fit is repeated with K seeds (new clean realisations and new common random numbers); the
 * result is the mean and sd over the K fits, as EFToolkit reports over its {@code iterations}. The sd is Monte
 * Carlo and optimiser spread given the data, not the sampling error of the election.
 *
 * <p>Step 3, the clean moments fitted with the fraud (on by default, {@link #withMomentCorrection(boolean)}). The
 * fraud moves the clean-peak estimates of step 1 (at f_i = 0.3: τ̂ 0.518, ν̂ 0.56, σ̂_ν 0.087 for a true 0.5,
 * 0.55, 0.08), so with them as they are the fair model already spreads towards the fraud and f_i comes out low
 * (0.20 for 0.3; a one-step correction of the moments by simulation gave 0.25 ± 0.03, and an iterated one did not
 * settle because the simulated peaks are too noisy). Instead the simplex moves (τ, ν, σ_τ, σ_ν, θ) together with
 * (f_i, f_e, α), from the step-1 estimates: the simulated clean units are shifted and scaled affinely (see
 * {@link KlimekObjective}), so the distance stays one deterministic function of eight parameters. Two passes: the
 * first (half the realisations, a coarser grid with f_e ∈ {0, .01, .04, .16} and α ∈ {1, 2}, then at most 150
 * simplex evaluations) gives moments; the second repeats the full grid at those moments with fixed weights and
 * runs the simplex to convergence (at most 1500 evaluations), because the simplex stays
 * near the grid point it starts from. The reported moments and θ are the fitted ones (mean over the K fits). On
 * 10,000 simulated units, see {@code KlimekFitTest} for the round trips and their measured spread. θ is weakly
 * identified when f_i is small (incremental units with a small intensity look clean), and there f_i keeps a small
 * upward bias.
 *
 * <p>Value: f_i + f_e. Null model: f_i = f_e = 0, the clean Klimek model at the fitted clean moments. <b>By
 * default there is no p-value and no flag</b>: the sd over the K seeds is the optimiser's spread given the data, not
 * a sampling distribution (EFToolkit's web app, {@code ColorSignificance}, tests f/sd against a normal; on a clean
 * 1,500-unit election with 2 fits, f̂_i = 0.037 ± 0.005, that rule gave p = 2.5e-13), and a fit of a clean election
 * is itself biased upwards (0.010 ± 0.010 on 10,000 clean units, {@code KlimekFitTest}), so f̂ &gt; 0 is no
 * evidence by itself. The row is reported with its estimates and kept out of the Benjamini–Hochberg set. With
 * {@link #withNull(int) withNull(M)} the p-value comes from a null distribution: M clean elections simulated with
 * the observed unit sizes at the fitted clean moments (τ, ν, σ_τ, σ_ν; f_i = f_e = 0), each fitted with these
 * settings; p = (1 + #{null f̂_i + f̂_e ≥ observed})/(M + 1) (a Monte Carlo p-value, Davison and Hinkley 1997,
 * §4.2.5; a null fit whose moments cannot be estimated counts as ≥), flag p ≤ 0.05 (exact level with M + 1 a
 * multiple of 20). It costs M more fits (a fit of Russia 2011, 95,220 units, took 28 s of CPU time here). Fit k uses
 * {@code RandomStreams.seeded(seed).stream(KEY, k)}, null election j {@code stream(KEY, -3, j)}; fits run in
 * parallel and the result does not depend on the thread count.
 *
 * <p>Under the battery's calibrated null (clean twins, {@code docs/verdict-method.md}) the p-value compares a score
 * ({@link #nullScore}) of the {@link #nullProbe() probe} on the data with the same on each refitted twin: f̂_i + f̂_e
 * of the fit of the election with the clean size effect taken out of turnout and the leader's share
 * ({@link KlimekFitNullScore}; addendum of 2026-12-07 in {@code docs/verdict-method.md}). The row's value and
 * details are the fit of the data as it is.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class KlimekFit implements ForensicTest {
    /** The test id. */
    public static final String ID = "KlimekFit";
    /** Fits and realisations of the probe refitted on clean twins ({@link #nullProbe()}). */
    static final int PROBE_FITS = 2;
    static final int PROBE_REALISATIONS = 2;
    /** The paper's sd of the extreme-fraud intensity. */
    static final double EXTREME_SD = 0.075;
    /** The flag rule's level for the Monte Carlo p-value of {@link #withNull(int)}. */
    public static final double ALPHA = 0.05;
    private static final long KEY = 0x4B6C6966L;
    /** Simplex evaluations: fixed moments; joint, first pass (a start for the second); joint, second pass. */
    private static final int MAX_EVAL = 400;
    private static final int MAX_EVAL_FIRST = 150;
    private static final int MAX_EVAL_JOINT = 1500;

    /** How σ_ν is computed. */
    public enum SigmaRule {
        /** The published fitter's √(2·mean square) below the peak. */
        PUBLISHED,
        /** Kobak's correction: √(mean square) below the peak. */
        CORRECTED
    }

    /** How the peaks τ and ν are found. */
    public enum PeakRule {
        /** The published fitter's histogram-slope rule. */
        SLOPE,
        /** The first local maximum above 0.3 of a Gaussian kernel density (Kobak), at least a quarter as high. */
        KDE,
        /**
         * Kobak and Pshenichnikov's code exactly ({@code meduza2018/meduza.ipynb}, "Get Klimek PNAS fits"): on the
         * units with a positive share base, scipy's {@code gaussian_kde} (Scott's bandwidth, the sample sd with
         * divisor n − 1) evaluated on the grid i·0.001, i = 0..999; τ (ν) = the first grid point above 0.3 after
         * which the density of turnout (the leader's share) falls; σ_τ = RMS(t − τ) over t &lt; τ and v &lt; ν,
         * σ_ν = RMS(v − ν) over v &lt; ν, θ = (mean((v − ν)²) over v &gt; ν)^¼ (about ν, not the mode). Used under
         * {@link Conventions#KOBAK}, with the moments kept as estimated (no joint fit).
         */
        KOBAK
    }

    /** Which histograms the fit compares. */
    public enum Objective {
        /** The 2-D fingerprint, turnout × leader share, 1% bins. */
        FINGERPRINT,
        /** The leader-share histogram, 1% bins (EFToolkit's "Winner.HFit.Klimek"). */
        WINNER_SHARE
    }

    private final SigmaRule sigmaRule;
    private final PeakRule peakRule;
    private final Objective objective;
    private final int fits;
    private final int realisations;
    private final MomentFit momentFit;
    /** Null elections for the p-value, 0 for none. */
    private final int nulls;
    /** Whether {@link #run} adds {@link #sensitivity}'s refits to the row. */
    private final boolean sensitive;
    /** What the calibrated null compares: the estimate, or (the null probe) the size-adjusted fit. */
    private enum ProbeScore { ESTIMATE, SIZE_ADJUSTED }

    private final ProbeScore probeScore;

    /** Whether the clean moments and θ are fitted with the fraud (step 3) or held at the step-1 estimates. */
    private enum MomentFit { JOINT, HELD }

    /** One pass of {@link #fit}: its simplex budget, start grid, free parameters and realisations. */
    private enum Pass {
        /** Moments held: the one pass over (f_i, f_e, α). */
        FIXED_MOMENTS(MAX_EVAL, KlimekMinimiser.Grid.FULL, KlimekMinimiser.Free.FRAUD, false),
        /** The joint fit's first pass, which only gives the second its moments: half the realisations, coarse grid. */
        JOINT_FIRST(MAX_EVAL_FIRST, KlimekMinimiser.Grid.COARSE, KlimekMinimiser.Free.FRAUD_AND_MOMENTS, true),
        /** The joint fit's second pass, from the first's moments and with its weights, run to convergence. */
        JOINT_SECOND(MAX_EVAL_JOINT, KlimekMinimiser.Grid.FULL, KlimekMinimiser.Free.FRAUD_AND_MOMENTS, false);

        private final int maxEval;
        private final KlimekMinimiser.Grid grid;
        private final KlimekMinimiser.Free free;
        private final boolean halfRealisations;

        Pass(int maxEval, KlimekMinimiser.Grid grid, KlimekMinimiser.Free free, boolean halfRealisations) {
            this.maxEval = maxEval;
            this.grid = grid;
            this.free = free;
            this.halfRealisations = halfRealisations;
        }
    }

    private KlimekFit(SigmaRule sigmaRule, PeakRule peakRule, Objective objective, int fits, int realisations) {
        this(sigmaRule, peakRule, objective, fits, realisations, MomentFit.JOINT, 0, false);
    }

    private KlimekFit(SigmaRule sigmaRule, PeakRule peakRule, Objective objective, int fits, int realisations,
                      MomentFit momentFit, int nulls, boolean sensitive) {
        this(sigmaRule, peakRule, objective, fits, realisations, momentFit, nulls, sensitive, ProbeScore.ESTIMATE);
    }

    private KlimekFit(SigmaRule sigmaRule, PeakRule peakRule, Objective objective, int fits, int realisations,
                      MomentFit momentFit, int nulls, boolean sensitive, ProbeScore probeScore) {
        this.probeScore = probeScore;
        this.sigmaRule = sigmaRule;
        this.peakRule = peakRule;
        this.objective = objective;
        this.fits = fits;
        this.realisations = realisations;
        this.momentFit = momentFit;
        this.nulls = nulls;
        this.sensitive = sensitive;
    }

    /**
     * @param on whether {@link #run} also reports how the fit moves when the clean-peak moments and the
     *           extreme-fraud width move within their uncertainty ({@link #sensitivity}; details
     *           {@code sensitivity} and {@code sensitivity_method}); off by default: the refits cost about as much
     *           as the fit
     * @return a copy
     */
    public KlimekFit withSensitivity(boolean on) {
        return new KlimekFit(sigmaRule, peakRule, objective, fits, realisations, momentFit, nulls, on,
                probeScore);
    }

    /**
     * @param on whether to fit the clean moments and θ jointly with the fraud (two passes; on by default), or to
     *           keep the step-1 estimates (one pass over f_i, f_e and α)
     * @return a copy
     */
    public KlimekFit withMomentCorrection(boolean on) {
        return new KlimekFit(sigmaRule, peakRule, objective, fits, realisations, on ? MomentFit.JOINT : MomentFit.HELD, nulls, sensitive,
                probeScore);
    }

    /**
     * @param m clean elections simulated and fitted for the p-value (see the class comment), 0 for no p-value (the
     *          default); at least 19 for the flag to be able to fire
     * @return a copy
     * @throws IllegalArgumentException if m is negative
     */
    public KlimekFit withNull(int m) {
        if (m < 0) {
            throw new IllegalArgumentException("null elections is negative: " + m);
        }
        return new KlimekFit(sigmaRule, peakRule, objective, fits, realisations, momentFit, m, sensitive,
                probeScore);
    }

    /** @return CORRECTED σ, KDE peaks, the 2-D fingerprint, 4 fits of 4 realisations each, joint moments on */
    public static KlimekFit withDefaults() {
        return new KlimekFit(SigmaRule.CORRECTED, PeakRule.KDE, Objective.FINGERPRINT, 4, 4);
    }

    /** @param rule the σ_ν rule @return a copy */
    public KlimekFit with(SigmaRule rule) {
        return new KlimekFit(rule, peakRule, objective, fits, realisations, momentFit, nulls, sensitive,
                probeScore);
    }

    /** @param rule the peak rule @return a copy */
    public KlimekFit with(PeakRule rule) {
        return new KlimekFit(sigmaRule, rule, objective, fits, realisations, momentFit, nulls, sensitive,
                probeScore);
    }

    /** @param o the objective @return a copy */
    public KlimekFit with(Objective o) {
        return new KlimekFit(sigmaRule, peakRule, o, fits, realisations, momentFit, nulls, sensitive,
                probeScore);
    }

    /**
     * @param k repeated fits (seeds), at least 2
     * @param r simulated realisations averaged per fingerprint, at least 1
     * @return a copy
     * @throws IllegalArgumentException if k &lt; 2 or r &lt; 1
     */
    public KlimekFit withRepeats(int k, int r) {
        if (k < 2) {
            throw new IllegalArgumentException("repeated fits is below 2: " + k);
        }
        if (r < 1) {
            throw new IllegalArgumentException("realisations is not positive: " + r);
        }
        return new KlimekFit(sigmaRule, peakRule, objective, k, r, momentFit, nulls, sensitive,
                probeScore);
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

    /** @return {@link NullModel#REFITTED_TWINS}: its calibrated null refits it on clean twins of the election */
    @Override
    public NullModel nullModel() {
        return NullModel.REFITTED_TWINS;
    }

    /**
     * The fit refitted on each clean twin and on the data for the calibrated p-value: these settings with
     * {@value #PROBE_FITS} fits of {@value #PROBE_REALISATIONS} realisations (a quarter of the default's cost) and no
     * Monte Carlo null of its own. Its estimates are noisier than the row's own fit (4 × 4), the same on the data and
     * on the twins, so the p-value compares like with like; the row's value stays the full fit.
     *
     * @return the probe
     */
    @Override
    public ForensicTest nullProbe() {
        return new KlimekFit(sigmaRule, peakRule, objective, PROBE_FITS, PROBE_REALISATIONS, momentFit, 0, false,
                ProbeScore.SIZE_ADJUSTED);
    }

    /**
     * The score the calibrated p-value compares (upper tail): f̂_i + f̂_e of the probe's fit of the election with the
     * clean size effect taken out of turnout and the leader's share ({@link KlimekFitNullScore}), the same function
     * on the data and on every twin. Measured on simulated clean elections with station sizes as spread as Russia's
     * and both size slopes negative, the unadjusted f̂ of the twins is centred high and wide (the fit reads the
     * size-driven turnout–share dependence as incremental fraud), which leaves the null without power
     * ({@code docs/calibration.md}, "KlimekFit's null score"; decided on simulated data only, 2026-12-07).
     *
     * @param probe the probe's result
     * @return the size-adjusted score; the value where the result has none (a fit made without the probe)
     */
    @Override
    public double nullScore(TestResult probe) {
        Object s = probe.details().get(KlimekFitNullScore.SCORE);
        return s instanceof Number n ? n.doubleValue() : probe.value();
    }

    /**
     * @param e units with a leader
     * @return the moment estimates (NaN where a peak cannot be found)
     */
    public KlimekMoments moments(Election e) {
        KlimekObjective.Observed o = new KlimekObjective.Observed(e);
        return moments(o.turnout, o.share);
    }

    KlimekMoments moments(double[] t, double[] v) {
        return KlimekPeaks.moments(t, v, peakRule, sigmaRule);
    }

    /**
     * @param input the leader's data after Kobak et al.'s unit filter
     * @return the units their Klimek cell uses ({@code received > 0}), with registered voters and ballots present
     */
    private static TestInput kobakUnits(TestInput input) {
        Election e = input.election();
        int lead = e.leader();
        int[] keep = new int[e.size()];
        int k = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.shareDenominator(i) > 0 && e.registered(i) > 0 && e.ballots(i) >= 0 && e.votes(lead, i) >= 0) {
                keep[k++] = i;
            }
        }
        Election units = k == e.size() ? e : e.select(Arrays.copyOf(keep, k));
        return new TestInput(units, input.level(), input.variable());
    }

    /**
     * Fits (f_i, f_e, α), and by default the clean moments and θ with them, with K seeds.
     *
     * @param e       units with a leader (filtered: registered &gt; 0, ballots ≤ registered)
     * @param seed    the run seed
     * @param threads worker threads (the result does not depend on it)
     * @return the fit
     * @throws IllegalArgumentException if the moments cannot be estimated
     */
    public KlimekFitResult fit(Election e, long seed, int threads) {
        KlimekObjective.Observed obs = new KlimekObjective.Observed(e);
        KlimekMoments m = moments(obs.turnout, obs.share);
        if (!m.isUsable()) {
            throw new IllegalArgumentException("clean-peak moments not estimable: " + m);
        }
        RandomStreams streams = RandomStreams.seeded(seed);
        if (momentFit == MomentFit.HELD) {
            return fitWith(obs, m, streams, threads, null, Pass.FIXED_MOMENTS);
        }
        KlimekFitResult fit = fitWith(obs, m, streams, threads, null, Pass.JOINT_FIRST);
        // second pass: the grid again, at the fitted clean moments (the distance of R realisations is rugged, and
        // the simplex stays near the grid point it starts from)
        return fit.moments().isUsable() ? fitWith(obs, fit.moments(), streams, threads, fit, Pass.JOINT_SECOND)
                : fit;
    }

    /**
     * How the fit moves when the clean-peak moments (τ, ν, σ_τ, σ_ν) and the extreme-fraud width move within their
     * uncertainty: fixed-moment refits of (f_i, f_e, α) with the fit's seeds (see {@link KlimekSensitivity}).
     *
     * @param e       the units the fit was made on
     * @param fit     {@link #fit} on them with this seed
     * @param seed    the fit's run seed (the refits reuse its seeds; the bootstrap of the moments uses
     *                {@code RandomStreams.seeded(seed).stream(KEY, -4, b)})
     * @param threads worker threads (the result does not depend on it)
     * @return the refits, the baseline first
     */
    public KlimekSensitivity sensitivity(Election e, KlimekFitResult fit, long seed, int threads) {
        RandomStreams streams = RandomStreams.seeded(seed);
        long[] seeds = new long[Math.min(fits, KlimekSensitivity.REFITS)];
        for (int k = 0; k < seeds.length; k++) {
            seeds[k] = streams.stream(KEY, k).nextLong();
        }
        RandomStreams boot = RandomStreams.seeded(streams.stream(KEY, -4).nextLong());
        return KlimekSensitivity.compute(this::moments, new KlimekObjective.Observed(e), fit, objective, realisations,
                seeds, KlimekSensitivity.MAX_EVAL, boot, threads);
    }

    /** @return an election of the model with the given clean moments and the observed sizes (engine) */
    private static Election simulate(int[] sizes, KlimekMoments m, double fi, double fe, double alpha, long seed) {
        ElectorateModel electorate = ElectorateModel.of(sizes.length, new SizeDistribution.Listed(sizes),
                ProportionDistribution.normal(m.tau(), m.sigmaTau()), ProportionDistribution.normal(m.nu(),
                        m.sigmaNu()));
        SimulationModel model = SimulationModel.clean(electorate).with(FraudModel.Klimek.of(fi, m.theta(),
                alpha, Math.min(fe, 1 - fi)));
        return MonteCarloEngine.run(model, seed, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE)
                .units().orElseThrow();
    }

    /**
     * The leader's-share histogram of the Klimek model with the observed unit sizes, for drawing a fit against the
     * data (Klimek et al. 2012, Fig. 4): elections simulated by the engine ({@link MonteCarloEngine}, sizes
     * {@link SizeDistribution.Listed} of {@code e}'s registered voters, turnout N(τ, σ_τ), share N(ν, σ_ν), the
     * {@link FraudModel.Klimek} fraud with f_i, f_e, θ and α), each unit's leader votes over its share base binned
     * in 1% bins (bin 99 includes 100%), averaged over the realisations. f_i = f_e = 0 gives the fair model.
     *
     * @param e            the observed units (only their registered voters are used)
     * @param m            the clean-peak moments, e.g. {@link KlimekFitResult#moments()}
     * @param fi           incremental-fraud fraction
     * @param fe           extreme-fraud fraction (capped at 1 − f_i)
     * @param alpha        stealing exponent
     * @param realisations elections averaged, at least 1
     * @param seed         realisation r uses {@code RandomStreams.seeded(seed).stream(KEY, -2, r)}
     * @return 100 mean unit counts, bin k holding shares in [k%, (k+1)%)
     * @throws IllegalArgumentException if realisations is not positive or a parameter is out of the model's range
     */
    public static double[] simulatedShareHistogram(Election e, KlimekMoments m, double fi, double fe, double alpha,
                                                   int realisations, long seed) {
        if (realisations < 1) {
            throw new IllegalArgumentException("realisations is not positive: " + realisations);
        }
        int[] sizes = e.registeredColumn();
        RandomStreams streams = RandomStreams.seeded(seed);
        double[] h = new double[KlimekObjective.BINS];
        for (int r = 0; r < realisations; r++) {
            Election sim = simulate(sizes, m, fi, fe, alpha, streams.stream(KEY, -2, r).nextLong());
            double[] one = KlimekObjective.histogram(Objective.WINNER_SHARE, sim.registeredColumn(),
                    sim.ballotsColumn(), sim.votesColumn(0), sim.shareDenominatorColumn(), sim.size());
            for (int k = 0; k < h.length; k++) {
                h[k] += one[k] / realisations;
            }
        }
        return h;
    }

    /**
     * @param start the previous pass's fit, whose (f_i, f_e, α) fix the bin weights, or null for the first pass
     * @return the mean and sd over the K seeds of one pass's minimum
     */
    private KlimekFitResult fitWith(KlimekObjective.Observed obs, KlimekMoments m, RandomStreams streams,
                                    int threads, KlimekFitResult start, Pass pass) {
        double[] fair = new double[1];
        int reals = pass.halfRealisations ? Math.min(realisations, Math.max(2, realisations / 2)) : realisations;
        List<double[]> rows = Parallel.map(fits, threads, k -> {
            KlimekObjective f = new KlimekObjective(obs, m, objective, reals, streams.stream(KEY, k).nextLong());
            if (start != null) {
                f.fixWeights(start.fi(), start.fe(), start.alpha());
            }
            double[] row = KlimekMinimiser.minimise(f, m, pass.free, pass.maxEval, pass.grid).toArray();
            if (k == 0) {
                fair[0] = f.value(0, 0, 1);
            }
            return row;
        }, Progress.NONE);
        double[][] table = rows.toArray(new double[0][]);
        double[] mean = new double[KlimekMinimiser.Row.COLUMNS];
        double[] sd = new double[KlimekMinimiser.Row.COLUMNS];
        double[] column = new double[table.length];
        for (int j = 0; j < mean.length; j++) {
            for (int k = 0; k < table.length; k++) {
                column[k] = table[k][j];
            }
            ReplicateDistribution d = ReplicateDistribution.of(column);
            mean[j] = d.mean();
            sd[j] = d.sd();
        }
        KlimekMinimiser.Row meanRow = KlimekMinimiser.Row.of(mean);
        KlimekMoments fitted = pass.free == KlimekMinimiser.Free.FRAUD_AND_MOMENTS ? meanRow.moments() : m;
        return new KlimekFitResult(fitted, meanRow.fi(), meanRow.fe(), meanRow.alpha(), sd[0], sd[1], sd[2], table,
                fair[0]);
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        if (options.conventionsFor(ID) == Conventions.EFTOOLKIT) {
            return EftoolkitKlimek.run(ID, input, options); // EFToolkit's ComputeKlimekModel
        }
        if (options.conventionsFor(ID) == Conventions.KOBAK && peakRule != PeakRule.KOBAK) {
            // Kobak and Pshenichnikov's clean moments, on the units with a positive share base, kept as estimated
            return with(PeakRule.KOBAK).with(SigmaRule.CORRECTED).withMomentCorrection(false)
                    .run(kobakUnits(input), options);
        }
        if (input.size() < Math.max(options.minUnits(), 100)) {
            return TestResult.notApplicable(ID, input, input.size(), "fewer than "
                    + Math.max(options.minUnits(), 100) + " units");
        }
        KlimekFitResult r;
        try {
            r = fit(input.election(), options.seedFor(input.level()), options.threads());
        } catch (IllegalArgumentException e) {
            return TestResult.notApplicable(ID, input, input.size(), e.getMessage());
        }
        double value = r.fi() + r.fe();
        KlimekMoments m = r.moments();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("f_i", r.fi());
        d.put("f_e", r.fe());
        d.put("alpha", r.alpha());
        d.put("f_i_sd", r.fiSd());
        d.put("f_e_sd", r.feSd());
        d.put("tau", m.tau());
        d.put("nu", m.nu());
        d.put("sigma_tau", m.sigmaTau());
        d.put("sigma_nu", m.sigmaNu());
        d.put("theta", m.theta());
        if (sensitive) {
            d.putAll(sensitivity(input.election(), r, options.seedFor(input.level()), options.threads()).details());
        }
        if (probeScore == ProbeScore.SIZE_ADJUSTED) {
            double[] slopes = KlimekFitNullScore.slopes(input.election());
            double score;
            try {
                KlimekFitResult a = fit(KlimekFitNullScore.adjusted(input.election(), slopes),
                        options.seedFor(input.level()), options.threads());
                score = a.fi() + a.fe();
            } catch (IllegalArgumentException e) {
                score = Double.NaN;
            }
            d.put(KlimekFitNullScore.SCORE, score);
            d.put(KlimekFitNullScore.SLOPES, slopes);
        }
        double p = Double.NaN;
        if (nulls > 0) {
            double[] h0 = nullValues(input.election(), m, options.seedFor(input.level()), options.threads());
            int atLeast = 0;
            for (double v : h0) {
                atLeast += Double.isNaN(v) || v >= value ? 1 : 0;
            }
            p = (1.0 + atLeast) / (nulls + 1);
            double[] finite = Arrays.stream(h0).filter(v -> !Double.isNaN(v)).toArray();
            ReplicateDistribution nd = finite.length == 0 ? null : ReplicateDistribution.of(finite);
            d.put("null_mean", nd == null ? Double.NaN : nd.mean());
            d.put("null_sd", nd == null ? Double.NaN : nd.sd());
            d.put("null_not_estimable", h0.length - finite.length);
            d.put("p_value_method", "Monte Carlo: " + nulls + " clean elections simulated at the fitted clean "
                    + "moments and fitted");
        } else {
            d.put("p_value_method", "none (the sd over seeds is no sampling distribution; KlimekFit.withNull(M) "
                    + "gives a Monte Carlo p-value)");
        }
        double sd = Math.sqrt(r.fiSd() * r.fiSd() + r.feSd() * r.feSd());
        return new TestResult(ID, input.variable().name(), input.level(), value, 0, Math.max(0, value - 1.96 * sd),
                value + 1.96 * sd, p, Double.NaN, p <= ALPHA, input.size(), true, "", d);
    }

    /**
     * @return f̂_i + f̂_e of {@link #nulls} clean elections with e's unit sizes at the clean moments m, each fitted
     *         with these settings; NaN where a null fit's moments are not estimable
     */
    private double[] nullValues(Election e, KlimekMoments m, long seed, int threads) {
        int[] sizes = e.registeredColumn();
        RandomStreams streams = RandomStreams.seeded(seed);
        double[] out = new double[nulls];
        for (int j = 0; j < nulls; j++) {
            org.apache.commons.rng.UniformRandomProvider rng = streams.stream(KEY, -3, j);
            Election clean = simulate(sizes, m, 0, 0, 1, rng.nextLong());
            try {
                KlimekFitResult f = fit(clean, rng.nextLong(), threads);
                out[j] = f.fi() + f.fe();
            } catch (IllegalArgumentException ex) {
                out[j] = Double.NaN;
            }
        }
        return out;
    }

    /** @return the settings, for reports */
    @Override
    public String toString() {
        return ID + Arrays.asList(sigmaRule, peakRule, objective, fits, realisations)
                + (nulls > 0 ? "[null " + nulls + "]" : "") + (sensitive ? "[sensitivity]" : "")
                + (probeScore == ProbeScore.SIZE_ADJUSTED ? "[size-adjusted score]" : "");
    }
}
