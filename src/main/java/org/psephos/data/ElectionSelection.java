package org.psephos.data;

import java.util.function.IntUnaryOperator;

/**
 * The subset of an election's units, in a given order, as a new election: every column, grouping and unit
 * identifier picked unit by unit, the leader and the share base kept. The implementation of
 * {@link Election#select(int[])}.
 */
final class ElectionSelection {
    private ElectionSelection() {
    }

    /**
     * @param e     the election
     * @param units unit indices, each in {@code [0, e.size())}
     * @return a new election holding only those units, in the given order
     */
    static Election select(Election e, int[] units) {
        int m = units.length;
        Election.Builder b = Election.builder(e.name()).shareBase(e.shareBase()).leader(e.leader())
                .registered(pick(e::registered, units)).ballots(pick(e::ballots, units));
        if (e.hasValid()) {
            b.valid(pick(e::valid, units));
        }
        if (e.hasInvalid()) {
            b.invalid(pick(e::invalid, units));
        }
        for (int k = 0; k < e.optionCount(); k++) {
            int option = k;
            b.option(e.options().get(k), pick(i -> e.votes(option, i), units));
        }
        for (Grouping g : e.groupings()) {
            b.grouping(g.select(units));
        }
        if (e.hasUnitIds()) {
            String[] ids = new String[m];
            for (int i = 0; i < m; i++) {
                ids[i] = e.unitId(units[i]);
            }
            b.unitIds(ids);
        }
        return b.build();
    }

    /** @return the column {@code at} read at each of the units, in their order */
    private static int[] pick(IntUnaryOperator at, int[] units) {
        int[] out = new int[units.length];
        for (int i = 0; i < units.length; i++) {
            out[i] = at.applyAsInt(units[i]);
        }
        return out;
    }
}
