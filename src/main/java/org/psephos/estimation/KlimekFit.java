package org.psephos.estimation;

import org.psephos.data.Election;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.SizeDistribution;
import org.psephos.simulation.RandomStreams;

/**
 * {@code KlimekFit}: fits the fraud model of Klimek, Yegorov, Hanel and Thurner (2012), "Statistical detection of
 * systematic election irregularities", PNAS 109(41), 16469–16473, doi:10.1073/pnas.1210722109 (FORENSICS.md B2):
 * the fraction f_i of units with incremental fraud, f_e with extreme fraud, and the stealing exponent α.
 *
 * <p>Step 1, moments of the clean peak ({@link KlimekPeaks}): turnout t = ballots/registered and leader share
 * v = leader / share base per unit; the peaks τ and ν by a {@link PeakRule}, the spreads σ_τ, σ_ν (by a
 * {@link SigmaRule}) and θ around them. <b>Default: CORRECTED with KDE peaks.</b>
 *
 * <p>Steps 2 and 3, the fit ({@link KlimekPasses}): the observed fingerprint (2-D histogram, 1% bins, turnout ×
 * leader share; or EFToolkit's winner-share histogram) is compared with the mean fingerprint of R elections
 * simulated with the same unit sizes and the Klimek fraud under common random numbers ({@link KlimekObjective}),
 * minimised by a grid and a Nelder–Mead simplex ({@link KlimekMinimiser}) over (f_i, f_e, α) and, by default
 * ({@link #withMomentCorrection(boolean)}), the clean moments and θ with them, in two passes; repeated with K seeds,
 * the result is the mean and sd over the K fits (Monte Carlo and optimiser spread given the data, not the sampling
 * error of the election).
 *
 * <p>Value: f_i + f_e. Null model: f_i = f_e = 0, the clean Klimek model at the fitted clean moments. <b>By
 * default there is no p-value and no flag</b>: the sd over the K seeds is the optimiser's spread given the data, not
 * a sampling distribution (EFToolkit's web app, {@code ColorSignificance}, tests f/sd against a normal; on a clean
 * 1,500-unit election with 2 fits, f̂_i = 0.037 ± 0.005, that rule gave p = 2.5e-13), and a fit of a clean election
 * is itself biased upwards (0.010 ± 0.010 on 10,000 clean units, {@code KlimekFitTest}), so f̂ &gt; 0 is no
 * evidence by itself. The row is reported with its estimates and kept out of the Benjamini–Hochberg set. With
 * {@link #withNull(int) withNull(M)} the p-value comes from M clean elections simulated at the fitted clean moments
 * and fitted ({@link KlimekFitMonteCarloNull}), flag p ≤ 0.05 (exact level with M + 1 a multiple of 20). It costs M
 * more fits (a fit of Russia 2011, 95,220 units, took 28 s of CPU time here). Fits run in parallel and the result
 * does not depend on the thread count.
 *
 * <p>Under the battery's calibrated null (clean twins, {@code docs/verdict-method.md}) the p-value compares a score
 * ({@link #nullScore}) of the {@link #nullProbe() probe} on the data with the same on each refitted twin: f̂_i + f̂_e
 * of the fit of the election with the clean size effect taken out of turnout and the leader's share
 * ({@link KlimekFitNullScore}; addendum of 2026-12-07 in {@code docs/verdict-method.md}). The row's value and
 * details are the fit of the data as it is.
 *
 * <p>Immutable and thread-safe. It stays at ~310 lines for its public surface alone: three public enums that the
 * command line and scripts name, and 19 public methods with their javadoc, each a few lines delegating to the
 * settings ({@link KlimekFitSettings}), the steps ({@link KlimekPeaks}, {@link KlimekPasses}), the refits
 * ({@link KlimekSensitivity}), the simulation ({@link KlimekSimulation}) or the battery's row ({@link KlimekFitRow}).
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
    /** The key of the fit's random streams. */
    static final long KEY = 0x4B6C6966L;

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

    private final KlimekFitSettings settings;

    private KlimekFit(KlimekFitSettings settings) {
        this.settings = settings;
    }

    /**
     * @param on whether {@link #run} also reports how the fit moves when the clean-peak moments and the
     *           extreme-fraud width move within their uncertainty ({@link #sensitivity}; details
     *           {@code sensitivity} and {@code sensitivity_method}); off by default: the refits cost about as much
     *           as the fit
     * @return a copy
     */
    public KlimekFit withSensitivity(boolean on) {
        return new KlimekFit(settings.withSensitivity(on));
    }

    /**
     * @param on whether to fit the clean moments and θ jointly with the fraud (two passes; on by default), or to
     *           keep the step-1 estimates (one pass over f_i, f_e and α)
     * @return a copy
     */
    public KlimekFit withMomentCorrection(boolean on) {
        return new KlimekFit(settings.with(on ? KlimekPasses.MomentFit.JOINT : KlimekPasses.MomentFit.HELD));
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
        return new KlimekFit(settings.withNull(m));
    }

    /** @return CORRECTED σ, KDE peaks, the 2-D fingerprint, 4 fits of 4 realisations each, joint moments on */
    public static KlimekFit withDefaults() {
        return new KlimekFit(new KlimekFitSettings(SigmaRule.CORRECTED, PeakRule.KDE, Objective.FINGERPRINT, 4, 4,
                KlimekPasses.MomentFit.JOINT, 0, false, KlimekFitSettings.ProbeScore.ESTIMATE));
    }

    /** @param rule the σ_ν rule @return a copy */
    public KlimekFit with(SigmaRule rule) {
        return new KlimekFit(settings.with(rule));
    }

    /** @param rule the peak rule @return a copy */
    public KlimekFit with(PeakRule rule) {
        return new KlimekFit(settings.with(rule));
    }

    /** @param o the objective @return a copy */
    public KlimekFit with(Objective o) {
        return new KlimekFit(settings.with(o));
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
        return new KlimekFit(settings.withRepeats(k, r));
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
        return new KlimekFit(settings.probe(PROBE_FITS, PROBE_REALISATIONS));
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
        return probe.testDetails() instanceof KlimekDetails.Fit f && f.sizeAdjusted() != null
                ? f.sizeAdjusted().score() : probe.value();
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
        return KlimekPeaks.moments(t, v, settings.peakRule(), settings.sigmaRule());
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
        return settings.passes().fit(obs, m, RandomStreams.seeded(seed), threads);
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
        long[] seeds = new long[Math.min(settings.fits(), KlimekSensitivity.REFITS)];
        for (int k = 0; k < seeds.length; k++) {
            seeds[k] = streams.stream(KEY, k).nextLong();
        }
        RandomStreams boot = RandomStreams.seeded(streams.stream(KEY, -4).nextLong());
        return KlimekSensitivityRefits.compute(this::moments, new KlimekObjective.Observed(e), fit,
                settings.objective(), settings.realisations(), seeds, KlimekSensitivity.MAX_EVAL, boot, threads);
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
        return KlimekSimulation.shareHistogram(e, m, fi, fe, alpha, realisations, seed);
    }

    /** @return the row ({@link KlimekFitRow}): f_i + f_e, its interval over the K seeds, and what the settings add */
    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return KlimekFitRow.run(this, settings, input, options);
    }

    /** @return the settings, for reports */
    @Override
    public String toString() {
        return ID + settings.label();
    }
}
