package org.psephos.forensics;

import java.util.Arrays;

/** Dense ids (0, 1, …) for long keys in order of first sight: open addressing, linear probing, no boxing. */
final class LongIds {
    private final long[] keys;
    private final int[] ids;
    private final int shift;
    private int size;

    /** @param most the most distinct keys there will be (the table stays at most half full) */
    LongIds(int most) {
        int bits = Math.max(2, 33 - Integer.numberOfLeadingZeros(Math.max(1, most)));
        keys = new long[1 << bits];
        ids = new int[1 << bits];
        Arrays.fill(ids, -1);
        shift = 64 - bits;
    }

    int id(long key) {
        int mask = ids.length - 1;
        int h = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        while (ids[h] >= 0) {
            if (keys[h] == key) {
                return ids[h];
            }
            h = (h + 1) & mask;
        }
        keys[h] = key;
        ids[h] = size;
        return size++;
    }

    int size() {
        return size;
    }
}
