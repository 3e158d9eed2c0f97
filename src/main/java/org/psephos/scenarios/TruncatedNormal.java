package org.psephos.scenarios;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Expected values of the engine's clean per-station proportions, so that a model can be calibrated to a published
 * figure exactly rather than by its centre: a station's proportion is Normal(c, σ) truncated to [0, 1]
 * ({@code ProportionDistribution.Shape.NORMAL}), whose mean is c + σ(φ(α) − φ(β))/(Φ(β) − Φ(α)) with
 * α = −c/σ, β = (1 − c)/σ (Johnson, Kotz and Balakrishnan 1994, <i>Continuous Univariate Distributions</i> 1,
 * 2nd ed., §10.1); where the centre itself moves by a logit-normal shift with sd s per replicate, the expectation
 * over the shift is taken by 40-point Gauss–Hermite quadrature. Stateless.
 *
 * @since 0.1
 */
public final class TruncatedNormal {
    private static final NormalDistribution Z = new NormalDistribution(null, 0, 1);
    private static final GaussIntegrator HERMITE = new GaussIntegratorFactory().hermite(40);

    private TruncatedNormal() {
    }

    /**
     * @param c  the centre, in [0, 1]
     * @param sd the sd, in [0, 1]
     * @return the mean of Normal(c, sd) truncated to [0, 1]
     */
    public static double mean(double c, double sd) {
        if (sd == 0) {
            return c;
        }
        double a = -c / sd;
        double b = (1 - c) / sd;
        double mass = Z.cumulativeProbability(b) - Z.cumulativeProbability(a);
        return c + sd * (Z.density(a) - Z.density(b)) / mass;
    }

    /**
     * @param c       the centre, in (0, 1)
     * @param sd      the station-level sd
     * @param logitSd the sd of the centre's logit-normal shift (0: no shift)
     * @return the mean over the shift of {@link #mean(double, double)} at expit(logit c + logitSd·Z)
     */
    static double meanShifted(double c, double sd, double logitSd) {
        if (logitSd == 0 || c <= 0 || c >= 1) {
            return mean(c, sd);
        }
        double l = Logit.logit(c);
        // ∫ f(x) e^{−x²} dx with x = z/√2: E f(Z) = (1/√π) Σ w_i f(√2 x_i).
        return HERMITE.integrate(x -> mean(Logit.expit(l + logitSd * Math.sqrt(2) * x), sd)) / Math.sqrt(Math.PI);
    }

    /**
     * The centre whose expected proportion is the target, by 100 bisection steps on [0, 1] (the expectation
     * increases with the centre).
     *
     * @param target  the expected proportion wanted
     * @param sd      the station-level sd
     * @param logitSd the sd of the centre's logit-normal shift
     * @return the centre, clamped to [0, 1] where the target is out of reach
     */
    public static double centreFor(double target, double sd, double logitSd) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (meanShifted(mid, sd, logitSd) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
