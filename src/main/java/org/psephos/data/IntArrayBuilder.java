package org.psephos.data;

import java.util.Arrays;

/** A growable {@code int[]}: the loader appends one parsed count per row without boxing. Not thread-safe. */
final class IntArrayBuilder {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
