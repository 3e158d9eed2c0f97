package org.psephos.forensics;

import java.util.List;

/**
 * The share statistics of a {@link Resample} packed into one small code per unit: the distinct tuples of the units'
 * share values (digits or indicators in [0, 9], −1 where a statistic does not use the unit) numbered in order of
 * first appearance, so that a replicate's share sums come from one histogram pass over the codes. Package-private,
 * immutable once built.
 */
final class ShareCodes {
    /** Per unit, the id of its tuple of share values. */
    final int[] unitCode;
    /** [share spec][code]: the value if used, else 0. */
    final int[][] value;
    /** [share spec][code]: 1 if the value is used, else 0. */
    final int[][] used;

    /**
     * @param shares per share spec, per unit its value in [−1, 9]
     * @param n      the units
     * @throws IllegalArgumentException if a value is outside [−1, 9]
     */
    ShareCodes(List<byte[]> shares, int n) {
        unitCode = new int[n];
        byte[][] codeValues = encode(shares, unitCode, n);
        value = new int[codeValues.length][];
        used = new int[codeValues.length][];
        for (int j = 0; j < codeValues.length; j++) {
            value[j] = new int[codeValues[j].length];
            used[j] = new int[codeValues[j].length];
            for (int c = 0; c < codeValues[j].length; c++) {
                value[j][c] = Math.max(codeValues[j][c], 0);
                used[j][c] = codeValues[j][c] >= 0 ? 1 : 0;
            }
        }
    }

    /**
     * Numbers the distinct tuples of the units' share values in order of first appearance and writes each unit's
     * tuple id into {@code code}. The values of up to 16 share specs are packed into one long per unit (4 bits
     * each, value + 1), whose dense id is the tuple's; with more specs, each further long's id is chained onto the
     * previous id as one long key ({@code previous id << 32 | id of the word}), which numbers the full tuples in the
     * same order.
     *
     * @return [share][tuple id] the value (-1: not used)
     */
    private static byte[][] encode(List<byte[]> shares, int[] code, int n) {
        int k = shares.size();
        LongIds first = new LongIds(n);
        for (int i = 0; i < n; i++) {
            code[i] = first.id(pack(shares, 0, i));
        }
        int tuples = first.size();
        for (int w = 1; w * 16 < k; w++) {
            LongIds word = new LongIds(n);
            LongIds pair = new LongIds(n);
            for (int i = 0; i < n; i++) {
                code[i] = pair.id((long) code[i] << 32 | word.id(pack(shares, w, i)));
            }
            tuples = pair.size();
        }
        byte[][] values = new byte[k][tuples];
        boolean[] seen = new boolean[tuples];
        for (int i = 0; i < n; i++) {
            int c = code[i];
            if (!seen[c]) {
                seen[c] = true;
                for (int j = 0; j < k; j++) {
                    values[j][c] = shares.get(j)[i];
                }
            }
        }
        return values;
    }

    /** @return share specs 16w .. 16w+15 of unit i, 4 bits each (value + 1) */
    private static long pack(List<byte[]> shares, int w, int i) {
        long packed = 0;
        for (int j = w * 16; j < Math.min(shares.size(), (w + 1) * 16); j++) {
            int v = shares.get(j)[i];
            if (v < -1 || v > 9) {
                throw new IllegalArgumentException("share value is not in [-1, 9]: " + v);
            }
            packed |= (long) (v + 1) << (4 * (j - w * 16));
        }
        return packed;
    }
}
