package org.psephos.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A grouping of units by a label (region, district...), stored as one {@code int} code per unit and a
 * dictionary of distinct labels in order of first appearance. Immutable.
 *
 * @since 0.1
 */
public final class Grouping {
    private final String name;
    private final String[] labels;
    private final int[] codes;

    /**
     * @param name   the grouping's name, usually its column header
     * @param labels the distinct labels; {@code labels[codes[i]]} is unit i's label
     * @param codes  one code per unit, each in {@code [0, labels.length)}
     * @throws IllegalArgumentException if a code is out of range
     */
    public Grouping(String name, String[] labels, int[] codes) {
        this.name = Objects.requireNonNull(name, "name");
        this.labels = labels.clone();
        this.codes = codes.clone();
        for (int c : this.codes) {
            if (c < 0 || c >= this.labels.length) {
                throw new IllegalArgumentException("group code is out of range [0, " + labels.length + "): " + c);
            }
        }
    }

    /**
     * Builds a grouping from one label per unit.
     *
     * @param name      the grouping's name
     * @param perUnit   each unit's label (a {@code null} label is stored as the empty string)
     * @return the grouping
     */
    public static Grouping ofLabels(String name, String[] perUnit) {
        java.util.LinkedHashMap<String, Integer> index = new java.util.LinkedHashMap<>();
        int[] codes = new int[perUnit.length];
        for (int i = 0; i < perUnit.length; i++) {
            String label = perUnit[i] == null ? "" : perUnit[i];
            codes[i] = index.computeIfAbsent(label, k -> index.size());
        }
        return new Grouping(name, index.keySet().toArray(new String[0]), codes);
    }

    /** @return the grouping's name */
    public String name() {
        return name;
    }

    /** @return the number of distinct labels */
    public int levelCount() {
        return labels.length;
    }

    /** @return the distinct labels, in order of first appearance */
    public List<String> levels() {
        return List.of(labels);
    }

    /**
     * @param unit a unit index
     * @return the unit's label code
     */
    public int code(int unit) {
        return codes[unit];
    }

    /**
     * @param unit a unit index
     * @return the unit's label
     */
    public String label(int unit) {
        return labels[codes[unit]];
    }

    /** @return the number of units */
    public int size() {
        return codes.length;
    }

    /** @return a copy of the per-unit codes */
    public int[] codes() {
        return codes.clone();
    }

    /**
     * @param level a label code
     * @return the indices of the units with that code, ascending
     */
    public int[] unitsOf(int level) {
        int n = 0;
        for (int c : codes) {
            if (c == level) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == level) {
                out[k++] = i;
            }
        }
        return out;
    }

    Grouping select(int[] units) {
        int[] sub = new int[units.length];
        for (int i = 0; i < units.length; i++) {
            sub[i] = codes[units[i]];
        }
        // Re-index so that the dictionary holds only labels that still occur.
        int[] remap = new int[labels.length];
        Arrays.fill(remap, -1);
        int next = 0;
        String[] kept = new String[labels.length];
        for (int i = 0; i < sub.length; i++) {
            int c = sub[i];
            if (remap[c] < 0) {
                remap[c] = next;
                kept[next++] = labels[c];
            }
            sub[i] = remap[c];
        }
        return new Grouping(name, Arrays.copyOf(kept, next), sub);
    }
}
