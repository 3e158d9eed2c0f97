package org.psephos.simulation;

/**
 * The counts of one unit while the engine draws it: reused for every unit of a block, never shared between threads.
 * Option 0 is the leader.
 */
final class UnitState {
    int registered;
    int ballots;
    int invalid;
    final int[] votes;
    /** Scratch for {@link InventedCounts}: per option the remainder of its proportional share (reused per unit). */
    final long[] remainder;
    int mask;

    UnitState(int options) {
        this.votes = new int[options];
        this.remainder = new long[options];
    }

    /** @return the votes of every option but the leader */
    int opposition() {
        int s = 0;
        for (int k = 1; k < votes.length; k++) {
            s += votes[k];
        }
        return s;
    }
}
