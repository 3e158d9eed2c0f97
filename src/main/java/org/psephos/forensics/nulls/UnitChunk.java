package org.psephos.forensics.nulls;

import org.psephos.data.Election;
import org.psephos.data.ShareBase;
import org.psephos.simulation.ConditionalMultinomial;

/**
 * The counts of a run of consecutive units of one replicate election (or of the observed data), as a statistic's
 * accumulator sees them ({@link NullStatistic.Accumulator#add}). Every accessor returns the engine's buffer itself,
 * valid at indices [0, {@link #length()}) until the accumulator returns: read it, never keep or modify it. This is
 * what lets the engines draw millions of replicate units without allocating.
 *
 * <p>Counts are as in {@link Election}: {@link Election#MISSING} (−1) where the source left a cell empty (the
 * nulls keep such cells empty in every replicate); {@link #valid()} is the source's valid count or, where the
 * source has no valid column, the options' sum; {@link #invalid()} is 0 where the source has no invalid column;
 * {@link #found()} = valid + invalid; {@link #shareDenominator()} follows the election's {@link ShareBase}.
 *
 * @since 0.1
 */
public final class UnitChunk {
    /** Most units in a chunk. */
    public static final int CAPACITY = ConditionalMultinomial.MAX_BLOCK;

    int first;
    int length;
    /** The view's own registered voters of this chunk (fixed across replicates; never written). */
    int[] registered;
    final int[] ballots = new int[CAPACITY];
    final int[] valid = new int[CAPACITY];
    final int[] invalid = new int[CAPACITY];
    final int[] found = new int[CAPACITY];
    final int[][] votes;
    /** The view's group codes of this chunk, or null. */
    int[] group;
    private final ShareBase base;
    /** The column the share base names (no copy). */
    private final int[] denominator;
    private final int leader;

    UnitChunk(int options, ShareBase base, int leader) {
        this.votes = new int[options][CAPACITY];
        this.base = base;
        this.leader = leader;
        this.denominator = switch (base) {
            case FOUND -> found;
            case VALID -> valid;
            case BALLOTS -> ballots;
        };
    }

    /** @return the index of the chunk's first unit in the election */
    public int first() {
        return first;
    }

    /** @return the number of units in the chunk */
    public int length() {
        return length;
    }

    /** @return registered voters per unit (the same in every replicate) */
    public int[] registered() {
        return registered;
    }

    /** @return ballots cast per unit */
    public int[] ballots() {
        return ballots;
    }

    /** @return valid ballots per unit */
    public int[] valid() {
        return valid;
    }

    /** @return invalid ballots per unit (0 without an invalid column) */
    public int[] invalid() {
        return invalid;
    }

    /** @return valid + invalid ballots found per unit */
    public int[] found() {
        return found;
    }

    /** @return each unit's share denominator under the election's share base */
    public int[] shareDenominator() {
        return denominator;
    }

    /** @param option an option index @return that option's votes per unit */
    public int[] votes(int option) {
        return votes[option];
    }

    /**
     * @param variable an option index, or −1 for turnout (as {@code forensics.Variable})
     * @return the variable's counts: ballots for turnout, the option's votes otherwise
     */
    public int[] counts(int variable) {
        return variable < 0 ? ballots : votes[variable];
    }

    /** @return the number of options */
    public int options() {
        return votes.length;
    }

    /** @return the leader's option index (−1 without options) */
    public int leader() {
        return leader;
    }

    /** @return the share base of {@link #shareDenominator()} */
    public ShareBase shareBase() {
        return base;
    }

    /** @return each unit's group code in the source's grouping, or null if the source has none */
    public int[] group() {
        return group;
    }

    /** Fills found = valid + invalid, MISSING where a part is (the share denominator is one of the columns). */
    void finishTotals() {
        for (int i = 0; i < length; i++) {
            int v = valid[i];
            int inv = invalid[i];
            found[i] = (v | inv) < 0 ? Election.MISSING : v + inv;
        }
    }
}
