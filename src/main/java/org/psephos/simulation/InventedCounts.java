package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The counts of invented results, written over a unit's: digits drawn with human preferences
 * ({@link FraudModel.InventedDigits}), turnout and the leader's share raised to the next whole percent
 * ({@link FraudModel.InventedResults}).
 */
final class InventedCounts {
    private InventedCounts() {
    }

    /**
     * Rewrites every digit of the leader's count after the first with a digit drawn from
     * {@link FraudModel.InventedDigits#HUMAN_DIGITS}; the ballots move by the same amount. Counts below 10, and a
     * change that would take the ballots above the registered voters, are left as they are.
     */
    static void inventDigits(UnitState s, UniformRandomProvider rng) {
        int count = s.votes[0];
        if (count < 10) {
            return;
        }
        int scale = 1;
        while (count / scale >= 10) {
            scale *= 10;
        }
        int invented = (count / scale) * scale;
        for (int p = scale / 10; p >= 1; p /= 10) {
            invented += p * humanDigit(rng.nextDouble());
        }
        int delta = invented - count;
        if ((long) s.ballots + delta <= s.registered) {
            s.votes[0] = invented;
            s.ballots += delta;
        }
    }

    /** @return the digit whose cumulative preference first exceeds u */
    private static int humanDigit(double u) {
        double[] w = FraudModel.InventedDigits.HUMAN_DIGITS;
        int d = 0;
        while (d < 9 && u >= w[d]) {
            u -= w[d];
            d++;
        }
        return d;
    }

    /** Raises turnout to the next whole percent: the new ballots go to the leader. */
    static void inventTurnout(UnitState s) {
        if (s.registered == 0) {
            return;
        }
        long n = s.registered;
        long percent = (100L * s.ballots + n - 1) / n;
        int target = (int) ((percent * n + 50) / 100);
        FraudStep.stuff(s, Math.max(0, target - s.ballots));
    }

    /**
     * Raises the leader's share of ballots to the next whole percent, taking votes from the other options in
     * proportion to their votes (largest remainders, ties to the lower index).
     */
    static void inventShare(UnitState s) {
        if (s.ballots == 0) {
            return;
        }
        long found = s.ballots;
        long percent = (100L * s.votes[0] + found - 1) / found;
        int target = (int) ((percent * found + 50) / 100);
        int opposition = s.opposition();
        int take = Math.min(Math.max(0, target - s.votes[0]), opposition);
        if (take == 0) {
            return;
        }
        int taken = 0;
        // Remainders of take·v_k/opposition from the votes before any are taken; -1 once an option has given its
        // extra vote, so each option gives at most one vote over its floor.
        long[] remainder = s.remainder;
        for (int k = 1; k < s.votes.length; k++) {
            long share = (long) take * s.votes[k];
            int t = (int) (share / opposition);
            remainder[k] = share % opposition;
            s.votes[k] -= t;
            taken += t;
        }
        // Remainders: one more vote from the options with the largest fractional parts.
        while (taken < take) {
            int best = -1;
            long bestRem = -1;
            for (int k = 1; k < s.votes.length; k++) {
                if (s.votes[k] > 0 && remainder[k] > bestRem) {
                    bestRem = remainder[k];
                    best = k;
                }
            }
            remainder[best] = -1;
            s.votes[best]--;
            taken++;
        }
        s.votes[0] += take;
    }
}
