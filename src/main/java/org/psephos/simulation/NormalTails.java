package org.psephos.simulation;

import org.apache.commons.math3.special.Erf;

/**
 * Tail probabilities of the standard normal distribution, by the complementary error function
 * (1 − Φ(z) = erfc(z/√2)/2, accurate in the far tail where 1 − Φ(z) would round to 0): the one home of this rule for
 * the digit-mean tests' normal approximation and the estimators' one-sided p-values (Shpilkin's F).
 *
 * @since 0.1
 */
public final class NormalTails {
    private NormalTails() {
    }

    /**
     * @param z a z-score
     * @return the two-sided tail probability 2·(1 − Φ(|z|)) = erfc(|z|/√2)
     */
    public static double twoSided(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * The one-sided upper tail of an estimate over its standard error, also for estimates that may be negative.
     *
     * @param est the estimate
     * @param sd  its standard error
     * @return 1 − Φ(est/sd) if sd &gt; 0; else 0 if est &gt; 0, otherwise 1
     */
    public static double upper(double est, double sd) {
        if (!(sd > 0)) {
            return est > 0 ? 0 : 1;
        }
        return 0.5 * Erf.erfc(est / sd / Math.sqrt(2));
    }
}
