package org.psephos.benchmarks.nulls;

import org.psephos.forensics.nulls.NullStatistic;
import org.psephos.forensics.nulls.UnitChunk;

/**
 * A stand-in for what the percentage-based count tests will compute on every replicate, for timing only: P05s's
 * indicator (the last digit of round(100·share) is 0 or 5) for turnout and every option, and Kobak et al.'s twelve
 * integer-percentage counts (leader's result or turnout within 0.05 of a whole percentage, weighted by 1, N, B, W,
 * with their inclusion rule), exact as {@code IntegerPercentTest} (floating point, with the integer test only where
 * a percentage lies within 1e-9 of a bin edge). Width: options + 1 + 12.
 */
final class PercentIndicators implements NullStatistic {
    private final int options;

    PercentIndicators(int options) {
        this.options = options;
    }

    @Override
    public int width() {
        return options + 13;
    }

    static boolean integer(int k, int n) {
        double p = 100.0 * k / n;
        double d = Math.abs(p - Math.rint(p));
        if (Math.abs(d - 0.05) > 1e-9) {
            return d < 0.05;
        }
        long mod = 20L * n;
        long rem = (2000L * k) % mod;
        return rem <= n || rem >= mod - n;
    }

    @Override
    public Accumulator accumulator(int units) {
        return new Accumulator() {
            private final long[] acc = new long[width()];

            @Override
            public void start() {
                java.util.Arrays.fill(acc, 0);
            }

            @Override
            public void add(UnitChunk c) {
                int len = c.length();
                int[] reg = c.registered();
                int[] bal = c.ballots();
                int[] den = c.shareDenominator();
                for (int v = -1; v < options; v++) {
                    int[] k = c.counts(v);
                    int[] n = v < 0 ? reg : den;
                    long hits = 0;
                    for (int j = 0; j < len; j++) {
                        int pct = n[j] > 0 ? (int) Math.rint(100.0 * Math.min(1.0, (double) k[j] / n[j])) : 1;
                        int d = pct % 10;
                        hits += d == 0 || d == 5 ? 1 : 0;
                    }
                    acc[v + 1] += hits;
                }
                int[] w = c.votes(c.leader());
                long[] sums = new long[12];
                for (int j = 0; j < len; j++) {
                    int n = reg[j];
                    int b = bal[j];
                    int r = den[j];
                    int x = w[j];
                    if (!(r > 0 && n >= 100 && b >= 0 && x >= 0 && 100L * b <= 99L * n && 100L * x <= 99L * r)) {
                        continue;
                    }
                    int leader = integer(x, r) ? 1 : 0;
                    int turnout = integer(b, n) ? 1 : 0;
                    int[] flags = {leader | turnout, leader, turnout};
                    for (int f = 0; f < 3; f++) {
                        sums[4 * f] += flags[f];
                        sums[4 * f + 1] += (long) flags[f] * n;
                        sums[4 * f + 2] += (long) flags[f] * b;
                        sums[4 * f + 3] += (long) flags[f] * x;
                    }
                }
                for (int q = 0; q < 12; q++) {
                    acc[options + 1 + q] += sums[q];
                }
            }

            @Override
            public void finish(double[] out, int offset) {
                for (int i = 0; i < acc.length; i++) {
                    out[offset + i] = acc[i];
                }
            }
        };
    }
}
