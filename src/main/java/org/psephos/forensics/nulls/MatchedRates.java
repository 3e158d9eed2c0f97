package org.psephos.forensics.nulls;

import java.util.Arrays;
import org.psephos.simulation.Quantiles;

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
 * trials); a unit with no trials left at a step; the chain's last category (its conditional rate is 1). The
 * density's derivatives are {@link LogDensity}'s.
 */
final class MatchedRates {
    /** Fewest units with trials for a group's own centre. */
    static final int MIN_GROUP = 20;

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
        return shrink(x, m, v.group, v.groups); // NaN where m = 0: the ballots are not redrawn
    }

    /**
     * @param w          raw category weights (counts) per unit, rows as {@link Category#row}
     * @param categories the categories in draw order
     * @param v          the units
     * @param missing    [row][unit] whether the cell is missing (no trials)
     * @return [category in draw order][unit] the chain's conditional probabilities, shrunk where the step is
     *         shrunk, as {@code ConditionalMultinomial.conditional} gives them elsewhere
     */
    static double[][] conditionals(double[][] w, Category[] categories, ElectionView v, boolean[][] missing) {
        int n = v.units;
        int count = categories.length;
        int options = v.options;
        double[][] cond = new double[count][n];
        double[] suffix = new double[n];
        for (int q = count - 1; q >= 0; q--) {
            int r = categories[q].row(options);
            boolean unfound = categories[q].kind() == Category.Kind.UNFOUND;
            double[] x = new double[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                double wi = w[r][i];
                suffix[i] += wi;
                cond[q][i] = suffix[i] > 0 ? wi / suffix[i] : 0;
                boolean shrunk = q < count - 1 && !unfound && !missing[r][i];
                x[i] = wi;
                m[i] = shrunk ? suffix[i] : 0;
            }
            if (q == count - 1 || unfound) {
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
            if (x[i] == 0 || x[i] == m[i]) {
                // a count at 0 or at its full base keeps its rate, 0 or 1 (absorbing, as under the binomial null)
                p[i] = m[i] > 0 ? x[i] / m[i] : Double.NaN;
            } else if (m[i] > 0) {
                double step = 0;
                double[] d = f.at(resid[i]);
                // d = {(log f)', (log f)''}: a normal marginal N(μ, S²) has (log f)'' = −1/S² and Newton's step
                // −(log f)'/(log f)'' = μ − ℓ; S² − h² − v_i is the latent spread τ² about that local centre
                if (d != null && d[1] < 0) {
                    double spread = -1 / d[1] - f.bandwidth * f.bandwidth;
                    double c = spread > var[i] ? Math.sqrt(1 - var[i] / spread) : 0;
                    step = (1 - c) * (-d[0] / d[1]);
                }
                p[i] = 1 / (1 + Math.exp(-(logit[i] + step)));
            }
        }
        return p;
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
