package org.psephos.forensics.spikes;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateDistribution;

/**
 * Rozenas's resampled kernel density method ("RKD"): the share of units whose vote share sits on a spike (a coarse
 * fraction such as 1/2, 2/3 or 7/10) that smooth counting would not produce. A. Rozenas (2017), "Detecting election
 * fraud from irregularities in vote-share distributions", Political Analysis 25(1):41–56, doi:10.1017/pan.2016.9;
 * the computation follows his R package {@code spikes} 1.1 (CRAN, {@code R/spikes.R}, {@code R/spikes-internal.R},
 * {@code R/confInt.R}).
 *
 * <p>Input per unit: N registered, t turnout (ballots), v the party's votes, with 0 &lt; t ≤ N and 0 ≤ v ≤ t.
 * <ol>
 *   <li>Fit the latent densities of turnout (t of N) and support (v of t) as beta-binomial mixtures
 *       ({@link MixtureFitter}: the package's initialisation, EM and choice of up to {@code maxComponents}
 *       components, from {@code starts} seeded starts per number of components, keeping the best
 *       log-likelihood).</li>
 *   <li>Resample every unit {@code resamples} times from the fitted null ({@link Resampler}: turnout and support
 *       redrawn from each unit's posterior beta, keeping its N) and compare the kernel density of the observed
 *       shares v/t (bandwidth 1e-4, 1001 points, R's {@code density}) with the envelope of the resampled ones:
 *       the estimate F is 100 × the sum of the observed bin shares in excess of the resamples' mean where the
 *       observed density rises above the envelope ({@link SpikesEstimate}).</li>
 *   <li>The interval, as the package's {@code confInt}: {@code boots} posterior draws of both mixtures
 *       ({@link PosteriorChain}), each followed by a full resampling step; the 2.5% and 97.5% quantiles (R's type
 *       7) of the resulting F.</li>
 * </ol>
 * Null model: every unit's turnout and support rates are drawn from smooth (beta mixture) latent densities and the
 * counts are binomial given the rates, so the fractions that small denominators make common appear under the null
 * as well. What it cannot see: fraud that leaves shares smooth (stuffing spread over many units at different
 * rates), spikes narrower than the grid (0.001), and coarse shares that a fitted component absorbs.
 *
 * <p>Reproducibility: the starts, resamples and posterior draws take streams derived from the seed by purpose,
 * number of components, start, boot and block of resamples, never by thread; the same seed gives the same numbers
 * for any thread count. Immutable and thread-safe. Clean twins drawn from the fitted mixtures are
 * {@link MixtureTwins}'. The class stays at about 310 lines because it is one job, the package's {@code spikes()}
 * and {@code confInt()} with their settings: a third is the settings' copies and accessors, and its result records
 * {@link Result} and {@link Interval} are named as {@code RozenasSpikes.Result} and {@code RozenasSpikes.Interval}
 * by {@code forensics} and {@code report}.
 *
 * @since 0.1
 */
public final class RozenasSpikes {
    /** The package's default number of resamples. */
    public static final int RESAMPLES = 1000;
    /** The package's largest number of components (Lmax of {@code est.density}). */
    public static final int MAX_COMPONENTS = 5;
    /** Default starts per number of components (the package draws one). */
    public static final int STARTS = 16;
    /** The package's default number of posterior draws in {@code confInt}. */
    public static final int BOOTS = 100;
    /** The package's bandwidth of the share density. */
    public static final double BANDWIDTH = 1e-4;
    /** The package's number of grid points. */
    public static final int GRID = 1001;

    private static final long TURNOUT_KEY = 0x74L;
    private static final long SUPPORT_KEY = 0x76L;
    private static final long RESAMPLE_KEY = 0x72L;
    private static final long CHAIN_KEY = 0x63L;
    private static final long BOOT_KEY = 0x62L;

    private final int resamples;
    private final int maxComponents;
    private final int starts;
    private final int boots;

    private RozenasSpikes(int resamples, int maxComponents, int starts, int boots) {
        this.resamples = resamples;
        this.maxComponents = maxComponents;
        this.starts = starts;
        this.boots = boots;
    }

    /**
     * @return the package's settings (1,000 resamples, up to 5 components, 100 posterior draws) with
     *         {@value #STARTS} starts per number of components
     */
    public static RozenasSpikes withDefaults() {
        return new RozenasSpikes(RESAMPLES, MAX_COMPONENTS, STARTS, BOOTS);
    }

    /**
     * @param r resamples per estimate, at least 1
     * @return a copy
     * @throws IllegalArgumentException if r &lt; 1
     */
    public RozenasSpikes withResamples(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("resamples is not positive: " + r);
        }
        return new RozenasSpikes(r, maxComponents, starts, boots);
    }

    /**
     * @param l the largest number of mixture components, 1 to 10
     * @return a copy
     * @throws IllegalArgumentException if l is out of range
     */
    public RozenasSpikes withMaxComponents(int l) {
        if (l < 1 || l > 10) {
            throw new IllegalArgumentException("largest number of components is not in 1..10: " + l);
        }
        return new RozenasSpikes(resamples, l, starts, boots);
    }

    /**
     * @param s starts per number of components, at least 1
     * @return a copy
     * @throws IllegalArgumentException if s &lt; 1
     */
    public RozenasSpikes withStarts(int s) {
        if (s < 1) {
            throw new IllegalArgumentException("starts is not positive: " + s);
        }
        return new RozenasSpikes(resamples, maxComponents, s, boots);
    }

    /**
     * @param b posterior draws for the interval, 0 for none
     * @return a copy
     * @throws IllegalArgumentException if b is negative or 1 (a quantile needs two draws)
     */
    public RozenasSpikes withBoots(int b) {
        if (b < 0 || b == 1) {
            throw new IllegalArgumentException("posterior draws is not 0 or at least 2: " + b);
        }
        return new RozenasSpikes(resamples, maxComponents, starts, b);
    }

    /** @return resamples per estimate */
    public int resamples() {
        return resamples;
    }

    /** @return the largest number of components */
    public int maxComponents() {
        return maxComponents;
    }

    /** @return starts per number of components */
    public int starts() {
        return starts;
    }

    /** @return posterior draws for the interval */
    public int boots() {
        return boots;
    }

    /**
     * The interval from posterior draws ({@code confInt}).
     *
     * @param fraudPercent      F of every draw, in draw order
     * @param mean              their mean (the package's {@code summary} of a {@code confInt} object)
     * @param low               their 2.5% quantile (type 7)
     * @param high              their 97.5% quantile
     * @param turnoutAcceptance the share of accepted turnout proposals
     * @param supportAcceptance the share of accepted support proposals
     */
    public record Interval(double[] fraudPercent, double mean, double low, double high, double turnoutAcceptance,
                           double supportAcceptance) {
        /** Copies the draws. */
        public Interval {
            fraudPercent = fraudPercent.clone();
        }

        @Override
        public double[] fraudPercent() {
            return fraudPercent.clone();
        }
    }

    /**
     * Everything one analysis found.
     *
     * @param units    the units analysed
     * @param turnout  the turnout fit
     * @param support  the support fit
     * @param estimate the resampling step at the fitted mixtures (the package's {@code spikes()})
     * @param interval the posterior-draw interval, or {@code null} when none was asked for or the fits give no
     *                 proposal covariance
     * @param note     why there is no interval, or the empty string
     */
    public record Result(int units, MixtureFit turnout, MixtureFit support, SpikesEstimate estimate,
                         Interval interval, String note) {
    }

    /**
     * @param n        registered voters per unit
     * @param t        turnout counts, 0 &lt; t ≤ n
     * @param v        the party's votes, 0 ≤ v ≤ t
     * @param seed     the seed
     * @param threads  threads
     * @param progress told as resampling blocks finish
     * @return the fits, the estimate and (with {@link #boots()} &gt; 0) the interval
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold a count out of range
     */
    public Result analyse(int[] n, int[] t, int[] v, long seed, int threads, Progress progress) {
        check(n, t, v);
        RandomStreams streams = RandomStreams.seeded(seed);
        BinomialCounts tc = new BinomialCounts(t, n);
        BinomialCounts vc = new BinomialCounts(v, t);
        MixtureFit ft = new MixtureFitter(tc).fit(maxComponents, starts, streams.child(TURNOUT_KEY).seed(), threads,
                Progress.NONE);
        MixtureFit fv = new MixtureFitter(vc).fit(maxComponents, starts, streams.child(SUPPORT_KEY).seed(), threads,
                Progress.NONE);
        // (the same as fit(t, n, …) and fit(v, t, …); the counts are kept for the posterior draws)
        int blocks = (resamples + Resampler.BLOCK - 1) / Resampler.BLOCK;
        long total = (long) blocks * (1 + boots);
        Resampler point = new Resampler(n, t, v, ft.mixture(), fv.mixture(), density());
        SpikesEstimate est = point.estimate(point.run(resamples, streams.child(RESAMPLE_KEY).seed(), threads,
                (d, all) -> progress.update(d, total)), resamples);
        if (boots == 0) {
            return new Result(n.length, ft, fv, est, null, "");
        }
        PosteriorChain ct;
        PosteriorChain cv;
        try {
            ct = new PosteriorChain(tc, ft);
            cv = new PosteriorChain(vc, fv);
        } catch (IllegalArgumentException e) {
            return new Result(n.length, ft, fv, est, null, "no interval: " + e.getMessage());
        }
        UniformRandomProvider chainRng = streams.stream(CHAIN_KEY);
        BetaBinomialMixture mt = ft.mixture();
        BetaBinomialMixture mv = fv.mixture();
        double[] f = new double[boots];
        for (int b = 0; b < boots; b++) {
            mt = ct.step(mt, chainRng);
            mv = cv.step(mv, chainRng);
            Resampler r = new Resampler(n, t, v, mt, mv, density());
            long done = (long) blocks * (1 + b);
            f[b] = r.estimate(r.run(resamples, streams.child(BOOT_KEY, b).seed(), threads,
                    (d, all) -> progress.update(done + d, total)), resamples).fraudPercent();
        }
        ReplicateDistribution q = ReplicateDistribution.of(f);
        return new Result(n.length, ft, fv, est, new Interval(f, q.mean(), q.q025(), q.q975(), ct.acceptance(),
                cv.acceptance()), "");
    }

    /**
     * One latent density fit, the package's {@code est.density} from {@link #starts()} seeded starts per number of
     * components.
     *
     * @param y       successes per unit (t, or v)
     * @param n       trials per unit (N, or t), with 0 ≤ y ≤ n and n &gt; 0
     * @param seed    the seed of the starts
     * @param threads threads
     * @return the fit
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold a count out of range
     */
    public MixtureFit fit(int[] y, int[] n, long seed, int threads) {
        if (y.length == 0) {
            throw new IllegalArgumentException("no units");
        }
        for (int i = 0; i < n.length; i++) {
            if (n[i] <= 0) {
                throw new IllegalArgumentException("unit " + i + " has no trials: " + n[i]);
            }
        }
        return new MixtureFitter(new BinomialCounts(y, n)).fit(maxComponents, starts, seed, threads, Progress.NONE);
    }

    /**
     * The resampling step alone at given mixtures, the package's {@code spikes(data, out = out)}.
     *
     * @param n        registered voters per unit
     * @param t        turnout counts
     * @param v        the party's votes
     * @param turnout  the turnout mixture
     * @param support  the support mixture
     * @param seed     the seed of the resamples
     * @param threads  threads
     * @return the estimate
     * @throws IllegalArgumentException if the counts are out of range
     */
    public SpikesEstimate estimate(int[] n, int[] t, int[] v, BetaBinomialMixture turnout,
                                   BetaBinomialMixture support, long seed, int threads) {
        check(n, t, v);
        Resampler r = new Resampler(n, t, v, turnout, support, density());
        return r.estimate(r.run(resamples, seed, threads, Progress.NONE), resamples);
    }
    private static RDensity density() {
        return new RDensity(BANDWIDTH, GRID, 0, 1);
    }

    /**
     * @throws IllegalArgumentException naming the first unit out of range
     */
    static void check(int[] n, int[] t, int[] v) {
        if (n.length != t.length || n.length != v.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "N, t and v differ in length: %d, %d, %d", n.length, t.length, v.length));
        }
        if (n.length == 0) {
            throw new IllegalArgumentException("no units");
        }
        for (int i = 0; i < n.length; i++) {
            if (!(t[i] > 0 && t[i] <= n[i] && v[i] >= 0 && v[i] <= t[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "unit %d: N = %d, t = %d, v = %d; the method needs 0 < t <= N and 0 <= v <= t", i, n[i],
                        t[i], v[i]));
            }
        }
    }
}
