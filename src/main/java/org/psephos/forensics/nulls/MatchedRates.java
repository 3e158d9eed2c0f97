package org.psephos.forensics.nulls;

import java.util.Arrays;
import org.psephos.simulation.Quantiles;
import org.psephos.simulation.SampleMoments;

/**
 * The rates of {@link ResamplingModel.Matched}: every binomial step of {@link CountResampler}'s nesting (the ballots
 * out of the registered voters, then each category out of what the categories after it leave) redrawn at the unit's
 * observed rate shrunk towards its group's centre on the logit scale, so that the replicates' counts spread across
 * units as the data's do instead of about twice as wide. Package-private; stateless.
 *
 * <p>Method (empirical Bayes on the logit scale: the normal–normal shrinkage of Efron and Morris 1975, "Data
 * analysis using Stein's estimator and its generalizations", JASA 70(350):311–319, made local by Tweedie's formula,
 * Efron 2011, "Tweedie's formula and selection bias", JASA 106(496):1602–1614, and matched in spread rather than in
 * mean, the constrained Bayes estimate of Louis 1984, JASA 79(386):393–398). For unit i with x_i successes out of
 * m_i trials: the logit ℓ_i of x_i / m_i (for x_i = 0 or m_i the empirical logit
 * \( \ln\frac{x_i + 1/2}{m_i - x_i + 1/2} \)) and its binomial variance
 * \( v_i = \frac{1}{x_i + 1/2} + \frac{1}{m_i - x_i + 1/2} \) (Cox and Snell 1989, Analysis of Binary Data, 2nd ed.,
 * section 2.1.6). If the latent logits spread τ² about a centre μ, the observed ones spread τ² + v_i, and the rate
 * <pre>
 *   logit p̃_i = ℓ_i + (1 − c_i)(μ − ℓ_i),   c_i = √(τ² / (τ² + v_i))
 * </pre>
 * spreads τ²: a binomial draw at p̃_i adds v_i back, so a replicate spreads τ² + v_i like the data. μ and τ² are
 * read locally from a Gaussian kernel density f of the logits (after subtracting each group's median logit, where
 * the units are grouped and the group has at least {@value #MIN_GROUP} units): for a normal marginal N(μ, S²),
 * μ − ℓ is Newton's step −(log f)'/(log f)'' and S² = −1/(log f)''; here S² is taken at ℓ_i, less the kernel's
 * h² and v_i, as τ². A marginal with several modes (a party strong in some regions and weak in others) is
 * shrunk towards the mode each unit sits in, not towards a national centre between them. Where log f is not concave
 * (between modes) or the density is thinner than about one unit's kernel, the rate is kept. The bandwidth is
 * Silverman's 0.9·min(sd, IQR/1.349)·n^(−1/5), at least a quarter of that spread and twice the median v_i (the
 * logits of counts lie on a lattice of spacing about v_i, which a narrower kernel would read as modes). Counts of
 * a few votes, whose v_i is large, are drawn close to their mode; counts in the hundreds keep c_i ≈ 1, so their rates
 * barely move. A count at 0 or at its full base (no votes; every listed voter voted) keeps its rate, 0 or 1, as
 * under the plain binomial null: such counts are often structural (a party absent from a locality, a special station
 * whose list is the people present), which the smooth latent spread cannot tell from chance, and shrinking them made
 * round-number tests read the data's zeros and 100% turnouts as an excess (Russia 2011, {@code docs/calibration.md}
 * section 11). They still enter the density, with the empirical logit above.
 *
 * <p>Steps left at their observed rates: a unit whose ballots are not redrawn (no registered voters, or more ballots
 * than registered); the "unfound" category (ballots − found, a bookkeeping residue, not a vote); a missing cell (no
 * trials); a unit with no trials left at a step; the chain's last category (its conditional rate is 1).
 */
final class MatchedRates {
    /** Fewest units with trials for a group's own centre. */
    static final int MIN_GROUP = 20;
    /** The IQR of a normal sample over its sd. */
    private static final double IQR_PER_SD = 1.3489795003921634;

    private MatchedRates() {
    }

    /**
     * @param v the units
     * @return per unit the shrunk turnout rate, or NaN where the ballots are not redrawn
     */
    static double[] turnout(ElectionView v) {
        int n = v.units;
        double[] x = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            int reg = v.registered[i];
            int b = v.ballots[i];
            boolean drawn = b >= 0 && reg > 0 && b <= reg;
            x[i] = drawn ? b : 0;
            m[i] = drawn ? reg : 0;
        }
        double[] p = shrink(x, m, v.group, v.groups);
        for (int i = 0; i < n; i++) {
            if (!(m[i] > 0)) {
                p[i] = Double.NaN;
            }
        }
        return p;
    }

    /**
     * @param w       raw category weights (counts) per unit, rows as {@link CountLayout#row}
     * @param kind    the categories in draw order
     * @param v       the units
     * @param missing [row][unit] whether the cell is missing (no trials)
     * @return [category in draw order][unit] the chain's conditional probabilities, shrunk where the step is
     *         shrunk, as {@code ConditionalMultinomial.conditional} gives them elsewhere
     */
    static double[][] conditionals(double[][] w, int[] kind, ElectionView v, boolean[][] missing) {
        int n = v.units;
        int categories = kind.length;
        int options = v.options;
        double[][] cond = new double[categories][n];
        double[] suffix = new double[n];
        for (int q = categories - 1; q >= 0; q--) {
            int r = CountLayout.row(kind[q], options);
            double[] x = new double[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                double wi = w[r][i];
                suffix[i] += wi;
                cond[q][i] = suffix[i] > 0 ? wi / suffix[i] : 0;
                boolean shrunk = q < categories - 1 && kind[q] != CountLayout.UNFOUND && !missing[r][i];
                x[i] = wi;
                m[i] = shrunk ? suffix[i] : 0;
            }
            if (q == categories - 1 || kind[q] == CountLayout.UNFOUND) {
                continue;
            }
            double[] p = shrink(x, m, v.group, v.groups);
            for (int i = 0; i < n; i++) {
                if (m[i] > 0) {
                    cond[q][i] = p[i];
                }
            }
        }
        return cond;
    }

    /**
     * @param x      successes per unit
     * @param m      trials per unit (0: the unit is left out and its rate is NaN)
     * @param group  group code per unit, or null
     * @param groups number of groups
     * @return per unit the shrunk rate p̃ (NaN without trials)
     */
    static double[] shrink(double[] x, double[] m, int[] group, int groups) {
        int n = x.length;
        double[] logit = new double[n];
        double[] var = new double[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (m[i] > 0) {
                double a = x[i] + 0.5;
                double b = m[i] - x[i] + 0.5;
                // the plain logit where it is finite (c = 1 keeps the observed rate), the empirical one at 0 and m
                logit[i] = x[i] > 0 && x[i] < m[i] ? Math.log(x[i] / (m[i] - x[i])) : Math.log(a / b);
                var[i] = 1 / a + 1 / b;
                used++;
            }
        }
        double[] p = new double[n];
        Arrays.fill(p, Double.NaN);
        if (used == 0) {
            return p;
        }
        double[] centre = centres(logit, m, group, groups, used);
        double[] resid = new double[n];
        double[] sorted = new double[used];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (m[i] > 0) {
                resid[i] = logit[i] - centre[group == null ? 0 : group[i]];
                sorted[k++] = resid[i];
            }
        }
        Arrays.sort(sorted);
        double[] lattice = new double[used];
        k = 0;
        for (int i = 0; i < n; i++) {
            if (m[i] > 0) {
                lattice[k++] = var[i];
            }
        }
        Arrays.sort(lattice);
        LogDensity f = LogDensity.of(sorted, Quantiles.type7(lattice, used, 0.5));
        for (int i = 0; i < n; i++) {
            if (m[i] > 0) {
                double step = 0;
                double[] d = f.at(resid[i]);
                // d = {(log f)', (log f)''}: a normal marginal N(μ, S²) has (log f)'' = −1/S² and Newton's step
                // −(log f)'/(log f)'' = μ − ℓ; S² − h² − v_i is the latent spread τ² about that local centre
                if (d != null && d[1] < 0) {
                    double spread = -1 / d[1] - f.bandwidth * f.bandwidth;
                    double c = spread > var[i] ? Math.sqrt(1 - var[i] / spread) : 0;
                    step = (1 - c) * (-d[0] / d[1]);
                }
                // a count at 0 or at its full base keeps its rate, 0 or 1 (absorbing, as under the binomial null)
                p[i] = x[i] == 0 ? 0 : x[i] == m[i] ? 1 : 1 / (1 + Math.exp(-(logit[i] + step)));
            }
        }
        return p;
    }

    /**
     * The first two derivatives of the log of a Gaussian kernel density estimate (Silverman's bandwidth
     * 0.9·min(sd, IQR/1.349)·n^(−1/5)), linearly binned on a grid of spacing h/4 and interpolated.
     */
    private static final class LogDensity {
        private static final int MAX_GRID = 1 << 16;
        /** The smallest bandwidth as a share of the sample's spread (its square is taken out of the spread). */
        private static final double MIN_BANDWIDTH = 0.25;
        final double bandwidth;
        private final double lo;
        private final double step;
        private final double[] f0;
        private final double[] f1;
        private final double[] f2;
        /** The density below which a point has too few neighbours for its derivatives (about one unit's worth). */
        private final double floor;

        private LogDensity(double bandwidth, double lo, double step, double[] f0, double[] f1, double[] f2,
                           double floor) {
            this.bandwidth = bandwidth;
            this.lo = lo;
            this.step = step;
            this.f0 = f0;
            this.f1 = f1;
            this.f2 = f2;
            this.floor = floor;
        }

        /**
         * @param sorted  the values, sorted
         * @param lattice the typical distance between neighbouring values of a count's logit (its binomial
         *                variance v: d logit/dx = 1/x + 1/(m − x)); the bandwidth is at least twice it
         */
        static LogDensity of(double[] sorted, double lattice) {
            int n = sorted.length;
            double mean = SampleMoments.mean(sorted, n);
            double sd = SampleMoments.sd(sorted, n, mean);
            double iqr = n > 1 ? (Quantiles.type7(sorted, n, 0.75) - Quantiles.type7(sorted, n, 0.25)) / IQR_PER_SD
                    : 0;
            double s = iqr > 0 ? Math.min(sd, iqr) : sd;
            if (!(s > 0)) {
                return new LogDensity(0, 0, 1, null, null, null, 0);
            }
            double h = Math.max(Math.max(0.9 * s * Math.pow(n, -0.2), MIN_BANDWIDTH * s), 2 * lattice);
            double lo = sorted[0] - 4 * h;
            double hi = sorted[n - 1] + 4 * h;
            double dx = Math.max(h / 4, (hi - lo) / (MAX_GRID - 1));
            int g = (int) Math.ceil((hi - lo) / dx) + 1;
            double[] w = new double[g];
            for (double y : sorted) {
                double t = (y - lo) / dx;
                int j = Math.min(g - 2, (int) t);
                double frac = t - j;
                w[j] += 1 - frac;
                w[j + 1] += frac;
            }
            int half = (int) Math.ceil(4 * h / dx);
            double[] k0 = new double[2 * half + 1];
            double[] k1 = new double[k0.length];
            double[] k2 = new double[k0.length];
            double norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
            for (int j = -half; j <= half; j++) {
                double u = j * dx / h;
                double phi = Math.exp(-0.5 * u * u) * norm;
                // derivatives in the evaluation point x of K((x − y)/h): u = (x − y)/h
                k0[j + half] = phi;
                k1[j + half] = -u * phi / h;
                k2[j + half] = (u * u - 1) * phi / (h * h);
            }
            double[] f0 = new double[g];
            double[] f1 = new double[g];
            double[] f2 = new double[g];
            for (int j = 0; j < g; j++) {
                if (w[j] == 0) {
                    continue;
                }
                int from = Math.max(0, j - half);
                int to = Math.min(g - 1, j + half);
                for (int q = from; q <= to; q++) {
                    int kk = q - j + half;
                    f0[q] += w[j] * k0[kk];
                    f1[q] += w[j] * k1[kk];
                    f2[q] += w[j] * k2[kk];
                }
            }
            return new LogDensity(h, lo, dx, f0, f1, f2, norm * 2);
        }

        /** @return {(log f)', (log f)''} at y, or null where the density is too thin (or the sample has no spread) */
        double[] at(double y) {
            if (f0 == null) {
                return null;
            }
            double t = (y - lo) / step;
            int j = Math.max(0, Math.min(f0.length - 2, (int) t));
            double a = t - j;
            double d0 = (1 - a) * f0[j] + a * f0[j + 1];
            if (!(d0 > floor)) {
                return null;
            }
            double d1 = ((1 - a) * f1[j] + a * f1[j + 1]) / d0;
            double d2 = ((1 - a) * f2[j] + a * f2[j + 1]) / d0;
            return new double[] {d1, d2 - d1 * d1};
        }
    }

    /** @return per group (index 0 without a grouping) the median logit, the national one for a small group */
    private static double[] centres(double[] logit, double[] m, int[] group, int groups, int used) {
        double[] all = new double[used];
        int k = 0;
        for (int i = 0; i < logit.length; i++) {
            if (m[i] > 0) {
                all[k++] = logit[i];
            }
        }
        Arrays.sort(all);
        double national = Quantiles.type7(all, used, 0.5);
        double[] out = new double[Math.max(1, groups)];
        Arrays.fill(out, national);
        if (group == null) {
            return out;
        }
        int[] count = new int[groups];
        for (int i = 0; i < logit.length; i++) {
            if (m[i] > 0) {
                count[group[i]]++;
            }
        }
        double[][] byGroup = new double[groups][];
        for (int g = 0; g < groups; g++) {
            byGroup[g] = new double[count[g]];
        }
        int[] at = new int[groups];
        for (int i = 0; i < logit.length; i++) {
            if (m[i] > 0) {
                byGroup[group[i]][at[group[i]]++] = logit[i];
            }
        }
        for (int g = 0; g < groups; g++) {
            if (count[g] >= MIN_GROUP) {
                Arrays.sort(byGroup[g]);
                out[g] = Quantiles.type7(byGroup[g], count[g], 0.5);
            }
        }
        return out;
    }
}
