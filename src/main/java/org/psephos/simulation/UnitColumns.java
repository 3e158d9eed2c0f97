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
    /** The fraud bits of each unit ({@link FraudClass#bit()}: nine classes, so a short). */
    short[] mask;
    /** 1 for an urban unit, 0 for a rural one; null without an urban population. */
    byte[] settlement;

    UnitColumns(int units, int options, boolean urban) {
        registered = new int[units];
        ballots = new int[units];
        invalid = new int[units];
        votes = new int[options][units];
        region = new int[units];
        mask = new short[units];
        settlement = urban ? new byte[units] : null;
    }

    /** Copies a block's final counts to units [first, first + len). */
    void set(int first, int len, BlockCounts c, int[] regions, byte[] urban) {
        System.arraycopy(c.registered, 0, registered, first, len);
        System.arraycopy(c.ballots, 0, ballots, first, len);
        System.arraycopy(c.invalid, 0, invalid, first, len);
        for (int k = 0; k < votes.length; k++) {
            System.arraycopy(c.votes[k], 0, votes[k], first, len);
        }
        System.arraycopy(regions, 0, region, first, len);
        if (settlement != null) {
            System.arraycopy(urban, 0, settlement, first, len);
        }
        for (int j = 0; j < len; j++) {
            mask[first + j] = (short) c.mask[j];
        }
    }

}
