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
 * @param cleanRegistered  registered voters before the fraud models ran (the same replicate simulated without
 *                         fraud: the fraud models draw from their own streams)
 * @param cleanBallots     ballots cast before the fraud models ran
 * @param cleanLeaderVotes the leader's (option 0's) votes before the fraud models ran
 * @since 0.1
 */
public record ReplicateTotals(long registered, long ballots, long invalid, long[] votes, long[] unitsByClass,
                              long cleanRegistered, long cleanBallots, long cleanLeaderVotes) {
    /** Copies the arrays. */
    public ReplicateTotals {
        votes = votes.clone();
        unitsByClass = unitsByClass.clone();
    }

    /**
     * Totals of a replicate without fraud: the clean figures are the reported ones.
     *
     * @param registered   registered voters
     * @param ballots      ballots cast
     * @param invalid      invalid ballots
     * @param votes        votes per option, the leader first
     * @param unitsByClass units marked with each fraud class
     */
    public ReplicateTotals(long registered, long ballots, long invalid, long[] votes, long[] unitsByClass) {
        this(registered, ballots, invalid, votes, unitsByClass, registered, ballots,
                votes.length == 0 ? 0 : votes[0]);
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

    /** @return cleanBallots / cleanRegistered, the turnout before fraud (0 with no registered voters) */
    public double cleanTurnout() {
        return cleanRegistered == 0 ? 0 : (double) cleanBallots / cleanRegistered;
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
                && invalid == t.invalid && Arrays.equals(votes, t.votes) && Arrays.equals(unitsByClass, t.unitsByClass)
                && cleanRegistered == t.cleanRegistered && cleanBallots == t.cleanBallots
                && cleanLeaderVotes == t.cleanLeaderVotes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(registered) * 31 + Arrays.hashCode(votes);
    }

    @Override
    public String toString() {
        return "ReplicateTotals[registered=" + registered + ", ballots=" + ballots + ", invalid=" + invalid
                + ", votes=" + Arrays.toString(votes) + ", unitsByClass=" + Arrays.toString(unitsByClass)
                + ", cleanRegistered=" + cleanRegistered + ", cleanBallots=" + cleanBallots + ", cleanLeaderVotes="
                + cleanLeaderVotes + "]";
    }
}
