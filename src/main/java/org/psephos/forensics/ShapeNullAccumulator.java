package org.psephos.forensics;

import java.util.Arrays;
import org.psephos.forensics.nulls.NullStatistic;
import org.psephos.forensics.nulls.UnitChunk;

/**
 * The sums of one worker of {@link ShapeNull}: per variable and slot (0 national, 1 + g group g) the power sums of
 * the proportions and of the log rates, the cross sums of turnout and the share, and the proportions for the dip;
 * the values read from them in {@link #finish(double[], int)} ({@link Moments#centralFromSums},
 * {@link Moments#crossFromSums}, {@link DipTest#dip}). Not thread-safe; one per worker.
 *
 * <p>Implementation note. Per variable and slot: moments [s1..s4, n] of x − shift, the same of the log rate, and
 * cross sums [sx, sy, sxx, syy, sxy, sc, scc, sxc, n] of turnout t − shiftT, the share y − shiftX and the classic
 * y c − shiftC. Every unit feeds its group's slot and the national slot (0). The dip keeps the proportions of each
 * slot in a buffer, sorted in finish. In the shift pass ({@link #plainSums}) the shifts are 0 and the sums are
 * plain.
 */
final class ShapeNullAccumulator implements NullStatistic.Accumulator {
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

    /** The statistic whose values this accumulates: its tests, groups, value layout and shifts. */
    private final ShapeNull spec;
    /** Whether this is the shift pass: plain sums of every variable, no dip. */
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

    private ShapeNullAccumulator(ShapeNull spec, int units, boolean plain) {
        this.spec = spec;
        this.plain = plain;
        int vs = spec.tests.size();
        mom = new double[vs][];
        log = new double[vs][];
        cross = new double[vs][];
        dip = new double[vs][][];
        fill = new int[vs][];
        for (int v = 0; v < vs; v++) {
            mom[v] = new double[spec.slots * MOMENTS];
            log[v] = new double[spec.slots * MOMENTS];
            cross[v] = new double[spec.slots * CROSS];
            if (spec.needDip[v] && !plain) {
                dip[v] = new double[spec.slots][];
                dip[v][0] = new double[units];
                fill[v] = new int[spec.slots];
            }
        }
    }

    /**
     * @param spec the statistic whose shifts are measured
     * @return the accumulator of the shift pass: plain sums (the shifts are still 0) of every variable, no dip
     */
    static ShapeNullAccumulator plainSums(ShapeNull spec) {
        return new ShapeNullAccumulator(spec, 0, true);
    }

    /**
     * @param spec  the statistic: its tests, groups, value layout and shifts
     * @param units the most units of an election (the national dip buffer's length)
     * @return a worker's accumulator of the sums about the shifts that the tests read
     */
    static ShapeNullAccumulator shiftedSums(ShapeNull spec, int units) {
        return new ShapeNullAccumulator(spec, units, false);
    }

    /** @return the mean proportion of variable v in slot s (0 without units) */
    double meanProportion(int v, int s) {
        return mean(mom[v], s * MOMENTS + M_S1, s * MOMENTS + M_N);
    }

    /** @return the mean log rate of variable v in slot s (0 without units) */
    double meanLogRate(int v, int s) {
        return mean(log[v], s * MOMENTS + M_S1, s * MOMENTS + M_N);
    }

    /** @return the mean turnout of the units of option variable v in slot s (0 without units or for turnout) */
    double meanTurnout(int v, int s) {
        return mean(cross[v], s * CROSS + C_SX, s * CROSS + C_N);
    }

    /** @return the mean votes per registered voter of option variable v in slot s (0 without units or for turnout) */
    double meanClassic(int v, int s) {
        return mean(cross[v], s * CROSS + C_SC, s * CROSS + C_N);
    }

    private static double mean(double[] a, int sum, int count) {
        return a[count] > 0 ? a[sum] / a[count] : 0;
    }

    @Override
    public void start() {
        for (int v = 0; v < spec.tests.size(); v++) {
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
        int[] group = spec.groups > 0 ? chunk.group() : null;
        int[] reg = chunk.registered();
        int[] ballots = chunk.ballots();
        int[] base = chunk.shareDenominator();
        for (int v = 0; v < spec.tests.size(); v++) {
            boolean m = spec.needMoments[v] || plain;
            boolean l = spec.needLog[v] || plain;
            boolean c = (spec.needCross[v] || plain) && v > 0;
            boolean cl = (spec.needClassic[v] || plain) && v > 0;
            boolean d = spec.needDip[v] && !plain;
            if (!(m || l || c || d)) {
                continue;
            }
            int[] counts = v == 0 ? ballots : chunk.votes(v - 1);
            int[] denom = v == 0 ? reg : base;
            double[] sx = spec.shiftX[v];
            double[] sl = spec.shiftL[v];
            double[] st = spec.shiftT[v];
            double[] sc = spec.shiftC[v];
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
        for (int v = 0; v < spec.tests.size(); v++) {
            ShapeKind[] k = spec.kinds[v];
            for (int s = 0; s < spec.slots; s++) {
                double dipValue = Double.NaN;
                if (spec.needDip[v]) {
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
                    out[offset + spec.valueOffset[v] + s * k.length + t] = value(k[t], v, s, dipValue);
                }
            }
        }
        if (spec.width == 0) {
            out[offset] = 0;
        }
    }

    /** @return the central moments of slot s's power sums in a, or null with fewer than minUnits units */
    private static double[] centralMoments(double[] a, int s, int minUnits) {
        int at = s * MOMENTS;
        if (a[at + M_N] < minUnits) {
            return null;
        }
        return Moments.centralFromSums((int) a[at + M_N], a[at], a[at + 1], a[at + 2], a[at + 3]);
    }

    private double value(ShapeKind kind, int v, int s, double dipValue) {
        switch (kind) {
            case SKEW:
            case KURT: {
                double[] m = centralMoments(mom[v], s, 1);
                return m == null ? Double.NaN : kind == ShapeKind.SKEW ? Moments.skewness(m[1], m[2], m[3])
                        : Moments.kurtosis(m[1], m[2], m[3]);
            }
            case LOG_KURT: {
                double[] m = centralMoments(log[v], s, 2);
                return m == null ? Double.NaN : Moments.kurtosis(m[1], m[2], m[3]);
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
                boolean classic = kind == ShapeKind.CLASSIC;
                double[] reg = Moments.crossFromSums(n, a[at + C_SX], classic ? a[at + C_SC] : a[at + C_SY],
                        a[at + C_SXX], classic ? a[at + C_SCC] : a[at + C_SYY],
                        classic ? a[at + C_SXC] : a[at + C_SXY], 0);
                return kind == ShapeKind.CORR ? reg[0] : reg[1];
            }
        }
    }
}
