package org.psephos.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * shared machine; docs/validation.md section 5). Immutable; the refits are {@link KlimekSensitivityRefits}'.
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
}
