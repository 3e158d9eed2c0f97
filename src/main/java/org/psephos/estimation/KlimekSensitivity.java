package org.psephos.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateDistribution;

/**
 * How the Klimek et al. (2012) fit moves when what it holds fixed moves within its uncertainty (see
 * {@link KlimekFit#sensitivity}): the clean-peak moments τ, ν, σ_τ, σ_ν and the width of the extreme-fraud
 * intensity (x = 1 − |N(0, w)|, the paper's w = 0.075). Klimek, Yegorov, Hanel and Thurner (2012), "Statistical
 * detection of systematic election irregularities", PNAS 109(41), 16469–16473, doi:10.1073/pnas.1210722109.
 *
 * <p>Method (a reduced-cost refit). Every row refits (f_i, f_e, α) with the clean moments and θ held fixed, by the
 * fit's Nelder–Mead simplex started at a fit's optimum (at most {@value #MAX_EVAL} evaluations, no grid), for the
 * first {@value #REFITS} of the fit's K fits, each with its own seed, realisations and moments (so that the rows
 * share their random numbers and differ by the setting alone), bin weights fixed at the fit's (f_i, f_e, α); a
 * row is the mean over those refits. Rows: the baseline (each fit's own moments, width 0.075); each of τ, ν, σ_τ,
 * σ_ν moved by −δ and +δ, δ = 2·max(its bootstrap sd, its sd over the K fits), the bootstrap sd over
 * {@value #RESAMPLES} resamples of the units of the step-1 estimator (the peak rule and the spreads of
 * {@link KlimekFit#moments}); the step-1 estimates of the four moments instead (the two defensible estimates of
 * the clean peak: the joint fit's and the rule's; left out when they are the same, as without the joint fit); and
 * the widths 0.05 and 0.10 (the paper states no uncertainty for 0.075). The baseline differs from the reported fit
 * by the change of footing (moments held fixed, the clean elections simulated at them rather than moved to them;
 * where the fit is weakly identified, as along the f_i–α valley of Russia 2012, the simplex settles elsewhere in
 * the valley): read each row against the baseline. The distance at a row's optimum is reported: a setting that
 * fits the data better has a smaller one (the weights of the width rows differ, so compare those among
 * themselves). Cost: 12 × {@value #REFITS} simplex runs over the units with fraud and {@value #RESAMPLES} moment
 * estimates, about as much as the fit (Russia 2012, 95,414 units, 2 threads: 34 s besides the fit's 44 s on a
 * shared machine; docs/validation.md section 5). Immutable.
 *
 * @param rows   the baseline first, then the settings in the order above
 * @param method how the rows were made, in words
 * @since 0.1
 */
public record KlimekSensitivity(List<Row> rows, String method) {
    /** Fits refitted per setting (their seeds and moments), at most the fit's K. */
    static final int REFITS = 2;
    /** Simplex evaluations per refit. */
    static final int MAX_EVAL = 150;
    /** Bootstrap resamples of the step-1 moments. */
    static final int RESAMPLES = 20;
    /** Extreme-fraud widths tried besides the paper's 0.075. */
    static final double[] WIDTHS = {0.05, 0.10};
    /** Smallest clean sd of a setting (the joint fit's bound). */
    private static final double SIGMA_MIN = 0.005;

    /** Copies the rows. */
    public KlimekSensitivity {
        rows = List.copyOf(rows);
        Objects.requireNonNull(method, "method");
    }

    /**
     * One refit.
     *
     * @param parameter which setting moved: {@code baseline}, {@code tau}, {@code nu}, {@code sigma_tau},
     *                  {@code sigma_nu}, {@code step1_moments} or {@code extreme_width}
     * @param change    how, in words (e.g. "−δ, δ = 0.0042")
     * @param moments   the clean moments and θ held fixed
     * @param width     the extreme-fraud width
     * @param fi        mean f_i over the K fits
     * @param fe        mean f_e
     * @param alpha     mean α
     * @param distance  mean distance at the refits' optima (comparable between rows: the same seeds and, but for
     *                  the width's rows, the same weights)
     */
    public record Row(String parameter, String change, KlimekMoments moments, double width, double fi, double fe,
                      double alpha, double distance) {
        /** @return the row as a map for JSON */
        public Map<String, Object> details(Row baseline) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("parameter", parameter);
            m.put("change", change);
            m.put("tau", moments.tau());
            m.put("nu", moments.nu());
            m.put("sigma_tau", moments.sigmaTau());
            m.put("sigma_nu", moments.sigmaNu());
            m.put("extreme_width", width);
            m.put("f_i", fi);
            m.put("f_e", fe);
            m.put("alpha", alpha);
            m.put("delta_f_i", fi - baseline.fi);
            m.put("delta_f_e", fe - baseline.fe);
            m.put("delta_alpha", alpha - baseline.alpha);
            m.put("distance", distance);
            return m;
        }
    }

    /** @return the baseline row (the fitted moments, the paper's width) */
    public Row baseline() {
        return rows.get(0);
    }

    /** @return {smallest, largest} of a quantity over the rows */
    public double[] range(java.util.function.ToDoubleFunction<Row> what) {
        return new double[] {rows.stream().mapToDouble(what).min().orElse(Double.NaN),
            rows.stream().mapToDouble(what).max().orElse(Double.NaN)};
    }

    /** @return the largest |change| of f_i, f_e and α over the rows, against the baseline */
    public double[] maxChange() {
        double[] out = new double[3];
        Row b = baseline();
        for (Row r : rows) {
            out[0] = Math.max(out[0], Math.abs(r.fi - b.fi));
            out[1] = Math.max(out[1], Math.abs(r.fe - b.fe));
            out[2] = Math.max(out[2], Math.abs(r.alpha - b.alpha));
        }
        return out;
    }

    /**
     * @return {@code sensitivity_method}, {@code sensitivity_range} (the smallest and largest f_i, f_e and α over
     *         the rows) and {@code sensitivity} (one map per row) for JSON
     */
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("sensitivity_method", method);
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("f_i", range(Row::fi));
        range.put("f_e", range(Row::fe));
        range.put("alpha", range(Row::alpha));
        d.put("sensitivity_range", range);
        List<Map<String, Object>> list = new ArrayList<>();
        rows.forEach(r -> list.add(r.details(baseline())));
        d.put("sensitivity", list);
        return d;
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
                + "0.10 instead of 0.075", k, fits.length, maxEval, realisations, RESAMPLES);
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
        List<double[]> b = Parallel.map(RESAMPLES, threads, r -> {
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
