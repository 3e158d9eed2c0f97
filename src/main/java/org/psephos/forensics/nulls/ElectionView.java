package org.psephos.forensics.nulls;

import java.util.Objects;
import org.psephos.data.Election;
import org.psephos.data.Grouping;

/**
 * The observed election as both nulls read it: its columns once as primitive arrays (valid as
 * {@link Election#valid(int)} defines it, invalid 0 without a column), the optional group of every unit, the split
 * into chunks of {@link UnitChunk#CAPACITY} units, and the observed data fed chunk by chunk to accumulators.
 * Package-private; immutable.
 */
final class ElectionView {
    final Election election;
    final int units;
    final int options;
    final int[] registered;
    final int[] ballots;
    final int[] valid;
    final int[] invalid;
    final int[][] votes;
    /** Group code per unit, or null. */
    final int[] group;
    /** [chunk]: registered voters and group codes of the chunk's units (group null without a grouping). */
    private final int[][] registeredByChunk;
    private final int[][] groupByChunk;
    /** Number of groups (1 without a grouping). */
    final int groups;

    /**
     * @param election the units
     * @param grouping the name of a grouping of the election, or null
     * @throws IllegalArgumentException if the grouping is not the election's
     */
    ElectionView(Election election, String grouping) {
        this.election = Objects.requireNonNull(election, "election");
        this.units = election.size();
        this.options = election.optionCount();
        this.registered = election.registeredColumn();
        this.ballots = election.ballotsColumn();
        this.valid = election.validColumn();
        this.invalid = election.invalidColumn();
        this.votes = new int[options][];
        for (int k = 0; k < options; k++) {
            votes[k] = election.votesColumn(k);
        }
        if (grouping == null) {
            group = null;
            groups = 1;
        } else {
            Grouping g = election.grouping(grouping).orElseThrow(() -> new IllegalArgumentException(
                    "no grouping named '" + grouping + "'; groupings are "
                            + election.groupings().stream().map(Grouping::name).toList()));
            group = new int[units];
            for (int i = 0; i < units; i++) {
                group[i] = g.code(i);
            }
            groups = g.levelCount();
        }
        registeredByChunk = new int[chunks()][];
        groupByChunk = new int[chunks()][];
        for (int c = 0; c < chunks(); c++) {
            registeredByChunk[c] = java.util.Arrays.copyOfRange(registered, start(c), start(c) + length(c));
            groupByChunk[c] = group == null ? null : java.util.Arrays.copyOfRange(group, start(c), start(c) + length(c));
        }
    }

    /** @return the number of chunks */
    int chunks() {
        return (units + UnitChunk.CAPACITY - 1) / UnitChunk.CAPACITY;
    }

    /** @param c a chunk @return its first unit */
    int start(int c) {
        return c * UnitChunk.CAPACITY;
    }

    /** @param c a chunk @return its number of units */
    int length(int c) {
        return Math.min(UnitChunk.CAPACITY, units - start(c));
    }

    /** @return an empty chunk buffer for this election's options and share base */
    UnitChunk newChunk() {
        return new UnitChunk(options, election.shareBase(), election.leader());
    }

    /**
     * Sets a chunk's position and points it at the fixed columns (registered voters, groups) of those units.
     *
     * @param chunk the buffer
     * @param c     the chunk index
     */
    void position(UnitChunk chunk, int c) {
        chunk.first = start(c);
        chunk.length = length(c);
        chunk.registered = registeredByChunk[c];
        chunk.group = groupByChunk[c];
    }

    /** @param accumulators fed the observed data, chunk by chunk */
    void observe(NullStatistic.Accumulator[] accumulators) {
        UnitChunk chunk = newChunk();
        for (int c = 0; c < chunks(); c++) {
            position(chunk, c);
            int from = chunk.first;
            int len = chunk.length;
            System.arraycopy(ballots, from, chunk.ballots, 0, len);
            System.arraycopy(valid, from, chunk.valid, 0, len);
            System.arraycopy(invalid, from, chunk.invalid, 0, len);
            for (int k = 0; k < options; k++) {
                System.arraycopy(votes[k], from, chunk.votes[k], 0, len);
            }
            chunk.finishTotals();
            for (NullStatistic.Accumulator a : accumulators) {
                a.add(chunk);
            }
        }
    }
}
