package org.psephos.forensics;

import java.util.Arrays;
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
 * <p>The algorithm is {@link DipStatistic}'s, the table {@link DipTable}'s. Immutable and thread-safe.
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

    /** @return the dip of a sorted sample without NaN, with its modal interval's indices in {@code loHi} */
    static double dip(double[] sorted, int[] loHi) {
        return DipStatistic.dip(sorted, sorted.length, loHi, new Scratch(sorted.length));
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
     * The dip with the caller's work arrays (the clean-twin null computes a dip per replicate).
     *
     * @param sorted  the first n values are the sample, in increasing order, without NaN
     * @param n       the sample size
     * @param loHi    receives the modal interval's indices
     * @param scratch work arrays of capacity at least n
     * @return the dip statistic, as {@link DipStatistic#dip(double[], int, int[], Scratch)} computes it
     */
    static double dip(double[] sorted, int n, int[] loHi, Scratch scratch) {
        return DipStatistic.dip(sorted, n, loHi, scratch);
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
        return 1.0 - DipTable.INSTANCE.cdf(dip, n);
    }
}
