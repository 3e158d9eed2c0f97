package org.psephos.simulation;

import java.util.List;

/**
 * The summary of a Monte Carlo run over R replicates: the distribution of national turnout, the leader's share,
 * the leader's margin over the runner-up and every option's share (all of ballots, see {@link ReplicateTotals}),
 * the probability of a runoff (leader share ≤ 50%, the two-round rule of e.g. Kazakhstan's presidential
 * elections) and of turnout ≤ 50%, estimated as the fraction of replicates. With R replicates a probability is
 * estimated with standard error sqrt(p(1 − p)/R). Immutable.
 *
 * @param model                 the simulated model
 * @param seed                  the run seed
 * @param turnout               national turnout
 * @param leaderShare           the leader's share
 * @param margin                leader share − runner-up share
 * @param shares                each option's share, the leader first
 * @param runoffProbability     fraction of replicates with leader share ≤ 0.5
 * @param lowTurnoutProbability fraction of replicates with turnout ≤ 0.5
 * @param replicates            the national totals of every replicate, in replicate order
 * @since 0.1
 */
public record SimulationSummary(SimulationModel model, long seed, ReplicateDistribution turnout,
                                ReplicateDistribution leaderShare, ReplicateDistribution margin,
                                List<ReplicateDistribution> shares, double runoffProbability,
                                double lowTurnoutProbability, List<ReplicateTotals> replicates) {
    /** Copies the lists. */
    public SimulationSummary {
        shares = List.copyOf(shares);
        replicates = List.copyOf(replicates);
    }

    /**
     * @param model  the model
     * @param seed   the seed
     * @param totals one per replicate, at least one
     * @return the summary
     */
    static SimulationSummary of(SimulationModel model, long seed, List<ReplicateTotals> totals) {
        int r = totals.size();
        int options = model.electorate().options();
        double[] turnout = new double[r];
        double[] margin = new double[r];
        double[][] shares = new double[options][r];
        int runoff = 0;
        int lowTurnout = 0;
        for (int i = 0; i < r; i++) {
            ReplicateTotals t = totals.get(i);
            turnout[i] = t.turnout();
            margin[i] = t.margin();
            for (int k = 0; k < options; k++) {
                shares[k][i] = t.share(k);
            }
            if (shares[0][i] <= 0.5) {
                runoff++;
            }
            if (turnout[i] <= 0.5) {
                lowTurnout++;
            }
        }
        ReplicateDistribution[] shareDists = new ReplicateDistribution[options];
        for (int k = 0; k < options; k++) {
            shareDists[k] = ReplicateDistribution.of(shares[k]);
        }
        return new SimulationSummary(model, seed, ReplicateDistribution.of(turnout), shareDists[0],
                ReplicateDistribution.of(margin), List.of(shareDists), (double) runoff / r, (double) lowTurnout / r,
                totals);
    }
}
