package org.psephos.simulation;

import java.util.Arrays;

/**
 * National totals of one simulated replicate. Shares are of ballots (= valid + invalid ballots found, the
 * {@code FOUND} share base, which equals ballots cast in a simulation); a replicate with no ballots has shares 0.
 * Immutable: the arrays are copied in and out.
 *
 * @param registered   registered voters
 * @param ballots      ballots cast
 * @param invalid      invalid ballots
 * @param votes        votes per option, the leader first
 * @param unitsByClass units marked with each fraud class, indexed by {@link FraudClass#ordinal()}; index 0 counts
 *                     the clean units
 * @since 0.1
 */
public record ReplicateTotals(long registered, long ballots, long invalid, long[] votes, long[] unitsByClass) {
    /** Copies the arrays. */
    public ReplicateTotals {
        votes = votes.clone();
        unitsByClass = unitsByClass.clone();
    }

    @Override
    public long[] votes() {
        return votes.clone();
    }

    @Override
    public long[] unitsByClass() {
        return unitsByClass.clone();
    }

    /** @return ballots / registered (0 with no registered voters) */
    public double turnout() {
        return registered == 0 ? 0 : (double) ballots / registered;
    }

    /** @param option an option index @return its votes / ballots */
    public double share(int option) {
        return ballots == 0 ? 0 : (double) votes[option] / ballots;
    }

    /** @return the leader's (option 0's) share minus the share of the strongest other option */
    public double margin() {
        long runnerUp = 0;
        for (int k = 1; k < votes.length; k++) {
            runnerUp = Math.max(runnerUp, votes[k]);
        }
        return ballots == 0 ? 0 : (double) (votes[0] - runnerUp) / ballots;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplicateTotals t && registered == t.registered && ballots == t.ballots
                && invalid == t.invalid && Arrays.equals(votes, t.votes) && Arrays.equals(unitsByClass, t.unitsByClass);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(registered) * 31 + Arrays.hashCode(votes);
    }

    @Override
    public String toString() {
        return "ReplicateTotals[registered=" + registered + ", ballots=" + ballots + ", invalid=" + invalid
                + ", votes=" + Arrays.toString(votes) + ", unitsByClass=" + Arrays.toString(unitsByClass) + "]";
    }
}
