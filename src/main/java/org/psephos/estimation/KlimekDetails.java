package org.psephos.estimation;

import java.util.Map;
import java.util.Objects;
import org.psephos.forensics.EstimatorDetails;
import org.psephos.forensics.ResultDetails;

/**
 * The details of a {@link KlimekFit} row: the fitted fractions f_i, f_e and α with their sd over the fits, and the
 * clean-peak moments the fit held; Psephos's fit ({@link Fit}) adds what it was asked for, EFToolkit's
 * ({@link Eftoolkit}) its own settings. {@link #toMap()} writes the keys of the {@code analyze} JSON in its order.
 *
 * @since 0.1
 */
public sealed interface KlimekDetails extends EstimatorDetails {

    /** @return f_i, the incremental-fraud fraction */
    double fi();

    /** @return f_e, the extreme-fraud fraction */
    double fe();

    /** @return α, the extreme-fraud width */
    double alpha();

    /** @return the clean-peak moments of the fit */
    KlimekMoments moments();

    /**
     * Psephos's fit.
     *
     * @param fi             f_i
     * @param fe             f_e
     * @param alpha          α
     * @param fiSd           f_i's sd over the fits
     * @param feSd           f_e's sd
     * @param moments        the clean-peak moments
     * @param sensitivity    how the fit moves with the moments and the width, or {@code null} if not asked for
     *                       ({@code analyze --klimek-sensitivity})
     * @param sizeAdjusted   the calibrated null's probe score, or {@code null} without the probe
     * @param monteCarloNull the summary of {@link KlimekFit#withNull(int)}'s null, or {@code null} without one
     * @param pValueMethod   how the p-value was computed, or why there is none
     */
    record Fit(double fi, double fe, double alpha, double fiSd, double feSd, KlimekMoments moments,
               KlimekSensitivity sensitivity, SizeAdjustedScore sizeAdjusted, MonteCarloNull monteCarloNull,
               String pValueMethod) implements KlimekDetails {
        /** Checks the record. */
        public Fit {
            Objects.requireNonNull(moments, "moments");
            Objects.requireNonNull(pValueMethod, "pValueMethod");
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> d = ResultDetails.ordered("f_i", fi, "f_e", fe, "alpha", alpha, "f_i_sd", fiSd,
                    "f_e_sd", feSd, "tau", moments.tau(), "nu", moments.nu(), "sigma_tau", moments.sigmaTau(),
                    "sigma_nu", moments.sigmaNu(), "theta", moments.theta());
            if (sensitivity != null) {
                d.putAll(sensitivity.details());
            }
            if (sizeAdjusted != null) {
                d.put(KlimekFitNullScore.SCORE, sizeAdjusted.score());
                d.put(KlimekFitNullScore.SLOPES, sizeAdjusted.slopes());
            }
            if (monteCarloNull != null) {
                d.put("null_mean", monteCarloNull.mean());
                d.put("null_sd", monteCarloNull.sd());
                d.put("null_not_estimable", monteCarloNull.notEstimable());
            }
            d.put("p_value_method", pValueMethod);
            return d;
        }
    }

    /**
     * The fit as EFToolkit's {@code ComputeKlimekModel} makes it ({@link EftoolkitKlimek}).
     *
     * @param fi         mean f_i over the fits
     * @param fe         mean f_e
     * @param alpha      mean α
     * @param fiSd       f_i's sd over the fits
     * @param feSd       f_e's sd
     * @param alphaSd    α's sd
     * @param moments    the clean-peak moments
     * @param iterations the fits
     */
    record Eftoolkit(double fi, double fe, double alpha, double fiSd, double feSd, double alphaSd,
                     KlimekMoments moments, int iterations) implements KlimekDetails {
        /** What the fit is. */
        public static final String METHOD =
                "EFToolkit ComputeKlimekModel (grid, one simulation per cell, winner-share histogram)";

        /** Checks the record. */
        public Eftoolkit {
            Objects.requireNonNull(moments, "moments");
        }

        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("f_i", fi, "f_e", fe, "alpha", alpha, "f_i_sd", fiSd, "f_e_sd", feSd,
                    "alpha_sd", alphaSd, "tau", moments.tau(), "nu", moments.nu(), "sigma_tau", moments.sigmaTau(),
                    "sigma_nu", moments.sigmaNu(), "theta", moments.theta(), "iterations", iterations, "method",
                    METHOD);
        }
    }

    /**
     * The score the calibrated null compares ({@link KlimekFitNullScore}).
     *
     * @param score  f̂_i + f̂_e of the fit with the size effect taken out (NaN where its moments are not estimable)
     * @param slopes the size slopes taken out, {β_T, β_L}
     */
    record SizeAdjustedScore(double score, double[] slopes) {
        /** Copies the slopes. */
        public SizeAdjustedScore {
            slopes = slopes.clone();
        }

        /** @return a copy of the slopes */
        @Override
        public double[] slopes() {
            return slopes.clone();
        }
    }

    /**
     * The null values of {@link KlimekFitMonteCarloNull}.
     *
     * @param mean         mean f̂_i + f̂_e of the null fits with estimable moments
     * @param sd           their sd
     * @param notEstimable null fits whose moments were not estimable
     */
    record MonteCarloNull(double mean, double sd, int notEstimable) {
    }
}
