package org.psephos.estimation;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;
import org.psephos.data.Election;
import org.psephos.forensics.TurnoutBins;

/**
 * The distance between an observed fingerprint and the mean fingerprint of R simulated elections with the same
 * unit sizes, as a function of (f_i, f_e, α) and, in the joint fit, of the clean moments (τ, ν, σ_τ, σ_ν) and θ.
 * One instance belongs to one fit (one seed) and one thread.
 *
 * <p>Clean elections: the engine ({@link MonteCarloEngine}, sizes {@link SizeDistribution.Listed}, turnout N(τ0,
 * σ_τ0), share N(ν0, σ_ν0) with the moments of the constructor, one seed per realisation). The share is taken of the
 * same denominator as the observed share: simulated unit i (the engine's unit i has observed unit i's registered
 * voters) gets the share base S = round(ρ_i·B) and leader votes round(ρ_i·W), with ρ_i the observed unit's share
 * base over its ballots (1 where the base is the ballots; below 1 with invalid ballots and base {@code valid}), the
 * rest of S being the opposition; stuffed ballots join B and S (they are valid votes for the leader), stolen votes
 * move within S. (ρ_i is the observed ratio, which stuffing raises in a fraudulent unit: with very many invalid
 * ballots and heavy fraud the simulated base is a little too large; {@code KlimekObjectiveTest} measures it.)
 * Other clean moments map each unit's turnout t and share v affinely, t' = τ + (σ_τ/σ_τ0)(t − τ0) and
 * v' = ν + (σ_ν/σ_ν0)(v − ν0), clamped to [0, 1], with counts B = round(N·t'), S = round(ρ_i·B) and round(S·v'):
 * the same clean election shifted and scaled (its binomial noise is scaled with it, a small approximation).
 *
 * <p>Fraud, with common random numbers: each unit keeps one uniform u (incremental if u &lt; f_i, extreme if f_i ≤ u
 * &lt; f_i + f_e), {@value KlimekDraws#CANDIDATES} standard normals z whose first with θ|z| &lt; 1 gives the
 * incremental intensity x = θ|z| (rejection sampling of |N(0, θ)| below 1, so θ can vary) and, for when all of them are
 * rejected (probability P(θ|z| ≥ 1)³: 3.2% at θ = 1, 2e-6 at θ = 0.4), a uniform w: the rest of the rejection sampler
 * by the inverse cdf of |N(0, θ)| below 1, x = θ·√2·erf⁻¹(w·erf(1/(θ√2))). So x has exactly the engine's
 * redraw-until-below-1 distribution for every θ (an earlier version used x = 0.999 there: extreme fraud in disguise);
 * one extreme intensity 1 − |N(0, 0.075)|, and two standard normals for the binomial noise of the counts (normal
 * approximation): stuffed = round(x·F + √(x(1 − x)F)·z₁) of the F = N − B non-voters, stolen = round(x^α·O + √(x^α(1 −
 * x^α)O)·z₂) of the O opposition votes, each clamped to its range. The objective is therefore the same function at
 * every call, changing only where a unit changes class or a count changes by one vote: what an optimiser needs. The
 * units are stored in the order of u, so the units with fraud are a prefix; with the constructor's moments only they
 * are recomputed against the stored clean histogram. The stored draws are a {@link KlimekDraws}. The class stays at
 * about 340 lines because a third of it is {@link #distance}, one loop over the draws whose floating-point order the
 * fit's reproducibility depends on, and its {@link Observed} is named as {@code KlimekObjective.Observed} by
 * {@code KlimekFit}.
 */
final class KlimekObjective {
    /** 1% bins on each axis. */
    static final int BINS = 100;
    private static final double SQRT2 = Math.sqrt(2);

    private final int n;
    private final int realisations;
    private final KlimekFit.Objective kind;
    private final KlimekMoments moments;
    /** The realisations and their draws (common random numbers). */
    private final KlimekDraws draws;
    private final double[] observed;
    private final double[] sim;
    /** Fixed bin weights (see {@link #fixWeights}), or null for 1/(O + S̄ + 1). */
    private double[] weight;

    /**
     * @param obs          the observed units (registered, ballots, leader, share denominator)
     * @param moments      the clean-peak moments of the base draw, and the default θ
     * @param kind         which histogram is compared
     * @param realisations R
     * @param seed         this fit's seed
     */
    KlimekObjective(Observed obs, KlimekMoments moments, KlimekFit.Objective kind, int realisations, long seed) {
        this(obs, moments, kind, realisations, seed, KlimekFit.EXTREME_SD);
    }

    /**
     * @param obs          the observed units (registered, ballots, leader, share denominator)
     * @param moments      the clean-peak moments of the base draw, and the default θ
     * @param kind         which histogram is compared
     * @param realisations R
     * @param seed         this fit's seed
     * @param extremeSd    the sd of the extreme-fraud intensity, x = 1 − |N(0, extremeSd)| (the paper's 0.075)
     */
    KlimekObjective(Observed obs, KlimekMoments moments, KlimekFit.Objective kind, int realisations, long seed,
                    double extremeSd) {
        this.kind = kind;
        this.n = obs.registered.length;
        this.realisations = realisations;
        this.moments = moments;
        this.observed = histogram(kind, obs.registered, obs.ballots, obs.leader, obs.shareBase, n);
        this.sim = new double[observed.length];
        this.draws = new KlimekDraws(obs, moments, kind, realisations, seed, extremeSd, observed.length);
    }

    /**
     * Which clean elections a distance is computed from: the stored clean histogram, or the stored realisations
     * shifted and scaled to other moments.
     */
    private enum Clean {
        /** The constructor's moments: only the units with fraud are recomputed against the stored histogram. */
        STORED,
        /** Other moments (τ, ν, σ_τ, σ_ν), the joint fit's: every unit is mapped affinely and recomputed. */
        SHIFTED
    }

    /**
     * @return the distance for these parameters with the constructor's clean moments and θ (f_i ∈ [0, 1],
     *         f_e ∈ [0, 1 − f_i], α &gt; 0)
     */
    double value(double fi, double fe, double alpha) {
        return atStoredMoments(fi, fe, alpha, moments.theta());
    }

    /**
     * @param theta θ, the sd of the incremental intensity
     * @return the distance for these parameters with the constructor's clean moments and this θ
     */
    double atStoredMoments(double fi, double fe, double alpha, double theta) {
        return distance(Clean.STORED, fi, fe, alpha, 0, 0, 0, 0, theta);
    }

    /**
     * @param tau      τ, the clean mean turnout (a number)
     * @param nu       ν, the clean mean share
     * @param sigmaTau σ_τ
     * @param sigmaNu  σ_ν
     * @param theta    θ, the sd of the incremental intensity
     * @return the distance for these parameters with these clean moments (the joint fit's)
     */
    double atMoments(double fi, double fe, double alpha, double tau, double nu, double sigmaTau, double sigmaNu,
                     double theta) {
        return distance(Clean.SHIFTED, fi, fe, alpha, tau, nu, sigmaTau, sigmaNu, theta);
    }

    /** @return the distance; τ, ν, σ_τ and σ_ν are read only for {@link Clean#SHIFTED} */
    private double distance(Clean clean, double fi, double fe, double alpha, double tau, double nu, double sigmaTau,
                            double sigmaNu, double theta) {
        boolean moved = clean == Clean.SHIFTED;
        if (moved) {
            Arrays.fill(sim, 0);
        } else {
            System.arraycopy(draws.clean, 0, sim, 0, sim.length);
        }
        double any = fi + fe;
        double logTheta = Math.log(theta);
        double below = Double.NaN; // P(|z| < 1/θ), once a unit needs it
        double kt = moved ? sigmaTau / moments.sigmaTau() : 1;
        double kv = moved ? sigmaNu / moments.sigmaNu() : 1;
        double ct = moved ? tau - kt * moments.tau() : 0;
        double cv = moved ? nu - kv * moments.nu() : 0;
        for (int r = 0; r < realisations; r++) {
            int[] nr = draws.reg[r];
            int[] br = draws.ballots[r];
            int[] sr = draws.base[r];
            int[] wr = draws.leader[r];
            float[] rr = draws.rho[r];
            float[] t0 = draws.turnout0[r];
            float[] v0 = draws.share0[r];
            float[] ur = draws.u[r];
            double[] lz = draws.logZ[r];
            double[] wi = draws.intensity[r];
            double[] le = draws.logExt[r];
            double[] zr = draws.noise[r];
            int frauds = lowerBound(ur, any);
            for (int i = 0; i < n; i++) {
                if (i >= frauds && !moved) {
                    break;
                }
                int b;
                int s;
                int w;
                if (moved) {
                    b = (int) Math.round(nr[i] * Math.max(0, Math.min(1, ct + kt * t0[i])));
                    s = (int) Math.round((double) rr[i] * b);
                    w = (int) Math.round(s * Math.max(0, Math.min(1, cv + kv * v0[i])));
                } else {
                    b = br[i];
                    s = sr[i];
                    w = wr[i];
                    add(sim, kind, nr[i], b, w, s, -1);
                }
                if (i < frauds) {
                    int o = s - w;
                    double lx = le[i];
                    if (ur[i] < fi) {
                        // x = θ|z| for the first candidate with θ|z| < 1
                        lx = Double.NaN;
                        int candidates = KlimekDraws.CANDIDATES;
                        for (int j = candidates * i; j < candidates * i + candidates; j++) {
                            if (lz[j] + logTheta < 0) {
                                lx = lz[j] + logTheta;
                                break;
                            }
                        }
                        if (Double.isNaN(lx)) {
                            // all rejected: the rest of the rejection sampler, |N(0, θ)| below 1 by its inverse cdf
                            below = Double.isNaN(below) ? Erf.erf(1 / (theta * SQRT2)) : below;
                            lx = Math.log(Math.min(1, theta * SQRT2 * Erf.erfInv(wi[i] * below)));
                        }
                    }
                    // x and x^α from ln x (exp(−∞) = 0 for x = 0)
                    double x = Math.exp(lx);
                    double xa = Math.exp(alpha * lx);
                    int free = nr[i] - b;
                    int stuffed = (int) Math.max(0, Math.min(free, Math.round(x * free
                            + Math.sqrt(x * (1 - x) * free) * zr[2 * i])));
                    int stolen = (int) Math.max(0, Math.min(o, Math.round(xa * o
                            + Math.sqrt(xa * (1 - xa) * o) * zr[2 * i + 1])));
                    b += stuffed;
                    s += stuffed;
                    w += stuffed + stolen;
                }
                add(sim, kind, nr[i], b, w, s, 1);
            }
        }
        double inv = 1.0 / realisations;
        double d = 0;
        // Each term is (S̄ − O)² − S̄/R: S̄/R estimates the Monte Carlo variance of S̄ (a bin count of one
        // realisation is a sum of rare Bernoullis, so its variance is about its mean). Without it the expected
        // distance grows by Σ w·Var(S̄), which grows as the fraud spreads units into sparse bins: a pull towards
        // f = 0 that is as large as the fraud signal at R = 3 and f_i = 0.05 on 10,000 units.
        if (weight != null) {
            for (int k = 0; k < sim.length; k++) {
                double s = sim[k] * inv;
                double diff = s - observed[k];
                d += weight[k] * (diff * diff - s * inv);
            }
        } else if (kind == KlimekFit.Objective.FINGERPRINT) {
            for (int k = 0; k < sim.length; k++) {
                double s = sim[k] * inv;
                double o = observed[k];
                double diff = s - o;
                d += (diff * diff - s * inv) / (o + s + 1);
            }
        } else {
            for (int k = 0; k < sim.length; k++) {
                double s = sim[k] * inv;
                double o = observed[k];
                double diff = s - o;
                d += (diff * diff - s * inv) / ((o + 1) * (o + 1));
            }
        }
        return d;
    }

    /**
     * @return the mean simulated histogram at these parameters with the constructor's clean moments and this θ (for
     *         tests: what {@link #atStoredMoments} compares with the observed one)
     */
    double[] meanSimulated(double fi, double fe, double alpha, double theta) {
        double[] saved = weight;
        atStoredMoments(fi, fe, alpha, theta);
        weight = saved;
        double[] out = sim.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] /= realisations;
        }
        return out;
    }

    /** @return the observed histogram */
    double[] observed() {
        return observed.clone();
    }

    /**
     * Fixes the bin weights at 1/(S̄ + 1) (the fingerprint; 1/(S̄ + 1)² for the share histogram), S̄ the mean
     * simulated histogram at these parameters and the constructor's moments. With weights that depend neither on
     * the observed counts nor on the simulated ones being compared, the expected distance Σ w·((S̄ − O)² − S̄/R)
     * is Σ w·(E S̄ − E O)² plus a constant, so its minimum is unbiased; weights 1/(O + S̄ + 1) favour bins where a
     * count happens to be high, which at small f_i pulls the fit towards more, thinly spread fraud.
     */
    void fixWeights(double fi, double fe, double alpha) {
        weight = null;
        value(fi, fe, alpha);
        double[] w = new double[sim.length];
        double inv = 1.0 / realisations;
        for (int k = 0; k < w.length; k++) {
            double s = sim[k] * inv + 1;
            w[k] = kind == KlimekFit.Objective.FINGERPRINT ? 1 / s : 1 / (s * s);
        }
        weight = w;
    }

    /** @return the first index k with a[k] ≥ x (a ascending), a.length if none */
    private static int lowerBound(float[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Adds c (1 or −1) to the unit's bin (none if it has no registered voters or no share base). */
    static void add(double[] h, KlimekFit.Objective kind, int reg, int b, int w, int base, int c) {
        if (reg <= 0 || base <= 0) {
            return;
        }
        int s = TurnoutBins.bin(w, base, BINS);
        if (kind == KlimekFit.Objective.FINGERPRINT) {
            int t = TurnoutBins.bin(b, reg, BINS);
            h[t * BINS + s] += c;
        } else {
            h[s] += c;
        }
    }

    static double[] histogram(KlimekFit.Objective kind, int[] reg, int[] b, int[] w, int[] base, int n) {
        double[] h = new double[kind == KlimekFit.Objective.FINGERPRINT ? BINS * BINS : BINS];
        for (int i = 0; i < n; i++) {
            add(h, kind, reg[i], b[i], w[i], base[i], 1);
        }
        return h;
    }

    /** The observed columns of a fit. */
    static final class Observed {
        final int[] registered;
        final int[] ballots;
        final int[] leader;
        final int[] shareBase;
        /** Per unit its share base over its ballots (1 without ballots). */
        final float[] baseRatio;
        final double[] turnout;
        final double[] share;

        Observed(Election e) {
            registered = e.registeredColumn();
            ballots = e.ballotsColumn();
            leader = e.votesColumn(e.leader());
            shareBase = e.shareDenominatorColumn();
            int n = registered.length;
            turnout = new double[n];
            share = new double[n];
            baseRatio = new float[n];
            for (int i = 0; i < n; i++) {
                baseRatio[i] = ballots[i] > 0 && shareBase[i] >= 0 ? (float) ((double) shareBase[i] / ballots[i]) : 1;
                turnout[i] = (double) ballots[i] / registered[i];
                share[i] = shareBase[i] > 0 ? (double) leader[i] / shareBase[i] : 0;
            }
        }
    }

}
