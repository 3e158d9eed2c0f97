package org.psephos.estimation;

import java.util.List;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateDistribution;

/**
 * The passes of {@link KlimekFit#fit}, from the step-1 clean moments to the fitted Klimek model of Klimek,
 * Yegorov, Hanel and Thurner (2012), "Statistical detection of systematic election irregularities", PNAS 109(41),
 * 16469–16473 (FORENSICS.md B2); each pass minimises the distance ({@link KlimekObjective}) with K seeds by
 * {@link KlimekMinimiser} and averages the K minima.
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
 * <p>Step 3, the clean moments fitted with the fraud (on by default, {@link KlimekFit#withMomentCorrection(boolean)}).
 * The fraud moves the clean-peak estimates of step 1 (at f_i = 0.3: τ̂ 0.518, ν̂ 0.56, σ̂_ν 0.087 for a true 0.5, 0.55,
 * 0.08), so with them as they are the fair model already spreads towards the fraud and f_i comes out low (0.20 for 0.3;
 * a one-step correction of the moments by simulation gave 0.25 ± 0.03, and an iterated one did not settle because the
 * simulated peaks are too noisy). Instead the simplex moves (τ, ν, σ_τ, σ_ν, θ) together with (f_i, f_e, α), from the
 * step-1 estimates: the simulated clean units are shifted and scaled affinely (see {@link KlimekObjective}), so the
 * distance stays one deterministic function of eight parameters. Two passes: the first (half the realisations, a
 * coarser grid with f_e ∈ {0, .01, .04, .16} and α ∈ {1, 2}, then at most 150 simplex evaluations) gives moments; the
 * second repeats the full grid at those moments with fixed weights and runs the simplex to convergence (at most 1500
 * evaluations), because the simplex stays near the grid point it starts from. The reported moments and θ are the fitted
 * ones (mean over the K fits). On 10,000 simulated units, see {@code KlimekFitTest} for the round trips and their
 * measured spread. θ is weakly identified when f_i is small (incremental units with a small intensity look clean), and
 * there f_i keeps a small upward bias.
 *
 * <p>Fit k of every pass uses {@code RandomStreams.seeded(seed).stream(KlimekFit.KEY, k)}; the fits run in parallel
 * and the result does not depend on the thread count. Immutable.
 *
 * @param objective    the histograms compared
 * @param fits         K, the repeated fits (seeds)
 * @param realisations R, the simulated elections averaged per fingerprint
 * @param momentFit    whether the clean moments and θ are fitted with the fraud
 */
record KlimekPasses(KlimekFit.Objective objective, int fits, int realisations, MomentFit momentFit) {
    /** Simplex evaluations: fixed moments; joint, first pass (a start for the second); joint, second pass. */
    private static final int MAX_EVAL = 400;
    private static final int MAX_EVAL_FIRST = 150;
    private static final int MAX_EVAL_JOINT = 1500;

    /** Whether the clean moments and θ are fitted with the fraud (step 3) or held at the step-1 estimates. */
    enum MomentFit {
        /** Fitted jointly with (f_i, f_e, α), two passes (the default). */
        JOINT,
        /** Held at the step-1 estimates, one pass over (f_i, f_e, α). */
        HELD
    }

    /** One pass: its simplex budget, start grid, free parameters and realisations. */
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

    /**
     * @param obs     the observed units
     * @param m       the step-1 moments (usable)
     * @param streams the run's streams
     * @param threads worker threads (the result does not depend on it)
     * @return the fit: one pass with the moments held, or the two joint passes
     */
    KlimekFitResult fit(KlimekObjective.Observed obs, KlimekMoments m, RandomStreams streams, int threads) {
        if (momentFit == MomentFit.HELD) {
            return pass(obs, m, streams, threads, null, Pass.FIXED_MOMENTS);
        }
        KlimekFitResult fit = pass(obs, m, streams, threads, null, Pass.JOINT_FIRST);
        // second pass: the grid again, at the fitted clean moments (the distance of R realisations is rugged, and
        // the simplex stays near the grid point it starts from)
        return fit.moments().isUsable() ? pass(obs, fit.moments(), streams, threads, fit, Pass.JOINT_SECOND) : fit;
    }

    /**
     * @param start the previous pass's fit, whose (f_i, f_e, α) fix the bin weights, or null for the first pass
     * @return the mean and sd over the K seeds of one pass's minimum
     */
    private KlimekFitResult pass(KlimekObjective.Observed obs, KlimekMoments m, RandomStreams streams,
                                    int threads, KlimekFitResult start, Pass pass) {
        double[] fair = new double[1];
        int reals = pass.halfRealisations ? Math.min(realisations, Math.max(2, realisations / 2)) : realisations;
        List<double[]> rows = Parallel.map(fits, threads, k -> {
            KlimekObjective f = new KlimekObjective(obs, m, objective, reals,
                    streams.stream(KlimekFit.KEY, k).nextLong());
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
}
