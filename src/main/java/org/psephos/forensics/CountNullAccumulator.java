package org.psephos.forensics;

import org.psephos.forensics.nulls.DigitCodes;
import org.psephos.forensics.nulls.NullStatistic;
import org.psephos.forensics.nulls.UnitChunk;

/**
 * The tallies of one worker of {@link CountNull}: per variable and group the digit histograms its layout asks for, and
 * the integer-percentage sums; the values read from them in {@link #finish(double[], int)}. Not thread-safe; one per
 * worker.
 *
 * <p>Implementation note. Per unit and variable: one division (the proportion q = c/B), the binomial-spread rule
 * from it (c·max(0, 1 − q), as TestInput.binomialSd), one table look-up for the digits (DigitCodes) and a few
 * increments of the group's tally; the turnout's and the leader's q serve the integer indicator. The tallies are
 * long arrays, one per variable, [group][stride]; the national tally is summed in finish.
 */
final class CountNullAccumulator implements NullStatistic.Accumulator {
    /**
     * Per whole percentage 0..100: 1 if its last digit is 0 or 5, 0 if not, -1 if P05s does not count it (0% and
     * 100%, {@link ZeroFivePercents.Range#INNER}: the calibrated null runs only under Psephos's conventions); a
     * table instead of a division per count.
     */
    private static final int[] ZERO_OR_FIVE = new int[101];

    static {
        for (int pct = 0; pct <= 100; pct++) {
            ZERO_OR_FIVE[pct] = ZeroFivePercents.Range.INNER.counts(pct) ? (int) Digits.zeroOrFive(Digits.last(pct))
                    : -1;
        }
    }

    /** The statistic whose values this accumulates: its layouts, groups, leader and offsets. */
    private final CountNull spec;
    private final long[][] tally;
    private final long[] integerTally;
    /** Per variable (and the integer statistics last) the national tally, summed in finish. */
    private final long[][] national;

    CountNullAccumulator(CountNull spec) {
        this.spec = spec;
        tally = new long[spec.vars.length][];
        int slots = Math.max(1, spec.groups);
        for (int v = 0; v < spec.vars.length; v++) {
            tally[v] = new long[spec.vars[v].any ? slots * spec.vars[v].stride : 0];
        }
        integerTally = spec.integer == null ? null : new long[slots * CountNull.INTEGER_STATS];
        national = new long[spec.vars.length + 1][];
        for (int v = 0; v < spec.vars.length; v++) {
            national[v] = new long[spec.vars[v].stride];
        }
        national[spec.vars.length] = new long[CountNull.INTEGER_STATS];
    }

    @Override
    public void start() {
        for (long[] t : tally) {
            java.util.Arrays.fill(t, 0);
        }
        if (integerTally != null) {
            java.util.Arrays.fill(integerTally, 0);
        }
    }

    @Override
    public void add(UnitChunk chunk) {
        int len = chunk.length();
        int[] group = spec.groups > 0 ? chunk.group() : null;
        for (int v = 0; v < spec.vars.length; v++) {
            if (spec.vars[v].any) {
                addVariable(chunk, v, len, group);
            }
        }
        if (spec.integer != null && spec.leader >= 0) {
            addInteger(chunk, len, group);
        }
    }

    private void addVariable(UnitChunk chunk, int v, int len, int[] group) {
        CountVariableLayout l = spec.vars[v];
        long[] t = tally[v];
        int[] counts = v == 0 ? chunk.ballots() : chunk.votes(v - 1);
        int[] bases = v == 0 ? chunk.registered() : chunk.shareDenominator();
        int stride = l.stride;
        int[] lastMin = l.lastMin;
        double[] lastSd = l.lastSd;
        int[] pairMin = l.pairMin;
        for (int j = 0; j < len; j++) {
            int c = counts[j];
            if (c < 0) {
                continue;
            }
            int b = bases[j];
            int at = group == null ? 0 : group[j] * stride;
            int code = DigitCodes.code(c);
            if (l.second) {
                int s = DigitCodes.second(code);
                if (s < 10) {
                    t[at + s]++;
                }
            }
            int last = DigitCodes.last(code);
            double q = b < 0 ? Double.NaN : (double) c / b;
            if (lastMin.length > 0) {
                // the squared binomial spread as TestInput.binomialSd computes it before its root: NaN for a
                // missing base, 0 for a zero base (see lastSd2)
                double sd2 = b < 0 ? Double.NaN : b == 0 ? 0 : c * Math.max(0.0, 1 - q);
                int bits = 0;
                for (int r = 0; r < lastMin.length; r++) {
                    bits |= c >= lastMin[r] && (lastSd[r] == 0 || sd2 >= l.lastSd2[r]) ? 1 << r : 0;
                }
                t[at + l.lastAt + 10 * bits + last]++;
            }
            for (int r = 0; r < pairMin.length; r++) {
                if (c >= pairMin[r]) {
                    t[at + l.pairAt + 100 * r + 10 * DigitCodes.penultimate(code) + last]++;
                }
            }
            if (l.p05 && !Double.isNaN(q)) {
                int z = ZERO_OR_FIVE[(int) Math.rint(100 * Math.min(q, 1.0))];
                if (z >= 0) {
                    t[at + l.p05At + z]++;
                }
            }
        }
    }

    private void addInteger(UnitChunk chunk, int len, int[] group) {
        int[] n = chunk.registered();
        int[] b = chunk.ballots();
        int[] r = chunk.shareDenominator();
        int[] w = chunk.votes(spec.leader);
        int period = spec.integer.period();
        long[] t = integerTally;
        for (int j = 0; j < len; j++) {
            int nj = n[j];
            int bj = b[j];
            int rj = r[j];
            int wj = w[j];
            if (!IntegerPercentTest.included(nj, bj, rj, wj)) {
                continue;
            }
            boolean li = CountNull.isInteger(wj, rj, period);
            boolean ti = CountNull.isInteger(bj, nj, period);
            int at = group == null ? 0 : group[j] * CountNull.INTEGER_STATS;
            t[at + 12]++;
            if (li || ti) {
                t[at]++;
                t[at + 1] += nj;
                t[at + 2] += bj;
                t[at + 3] += wj;
            }
            if (li) {
                t[at + 4]++;
                t[at + 5] += nj;
                t[at + 6] += bj;
                t[at + 7] += wj;
            }
            if (ti) {
                t[at + 8]++;
                t[at + 9] += nj;
                t[at + 10] += bj;
                t[at + 11] += wj;
            }
        }
    }

    @Override
    public void finish(double[] out, int offset) {
        int slots = spec.groups + 1;
        for (int v = 0; v < spec.vars.length; v++) {
            CountVariableLayout l = spec.vars[v];
            if (!l.any) {
                continue;
            }
            int tests = l.tests.size();
            long[] t = tally[v];
            long[] sum = nationalOf(t, l.stride, national[v]);
            for (int slot = 0; slot < slots; slot++) {
                long[] src = slot == 0 ? sum : t;
                int at = slot == 0 ? 0 : (slot - 1) * l.stride;
                for (int k = 0; k < tests; k++) {
                    out[offset + spec.valueOffset[v] + slot * tests + k] = l.value(k, src, at);
                }
            }
        }
        if (integerTally != null) {
            long[] sum = nationalOf(integerTally, CountNull.INTEGER_STATS, national[spec.vars.length]);
            for (int slot = 0; slot < slots; slot++) {
                long[] src = slot == 0 ? sum : integerTally;
                int at = slot == 0 ? 0 : (slot - 1) * CountNull.INTEGER_STATS;
                for (int k = 0; k < CountNull.INTEGER_STATS; k++) {
                    out[offset + spec.integerOffset + slot * CountNull.INTEGER_STATS + k] = src[at + k];
                }
            }
        }
        if (spec.width == 0) {
            out[offset] = 0;
        }
    }

    /** @return the sum of the groups' tallies (the tally itself without a grouping) */
    private long[] nationalOf(long[] t, int stride, long[] s) {
        if (spec.groups == 0) {
            return t;
        }
        java.util.Arrays.fill(s, 0);
        for (int g = 0; g < spec.groups; g++) {
            for (int i = 0; i < stride; i++) {
                s[i] += t[g * stride + i];
            }
        }
        return s;
    }
}
