package org.psephos.forensics;

import java.util.Arrays;

/**
 * Benjamini–Hochberg q-values (Benjamini and Hochberg 1995, "Controlling the false discovery rate", JRSS B 57(1),
 * doi:10.1111/j.2517-6161.1995.tb02031.x), as R's {@code p.adjust(p, "BH")}: with the m finite p-values sorted,
 * \( q_{(i)} = \min_{j \ge i} \min(1, m\,p_{(j)}/j) \) (step-up, monotone). Only valid p-values, numbers in
 * [0, 1], enter the set: a row without one (NaN for a test without a null distribution, such as the default
 * {@code KlimekFit}, or not applicable; or anything outside [0, 1]) gets a NaN q-value and does not count in m.
 * Stateless.
 *
 * @since 0.1
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /** @param p a p-value @return whether it is a number in [0, 1], so that it enters the Benjamini–Hochberg set */
    public static boolean isValidPValue(double p) {
        return p >= 0 && p <= 1;
    }

    /**
     * @param p p-values, NaN where there is none
     * @return the q-values, in the same order; NaN where p is not a valid p-value
     */
    public static double[] benjaminiHochberg(double[] p) {
        int[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> isValidPValue(p[i])).boxed()
                .sorted((a, b) -> Double.compare(p[a], p[b])).mapToInt(Integer::intValue).toArray();
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        int m = order.length;
        double running = 1.0;
        for (int j = m - 1; j >= 0; j--) {
            int i = order[j];
            running = Math.min(running, m * p[i] / (j + 1));
            q[i] = running;
        }
        return q;
    }
}
