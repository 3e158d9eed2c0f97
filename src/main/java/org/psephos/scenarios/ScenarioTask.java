package org.psephos.scenarios;

import java.util.List;
import java.util.Objects;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.ReplicateTotals;

/**
 * One unit of work of a scenario run: replicates [from, to) of one evaluated point (clean share, family,
 * intensity), with the electorate that point runs on (its turnout already moved when the scenario holds the
 * reported turnout). A pure function of its fields: replicate r of region k draws from
 * {@code RandomStreams.seeded(seed).child(k)} and r alone ({@link CompositeSimulation#totals}), so the blocks of a
 * point, computed on any thread or machine and concatenated in replicate order, equal one run of all its
 * replicates. The seed is the scenario's run seed at every point (common random numbers across intensities). A
 * distributed engine ships the record, calls {@link #run()} anywhere and hands the {@link Block}s back to
 * {@link ScenarioRunner}. Immutable.
 *
 * @param point      the point's index in its round (how the runner matches blocks to points)
 * @param from       first replicate
 * @param to         one past the last replicate
 * @param seed       the scenario's run seed
 * @param electorate the electorate the point runs on
 * @param fraud      the fraud at this point
 * @param clean      whether to report the replicates' turnout without the fraud (read from the same run: the
 *                   engine's totals before the fraud models, {@link ReplicateTotals#cleanTurnout()})
 * @param rank       k &gt; 0 to report, per replicate, the k-th largest regional share of the leader among all
 *                   ballots (k regions have a majority exactly when it is above one half); 0 not to
 * @since 0.1
 */
public record ScenarioTask(int point, int from, int to, long seed, RegionalElectorate electorate, FraudModel fraud,
                           boolean clean, int rank) implements java.io.Serializable {
    /** @throws IllegalArgumentException if the replicate range is empty or negative */
    public ScenarioTask {
        Objects.requireNonNull(electorate, "electorate");
        Objects.requireNonNull(fraud, "fraud");
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("replicate range is empty or negative: [" + from + ", " + to + ")");
        }
        if (rank < 0 || rank > electorate.regions().size()) {
            throw new IllegalArgumentException("regional rank is not in [0, regions]: " + rank);
        }
    }

    /**
     * What one task returns: per replicate of [from, to), in order, the figures a point is made of. The arrays are
     * never changed after the task builds them.
     *
     * @param point              the task's point
     * @param from               first replicate
     * @param to                 one past the last replicate
     * @param leaderShare        the leader's share of valid votes
     * @param leaderShareBallots the leader's share of ballots
     * @param turnout            reported turnout
     * @param cleanTurnout       turnout of the same replicates without the fraud, or null if not asked
     * @param rankedRegionShare  the k-th largest regional share of the leader among ballots, or null if not asked
     */
    public record Block(int point, int from, int to, double[] leaderShare, double[] leaderShareBallots,
                        double[] turnout, double[] cleanTurnout, double[] rankedRegionShare)
            implements java.io.Serializable {
    }

    /** @return the block, on one thread */
    public Block run() {
        return run(1);
    }

    /**
     * @param threads threads for the regions, at least 1 (the result does not depend on it)
     * @return the block
     */
    public Block run(int threads) {
        List<List<ReplicateTotals>> regional = CompositeSimulation.regionalTotals(electorate, List.of(fraud), seed,
                threads, from, to);
        List<ReplicateTotals> t = CompositeSimulation.national(regional, electorate.options());
        int n = to - from;
        double[] lv = new double[n];
        double[] lb = new double[n];
        double[] tu = new double[n];
        double[] ct = clean ? new double[n] : null;
        double[] kth = rank > 0 ? new double[n] : null;
        double[] byRegion = new double[regional.size()];
        for (int i = 0; i < n; i++) {
            ReplicateTotals x = t.get(i);
            lv[i] = CompositeSimulation.leaderShareOfValid(x);
            lb[i] = x.share(0);
            tu[i] = x.turnout();
            if (ct != null) {
                ct[i] = x.cleanTurnout();
            }
            if (kth != null) {
                for (int r = 0; r < byRegion.length; r++) {
                    byRegion[r] = regional.get(r).get(i).share(0);
                }
                java.util.Arrays.sort(byRegion);
                kth[i] = byRegion[byRegion.length - rank];
            }
        }
        return new Block(point, from, to, lv, lb, tu, ct, kth);
    }
}
