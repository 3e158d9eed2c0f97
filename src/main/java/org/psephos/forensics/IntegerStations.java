package org.psephos.forensics;

/**
 * The per-station constants of {@link IntegerPercentTest}'s Monte Carlo null: the stations passing the inclusion
 * rules, their counts, rates, four weights and observed integer indicators. Package-private; immutable once built.
 */
final class IntegerStations {
    final int size;
    final int[] registered;
    final int[] denominator;
    final double[] turnout;
    final double[] share;
    final long[][] weights;
    final boolean[] leaderInteger;
    final boolean[] turnoutInteger;

    IntegerStations(int[] n, int[] b, int[] r, int[] w, int period, IntegerPercentNull.Arithmetic arithmetic) {
        int m = 0;
        int[] keep = new int[n.length];
        for (int i = 0; i < n.length; i++) {
            if (IntegerPercentTest.included(n[i], b[i], r[i], w[i])) {
                keep[m++] = i;
            }
        }
        size = m;
        registered = new int[m];
        denominator = new int[m];
        turnout = new double[m];
        share = new double[m];
        weights = new long[4][m];
        leaderInteger = new boolean[m];
        turnoutInteger = new boolean[m];
        for (int j = 0; j < m; j++) {
            int i = keep[j];
            registered[j] = n[i];
            denominator[j] = r[i];
            turnout[j] = (double) b[i] / n[i];
            share[j] = (double) w[i] / r[i];
            weights[0][j] = 1;
            weights[1][j] = n[i];
            weights[2][j] = b[i];
            weights[3][j] = w[i];
            leaderInteger[j] = IntegerPercentTest.isInteger(w[i], r[i], period, arithmetic);
            turnoutInteger[j] = IntegerPercentTest.isInteger(b[i], n[i], period, arithmetic);
        }
    }
}
