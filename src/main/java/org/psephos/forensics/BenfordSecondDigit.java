package org.psephos.forensics;

/**
 * The second-digit Benford distribution that Mebane's 2BL tests use as their null:
 * \( q_d = \sum_{k=1}^{9} \log_{10}(1 + 1/(10k + d)) \), d = 0..9, whose mean is 4.1874 (Mebane 2006,
 * "Election forensics: vote counts and Benford's law"; Hill 1995, Statistical Science 10(4), eq. 3). The values are
 * computed from the closed form, not typed in. Immutable constants; thread-safe.
 *
 * @since 0.1
 */
public final class BenfordSecondDigit {
    private static final double[] Q = new double[10];
    private static final double MEAN;
    private static final double VARIANCE;

    static {
        double m = 0;
        double m2 = 0;
        for (int d = 0; d < 10; d++) {
            double q = 0;
            for (int k = 1; k <= 9; k++) {
                q += Math.log10(1 + 1.0 / (10 * k + d));
            }
            Q[d] = q;
            m += d * q;
            m2 += d * d * q;
        }
        MEAN = m;
        VARIANCE = m2 - m * m;
    }

    private BenfordSecondDigit() {
    }

    /** @return a copy of \( q_0, …, q_9 \) */
    public static double[] probabilities() {
        return Q.clone();
    }

    /** @return \( \sum_d d\,q_d \approx 4.1874 \) */
    public static double mean() {
        return MEAN;
    }

    /** @return \( \sum_d d^2 q_d - \mu^2 \approx 8.254 \), the variance of one second digit */
    public static double variance() {
        return VARIANCE;
    }
}
