package org.psephos.forensics;

/**
 * When two last digits count as adjacent in Beber and Scacco's pair tests. With the digits on a line (0 and 9 not
 * adjacent) 18 of the 100 pairs are adjacent and 72 distant; on a circle (0 and 9 adjacent) 20 and 70. These are
 * the shares under uniform digits; the tests compute their reference for the counts they use
 * ({@code DigitPairTest}).
 *
 * <p>The default is {@link #LINE}: it is the only convention under which the shares quoted with the test (repeats
 * 0.10, distant pairs 0.72) add up with the adjacent share to 1, and Beber and Scacco's examples of adjacent pairs
 * are neighbours on the number line. FORENSICS.md B8 marks the paper's choice as unverified, so both are offered.
 *
 * @since 0.1
 */
public enum Adjacency {
    /** |d1 − d2| = 1: adjacent share 0.18, distant 0.72. */
    LINE(0.18, 0.72),
    /** |d1 − d2| = 1 or {0, 9}: adjacent share 0.20, distant 0.70. */
    CIRCLE(0.20, 0.70);

    private final double adjacentShare;
    private final double distantShare;

    Adjacency(double adjacentShare, double distantShare) {
        this.adjacentShare = adjacentShare;
        this.distantShare = distantShare;
    }

    /** @return the null share of adjacent pairs */
    public double adjacentShare() {
        return adjacentShare;
    }

    /** @return the null share of distant pairs (neither repeated nor adjacent) */
    public double distantShare() {
        return distantShare;
    }

    /**
     * @param d1 the penultimate digit
     * @param d2 the last digit
     * @return whether they are adjacent under this convention
     */
    public boolean adjacent(int d1, int d2) {
        int diff = Math.abs(d1 - d2);
        return diff == 1 || (this == CIRCLE && diff == 9);
    }
}
