package org.psephos.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.estimation.KlimekSensitivity.Row;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateDistribution;

/**
 * The refits behind a {@link KlimekSensitivity} (Klimek, Yegorov, Hanel and Thurner 2012, PNAS 109(41):16469–16473,
 * doi:10.1073/pnas.1210722109): the settings (each clean moment moved by ±2 sd, the step-1 moments, the
 * extreme-fraud widths), the bootstrap of the step-1 moments that sizes the moves, and the simplex refits from each
 * fit's optimum with common random numbers, as {@link KlimekSensitivity}'s class comment describes them.
 * Package-private, stateless.
 */
final class KlimekSensitivityRefits {
    /** Extreme-fraud widths tried besides the paper's 0.075. */
    static final double[] WIDTHS = {0.05, 0.10};
    /** Smallest clean sd of a setting (the joint fit's bound). */
    private static final double SIGMA_MIN = 0.005;

    private KlimekSensitivityRefits() {
    }

    /**
     * @param stepOne      the step-1 moment estimator (turnout, share) → moments
     * @param obs          the observed units
     * @param fit          the fit
     * @param kind         the fit's objective
     * @param realisations the fit's R
     * @param seeds        the seeds of the fits refitted (fit k's objective seed), at most the fit's K
     * @param maxEval      simplex evaluations per refit
     * @param boot         the bootstrap's streams (resample b uses stream(b))
     * @param threads      worker threads (the result does not depend on it)
     * @return the sensitivity
     */
    static KlimekSensitivity compute(BiFunction<double[], double[], KlimekMoments> stepOne,
                                     KlimekObjective.Observed obs, KlimekFitResult fit, KlimekFit.Objective kind,
                                     int realisations, long[] seeds, int maxEval, RandomStreams boot, int threads) {
        KlimekMoments m = fit.moments();
        KlimekMoments one = stepOne.apply(obs.turnout, obs.share);
        double[] delta = deltas(stepOne, obs, fit, boot, threads);
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("baseline", "each fit's own moments, width 0.075", Moved.NONE, 0.0,
                KlimekFit.EXTREME_SD));
        for (Moved p : Moved.SHIFTED) {
            for (int sign = -1; sign <= 1; sign += 2) {
                settings.add(new Setting(p.key, String.format(java.util.Locale.ROOT, "%s%.4f (2 sd)",
                        sign < 0 ? "\u2212" : "+", delta[p.index]), p, sign * delta[p.index], KlimekFit.EXTREME_SD));
            }
        }
        boolean same = one.tau() == m.tau() && one.nu() == m.nu() && one.sigmaTau() == m.sigmaTau()
                && one.sigmaNu() == m.sigmaNu();
        if (!same && new KlimekMoments(one.tau(), one.nu(), one.sigmaTau(), one.sigmaNu(), m.theta()).isUsable()) {
            settings.add(new Setting("step1_moments", "the peak rule's estimates of the four moments",
                    Moved.STEP_ONE, 0.0, KlimekFit.EXTREME_SD));
        }
        for (double w : WIDTHS) {
            settings.add(new Setting("extreme_width", String.format(java.util.Locale.ROOT, "width %.3f", w),
                    Moved.NONE, 0.0, w));
        }
        int k = seeds.length;
        double[][] fits = fit.fits();
        List<KlimekMinimiser.Row> out = Parallel.map(settings.size() * k, threads, task -> {
            Setting s = settings.get(task / k);
            KlimekMinimiser.Row own = KlimekMinimiser.Row.of(fits[task % k]);
            KlimekMoments mo = moved(own.moments(), one, s.moved, s.shift);
            KlimekObjective f = new KlimekObjective(obs, mo, kind, realisations, seeds[task % k], s.width);
            f.fixWeights(fit.fi(), fit.fe(), fit.alpha());
            double[] start = {own.fi(), own.fe(), own.alpha()};
            return KlimekMinimiser.simplex(f, mo, KlimekMinimiser.Free.FRAUD, maxEval, start,
                    f.value(own.fi(), own.fe(), own.alpha()));
        }, Progress.NONE);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            double fi = 0;
            double fe = 0;
            double alpha = 0;
            double distance = 0;
            for (int j = 0; j < k; j++) {
                KlimekMinimiser.Row r = out.get(i * k + j);
                fi += r.fi() / k;
                fe += r.fe() / k;
                alpha += r.alpha() / k;
                distance += r.distance() / k;
            }
            Setting s = settings.get(i);
            rows.add(new Row(s.parameter, s.change, moved(m, one, s.moved, s.shift), s.width, fi, fe, alpha,
                    distance));
        }
        String method = String.format(java.util.Locale.ROOT, "(f_i, f_e, alpha) of the first %d of the %d fits "
                + "refitted by the simplex from each fit's optimum (at most %d evaluations), the clean moments and "
                + "theta held at that fit's, weights fixed at the fit's parameters, the fit's seeds and %d "
                + "realisations (common random numbers), mean over the refits; each moment moved by 2 sd, sd = the "
                + "larger of its bootstrap sd (%d unit resamples of the peak rule's estimate) and its sd over the "
                + "fits; the peak rule's estimates of the four moments instead; the extreme-fraud width 0.05 and "
                + "0.10 instead of 0.075", k, fits.length, maxEval, realisations, KlimekSensitivity.RESAMPLES);
        return new KlimekSensitivity(rows, method);
    }

    /** Which clean moments a setting moves. */
    private enum Moved {
        /** None: the fit's own. */
        NONE("", -1),
        /** τ by a shift, kept in [0.01, 0.99]. */
        TAU("tau", 0),
        /** ν by a shift, kept in [0.01, 0.99]. */
        NU("nu", 1),
        /** σ_τ by a shift, at least 0.005. */
        SIGMA_TAU("sigma_tau", 2),
        /** σ_ν by a shift, at least 0.005. */
        SIGMA_NU("sigma_nu", 3),
        /** All four to the step-1 rule's estimates. */
        STEP_ONE("", -1);

        /** The four moved one at a time by ±δ, in the order of the rows. */
        static final List<Moved> SHIFTED = List.of(TAU, NU, SIGMA_TAU, SIGMA_NU);
        private final String key;
        /** Position in (τ, ν, σ_τ, σ_ν), −1 for none. */
        private final int index;

        Moved(String key, int index) {
            this.key = key;
            this.index = index;
        }
    }

    /**
     * One setting refitted.
     *
     * @param parameter the row's {@code parameter}
     * @param change    the row's {@code change}
     * @param moved     which moments move
     * @param shift     by how much (for one moment)
     * @param width     the extreme-fraud width
     */
    private record Setting(String parameter, String change, Moved moved, double shift, double width) {
    }

    /**
     * @return m with the moment {@code which} shifted (peaks kept in [0.01, 0.99], sds at least 0.005), or with the
     *         rule's four moments for {@link Moved#STEP_ONE}, or m itself for {@link Moved#NONE}
     */
    private static KlimekMoments moved(KlimekMoments m, KlimekMoments rule, Moved which, double shift) {
        if (which == Moved.NONE) {
            return m;
        }
        if (which == Moved.STEP_ONE) {
            return new KlimekMoments(rule.tau(), rule.nu(), rule.sigmaTau(), rule.sigmaNu(), m.theta());
        }
        int p = which.index;
        double[] v = {m.tau(), m.nu(), m.sigmaTau(), m.sigmaNu()};
        v[p] += shift;
        v[p] = p < 2 ? Math.max(0.01, Math.min(0.99, v[p])) : Math.max(SIGMA_MIN, v[p]);
        return new KlimekMoments(v[0], v[1], v[2], v[3], m.theta());
    }

    /** @return 2·max(bootstrap sd of the step-1 estimate, sd over the fits) for τ, ν, σ_τ, σ_ν */
    private static double[] deltas(BiFunction<double[], double[], KlimekMoments> stepOne,
                                   KlimekObjective.Observed obs, KlimekFitResult fit, RandomStreams boot,
                                   int threads) {
        int n = obs.turnout.length;
        List<double[]> b = Parallel.map(KlimekSensitivity.RESAMPLES, threads, r -> {
            UniformRandomProvider rng = boot.stream(r);
            double[] t = new double[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                t[i] = obs.turnout[j];
                v[i] = obs.share[j];
            }
            KlimekMoments x = stepOne.apply(t, v);
            return new double[] {x.tau(), x.nu(), x.sigmaTau(), x.sigmaNu()};
        }, Progress.NONE);
        double[][] fits = fit.fits();
        double[] delta = new double[4];
        for (int p = 0; p < 4; p++) {
            final int q = p;
            double[] col = b.stream().mapToDouble(x -> x[q]).filter(Double::isFinite).toArray();
            double sdBoot = col.length < 2 ? 0 : ReplicateDistribution.of(col).sd();
            double[] f = java.util.Arrays.stream(fits).mapToDouble(x -> x[4 + q]).toArray();
            double sdFits = f.length < 2 ? 0 : ReplicateDistribution.of(f).sd();
            delta[p] = 2 * Math.max(sdBoot, sdFits);
        }
        return delta;
    }
}
