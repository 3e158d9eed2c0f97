package org.psephos.forensics;

import java.util.List;
import org.psephos.forensics.nulls.NullStatistic;

/**
 * The statistics of every count-level test of a battery (2BL, 2BLChi2, LastC, LastDigitChi2, C05s, P05s, Repeats,
 * Adjacent, Distant on turnout and each option; IntegerPercent on the leader and turnout), nationally and in every
 * group, computed in one pass over each election the resampling null draws ({@link NullStatistic}): the plug of the
 * count-level tests into {@code org.psephos.forensics.nulls.CountResampler}. Package-private.
 *
 * <p>Each value is the test's own statistic under Psephos's conventions, computed with the same arithmetic as the
 * test computes it on the data (the same inclusion rules, the same floating-point expressions), so that the observed
 * value and the replicates are the same function of the counts:
 * <ul>
 *   <li>second-digit tests: the counts of 10 or more ({@link SecondDigitMean}, {@link SecondDigitChi2});</li>
 *   <li>last-digit tests: the counts of at least the test's minimum count and, for LastC and C05s, a binomial spread
 *       \( \sqrt{c(1 - c/B)} \) of at least {@value LastDigitMean#MIN_BINOMIAL_SD} or
 *       {@value ZeroFiveCounts#MIN_BINOMIAL_SD} ({@link TestInput#binomialSd()});</li>
 *   <li>pair tests: the last two digits of the counts of at least the test's minimum count;</li>
 *   <li>P05s: the last digit of rint(100·min(c/B, 1)) for every defined proportion whose whole percentage is
 *       strictly between 0 and 100 (Psephos's conventions, the only ones the calibrated null runs under);</li>
 *   <li>IntegerPercent: Kobak et al.'s twelve statistics (three variants × four weightings), with their inclusion
 *       rules and weights evaluated on each election's own counts, so that a replicate is tested exactly as the data
 *       are (the integer indicator is exact: a floating-point test, with the integer test of
 *       {@code IntegerPercentTest.isInteger} within 1e-9 of the ±0.05 boundary).</li>
 * </ul>
 * Groups: tallies are kept per group (the chunk's group codes) and the national tally is their sum. One division per
 * count (its proportion) serves the binomial-spread rule, P05s and the integer indicator. Immutable; accumulators are
 * not thread-safe. Each variable's layout is a {@link CountVariableLayout}, a worker's tallies a
 * {@link CountNullAccumulator}.
 */
final class CountNull implements NullStatistic {
    /** The integer-percentage values per slot: the twelve statistics, then the stations included. */
    static final int INTEGER_STATS = 13;

    /** Per variable (0 = turnout, 1 + k = option k): its tests, their layout and their value readers. */
    final CountVariableLayout[] vars;
    /** The integer-percentage test, or null. */
    final IntegerPercentTest integer;
    /** Groups (slots beyond the national one); 0 without a grouping. */
    final int groups;
    final int leader;
    final int width;
    /** Offset of each variable's values, and of the integer statistics. */
    final int[] valueOffset;
    final int integerOffset;

    /**
     * @param perVariable per variable (0 turnout, 1 + k option k) its count-level tests (empty for none)
     * @param integer     the integer-percentage test, or null
     * @param groups      the number of groups of the grouping (0 for none)
     * @param leader      the leader's option index
     */
    CountNull(List<List<ForensicTest>> perVariable, IntegerPercentTest integer, int groups, int leader) {
        this.groups = groups;
        this.integer = integer;
        this.leader = leader;
        int slots = groups + 1;
        vars = new CountVariableLayout[perVariable.size()];
        valueOffset = new int[vars.length];
        int off = 0;
        for (int v = 0; v < vars.length; v++) {
            vars[v] = new CountVariableLayout(perVariable.get(v));
            valueOffset[v] = off;
            off += vars[v].tests.size() * slots;
        }
        integerOffset = off;
        width = off + (integer == null ? 0 : INTEGER_STATS * slots);
    }

    @Override
    public int width() {
        return Math.max(1, width);
    }

    /**
     * @param variable 0 for turnout, 1 + k for option k
     * @param test     the index of the test among that variable's tests
     * @param slot     0 national, 1 + g group g
     * @return the index of that value
     */
    int index(int variable, int test, int slot) {
        return valueOffset[variable] + slot * vars[variable].tests.size() + test;
    }

    /**
     * @param variable 0 for turnout, 1 + k for option k
     * @param test     a test
     * @return its index among the variable's tests, or −1
     */
    int testIndex(int variable, ForensicTest test) {
        return vars[variable].tests.indexOf(test);
    }

    /**
     * @param stat the statistic, 0..11 as {@code IntegerPercentTest}'s [variant][weighting], 12 for the stations
     *             included
     * @param slot 0 national, 1 + g group g
     * @return the index of that value
     */
    int integerIndex(int stat, int slot) {
        return integerOffset + slot * INTEGER_STATS + stat;
    }

    @Override
    public Accumulator accumulator(int units) {
        return new CountNullAccumulator(this);
    }

    /**
     * Whether 100·k/n lies within 0.05 of a multiple of the period, as {@code IntegerPercentTest.isInteger} decides it
     * exactly: a floating-point test away from the boundary, the exact integer test within 1e-9 of it.
     */
    static boolean isInteger(int k, int n, int period) {
        double x = 100.0 * k / n;
        double d = Math.abs(x - period * Math.rint(x / period));
        if (Math.abs(d - 0.05) < 1e-9) {
            return IntegerPercentTest.isInteger(k, n, period);
        }
        return d < 0.05;
    }
}
