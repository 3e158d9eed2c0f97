package org.psephos.estimation;

import org.psephos.data.Election;

/**
 * The per-unit columns the estimators read, taken once from an {@link Election}: registered voters, ballots, the
 * leader's votes and the other options' votes (their sum; for a file with the leader's votes only, the share base
 * minus the leader's votes). Units with a missing cell are left out by the
 * callers' filter ({@link org.psephos.data.UnitFilter}); this class assumes none. Package-private, immutable after
 * construction (the arrays are never handed out).
 */
final class LeaderColumns {
    final int n;
    final int[] registered;
    final int[] ballots;
    final int[] leader;
    final int[] others;

    private LeaderColumns(int[] registered, int[] ballots, int[] leader) {
        n = registered.length;
        this.registered = registered;
        this.ballots = ballots;
        this.leader = leader;
        others = new int[n];
    }

    /**
     * @param e an election with a leader
     * @return its columns
     * @throws IllegalArgumentException if the election has no leader
     */
    static LeaderColumns of(Election e) {
        int lead = e.leader();
        if (lead < 0) {
            throw new IllegalArgumentException("election has no leader: " + e.name());
        }
        // the column getters return copies: this instance owns them
        LeaderColumns c = new LeaderColumns(e.registeredColumn(), e.ballotsColumn(), e.votesColumn(lead));
        if (e.optionCount() == 1) {
            // a file with the leader's votes only: the others hold the rest of the share base
            for (int i = 0; i < c.n; i++) {
                c.others[i] = Math.max(0, e.shareDenominator(i) - c.leader[i]);
            }
            return c;
        }
        for (int k = 0; k < e.optionCount(); k++) {
            if (k == lead) {
                continue;
            }
            int[] col = e.votesColumn(k);
            for (int i = 0; i < c.n; i++) {
                c.others[i] += Math.max(0, col[i]);
            }
        }
        return c;
    }
}
