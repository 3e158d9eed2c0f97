package org.psephos.estimation;

/**
 * What one {@link PowerTask} returns: per test (rows, in the task's test order) and replicate (columns), the
 * test's value, its calibration score ({@link PowerTask#score}), its own flag; per replicate the true share of
 * fraudulent units and the true extra leader votes (0 where not computed). Small and immutable in use: the
 * arrays are never changed after the task builds them.
 *
 * @param point      the grid point, or −1 for the clean replicates
 * @param from       first replicate
 * @param to         one past the last replicate
 * @param values     values[test][replicate]
 * @param scores     scores[test][replicate] (NaN where the test did not apply)
 * @param flags      flags[test][replicate]
 * @param fraudShare per replicate, the share of units the fraud model marked
 * @param excess     per replicate, the leader's votes minus those of the paired clean election
 * @since 0.1
 */
public record PowerSummary(int point, int from, int to, double[][] values, double[][] scores, boolean[][] flags,
                           double[] fraudShare, double[] excess)
        implements java.io.Serializable {
}
