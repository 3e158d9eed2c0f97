package org.psephos.forensics;

import java.util.ArrayList;
import java.util.List;
import org.psephos.forensics.nulls.DigitCodes;
import org.psephos.forensics.nulls.NullStatistic;
import org.psephos.forensics.nulls.UnitChunk;

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
 *   <li>P05s: the last digit of rint(100·min(c/B, 1)) for every defined proportion;</li>
 *   <li>IntegerPercent: Kobak et al.'s twelve statistics (three variants × four weightings), with their inclusion
 *       rules and weights evaluated on each election's own counts, so that a replicate is tested exactly as the data
 *       are (the integer indicator is exact: a floating-point test, with the integer test of
 *       {@code IntegerPercentTest.isInteger} within 1e-9 of the ±0.05 boundary).</li>
 * </ul>
 * Groups: tallies are kept per group (the chunk's group codes) and the national tally is their sum. One division per
 * count (its proportion) serves the binomial-spread rule, P05s and the integer indicator. Immutable; accumulators are
 * not thread-safe.
 */
final class CountNull implements NullStatistic {
    /** The integer-percentage values per slot: the twelve statistics, then the stations included. */
    static final int INTEGER_STATS = 13;
    private static final double[] BENFORD = BenfordSecondDigit.probabilities();
    /** Per whole percentage 0..100: 1 if its last digit is 0 or 5 (a table instead of a division per count). */
    private static final int[] ZERO_OR_FIVE = new int[101];

    static {
        for (int pct = 0; pct <= 100; pct++) {
            ZERO_OR_FIVE[pct] = (int) Digits.zeroOrFive(Digits.last(pct));
        }
    }

    /** Per variable (0 = turnout, 1 + k = option k): its tests, their layout and their value readers. */
    private final VariableLayout[] vars;
    /** The integer-percentage test, or null. */
    private final IntegerPercentTest integer;
    /** Groups (slots beyond the national one); 0 without a grouping. */
    private final int groups;
    private final int leader;
    private final int width;
    /** Offset of each variable's values, and of the integer statistics. */
    private final int[] valueOffset;
    private final int integerOffset;

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
        vars = new VariableLayout[perVariable.size()];
        valueOffset = new int[vars.length];
        int off = 0;
        for (int v = 0; v < vars.length; v++) {
            vars[v] = new VariableLayout(perVariable.get(v));
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

    /** What one variable's tests need from its counts, and where in the tally. */
    private static final class VariableLayout {
        final List<ForensicTest> tests;
        final boolean second;
        /** Distinct last-digit rules: smallest count and smallest binomial sd (0: no sd rule). */
        final int[] lastMin;
        final double[] lastSd;
        /**
         * The squares of lastSd: √v ≥ s exactly when v ≥ s² for the thresholds used (6 and 3.5, whose squares are
         * exact and whose square roots are exact: a correctly rounded root is monotone and returns s at s² and less
         * than s below it), so the root of {@link TestInput#binomialSd()} need not be taken per count.
         */
        final double[] lastSd2;
        /** Distinct smallest counts of the pair tests. */
        final int[] pairMin;
        final boolean p05;
        /**
         * Tally layout within a group: second digits 10; then last digits by which rules the count passes, 10 per
         * pattern of rules (2^rules patterns: one increment per count, read per rule in finish); then 100 per pair
         * minimum; then P05s 2 (the units whose percentage does not, and does, end in 0 or 5).
         */
        final int lastAt;
        final int pairAt;
        final int p05At;
        final int stride;
        /** Per test: kind of value and the rule it reads. */
        final int[] kind;
        final int[] rule;
        final boolean[][] pairKind;
        final boolean any;

        VariableLayout(List<ForensicTest> list) {
            tests = List.copyOf(list);
            boolean sec = false;
            boolean p = false;
            List<int[]> lastRules = new ArrayList<>();
            List<Double> lastSds = new ArrayList<>();
            List<Integer> pairs = new ArrayList<>();
            kind = new int[tests.size()];
            rule = new int[tests.size()];
            pairKind = new boolean[tests.size()][];
            for (int t = 0; t < tests.size(); t++) {
                ForensicTest test = tests.get(t);
                if (test instanceof SecondDigitMean) {
                    sec = true;
                    kind[t] = 0;
                } else if (test instanceof SecondDigitChi2) {
                    sec = true;
                    kind[t] = 1;
                } else if (test instanceof LastDigitMean m) {
                    kind[t] = 2;
                    rule[t] = lastRule(lastRules, lastSds, m.minCount(), LastDigitMean.MIN_BINOMIAL_SD);
                } else if (test instanceof LastDigitChi2 c) {
                    kind[t] = 3;
                    rule[t] = lastRule(lastRules, lastSds, c.minCount(), 0);
                } else if (test instanceof ZeroFiveCounts z) {
                    kind[t] = 4;
                    rule[t] = lastRule(lastRules, lastSds, z.minCount(), ZeroFiveCounts.MIN_BINOMIAL_SD);
                } else if (test instanceof ZeroFivePercents) {
                    kind[t] = 5;
                    p = true;
                } else if (test instanceof DigitPairTest<?> d) {
                    kind[t] = 6;
                    int at = pairs.indexOf(d.minCount());
                    if (at < 0) {
                        at = pairs.size();
                        pairs.add(d.minCount());
                    }
                    rule[t] = at;
                    pairKind[t] = new boolean[100];
                    for (int d1 = 0; d1 < 10; d1++) {
                        for (int d2 = 0; d2 < 10; d2++) {
                            pairKind[t][10 * d1 + d2] = d.isKind(d1, d2);
                        }
                    }
                } else {
                    throw new IllegalArgumentException("not a count-level test of the resampling null: " + test.id());
                }
            }
            second = sec;
            p05 = p;
            lastMin = lastRules.stream().mapToInt(r -> r[0]).toArray();
            lastSd = lastSds.stream().mapToDouble(Double::doubleValue).toArray();
            lastSd2 = new double[lastSd.length];
            for (int r = 0; r < lastSd.length; r++) {
                lastSd2[r] = lastSd[r] * lastSd[r];
                if (lastSd[r] > 0 && Math.sqrt(lastSd2[r]) != lastSd[r]) {
                    throw new IllegalStateException("binomial sd threshold whose square is not exact: " + lastSd[r]);
                }
            }
            pairMin = pairs.stream().mapToInt(Integer::intValue).toArray();
            lastAt = 10;
            pairAt = lastAt + (lastMin.length == 0 ? 0 : 10 << lastMin.length);
            p05At = pairAt + 100 * pairMin.length;
            stride = p05At + 2;
            any = !tests.isEmpty();
        }

        private static int lastRule(List<int[]> rules, List<Double> sds, int min, double sd) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i)[0] == min && sds.get(i) == sd) {
                    return i;
                }
            }
            rules.add(new int[] {min});
            sds.add(sd);
            return rules.size() - 1;
        }

        /** @return the value of test t from a group's (or the national) tally starting at {@code at} */
        double value(int t, long[] tally, int at) {
            switch (kind[t]) {
                case 0: {
                    long n = 0;
                    long s = 0;
                    for (int d = 0; d < 10; d++) {
                        n += tally[at + d];
                        s += d * tally[at + d];
                    }
                    return n == 0 ? Double.NaN : (double) s / n;
                }
                case 1:
                    return NullDistributions.chiSquare(tally, at, BENFORD);
                case 2: {
                    long[] h = lastDigits(tally, at, rule[t]);
                    long n = 0;
                    long s = 0;
                    for (int d = 0; d < 10; d++) {
                        n += h[d];
                        s += d * h[d];
                    }
                    return n == 0 ? Double.NaN : (double) s / n;
                }
                case 3:
                    return NullDistributions.chiSquare(lastDigits(tally, at, rule[t]),
                            NullDistributions.UNIFORM_DIGITS);
                case 4: {
                    long[] h = lastDigits(tally, at, rule[t]);
                    long n = 0;
                    for (int d = 0; d < 10; d++) {
                        n += h[d];
                    }
                    return n == 0 ? Double.NaN : (double) (h[0] + h[5]) / n;
                }
                case 5: {
                    long n = tally[at + p05At] + tally[at + p05At + 1];
                    return n == 0 ? Double.NaN : (double) tally[at + p05At + 1] / n;
                }
                default: {
                    int base = at + pairAt + 100 * rule[t];
                    long n = 0;
                    long k = 0;
                    boolean[] kinds = pairKind[t];
                    for (int q = 0; q < 100; q++) {
                        n += tally[base + q];
                        k += kinds[q] ? tally[base + q] : 0;
                    }
                    return n == 0 ? Double.NaN : (double) k / n;
                }
            }
        }

        /** @return the last-digit histogram of the counts passing rule r: the patterns of rules that include r */
        private long[] lastDigits(long[] tally, int at, int r) {
            long[] h = new long[10];
            for (int bits = 0; bits < 1 << lastMin.length; bits++) {
                if ((bits >> r & 1) != 0) {
                    int base = at + lastAt + 10 * bits;
                    for (int d = 0; d < 10; d++) {
                        h[d] += tally[base + d];
                    }
                }
            }
            return h;
        }
    }

    @Override
    public Accumulator accumulator(int units) {
        return new Acc();
    }

    /*
     * Implementation note. Per unit and variable: one division (the proportion q = c/B), the binomial-spread rule
     * from it (c·max(0, 1 − q), as TestInput.binomialSd), one table look-up for the digits (DigitCodes) and a few
     * increments of the group's tally; the turnout's and the leader's q serve the integer indicator. The tallies are
     * long arrays, one per variable, [group][stride]; the national tally is summed in finish.
     */
    private final class Acc implements Accumulator {
        private final long[][] tally = new long[vars.length][];
        private final long[] integerTally;
        /** Per variable (and the integer statistics last) the national tally, summed in finish. */
        private final long[][] national;

        Acc() {
            int slots = Math.max(1, groups);
            for (int v = 0; v < vars.length; v++) {
                tally[v] = new long[vars[v].any ? slots * vars[v].stride : 0];
            }
            integerTally = integer == null ? null : new long[slots * INTEGER_STATS];
            national = new long[vars.length + 1][];
            for (int v = 0; v < vars.length; v++) {
                national[v] = new long[vars[v].stride];
            }
            national[vars.length] = new long[INTEGER_STATS];
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
            int[] group = groups > 0 ? chunk.group() : null;
            for (int v = 0; v < vars.length; v++) {
                if (vars[v].any) {
                    addVariable(chunk, v, len, group);
                }
            }
            if (integer != null && leader >= 0) {
                addInteger(chunk, len, group);
            }
        }

        private void addVariable(UnitChunk chunk, int v, int len, int[] group) {
            VariableLayout l = vars[v];
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
                    int pct = (int) Math.rint(100 * Math.min(q, 1.0));
                    t[at + l.p05At + ZERO_OR_FIVE[pct]]++;
                }
            }
        }

        private void addInteger(UnitChunk chunk, int len, int[] group) {
            int[] n = chunk.registered();
            int[] b = chunk.ballots();
            int[] r = chunk.shareDenominator();
            int[] w = chunk.votes(leader);
            int period = integer.period();
            long[] t = integerTally;
            for (int j = 0; j < len; j++) {
                int nj = n[j];
                int bj = b[j];
                int rj = r[j];
                int wj = w[j];
                if (!IntegerPercentTest.included(nj, bj, rj, wj)) {
                    continue;
                }
                boolean li = isInteger(wj, rj, period);
                boolean ti = isInteger(bj, nj, period);
                int at = group == null ? 0 : group[j] * INTEGER_STATS;
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
            int slots = groups + 1;
            for (int v = 0; v < vars.length; v++) {
                VariableLayout l = vars[v];
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
                        out[offset + valueOffset[v] + slot * tests + k] = l.value(k, src, at);
                    }
                }
            }
            if (integerTally != null) {
                long[] sum = nationalOf(integerTally, INTEGER_STATS, national[vars.length]);
                for (int slot = 0; slot < slots; slot++) {
                    long[] src = slot == 0 ? sum : integerTally;
                    int at = slot == 0 ? 0 : (slot - 1) * INTEGER_STATS;
                    for (int k = 0; k < INTEGER_STATS; k++) {
                        out[offset + integerOffset + slot * INTEGER_STATS + k] = src[at + k];
                    }
                }
            }
            if (width == 0) {
                out[offset] = 0;
            }
        }

        /** @return the sum of the groups' tallies (the tally itself without a grouping) */
        private long[] nationalOf(long[] t, int stride, long[] s) {
            if (groups == 0) {
                return t;
            }
            java.util.Arrays.fill(s, 0);
            for (int g = 0; g < groups; g++) {
                for (int i = 0; i < stride; i++) {
                    s[i] += t[g * stride + i];
                }
            }
            return s;
        }
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
