package org.psephos.forensics;

import java.util.ArrayList;
import java.util.List;

/**
 * What one variable's count-level tests need from its counts, and where in the tally of {@link CountNull}: which
 * digits to count under which inclusion rules (the distinct last-digit rules, the distinct pair minimums), the
 * tally's layout within a group, and each test's value read back from a tally. Package-private, immutable.
 */
final class CountVariableLayout {
    /** What a test reads from the tally. */
    enum Kind {
        /** 2BL: the mean second digit. */
        SECOND_DIGIT_MEAN,
        /** 2BLChi2: Pearson's chi-square of the second digits against Benford. */
        SECOND_DIGIT_CHI2,
        /** LastC: the mean last digit of the counts passing its rule. */
        LAST_DIGIT_MEAN,
        /** LastDigitChi2: chi-square of the last digits against uniform. */
        LAST_DIGIT_CHI2,
        /** C05s: the share of last digits 0 or 5. */
        ZERO_FIVE_COUNTS,
        /** P05s: the share of whole percentages ending in 0 or 5. */
        ZERO_FIVE_PERCENTS,
        /** Repeats, Adjacent, Distant: the share of last-two-digit pairs of the test's kind. */
        DIGIT_PAIR
    }

    private static final double[] BENFORD = BenfordSecondDigit.probabilities();

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
    final Kind[] kind;
    final int[] rule;
    final boolean[][] pairKind;
    final boolean any;

    CountVariableLayout(List<ForensicTest> list) {
        tests = List.copyOf(list);
        boolean sec = false;
        boolean p = false;
        List<int[]> lastRules = new ArrayList<>();
        List<Double> lastSds = new ArrayList<>();
        List<Integer> pairs = new ArrayList<>();
        kind = new Kind[tests.size()];
        rule = new int[tests.size()];
        pairKind = new boolean[tests.size()][];
        for (int t = 0; t < tests.size(); t++) {
            ForensicTest test = tests.get(t);
            if (test instanceof SecondDigitMean) {
                sec = true;
                kind[t] = Kind.SECOND_DIGIT_MEAN;
            } else if (test instanceof SecondDigitChi2) {
                sec = true;
                kind[t] = Kind.SECOND_DIGIT_CHI2;
            } else if (test instanceof LastDigitMean m) {
                kind[t] = Kind.LAST_DIGIT_MEAN;
                rule[t] = lastRule(lastRules, lastSds, m.minCount(), LastDigitMean.MIN_BINOMIAL_SD);
            } else if (test instanceof LastDigitChi2 c) {
                kind[t] = Kind.LAST_DIGIT_CHI2;
                rule[t] = lastRule(lastRules, lastSds, c.minCount(), 0);
            } else if (test instanceof ZeroFiveCounts z) {
                kind[t] = Kind.ZERO_FIVE_COUNTS;
                rule[t] = lastRule(lastRules, lastSds, z.minCount(), ZeroFiveCounts.MIN_BINOMIAL_SD);
            } else if (test instanceof ZeroFivePercents) {
                kind[t] = Kind.ZERO_FIVE_PERCENTS;
                p = true;
            } else if (test instanceof DigitPairTest<?> d) {
                kind[t] = Kind.DIGIT_PAIR;
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
            case SECOND_DIGIT_MEAN: {
                long n = 0;
                long s = 0;
                for (int d = 0; d < 10; d++) {
                    n += tally[at + d];
                    s += d * tally[at + d];
                }
                return n == 0 ? Double.NaN : (double) s / n;
            }
            case SECOND_DIGIT_CHI2:
                return NullDistributions.chiSquare(tally, at, BENFORD);
            case LAST_DIGIT_MEAN: {
                long[] h = lastDigits(tally, at, rule[t]);
                long n = 0;
                long s = 0;
                for (int d = 0; d < 10; d++) {
                    n += h[d];
                    s += d * h[d];
                }
                return n == 0 ? Double.NaN : (double) s / n;
            }
            case LAST_DIGIT_CHI2:
                return NullDistributions.chiSquare(lastDigits(tally, at, rule[t]),
                        NullDistributions.UNIFORM_DIGITS);
            case ZERO_FIVE_COUNTS: {
                long[] h = lastDigits(tally, at, rule[t]);
                long n = 0;
                for (int d = 0; d < 10; d++) {
                    n += h[d];
                }
                return n == 0 ? Double.NaN : (double) (h[0] + h[5]) / n;
            }
            case ZERO_FIVE_PERCENTS: {
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
