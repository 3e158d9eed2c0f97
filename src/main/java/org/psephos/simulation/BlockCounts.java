package org.psephos.simulation;

/**
 * The counts of one block of units while fraud models change them, one array per count (option 0 is the leader).
 * Reused from block to block by one thread, never shared.
 */
final class BlockCounts {
    final int[] registered;
    final int[] ballots;
    final int[] invalid;
    final int[][] votes;
    final int[] mask;

    BlockCounts(int options, int capacity) {
        registered = new int[capacity];
        ballots = new int[capacity];
        invalid = new int[capacity];
        votes = new int[options][capacity];
        mask = new int[capacity];
    }

    /** Copies unit j into a unit state. */
    void load(int j, UnitState s) {
        s.registered = registered[j];
        s.ballots = ballots[j];
        s.invalid = invalid[j];
        for (int k = 0; k < votes.length; k++) {
            s.votes[k] = votes[k][j];
        }
        s.mask = mask[j];
    }

    /** Copies a unit state back into unit j. */
    void store(int j, UnitState s) {
        registered[j] = s.registered;
        ballots[j] = s.ballots;
        invalid[j] = s.invalid;
        for (int k = 0; k < votes.length; k++) {
            votes[k][j] = s.votes[k];
        }
        mask[j] = s.mask;
    }
}
