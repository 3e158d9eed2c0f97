package org.psephos.data;

import java.util.Arrays;
import java.util.List;

/**
 * Finds rows that repeat a unit id within the same groups, after the load, by sorting one 64-bit key per row
 * (a hash of the id and group codes, then the row): 8 bytes per unit, where a hash map of id strings took about
 * 100, which mattered for files of millions of units. Rows with equal hashes are compared exactly, so a hash
 * collision never counts as a duplicate. Worst case (every id equal) O(n log n).
 */
final class DuplicateIds {
    /**
     * @param count     rows that repeat an id already seen (0 if none)
     * @param firstRow  the first row of the earliest repeated id (0-based), or -1
     * @param repeatRow the earliest row that repeats an id, or -1
     */
    record Found(int count, int firstRow, int repeatRow) {
    }

    private DuplicateIds() {
    }

    /**
     * @param ids    the unit ids, one per row
     * @param groups the group codes of each level, each {@code int[rows]}
     * @return the count and the earliest example
     */
    static Found find(List<String> ids, List<int[]> groups) {
        int n = ids.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) hash(ids, groups, i) << 32) | i;
        }
        Arrays.sort(keys);
        int count = 0;
        int first = -1;
        int repeat = -1;
        for (int start = 0; start < n;) {
            int end = start + 1;
            while (end < n && keys[end] >>> 32 == keys[start] >>> 32) {
                end++;
            }
            if (end - start > 1) {
                Integer[] rows = new Integer[end - start];
                for (int j = start; j < end; j++) {
                    rows[j - start] = (int) keys[j];
                }
                // Equal (id, groups) become neighbours, each run in row order.
                Arrays.sort(rows, (a, b) -> {
                    int c = compare(ids, groups, a, b);
                    return c != 0 ? c : Integer.compare(a, b);
                });
                for (int j = 1; j < rows.length; j++) {
                    if (compare(ids, groups, rows[j - 1], rows[j]) == 0) {
                        count++;
                        boolean second = j == 1 || compare(ids, groups, rows[j - 2], rows[j]) != 0;
                        if (second && (repeat < 0 || rows[j] < repeat)) {
                            repeat = rows[j];
                            first = rows[j - 1];
                        }
                    }
                }
            }
            start = end;
        }
        return new Found(count, first, repeat);
    }

    private static int hash(List<String> ids, List<int[]> groups, int row) {
        int h = ids.get(row).hashCode();
        for (int[] g : groups) {
            h = 31 * h + g[row];
        }
        return h;
    }

    private static int compare(List<String> ids, List<int[]> groups, int a, int b) {
        int c = ids.get(a).compareTo(ids.get(b));
        for (int l = 0; c == 0 && l < groups.size(); l++) {
            c = Integer.compare(groups.get(l)[a], groups.get(l)[b]);
        }
        return c;
    }
}
