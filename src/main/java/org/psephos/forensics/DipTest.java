package org.psephos.forensics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Hartigan's dip test of unimodality ({@code DipT}), as the Election Forensics Toolkit runs it on turnout and on
 * each option's share: {@code diptest::dip.test(pct)$p.value}, flagged if below 0.05.
 *
 * <p>The dip statistic is the largest distance between the empirical distribution function and the closest
 * unimodal distribution function, \( D_n = \inf_{F \text{ unimodal}} \sup_x |F_n(x) - F(x)| \) (Hartigan and
 * Hartigan 1985, Ann. Statist. 13(1):70–84, doi:10.1214/aos/1176346577). It is computed exactly with the
 * greatest-convex-minorant / least-concave-majorant algorithm AS 217 (P. M. Hartigan 1985, Appl. Statist.
 * 34(3):320–325, doi:10.2307/2347485), ported from Maechler's C translation in the R package {@code diptest},
 * including its two bug fixes (the infinite loop on unimodal data, 1994; the misplaced parenthesis, 2003). As in
 * {@code diptest::dip(x)} (with its default {@code min.is.0 = FALSE}) the smallest possible value is
 * \( 1/(2n) \), which samples of one value, of one distinct value, and of two or three values get (diptest 0.76.0:
 * {@code dip(c(3, 1, 2))} is 1/6, {@code dip(rep(2, 5))} is 0.1); the empty sample has dip 0.
 *
 * <p>The p-value is that of {@code dip.test(x)} without simulation: \( \sqrt{n} D_n \) is located by linear
 * interpolation in the table of null quantiles {@code qDiptab} (uniform samples), interpolated linearly in
 * \( n \) between the two tabulated sample sizes around \( n \); beyond the table's largest \( n \) (72,000)
 * its last row serves as the asymptotic distribution. The table ships as the resource {@code qDiptab.txt}.
 *
 * <p>Edge cases: NaN values are dropped (as {@code complete.cases} does); \( n \le 3 \) gives p = 1, and a
 * constant sample of n ≥ 4 values the table's p-value of its dip 1/(2n), as {@code dip.test} does. In the battery
 * the test does not apply to fewer than {@link BatteryOptions#minUnits()} units or to identical values.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class DipTest implements ForensicTest {
    /** The test id. */
    public static final String ID = "DipT";
    /** The significance level of the flag rule. */
    public static final double ALPHA = 0.05;

    private static final DipTest DEFAULT = new DipTest();

    private DipTest() {
    }

    /** @return the dip test with the Election Forensics Toolkit's flag rule (p &lt; 0.05) */
    public static DipTest withDefaults() {
        return DEFAULT;
    }

    /** @return {@link NullModel#TWINS}: the clean-twin null */
    @Override
    public NullModel nullModel() {
        return NullModel.TWINS;
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * The outcome of the dip test on one sample.
     *
     * @param statistic the dip \( D_n \)
     * @param pValue    the p-value by interpolation in {@code qDiptab}
     * @param n         the number of (non-NaN) values
     * @param modalLow  lower end of the modal interval (NaN if n = 0)
     * @param modalHigh upper end of the modal interval (NaN if n = 0)
     */
    public record Result(double statistic, double pValue, int n, double modalLow, double modalHigh) {
        /**
         * @param alpha significance level in (0, 0.5]
         * @return whether the p-value is below alpha
         * @throws IllegalArgumentException if alpha is outside (0, 0.5]
         */
        public boolean reject(double alpha) {
            if (!(alpha > 0 && alpha <= 0.5)) {
                throw new IllegalArgumentException("alpha is not in (0, 0.5]: " + alpha);
            }
            return pValue < alpha;
        }
    }

    /**
     * @param x the sample, in any order; NaN values are ignored; not modified
     * @return the dip statistic, its p-value and the modal interval
     */
    public Result test(double[] x) {
        return testSorted(sortedFinite(x));
    }

    /** @param s sorted values without NaN @return the dip test on them */
    private static Result testSorted(double[] s) {
        int[] loHi = new int[2];
        double d = dip(s, loHi);
        int n = s.length;
        double lo = n == 0 ? Double.NaN : s[loHi[0]];
        double hi = n == 0 ? Double.NaN : s[loHi[1]];
        return new Result(d, pValue(d, n), n, lo, hi);
    }

    /**
     * @param x the sample, in any order; NaN values are ignored; not modified
     * @return the dip statistic \( D_n \)
     */
    public static double statistic(double[] x) {
        return dip(sortedFinite(x), new int[2]);
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        double[] p = input.proportions();
        int minUnits = options.conventionsFor(ID).minimum(options.minUnits());
        if (p.length < minUnits) {
            return TestResult.notApplicable(ID, input, p.length,
                    String.format(Locale.ROOT, "fewer than %d units", minUnits));
        }
        double[] sorted = sortedFinite(p);
        if (sorted.length == 0 || sorted[0] == sorted[sorted.length - 1]) {
            return TestResult.notApplicable(ID, input, p.length, "all values are equal");
        }
        Result r = testSorted(sorted);
        return TestResult.of(ID, input).statistic(r.statistic()).pValue(r.pValue()).flag(r.pValue() < ALPHA)
                .n(r.n()).details(new ShapeDetails.Dip(r.modalLow(), r.modalHigh()));
    }

    private static double[] sortedFinite(double[] x) {
        double[] s = Arrays.stream(x).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(s);
        return s;
    }

    /*
     * Implementation note. A port of diptst() in diptest's src/dip.c (AS 217 as translated by f2c and edited by
     * Maechler). Arrays are used 1-based, as there, so that the index arithmetic (which enters the distances)
     * stays visibly the same; the work is done in units of n * dip and divided by 2n at the end. Floating-point
     * expressions keep the C evaluation order so that the statistic agrees with R to the last bits.
     */
    static double dip(double[] sorted, int[] loHi) {
        return dip(sorted, sorted.length, loHi, new Scratch(sorted.length));
    }

    /** Work arrays of {@link #dip(double[], int, int[], Scratch)}, reusable for samples of up to their capacity. */
    static final class Scratch {
        final double[] x;
        final int[] mn;
        final int[] mj;
        final int[] gcm;
        final int[] lcm;

        /** @param capacity the largest sample */
        Scratch(int capacity) {
            x = new double[capacity + 1];
            mn = new int[capacity + 1];
            mj = new int[capacity + 1];
            gcm = new int[capacity + 1];
            lcm = new int[capacity + 1];
        }

        /** @return whether samples of n values fit */
        boolean fits(int n) {
            return x.length > n;
        }
    }

    /**
     * @param sorted  the first n values are the sample, in increasing order, without NaN
     * @param n       the sample size
     * @param loHi    receives the modal interval's indices
     * @param scratch work arrays of capacity at least n
     * @return the dip statistic, as {@link #dip(double[], int[])}
     */
    static double dip(double[] sorted, int n, int[] loHi, Scratch scratch) {
        loHi[0] = 0;
        loHi[1] = Math.max(n - 1, 0);
        if (n == 0) {
            return 0.0;
        }
        if (n < 2 || sorted[n - 1] == sorted[0]) {
            return 1.0 / (2 * n); // diptest: 2n·dip starts at 1 and these samples return at once
        }
        double[] x = scratch.x;
        System.arraycopy(sorted, 0, x, 1, n);
        int[] mn = scratch.mn;
        int[] mj = scratch.mj;
        int[] gcm = scratch.gcm;
        int[] lcm = scratch.lcm;

        // Indices over which combination is necessary for the convex minorant fit.
        mn[1] = 1;
        for (int j = 2; j <= n; j++) {
            mn[j] = j - 1;
            while (true) {
                int mnj = mn[j];
                int mnmnj = mn[mnj];
                if (mnj == 1 || (x[j] - x[mnj]) * (mnj - mnmnj) < (x[mnj] - x[mnmnj]) * (j - mnj)) {
                    break;
                }
                mn[j] = mnmnj;
            }
        }
        // ... and for the concave majorant fit.
        mj[n] = n;
        for (int k = n - 1; k >= 1; k--) {
            mj[k] = k + 1;
            while (true) {
                int mjk = mj[k];
                int mjmjk = mj[mjk];
                if (mjk == n || (x[k] - x[mjk]) * (mjk - mjmjk) < (x[mjk] - x[mjmjk]) * (k - mjk)) {
                    break;
                }
                mj[k] = mjmjk;
            }
        }

        int low = 1;
        int high = n;
        double dip = 1.0;
        while (true) {
            // Change points of the GCM from high to low, and of the LCM from low to high.
            int ic = 1;
            gcm[1] = high;
            while (gcm[ic] > low) {
                gcm[ic + 1] = mn[gcm[ic]];
                ic++;
            }
            int icx = ic;
            ic = 1;
            lcm[1] = low;
            while (lcm[ic] < high) {
                lcm[ic + 1] = mj[lcm[ic]];
                ic++;
            }
            int icv = ic;

            int ig = icx;
            int ih = icv;
            int ix = icx - 1;
            int iv = 2;
            double d = 0.0;
            if (icx != 2 || icv != 2) {
                do {
                    int gcmix = gcm[ix];
                    int lcmiv = lcm[iv];
                    if (gcmix > lcmiv) {
                        // The next point of either the GCM or LCM is from the LCM.
                        int gcmi1 = gcm[ix + 1];
                        double dx = (lcmiv - gcmi1 + 1)
                                - (x[lcmiv] - x[gcmi1]) * (gcmix - gcmi1) / (x[gcmix] - x[gcmi1]);
                        iv++;
                        if (dx >= d) {
                            d = dx;
                            ig = ix + 1;
                            ih = iv - 1;
                        }
                    } else {
                        // The next point is from the GCM.
                        int lcmiv1 = lcm[iv - 1];
                        double dx = (x[gcmix] - x[lcmiv1]) * (lcmiv - lcmiv1) / (x[lcmiv] - x[lcmiv1])
                                - (gcmix - lcmiv1 - 1);
                        ix--;
                        if (dx >= d) {
                            d = dx;
                            ig = ix + 1;
                            ih = iv;
                        }
                    }
                    if (ix < 1) {
                        ix = 1;
                    }
                    if (iv > icv) {
                        iv = icv;
                    }
                } while (gcm[ix] != lcm[iv]);
            } else {
                d = 1.0;
            }
            if (d < dip) {
                break;
            }

            // The dips of the convex minorant and of the concave majorant for the current low and high.
            double dipL = 0.0;
            for (int j = ig; j <= icx - 1; j++) {
                double temp = 1.0;
                int jb = gcm[j + 1];
                int je = gcm[j];
                if (je - jb > 1 && x[je] != x[jb]) {
                    double c = (je - jb) / (x[je] - x[jb]);
                    for (int jr = jb; jr <= je; jr++) {
                        double t = (jr - jb + 1) - (x[jr] - x[jb]) * c;
                        if (temp < t) {
                            temp = t;
                        }
                    }
                }
                if (dipL < temp) {
                    dipL = temp;
                }
            }
            double dipU = 0.0;
            for (int k = ih; k <= icv - 1; k++) {
                double temp = 1.0;
                int kb = lcm[k];
                int ke = lcm[k + 1];
                if (ke - kb > 1 && x[ke] != x[kb]) {
                    double c = (ke - kb) / (x[ke] - x[kb]);
                    for (int kr = kb; kr <= ke; kr++) {
                        double t = (x[kr] - x[kb]) * c - (kr - kb - 1);
                        if (temp < t) {
                            temp = t;
                        }
                    }
                }
                if (dipU < temp) {
                    dipU = temp;
                }
            }
            double dipNew = Math.max(dipU, dipL);
            if (dip < dipNew) {
                dip = dipNew;
            }
            // Without this check (Maechler 1994) unimodal data can loop forever.
            if (low == gcm[ig] && high == lcm[ih]) {
                break;
            }
            low = gcm[ig];
            high = lcm[ih];
        }
        loHi[0] = low - 1;
        loHi[1] = high - 1;
        return dip / (2 * n);
    }

    /**
     * The p-value of {@code diptest::dip.test} without simulation.
     *
     * @param dip the dip statistic of a sample
     * @param n   the sample size
     * @return \( 1 - \hat F_n(\sqrt{n} D_n) \), where \( \hat F_n \) interpolates {@code qDiptab}; 1 if n &lt; 4
     */
    public static double pValue(double dip, int n) {
        if (n <= 3) {
            return 1.0;
        }
        return 1.0 - QTable.INSTANCE.cdf(dip, n);
    }

    /** The {@code qDiptab} resource and R's interpolation in it. */
    static final class QTable {
        static final QTable INSTANCE = load();

        private final int[] sizes;
        private final double[] probs;
        private final double[][] quantiles;

        private QTable(int[] sizes, double[] probs, double[][] quantiles) {
            this.sizes = sizes;
            this.probs = probs;
            this.quantiles = quantiles;
        }

        private static QTable load() {
            try (InputStream in = DipTest.class.getResourceAsStream("qDiptab.txt")) {
                if (in == null) {
                    throw new IllegalStateException("resource qDiptab.txt is missing");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                double[] probs = null;
                List<Integer> sizes = new ArrayList<>();
                List<double[]> rows = new ArrayList<>();
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String t = line.trim();
                    if (t.isEmpty() || t.startsWith("#")) {
                        continue;
                    }
                    String[] f = t.split("\\s+");
                    double[] v = new double[f.length - 1];
                    for (int i = 1; i < f.length; i++) {
                        v[i - 1] = Double.parseDouble(f[i]);
                    }
                    if (probs == null) {
                        probs = v;
                    } else {
                        sizes.add(Integer.parseInt(f[0]));
                        rows.add(v);
                    }
                }
                return new QTable(sizes.stream().mapToInt(Integer::intValue).toArray(), probs,
                        rows.toArray(new double[0][]));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read qDiptab.txt", e);
            }
        }

        /*
         * Implementation note: dip.test's
         *   y <- y.0 + f.n * (y.1 - y.0);  P <- 1 - approx(y, P.s, rule = 2, xout = sqrt(n) * D)$y
         * where approx's default ties = mean first collapses equal abscissae to the mean of their ordinates
         * (small n have many equal quantiles), and rule = 2 extrapolates by the end values.
         */
        double cdf(double dip, int n) {
            int last = sizes.length - 1;
            int i0;
            int i1;
            double f;
            if (n >= sizes[last]) {
                i0 = last;
                i1 = last;
                f = 0.0;
            } else {
                i0 = 0;
                while (i0 + 1 <= last && sizes[i0 + 1] <= n) {
                    i0++;
                }
                i1 = i0 + 1;
                f = (double) (n - sizes[i0]) / (sizes[i1] - sizes[i0]);
            }
            double s0 = Math.sqrt(sizes[i0]);
            double s1 = Math.sqrt(sizes[i1]);
            int m = probs.length;
            double[] xs = new double[m];
            for (int j = 0; j < m; j++) {
                double y0 = s0 * quantiles[i0][j];
                double y1 = s1 * quantiles[i1][j];
                xs[j] = y0 + f * (y1 - y0);
            }
            return approxTiesMean(xs, probs, Math.sqrt(n) * dip);
        }

        /** R's approx(x, y, xout = v, rule = 2, ties = mean) for x already non-decreasing. */
        static double approxTiesMean(double[] x, double[] y, double v) {
            double[] ux = new double[x.length];
            double[] uy = new double[x.length];
            int u = 0;
            for (int j = 0; j < x.length;) {
                int k = j;
                double sum = 0;
                while (k < x.length && x[k] == x[j]) {
                    sum += y[k];
                    k++;
                }
                ux[u] = x[j];
                uy[u] = sum / (k - j);
                u++;
                j = k;
            }
            if (v <= ux[0]) {
                return uy[0];
            }
            if (v >= ux[u - 1]) {
                return uy[u - 1];
            }
            int i = 0;
            int j = u - 1;
            while (i < j - 1) {
                int mid = (i + j) >>> 1;
                if (v < ux[mid]) {
                    j = mid;
                } else {
                    i = mid;
                }
            }
            if (v == ux[j]) {
                return uy[j];
            }
            if (v == ux[i]) {
                return uy[i];
            }
            return uy[i] + (uy[j] - uy[i]) * ((v - ux[i]) / (ux[j] - ux[i]));
        }
    }
}
