package org.psephos.data;

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
        int[] registered = new int[m];
        int[] ballots = new int[m];
        for (int i = 0; i < m; i++) {
            registered[i] = e.registered(units[i]);
            ballots[i] = e.ballots(units[i]);
        }
        Election.Builder b = Election.builder(e.name()).shareBase(e.shareBase()).leader(e.leader())
                .registered(registered).ballots(ballots);
        if (e.hasValid()) {
            int[] valid = new int[m];
            for (int i = 0; i < m; i++) {
                valid[i] = e.valid(units[i]);
            }
            b.valid(valid);
        }
        if (e.hasInvalid()) {
            int[] invalid = new int[m];
            for (int i = 0; i < m; i++) {
                invalid[i] = e.invalid(units[i]);
            }
            b.invalid(invalid);
        }
        for (int k = 0; k < e.optionCount(); k++) {
            int[] votes = new int[m];
            for (int i = 0; i < m; i++) {
                votes[i] = e.votes(k, units[i]);
            }
            b.option(e.options().get(k), votes);
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
}
