package org.psephos.estimation;

import java.util.Arrays;
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
 * The common random numbers of one {@link KlimekObjective}: R clean elections drawn once by the engine with the
 * observed unit sizes and the clean-peak moments, their units sorted by the class uniform u, and per unit the
 * draws the fraud needs (the candidates of the incremental intensity, the inverse-cdf uniform, the extreme
 * intensity, the normals of the counts' binomial noise), with the clean histogram summed over the realisations. The
 * objective's class comment says how they are used. Package-private; filled once by the constructor, then read only.
 */
final class KlimekDraws {
    /** Candidate draws of the incremental intensity per unit, before the inverse-cdf draw. */
    static final int CANDIDATES = 3;
    private static final long KEY = 0x4B6C6D6BL;

    /** Per realisation, units in the order of u: registered, clean ballots, share base and leader votes. */
    final int[][] reg;
    final int[][] ballots;
    final int[][] base;
    final int[][] leader;
    /** The observed unit's share base over its ballots. */
    final float[][] rho;
    /** Clean turnout b/N and leader share w/b of the base draw. */
    final float[][] turnout0;
    final float[][] share0;
    /** The class uniform, ascending. */
    final float[][] u;
    /** ln|z| of the {@value #CANDIDATES} candidates of the incremental intensity. */
    final double[][] logZ;
    /** The uniform of the incremental intensity's inverse cdf, for a unit whose candidates are all rejected. */
    final double[][] intensity;
    /** ln of the extreme intensity. */
    final double[][] logExt;
    /** Standard normals of the binomial noise of the stuffed and stolen counts. */
    final double[][] noise;
    /** The clean histogram, summed over the realisations, with the constructor's moments. */
    final double[] clean;

    /**
     * @param obs          the observed units (registered, ballots, leader, share denominator)
     * @param moments      the clean-peak moments of the base draw
     * @param kind         which histogram is compared
     * @param realisations R
     * @param seed         the fit's seed
     * @param extremeSd    the sd of the extreme-fraud intensity, x = 1 − |N(0, extremeSd)|
     * @param bins         the length of the histogram
     */
    KlimekDraws(KlimekObjective.Observed obs, KlimekMoments moments, KlimekFit.Objective kind, int realisations,
                long seed, double extremeSd, int bins) {
        int n = obs.registered.length;
        this.clean = new double[bins];
        reg = new int[realisations][n];
        ballots = new int[realisations][n];
        base = new int[realisations][n];
        leader = new int[realisations][n];
        rho = new float[realisations][n];
        turnout0 = new float[realisations][n];
        share0 = new float[realisations][n];
        u = new float[realisations][n];
        logZ = new double[realisations][CANDIDATES * n];
        intensity = new double[realisations][n];
        logExt = new double[realisations][n];
        noise = new double[realisations][2 * n];
        ElectorateModel electorate = ElectorateModel.of(n, new SizeDistribution.Listed(obs.registered),
                ProportionDistribution.normal(moments.tau(), moments.sigmaTau()),
                ProportionDistribution.normal(moments.nu(), moments.sigmaNu()));
        RandomStreams streams = RandomStreams.seeded(seed);
        long[] order = new long[n];
        // per-unit draws in unit order, every slot overwritten in each realisation
        double[] lz = new double[CANDIDATES * n];
        double[] wi = new double[n];
        double[] le = new double[n];
        double[] nz = new double[2 * n];
        for (int r = 0; r < realisations; r++) {
            Election e = MonteCarloEngine.run(SimulationModel.clean(electorate), streams.stream(KEY, r).nextLong(), 1,
                    1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, org.psephos.simulation.Progress.NONE)
                    .units().orElseThrow();
            int[] nr = e.registeredColumn();
            int[] br = e.ballotsColumn();
            int[] wr = e.votesColumn(0);
            UniformRandomProvider rng = streams.stream(KEY, r, 1);
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            UniformRandomProvider rest = streams.stream(KEY, r, 2);
            for (int i = 0; i < n; i++) {
                float ui = (float) rng.nextDouble();
                // a non-negative float's bits order like the float: sort (u, unit) as one long
                order[i] = (long) Float.floatToIntBits(ui) << 32 | i;
                for (int j = 0; j < CANDIDATES; j++) {
                    lz[CANDIDATES * i + j] = Math.log(Math.abs(g.sample()));
                }
                wi[i] = rest.nextDouble();
                le[i] = Math.log(Math.max(0, 1 - extremeSd * Math.abs(g.sample())));
                nz[2 * i] = g.sample();
                nz[2 * i + 1] = g.sample();
            }
            Arrays.sort(order);
            for (int k = 0; k < n; k++) {
                int i = (int) order[k];
                u[r][k] = Float.intBitsToFloat((int) (order[k] >>> 32));
                float ri = obs.baseRatio[i];
                reg[r][k] = nr[i];
                ballots[r][k] = br[i];
                base[r][k] = (int) Math.round((double) ri * br[i]);
                leader[r][k] = (int) Math.round((double) ri * wr[i]);
                rho[r][k] = ri;
                turnout0[r][k] = nr[i] > 0 ? (float) ((double) br[i] / nr[i]) : 0;
                share0[r][k] = br[i] > 0 ? (float) ((double) wr[i] / br[i]) : 0;
                System.arraycopy(lz, CANDIDATES * i, logZ[r], CANDIDATES * k, CANDIDATES);
                intensity[r][k] = wi[i];
                logExt[r][k] = le[i];
                noise[r][2 * k] = nz[2 * i];
                noise[r][2 * k + 1] = nz[2 * i + 1];
                KlimekObjective.add(clean, kind, nr[i], br[i], leader[r][k], base[r][k], 1);
            }
        }
    }
}
