package org.psephos.forensics;

import java.util.Arrays;
import java.util.List;
import org.psephos.forensics.nulls.NullStatistic;
import org.psephos.forensics.nulls.ReplicateSource;
import org.psephos.forensics.nulls.UnitChunk;

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
 * not thread-safe.
 */
final class ShapeNull implements NullStatistic {
    private static final int SKEW = 0;
    private static final int KURT = 1;
    private static final int DIP = 2;
    private static final int LOG_KURT = 3;
    private static final int CORR = 4;
    private static final int SLOPE = 5;
    private static final int CLASSIC = 6;

    private final int[][] kinds;
    private final List<List<ForensicTest>> tests;
    private final int groups;
    private final int slots;
    /** [variable][slot]: the shifts of the proportion, the log rate, turnout and the classic y. */
    private final double[][] shiftX;
    private final double[][] shiftL;
    private final double[][] shiftT;
    private final double[][] shiftC;
    private final int[] valueOffset;
    private final int width;
    private final boolean[] needMoments;
    private final boolean[] needLog;
    private final boolean[] needCross;
    private final boolean[] needClassic;
    private final boolean[] needDip;

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
        kinds = new int[vs][];
        valueOffset = new int[vs];
        needMoments = new boolean[vs];
        needLog = new boolean[vs];
        needCross = new boolean[vs];
        needClassic = new boolean[vs];
        needDip = new boolean[vs];
        int off = 0;
        for (int v = 0; v < vs; v++) {
            List<ForensicTest> ts = perVariable.get(v);
            kinds[v] = new int[ts.size()];
            for (int t = 0; t < ts.size(); t++) {
                ForensicTest test = ts.get(t);
                int k;
                if (test instanceof Skewness) {
                    k = SKEW;
                } else if (test instanceof Kurtosis) {
                    k = KURT;
                } else if (test instanceof DipTest) {
                    k = DIP;
                } else if (test instanceof LogVoteKurtosis) {
                    k = LOG_KURT;
                } else if (test instanceof TurnoutShareCorrelation) {
                    k = CORR;
                } else if (test instanceof Sobyanin s) {
                    k = s.formFor(options) == Sobyanin.Form.CLASSIC ? CLASSIC : SLOPE;
                } else {
                    throw new IllegalArgumentException("not a shape test of the clean-twin null: " + test.id());
                }
                kinds[v][t] = k;
                needMoments[v] |= k == SKEW || k == KURT;
                needDip[v] |= k == DIP;
                needLog[v] |= k == LOG_KURT;
                needCross[v] |= (k == CORR || k == SLOPE || k == CLASSIC) && v > 0;
                needClassic[v] |= k == CLASSIC && v > 0;
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
        Acc a = new Acc(0, true);
        a.start();
        observed.observe(new Accumulator[] {a});
        for (int v = 0; v < tests.size(); v++) {
            for (int s = 0; s < slots; s++) {
                double[] m = a.sums(v, s);
                shiftX[v][s] = m[M_N] > 0 ? m[M_S1] / m[M_N] : 0;
                double[] l = a.logSums(v, s);
                shiftL[v][s] = l[M_N] > 0 ? l[M_S1] / l[M_N] : 0;
                double[] c = a.crossSums(v, s);
                shiftT[v][s] = c[C_N] > 0 ? c[C_SX] / c[C_N] : 0;
                shiftC[v][s] = c[C_N] > 0 ? c[C_SC] / c[C_N] : 0;
            }
        }
    }

    private static final int M_S1 = 0;
    private static final int M_N = 4;
    private static final int MOMENTS = 5;
    private static final int C_SX = 0;
    private static final int C_SY = 1;
    private static final int C_SXX = 2;
    private static final int C_SYY = 3;
    private static final int C_SXY = 4;
    private static final int C_SC = 5;
    private static final int C_SCC = 6;
    private static final int C_SXC = 7;
    private static final int C_N = 8;
    private static final int CROSS = 9;

    @Override
    public Accumulator accumulator(int units) {
        return new Acc(units, false);
    }

    /*
     * Implementation note. Per variable and slot: moments [s1..s4, n] of x − shift, the same of the log rate, and
     * cross sums [sx, sy, sxx, syy, sxy, sc, scc, sxc, n] of turnout t − shiftT, the share y − shiftX and the classic
     * y c − shiftC. Every unit feeds its group's slot and the national slot (0). The dip keeps the proportions of each
     * slot in a buffer, sorted in finish. In the shift pass (plain = true) the shifts are 0 and the sums are plain.
     */
    private final class Acc implements Accumulator {
        private final boolean plain;
        private final double[][] mom;
        private final double[][] log;
        private final double[][] cross;
        /** [variable][slot]: dip buffers and their fill. */
        private final double[][][] dip;
        private final int[][] fill;
        private final int[] loHi = new int[2];
        private final RadixSort sorter = new RadixSort();
        private DipTest.Scratch dipScratch = new DipTest.Scratch(16);

        Acc(int units, boolean plain) {
            this.plain = plain;
            int vs = tests.size();
            mom = new double[vs][];
            log = new double[vs][];
            cross = new double[vs][];
            dip = new double[vs][][];
            fill = new int[vs][];
            for (int v = 0; v < vs; v++) {
                mom[v] = new double[slots * MOMENTS];
                log[v] = new double[slots * MOMENTS];
                cross[v] = new double[slots * CROSS];
                if (needDip[v] && !plain) {
                    dip[v] = new double[slots][];
                    dip[v][0] = new double[units];
                    fill[v] = new int[slots];
                }
            }
        }

        double[] sums(int v, int s) {
            return Arrays.copyOfRange(mom[v], s * MOMENTS, (s + 1) * MOMENTS);
        }

        double[] logSums(int v, int s) {
            return Arrays.copyOfRange(log[v], s * MOMENTS, (s + 1) * MOMENTS);
        }

        double[] crossSums(int v, int s) {
            return Arrays.copyOfRange(cross[v], s * CROSS, (s + 1) * CROSS);
        }

        @Override
        public void start() {
            for (int v = 0; v < tests.size(); v++) {
                Arrays.fill(mom[v], 0);
                Arrays.fill(log[v], 0);
                Arrays.fill(cross[v], 0);
                if (fill[v] != null) {
                    Arrays.fill(fill[v], 0);
                }
            }
        }

        @Override
        public void add(UnitChunk chunk) {
            int len = chunk.length();
            int[] group = groups > 0 ? chunk.group() : null;
            int[] reg = chunk.registered();
            int[] ballots = chunk.ballots();
            int[] base = chunk.shareDenominator();
            for (int v = 0; v < tests.size(); v++) {
                boolean m = needMoments[v] || plain;
                boolean l = needLog[v] || plain;
                boolean c = (needCross[v] || plain) && v > 0;
                boolean cl = (needClassic[v] || plain) && v > 0;
                boolean d = needDip[v] && !plain;
                if (!(m || l || c || d)) {
                    continue;
                }
                int[] counts = v == 0 ? ballots : chunk.votes(v - 1);
                int[] denom = v == 0 ? reg : base;
                double[] sx = shiftX[v];
                double[] sl = shiftL[v];
                double[] st = shiftT[v];
                double[] sc = shiftC[v];
                for (int j = 0; j < len; j++) {
                    int b = ballots[j];
                    int r = base[j];
                    int w = counts[j];
                    int den = denom[j];
                    if (b <= 0 || r <= 0 || w < 0 || den <= 0 || reg[j] <= 0) {
                        continue;
                    }
                    int g = group == null ? -1 : group[j];
                    double x = (double) w / den;
                    if (m) {
                        moments(mom[v], 0, x - sx[0]);
                        if (g >= 0) {
                            moments(mom[v], g + 1, x - sx[g + 1]);
                        }
                    }
                    if (l && w > 0 && w < den) {
                        double nu = Math.log((double) w / (den - w));
                        moments(log[v], 0, nu - sl[0]);
                        if (g >= 0) {
                            moments(log[v], g + 1, nu - sl[g + 1]);
                        }
                    }
                    if (c) {
                        double t = (double) b / reg[j];
                        double y2 = cl ? (double) w / reg[j] : 0;
                        crossSums(cross[v], 0, t - st[0], x - sx[0], y2 - sc[0]);
                        if (g >= 0) {
                            crossSums(cross[v], g + 1, t - st[g + 1], x - sx[g + 1], y2 - sc[g + 1]);
                        }
                    }
                    if (d) {
                        dip[v][0][fill[v][0]++] = x;
                        if (g >= 0) {
                            double[] buf = dip[v][g + 1];
                            int f = fill[v][g + 1];
                            if (buf == null || f == buf.length) {
                                buf = dip[v][g + 1] = Arrays.copyOf(buf == null ? new double[16] : buf,
                                        buf == null ? 16 : 2 * buf.length);
                            }
                            buf[f] = x;
                            fill[v][g + 1] = f + 1;
                        }
                    }
                }
            }
        }

        private void moments(double[] a, int slot, double d) {
            int at = slot * MOMENTS;
            double d2 = d * d;
            a[at] += d;
            a[at + 1] += d2;
            a[at + 2] += d2 * d;
            a[at + 3] += d2 * d2;
            a[at + 4] += 1;
        }

        private void crossSums(double[] a, int slot, double t, double y, double y2) {
            int at = slot * CROSS;
            a[at + C_SX] += t;
            a[at + C_SY] += y;
            a[at + C_SXX] += t * t;
            a[at + C_SYY] += y * y;
            a[at + C_SXY] += t * y;
            a[at + C_SC] += y2;
            a[at + C_SCC] += y2 * y2;
            a[at + C_SXC] += t * y2;
            a[at + C_N] += 1;
        }

        @Override
        public void finish(double[] out, int offset) {
            for (int v = 0; v < tests.size(); v++) {
                int[] k = kinds[v];
                for (int s = 0; s < slots; s++) {
                    double dipValue = Double.NaN;
                    if (needDip[v]) {
                        int f = fill[v][s];
                        double[] buf = dip[v][s];
                        if (f > 1) {
                            sorter.sort(buf, f);
                            if (!dipScratch.fits(f)) {
                                dipScratch = new DipTest.Scratch(f);
                            }
                            dipValue = buf[0] != buf[f - 1] ? DipTest.dip(buf, f, loHi, dipScratch) : Double.NaN;
                        }
                    }
                    for (int t = 0; t < k.length; t++) {
                        out[offset + valueOffset[v] + s * k.length + t] = value(k[t], v, s, dipValue);
                    }
                }
            }
            if (width == 0) {
                out[offset] = 0;
            }
        }

        private double value(int kind, int v, int s, double dipValue) {
            switch (kind) {
                case SKEW:
                case KURT: {
                    int at = s * MOMENTS;
                    double[] a = mom[v];
                    if (a[at + 4] < 1) {
                        return Double.NaN;
                    }
                    double[] m = Moments.centralFromSums((int) a[at + 4], a[at], a[at + 1], a[at + 2], a[at + 3]);
                    return kind == SKEW ? Moments.skewness(m[1], m[2], m[3]) : Moments.kurtosis(m[1], m[2], m[3]);
                }
                case LOG_KURT: {
                    int at = s * MOMENTS;
                    double[] a = log[v];
                    if (a[at + 4] < 2) {
                        return Double.NaN;
                    }
                    double[] m = Moments.centralFromSums((int) a[at + 4], a[at], a[at + 1], a[at + 2], a[at + 3]);
                    return Moments.kurtosis(m[1], m[2], m[3]);
                }
                case DIP:
                    return dipValue;
                default: {
                    int at = s * CROSS;
                    double[] a = cross[v];
                    double n = a[at + C_N];
                    if (n < 2) {
                        return Double.NaN;
                    }
                    boolean classic = kind == CLASSIC;
                    double[] reg = Moments.crossFromSums(n, a[at + C_SX], classic ? a[at + C_SC] : a[at + C_SY],
                            a[at + C_SXX], classic ? a[at + C_SCC] : a[at + C_SYY],
                            classic ? a[at + C_SXC] : a[at + C_SXY], 0);
                    return kind == CORR ? reg[0] : reg[1];
                }
            }
        }
    }
}
