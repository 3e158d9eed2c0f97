package org.psephos.estimation;

/**
 * eforensics' {@code bl} map (Ferrari, McAlister, Mebane, "Developments in positive empirical models of election
 * frauds", 2018), the geometry both {@link FraudMixtureEm} and {@link FraudMixture} use: a clean unit (τ, ν) with
 * incremental rates (ι_m, ι_s) is moved toward (1, 1); its Jacobian carries a covariance through the map.
 * Package-private, stateless.
 */
final class BlMap {
    private BlMap() {
    }

    /** The turnout after the {@code bl} map: t' = ι_m + (1 − ι_m)τ. */
    static double turnout(double tau, double im) {
        return im + (1 - im) * tau;
    }

    /**
     * The leader's share of ballots after the {@code bl} map: a unit with clean turnout τ and share ν and rates
     * (ι_m, ι_s) reports t' = ι_m + (1 − ι_m)τ and leader votes per voter ω' = ι_m(1 − τ) + (1 − ι_s)ντ + ι_sτ.
     *
     * @return ω'/t'
     */
    static double share(double tau, double nu, double im, double is) {
        double tp = turnout(tau, im);
        return (im * (1 - tau) + (1 - is) * nu * tau + is * tau) / tp;
    }

    /** The map's Jacobian at (τ, ν), lower triangular: (∂t'/∂τ, ∂v'/∂τ, ∂v'/∂ν). */
    static void jacobian(double tau, double nu, double im, double is, double[] out) {
        double tp = turnout(tau, im);
        double wp = im * (1 - tau) + (1 - is) * nu * tau + is * tau;
        double dwt = -im + (1 - is) * nu + is;
        double dwn = (1 - is) * tau;
        out[0] = 1 - im;
        out[1] = (dwt * tp - wp * (1 - im)) / (tp * tp);
        out[2] = dwn / tp;
    }

    /** out = A S Aᵀ for A = [[a11, 0], [a21, a22]], packed. */
    static void transform(double[] s, double a11, double a21, double a22, double[] out) {
        double xx = a11 * a11 * s[0];
        double xy = a11 * (a21 * s[0] + a22 * s[1]);
        double yy = a21 * a21 * s[0] + 2 * a21 * a22 * s[1] + a22 * a22 * s[2];
        out[0] = xx;
        out[1] = xy;
        out[2] = yy;
    }
}
