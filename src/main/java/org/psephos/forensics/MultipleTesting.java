package org.psephos.forensics;

import java.util.Arrays;

/**
 * Benjamini–Hochberg q-values (Benjamini and Hochberg 1995, "Controlling the false discovery rate", JRSS B 57(1),
 * doi:10.1111/j.2517-6161.1995.tb02031.x), as R's {@code p.adjust(p, "BH")}: with the m finite p-values sorted,
 * \( q_{(i)} = \min_{j \ge i} \min(1, m\,p_{(j)}/j) \) (step-up, monotone). NaN p-values (tests without one, or not
 * applicable) get NaN q-values and do not count in m. Stateless.
 *
 * @since 0.1
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /**
     * @param p p-values, NaN where there is none
     * @return the q-values, in the same order
     */
    public static double[] benjaminiHochberg(double[] p) {
        int[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
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
