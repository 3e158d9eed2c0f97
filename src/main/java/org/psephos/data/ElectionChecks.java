package org.psephos.data;

import java.util.HashSet;

/**
 * The checks {@link Election.Builder#build()} makes before it builds: registered and ballots present, every column,
 * grouping and identifier list as long as the registered column, no count below {@link Election#MISSING}, no option
 * name twice, the leader among the options.
 */
final class ElectionChecks {
    private ElectionChecks() {
    }

    /**
     * @param b the builder to check
     * @throws IllegalArgumentException naming the first column, grouping or value that fails
     */
    static void check(Election.Builder b) {
        if (b.registered == null || b.ballots == null) {
            throw new IllegalArgumentException("an election needs registered and ballots columns");
        }
        int n = b.registered.length;
        column("ballots", b.ballots, n);
        if (b.valid != null) {
            column("valid", b.valid, n);
        }
        if (b.invalid != null) {
            column("invalid", b.invalid, n);
        }
        column("registered", b.registered, n);
        for (int k = 0; k < b.optionVotes.size(); k++) {
            column(b.optionNames.get(k), b.optionVotes.get(k), n);
        }
        if (new HashSet<>(b.optionNames).size() != b.optionNames.size()) {
            throw new IllegalArgumentException("option names repeat: " + b.optionNames);
        }
        for (Grouping g : b.groupings) {
            if (g.size() != n) {
                throw new IllegalArgumentException("grouping '" + g.name() + "' has " + g.size()
                        + " units, expected " + n);
            }
        }
        if (b.unitIds != null && b.unitIds.length != n) {
            throw new IllegalArgumentException("unit ids: " + b.unitIds.length + " values, expected " + n);
        }
        if (b.leader >= b.optionNames.size()) {
            throw new IllegalArgumentException("leader index is out of range: " + b.leader);
        }
    }

    private static void column(String what, int[] column, int n) {
        if (column.length != n) {
            throw new IllegalArgumentException("column '" + what + "' has " + column.length
                    + " values, expected " + n);
        }
        for (int v : column) {
            if (v < Election.MISSING) {
                throw new IllegalArgumentException("column '" + what + "' holds a negative count: " + v);
            }
        }
    }
}
