package org.psephos.estimation;

/**
 * The fitted Klimek et al. (2012) fraud model: the clean-peak moments and the mean and sd of (f_i, f_e, α) over
 * repeated fits with different seeds (see {@link KlimekFit}). Immutable: arrays are copied in and out.
 *
 * @param moments   the clean moments and θ of the fitted model (fitted jointly, mean over the fits; or the
 *                  step-1 estimates if the joint fit is off)
 * @param fi        mean fitted incremental-fraud fraction f_i
 * @param fe        mean fitted extreme-fraud fraction f_e
 * @param alpha     mean fitted stealing exponent α
 * @param fiSd      sd of f_i over the fits
 * @param feSd      sd of f_e over the fits
 * @param alphaSd   sd of α over the fits
 * @param fits      the fits, one row (f_i, f_e, α, objective, τ, ν, σ_τ, σ_ν, θ) per seed
 * @param cleanDistance the objective at f_i = f_e = 0 (the "fair" model, clean moments of the last pass's start)
 *                  with the first seed
 * @since 0.1
 */
public record KlimekFitResult(KlimekMoments moments, double fi, double fe, double alpha, double fiSd, double feSd,
                              double alphaSd, double[][] fits, double cleanDistance) {
    /** Copies the fits. */
    public KlimekFitResult {
        fits = copy(fits);
    }

    @Override
    public double[][] fits() {
        return copy(fits);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
