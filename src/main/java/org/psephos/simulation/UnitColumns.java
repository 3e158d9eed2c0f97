package org.psephos.simulation;

/**
 * Per-unit columns of one replicate, filled by the blocks in parallel (each writes only its own range of indices;
 * the executor's completion gives the happens-before to the reader).
 */
final class UnitColumns {
    int[] registered;
    int[] ballots;
    int[] invalid;
    int[][] votes;
    int[] region;
    byte[] mask;

    UnitColumns(int units, int options) {
        registered = new int[units];
        ballots = new int[units];
        invalid = new int[units];
        votes = new int[options][units];
        region = new int[units];
        mask = new byte[units];
    }

    void set(int i, UnitState s, int r) {
        registered[i] = s.registered;
        ballots[i] = s.ballots;
        invalid[i] = s.invalid;
        for (int k = 0; k < votes.length; k++) {
            votes[k][i] = s.votes[k];
        }
        region[i] = r;
        mask[i] = (byte) s.mask;
    }
}
