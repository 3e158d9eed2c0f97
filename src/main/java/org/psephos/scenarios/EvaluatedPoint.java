package org.psephos.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One evaluated point of a scenario, aggregated from the {@link ScenarioTask.Block}s the engine returned for it:
 * the replicates concatenated in order, their distributions ({@link ReplicateEstimate}) and the probabilities the
 * scenario's questions ask, with the replicates' own shares kept for the crossing search
 * ({@link ReplicateCrossings}). Holds its arrays without copying; confined to one run.
 *
 * @param point     the point as reported
 * @param ofValid   each replicate's leader share of valid votes
 * @param ofBallots each replicate's leader share of all ballots
 * @param ranked    each replicate's ranked regional share (regional-majority rule), or null if not asked
 */
record EvaluatedPoint(ScenarioResult.Point point, double[] ofValid, double[] ofBallots, double[] ranked) {

    /** @return the point's intensity */
    double intensity() {
        return point.intensity();
    }

    /**
     * @param spec   the scenario
     * @param share  the clean share
     * @param f      the family
     * @param v      the intensity
     * @param blocks the point's blocks, in any order
     * @return the point, with the questions asked
     * @throws IllegalStateException if blocks are missing or the replicates do not add up
     */
    static EvaluatedPoint of(ScenarioSpec spec, double share, ScenarioSpec.Family f, double v,
                             List<ScenarioTask.Block> blocks) {
        if (blocks.isEmpty()) {
            throw new IllegalStateException("the engine returned no block of point " + f.label() + " at " + v);
        }
        List<ScenarioTask.Block> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparingInt(ScenarioTask.Block::from));
        int r = spec.replicates();
        double[] lv = new double[r];
        double[] lb = new double[r];
        double[] to = new double[r];
        double[] ct = sorted.get(0).cleanTurnout() == null ? null : new double[r];
        double[] kth = sorted.get(0).rankedRegionShare() == null ? null : new double[r];
        int at = 0;
        for (ScenarioTask.Block b : sorted) {
            if (b.from() != at) {
                throw new IllegalStateException("replicates " + at + " to " + b.from() + " of a point are missing");
            }
            int n = b.to() - b.from();
            System.arraycopy(b.leaderShare(), 0, lv, at, n);
            System.arraycopy(b.leaderShareBallots(), 0, lb, at, n);
            System.arraycopy(b.turnout(), 0, to, at, n);
            if (ct != null) {
                System.arraycopy(b.cleanTurnout(), 0, ct, at, n);
            }
            if (kth != null) {
                System.arraycopy(b.rankedRegionShare(), 0, kth, at, n);
            }
            at += n;
        }
        if (at != r) {
            throw new IllegalStateException("a point has " + at + " replicates, not " + r);
        }
        ScenarioSpec.Questions q = spec.questions();
        double a = spec.againstAll().ofOthers(share);
        double[] lc = new double[r];
        int[] noRunoff = new int[FirstRoundBase.values().length];
        int lowT = 0;
        int atLeast = 0;
        int lowClean = 0;
        int majority = 0;
        for (int i = 0; i < r; i++) {
            lc[i] = FirstRoundBase.CANDIDATES.share(lv[i], lb[i], a);
            for (FirstRoundBase base : FirstRoundBase.values()) {
                if (base.share(lv[i], lb[i], a) > q.runoffAtMost()) {
                    noRunoff[base.ordinal()]++;
                }
            }
            if (to[i] <= q.turnoutAtMost()) {
                lowT++;
            }
            if (lv[i] >= q.leaderAtLeast()) {
                atLeast++;
            }
            if (ct != null && ct[i] <= q.cleanTurnoutAtMost()) {
                lowClean++;
            }
            if (kth != null && kth[i] > q.runoffAtMost()) {
                majority++;
            }
        }
        Map<String, Double> byBase = new TreeMap<>();
        for (FirstRoundBase base : FirstRoundBase.values()) {
            byBase.put(base.id(), (double) noRunoff[base.ordinal()] / r);
        }
        double pNo = byBase.get(q.runoffBase().id());
        double pT = Double.isNaN(q.turnoutAtMost()) ? Double.NaN : (double) lowT / r;
        double pL = Double.isNaN(q.leaderAtLeast()) ? Double.NaN : (double) atLeast / r;
        double pC = Double.isNaN(q.cleanTurnoutAtMost()) ? Double.NaN : (double) lowClean / r;
        double pM = kth == null ? Double.NaN : (double) majority / r;
        double err = 0;
        for (double p : new double[] {pNo, pT, pL, pC, pM}) {
            if (Double.isFinite(p)) {
                err = Math.max(err, ReplicateEstimate.probabilityError(p, r));
            }
        }
        for (double p : byBase.values()) {
            err = Math.max(err, ReplicateEstimate.probabilityError(p, r));
        }
        ScenarioResult.Point point = new ScenarioResult.Point(share, f.label(), v, ReplicateEstimate.of(lv),
                ReplicateEstimate.of(lb), ReplicateEstimate.of(lc), ReplicateEstimate.of(to),
                ct == null ? null : ReplicateEstimate.of(ct), 1 - pNo, pNo, byBase, pT, pL, pC, pM, err);
        return new EvaluatedPoint(point, lv, lb, kth);
    }
}
