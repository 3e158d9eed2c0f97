package org.psephos.forensics;

import java.util.List;
import org.psephos.forensics.nulls.NullStatistic;
import org.psephos.forensics.nulls.ReplicateSource;

/**
 * The statistics of every distribution-shape test of a battery (Skew, Kurt, DipT, LogVoteKurtosis on turnout and each
 * option; Correlation and Sobyanin on each option), nationally and in every group, computed in one pass over each
 * election the clean-twin null draws ({@link NullStatistic}): the plug of the shape tests into
 * {@code org.psephos.forensics.nulls.CleanTwins}. Package-private.
 *
 * <p>Each value is the test's statistic under Psephos's conventions: population moments of the proportions
 * (turnout = ballots / registered, a share = votes / share base) for Skew and Kurt; the dip of the proportions for
 * DipT ({@link DipTest#dip}); the kurtosis of ln(W/(R − W)) over the units with 0 &lt; W &lt; R for LogVoteKurtosis;
 * Pearson's r of turnout and share for Correlation and the OLS slope of the share (or, in Sobyanin's classic form,
 * of the votes per registered voter) on turnout for Sobyanin. A unit of a replicate that the standard unit filter
 * would drop (no ballots, or a zero share base) is left out, as the data's units were filtered. Moments and cross
 * products are accumulated as power sums about the observed means of each group (shifts close to the means keep the
 * one-pass sums exact to rounding), the dip from the sorted proportions of each group. Immutable; accumulators are
 * not thread-safe. Each test's statistic is a {@link ShapeKind}, a worker's sums a {@link ShapeNullAccumulator}.
 */
final class ShapeNull implements NullStatistic {
    /** Per variable (0 turnout, 1 + k option k) the statistic of each of its tests. */
    final ShapeKind[][] kinds;
    final List<List<ForensicTest>> tests;
    /** Groups (slots beyond the national one); 0 without a grouping. */
    final int groups;
    final int slots;
    /** [variable][slot]: the shifts of the proportion, the log rate, turnout and the classic y. */
    final double[][] shiftX;
    final double[][] shiftL;
    final double[][] shiftT;
    final double[][] shiftC;
    final int[] valueOffset;
    final int width;
    /** Per variable: which sums its tests read. */
    final boolean[] needMoments;
    final boolean[] needLog;
    final boolean[] needCross;
    final boolean[] needClassic;
    final boolean[] needDip;

    /**
     * @param perVariable per variable (0 turnout, 1 + k option k) its shape tests
     * @param options     the settings (for Sobyanin's form)
     * @param groups      the number of groups of the grouping (0 for none)
     * @param observed    the observed election as a source, whose means per group give the shifts
     */
    ShapeNull(List<List<ForensicTest>> perVariable, BatteryOptions options, int groups, ReplicateSource observed) {
        this.tests = List.copyOf(perVariable);
        this.groups = groups;
        this.slots = groups + 1;
        int vs = perVariable.size();
        kinds = new ShapeKind[vs][];
        valueOffset = new int[vs];
        needMoments = new boolean[vs];
        needLog = new boolean[vs];
        needCross = new boolean[vs];
        needClassic = new boolean[vs];
        needDip = new boolean[vs];
        int off = 0;
        for (int v = 0; v < vs; v++) {
            List<ForensicTest> ts = perVariable.get(v);
            kinds[v] = new ShapeKind[ts.size()];
            for (int t = 0; t < ts.size(); t++) {
                ShapeKind k = ShapeKind.of(ts.get(t), options);
                kinds[v][t] = k;
                needMoments[v] |= k == ShapeKind.SKEW || k == ShapeKind.KURT;
                needDip[v] |= k == ShapeKind.DIP;
                needLog[v] |= k == ShapeKind.LOG_KURT;
                needCross[v] |= k.crossSums() && v > 0;
                needClassic[v] |= k == ShapeKind.CLASSIC && v > 0;
            }
            valueOffset[v] = off;
            off += ts.size() * slots;
        }
        width = off;
        shiftX = new double[vs][slots];
        shiftL = new double[vs][slots];
        shiftT = new double[vs][slots];
        shiftC = new double[vs][slots];
        shifts(observed);
    }

    @Override
    public int width() {
        return Math.max(1, width);
    }

    /**
     * @param variable 0 for turnout, 1 + k for option k
     * @param test     a test of that variable
     * @return its index among the variable's tests, or −1
     */
    int testIndex(int variable, ForensicTest test) {
        return tests.get(variable).indexOf(test);
    }

    /**
     * @param variable 0 for turnout, 1 + k for option k
     * @param test     the index of the test among that variable's tests
     * @param slot     0 national, 1 + g group g
     * @return the index of that value
     */
    int index(int variable, int test, int slot) {
        return valueOffset[variable] + slot * tests.get(variable).size() + test;
    }

    /** The observed means per variable and slot, from one pass of plain sums over the data. */
    private void shifts(ReplicateSource observed) {
        ShapeNullAccumulator a = ShapeNullAccumulator.plainSums(this);
        a.start();
        observed.observe(new Accumulator[] {a});
        for (int v = 0; v < tests.size(); v++) {
            for (int s = 0; s < slots; s++) {
                shiftX[v][s] = a.meanProportion(v, s);
                shiftL[v][s] = a.meanLogRate(v, s);
                shiftT[v][s] = a.meanTurnout(v, s);
                shiftC[v][s] = a.meanClassic(v, s);
            }
        }
    }

    @Override
    public Accumulator accumulator(int units) {
        return ShapeNullAccumulator.shiftedSums(this, units);
    }
}
