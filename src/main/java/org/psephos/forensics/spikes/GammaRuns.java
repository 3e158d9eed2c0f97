package org.psephos.forensics.spikes;

import org.apache.commons.math3.special.Gamma;

/**
 * \( \ln\Gamma \), digamma ψ and trigamma ψ' at \( v_m + x \) for increasing integers \( v_m \) (the distinct counts
 * of {@link BinomialCounts}), by the recurrences \( \ln\Gamma(z + 1) = \ln\Gamma(z) + \ln z \),
 * \( \psi(z + 1) = \psi(z) + 1/z \), \( \psi'(z + 1) = \psi'(z) - 1/z^2 \) along runs of close values,
 * evaluated afresh (commons-math's {@link Gamma#logGamma}, {@link Polygamma}) at the first value, after gaps wider
 * than {@value #GAP} and every {@value #RESEED} steps, so that rounding cannot build up (the values agree with the
 * direct ones to about 1e-13 relative). A count's distinct values are dense (polling stations: every size from tens to thousands), so this is
 * a few times cheaper than the direct functions at every value. Stateless.
 */
final class GammaRuns {
    /** Widest gap stepped through by the recurrence. */
    static final int GAP = 32;
    /** Steps after which the functions are evaluated afresh. */
    static final int RESEED = 256;

    private GammaRuns() {
    }

    /**
     * @param values increasing integer values
     * @param x      the shift, positive
     * @param lg     receives ln Γ(v_m + x)
     * @param dg     receives ψ(v_m + x), or null
     * @param tg     receives ψ'(v_m + x), or null
     */
    static void evaluate(double[] values, double x, double[] lg, double[] dg, double[] tg) {
        boolean derivatives = dg != null;
        double l = 0;
        double d = 0;
        double t = 0;
        int steps = RESEED;
        for (int m = 0; m < values.length; m++) {
            double gap = m == 0 ? Double.POSITIVE_INFINITY : values[m] - values[m - 1];
            if (gap <= GAP && steps + gap <= RESEED) {
                double z = values[m - 1] + x;
                for (int k = 0; k < gap; k++, z++) {
                    l += Math.log(z);
                    if (derivatives) {
                        double inv = 1 / z;
                        d += inv;
                        t -= inv * inv;
                    }
                }
                steps += (int) gap;
            } else {
                double z = values[m] + x;
                l = Gamma.logGamma(z);
                if (derivatives) {
                    d = Polygamma.digamma(z);
                    t = Polygamma.trigamma(z);
                }
                steps = 0;
            }
            lg[m] = l;
            if (derivatives) {
                dg[m] = d;
                tg[m] = t;
            }
        }
    }
}
