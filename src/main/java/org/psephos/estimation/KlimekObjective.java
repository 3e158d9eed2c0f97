package org.psephos.estimation;


import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.psephos.data.Election;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/**
 * The distance between an observed fingerprint and the mean fingerprint of R simulated elections with the same
 * unit sizes, as a function of (f_i, f_e, α). One instance belongs to one fit (one seed) and one thread.
 *
 * <p>The clean elections come from the engine ({@link MonteCarloEngine}, sizes {@link SizeDistribution.Listed},
 * turnout N(τ, σ_τ), share N(ν, σ_ν), one seed per realisation). The fraud is then applied here with common random
 * numbers: each unit of each realisation keeps one uniform u (class: incremental if u &lt; f_i, extreme if
 * f_i ≤ u &lt; f_i + f_e), one incremental intensity x_i = |N(0, θ)| conditioned on x &lt; 1 (by inversion,
 * θ√2·erf⁻¹(u'·erf(1/(θ√2)))) and one extreme intensity 1 − |N(0, 0.075)|, and the counts follow the published
 * fitter's deterministic rounding: stuffed = ⌊x·(N − B)⌋, stolen = round(x^α·O). The objective therefore changes
 * only where a unit changes class or a count changes by one vote, and is the same function at every call: what a
 * continuous optimiser needs. (The engine's own Klimek step redraws its intensities when the class probabilities
 * change, so it is not used inside the fit.)
 */
final class KlimekObjective {
    /** 1% bins on each axis. */
    static final int BINS = 100;
    private static final long KEY = 0x4B6C6D6BL;

    private final int n;
    private final int realisations;
    private final int[][] reg;
    private final int[][] ballots;
    private final int[][] leader;
    private final int[][] others;
    private final double[][] u;
    private final double[][] xInc;
    private final double[][] xExt;
    private final double[][] logInc;
    private final double[][] logExt;
    private final double[] observed;
    private final double[] sim;
    private final KlimekFit.Objective kind;

    /**
     * @param obs          the observed units (registered, ballots, leader, share denominator)
     * @param moments      the clean-peak moments
     * @param kind         which histogram is compared
     * @param realisations R
     * @param seed         this fit's seed
     */
    KlimekObjective(Observed obs, KlimekMoments moments, KlimekFit.Objective kind, int realisations, long seed) {
        this.kind = kind;
        this.n = obs.registered.length;
        this.realisations = realisations;
        this.observed = histogram(kind, obs.registered, obs.ballots, obs.leader, obs.shareBase, n);
        this.sim = new double[observed.length];
        reg = new int[realisations][];
        ballots = new int[realisations][];
        leader = new int[realisations][];
        others = new int[realisations][];
        u = new double[realisations][n];
        xInc = new double[realisations][n];
        xExt = new double[realisations][n];
        logInc = new double[realisations][n];
        logExt = new double[realisations][n];
        ElectorateModel electorate = ElectorateModel.of(n, new SizeDistribution.Listed(obs.registered),
                ProportionDistribution.normal(moments.tau(), moments.sigmaTau()),
                ProportionDistribution.normal(moments.nu(), moments.sigmaNu()));
        RandomStreams streams = RandomStreams.seeded(seed);
        double theta = moments.theta();
        double scale = theta * Math.sqrt(2);
        double top = Erf.erf(1 / scale);
        for (int r = 0; r < realisations; r++) {
            Election e = MonteCarloEngine.run(SimulationModel.clean(electorate), streams.stream(KEY, r).nextLong(), 1,
                    1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, org.psephos.simulation.Progress.NONE)
                    .units().orElseThrow();
            reg[r] = e.registeredColumn();
            ballots[r] = e.ballotsColumn();
            leader[r] = e.votesColumn(0);
            others[r] = e.votesColumn(1);
            UniformRandomProvider rng = streams.stream(KEY, r, 1);
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < n; i++) {
                u[r][i] = rng.nextDouble();
                xInc[r][i] = scale * Erf.erfInv(rng.nextDouble() * top);
                xExt[r][i] = Math.max(0, 1 - KlimekFit.EXTREME_SD * Math.abs(g.sample()));
                logInc[r][i] = Math.log(xInc[r][i]);
                logExt[r][i] = Math.log(xExt[r][i]);
            }
        }
    }

    /**
     * @return the distance for these parameters, clamped to f_i ∈ [0, 1], f_e ∈ [0, 1 − f_i], α ∈ [α_min, α_max]
     */
    double value(double fi, double fe, double alpha) {
        java.util.Arrays.fill(sim, 0);
        double any = fi + fe;
        for (int r = 0; r < realisations; r++) {
            int[] nr = reg[r];
            int[] br = ballots[r];
            int[] wr = leader[r];
            int[] or = others[r];
            double[] ur = u[r];
            for (int i = 0; i < n; i++) {
                int b = br[i];
                int w = wr[i];
                double ui = ur[i];
                if (ui < any) {
                    boolean inc = ui < fi;
                    double x = inc ? xInc[r][i] : xExt[r][i];
                    int stuffed = (int) Math.floor(x * (nr[i] - b));
                    // x^α as exp(α ln x): ln x is tabulated per unit (exp(−∞) = 0 for x = 0)
                    int stolen = (int) Math.round(Math.exp(alpha * (inc ? logInc[r][i] : logExt[r][i])) * or[i]);
                    b += stuffed;
                    w += stuffed + stolen;
                }
                add(sim, kind, nr[i], b, w, b);
            }
        }
        double inv = 1.0 / realisations;
        double d = 0;
        if (kind == KlimekFit.Objective.FINGERPRINT) {
            for (int k = 0; k < sim.length; k++) {
                double s = sim[k] * inv;
                double o = observed[k];
                double diff = s - o;
                d += diff * diff / (o + s + 1);
            }
        } else {
            for (int k = 0; k < sim.length; k++) {
                double diff = (sim[k] * inv - observed[k]) / (observed[k] + 1);
                d += diff * diff;
            }
        }
        return d;
    }

    private static void add(double[] h, KlimekFit.Objective kind, int reg, int b, int w, int base) {
        if (reg <= 0 || base <= 0) {
            return;
        }
        int s = Math.min(BINS - 1, (int) (BINS * (double) w / base));
        if (kind == KlimekFit.Objective.FINGERPRINT) {
            int t = Math.min(BINS - 1, (int) (BINS * (double) b / reg));
            h[t * BINS + s] += 1;
        } else {
            h[s] += 1;
        }
    }

    static double[] histogram(KlimekFit.Objective kind, int[] reg, int[] b, int[] w, int[] base, int n) {
        double[] h = new double[kind == KlimekFit.Objective.FINGERPRINT ? BINS * BINS : BINS];
        for (int i = 0; i < n; i++) {
            add(h, kind, reg[i], b[i], w[i], base[i]);
        }
        return h;
    }

    /** The observed columns of a fit. */
    static final class Observed {
        final int[] registered;
        final int[] ballots;
        final int[] leader;
        final int[] shareBase;
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
            for (int i = 0; i < n; i++) {
                turnout[i] = (double) ballots[i] / registered[i];
                share[i] = shareBase[i] > 0 ? (double) leader[i] / shareBase[i] : 0;
            }
        }
    }

}
