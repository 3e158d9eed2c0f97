package org.psephos.forensics.spikes;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * Counts y of n per unit, with the distinct values of y, n − y and n and each unit's index into them: sums of a
 * function of \( y_i + a \) over units equal sums over the distinct values weighted by how many units (or how much
 * posterior weight) sit at each, so the beta-binomial likelihood and its derivatives need the log-gamma family
 * only at the distinct values (a few thousand for polling stations) rather than at every unit. Immutable.
 */
final class BinomialCounts {
    final int size;
    final int[] y;
    final int[] n;
    /** Distinct values of y, n − y and n, increasing. */
    final double[] ys;
    final double[] rests;
    final double[] ns;
    /** Each unit's index into {@link #ys}, {@link #rests}, {@link #ns}. */
    final int[] yIndex;
    final int[] restIndex;
    final int[] nIndex;
    /** \( \sum_i \ln\binom{n_i}{y_i} \). */
    final double logChooseSum;

    /**
     * @param y successes per unit, 0 ≤ y ≤ n
     * @param n trials per unit
     * @throws IllegalArgumentException if the lengths differ or a count is out of range
     */
    BinomialCounts(int[] y, int[] n) {
        if (y.length != n.length) {
            throw new IllegalArgumentException("counts and trials differ in length: " + y.length + ", " + n.length);
        }
        size = y.length;
        this.y = y.clone();
        this.n = n.clone();
        int[] rest = new int[size];
        double lc = 0;
        for (int i = 0; i < size; i++) {
            if (y[i] < 0 || y[i] > n[i]) {
                throw new IllegalArgumentException("count " + y[i] + " of unit " + i + " is not in [0, " + n[i] + "]");
            }
            rest[i] = n[i] - y[i];
            lc += logChoose(n[i], y[i]);
        }
        logChooseSum = lc;
        yIndex = new int[size];
        restIndex = new int[size];
        nIndex = new int[size];
        ys = distinct(this.y, yIndex);
        rests = distinct(rest, restIndex);
        ns = distinct(this.n, nIndex);
    }

    static double logChoose(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    /** @return the distinct values, increasing, with each unit's index written into {@code index} */
    private static double[] distinct(int[] values, int[] index) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        int[] u = Arrays.copyOf(sorted, m);
        double[] out = new double[m];
        for (int j = 0; j < m; j++) {
            out[j] = u[j];
        }
        for (int i = 0; i < values.length; i++) {
            index[i] = Arrays.binarySearch(u, values[i]);
        }
        return out;
    }
}
