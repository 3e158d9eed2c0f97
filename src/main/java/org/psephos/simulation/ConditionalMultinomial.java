package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Multinomial and Dirichlet-multinomial counts for a block of units at once, by conditional binomials: with
 * category probabilities \( p_0, \dots, p_{C-1} \) and n trials,
 * \( X_j \mid X_0..X_{j-1} \sim \mathrm{Binomial}\big(n - \sum_{l<j} X_l,\ p_j / \sum_{l \ge j} p_l\big) \) for
 * \( j &lt; C - 1 \) and \( X_{C-1} \) the rest, which is exactly Multinomial(n, p) (e.g. Devroye 1986,
 * <i>Non-Uniform Random Variate Generation</i>, §XI.1.4). Each category is one call of the block binomial sampler
 * ({@link BinomialSampler#sample(UniformRandomProvider, int[], double[], int[], int)}: BTRD, exact counts) over the
 * whole block, so C categories cost C − 1 block binomials. The Dirichlet-multinomial first draws the unit's
 * probabilities as normalised Gamma(α_j) weights (Marsaglia and Tsang 2000), then the counts as above: the
 * overdispersed counts of Rozenas's beta-binomial resampling (Rozenas 2017, Political Analysis 25(1),
 * doi:10.1017/pan.2016.9) when α is the posterior of the unit's observed counts.
 *
 * <p>Blocks hold at most {@link #MAX_BLOCK} units. Scratch arrays are per thread and reused: after warm-up a call
 * allocates nothing. The same stream and arguments always give the same counts; like every block sampler of the
 * engine, the counts differ from those of unit-by-unit scalar draws on the same seed (equally distributed).
 *
 * @since 0.1
 */
public final class ConditionalMultinomial {
    /** Most units per call. */
    public static final int MAX_BLOCK = BlockSimulator.BLOCK_SIZE;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private ConditionalMultinomial() {
    }

    /** Per-thread work arrays. */
    private static final class Scratch {
        final int[] rest = new int[MAX_BLOCK];
        double[][] cond = new double[0][];

        double[][] cond(int categories) {
            if (cond.length < categories) {
                cond = new double[categories][MAX_BLOCK];
            }
            return cond;
        }
    }

    /**
     * Draws {@code out[j][i]}, j &lt; {@code categories}, from Multinomial(trials[i]; p_0i, …) given as conditional
     * probabilities {@code cond[j][i]} = \( p_{ji} / \sum_{l \ge j} p_{li} \) for j &lt; categories − 1 (see
     * {@link #conditional}); the last category takes the trials that remain.
     *
     * @param rng        the block's stream
     * @param trials     trials per unit, each at least 0 (not modified)
     * @param cond       conditional probabilities, each in [0, 1]; rows 0 .. categories − 2 are read
     * @param categories number of categories C, at least 1
     * @param out        the counts, rows 0 .. C − 1 written
     * @param len        number of units, at most {@link #MAX_BLOCK}
     * @throws IllegalArgumentException if len is out of range, an array is too short, a count of trials is negative
     *                                  or a probability is not in [0, 1]; nothing is drawn then
     */
    public static void sample(UniformRandomProvider rng, int[] trials, double[][] cond, int categories, int[][] out,
                              int len) {
        check(trials, categories, out, len);
        if (cond.length < categories - 1) {
            throw new IllegalArgumentException("conditional probabilities for " + cond.length
                    + " categories, need " + (categories - 1));
        }
        for (int j = 0; j < categories - 1; j++) {
            double[] c = cond[j];
            if (c.length < len) {
                throw new IllegalArgumentException("conditional probabilities of category " + j + " are shorter ("
                        + c.length + ") than the block (" + len + ")");
            }
            for (int i = 0; i < len; i++) {
                if (!(c[i] >= 0 && c[i] <= 1)) {
                    throw new IllegalArgumentException("conditional probability of category " + j + " at unit "
                            + i + " is not in [0, 1]: " + c[i]);
                }
            }
        }
        draw(rng, trials, cond, categories, out, len);
    }

    private static void check(int[] trials, int categories, int[][] out, int len) {
        if (len < 0 || len > MAX_BLOCK || len > trials.length) {
            throw new IllegalArgumentException("block length " + len + " is negative, above " + MAX_BLOCK
                    + " or above the trials' length " + trials.length);
        }
        if (categories < 1 || out.length < categories) {
            throw new IllegalArgumentException("categories " + categories + " is not positive or exceeds the "
                    + out.length + " output rows");
        }
        for (int j = 0; j < categories; j++) {
            if (out[j].length < len) {
                throw new IllegalArgumentException("output row " + j + " is shorter than the block: "
                        + out[j].length);
            }
        }
        for (int i = 0; i < len; i++) {
            if (trials[i] < 0) {
                throw new IllegalArgumentException("trials at unit " + i + " are negative: " + trials[i]);
            }
        }
    }

    /** The conditional chain without checks. */
    private static void draw(UniformRandomProvider rng, int[] trials, double[][] cond, int categories, int[][] out,
                             int len) {
        int[] rest = SCRATCH.get().rest;
        System.arraycopy(trials, 0, rest, 0, len);
        BinomialBatch batch = BinomialBatch.forThisThread();
        for (int j = 0; j < categories - 1; j++) {
            int[] x = out[j];
            batch.sample(rng, rest, cond[j], x, len);
            for (int i = 0; i < len; i++) {
                rest[i] -= x[i];
            }
        }
        System.arraycopy(rest, 0, out[categories - 1], 0, len);
    }

    /**
     * Draws Dirichlet-multinomial counts: per unit, weights \( g_j \sim \mathrm{Gamma}(\alpha_{ji}) \) (drawn
     * category by category, unit by unit), probabilities \( g_j / \sum_l g_l \), then {@code out} as
     * {@link #sample}. A category with α = 0 gets no trials; a unit whose α are all 0 puts every trial in the last
     * category.
     *
     * @param rng        the block's stream
     * @param gaussian   standard normals on the same stream
     * @param trials     trials per unit, each at least 0
     * @param alpha      Dirichlet parameters, each at least 0 and finite; rows 0 .. categories − 1 are read
     * @param categories number of categories C, at least 1
     * @param out        the counts
     * @param len        number of units, at most {@link #MAX_BLOCK}
     * @throws IllegalArgumentException as {@link #sample}, or if a parameter is negative or not finite
     */
    public static void dirichlet(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int[] trials,
                                 double[][] alpha, int categories, int[][] out, int len) {
        check(trials, categories, out, len);
        for (int j = 0; j < categories; j++) {
            for (int i = 0; i < len; i++) {
                double a = alpha[j][i];
                if (!(a >= 0) || Double.isInfinite(a)) {
                    throw new IllegalArgumentException("Dirichlet parameter of category " + j + " at unit " + i
                            + " is negative or not finite: " + a);
                }
            }
        }
        double[][] g = SCRATCH.get().cond(categories);
        for (int j = 0; j < categories; j++) {
            double[] aj = alpha[j];
            double[] gj = g[j];
            for (int i = 0; i < len; i++) {
                gj[i] = Gamma.sample(rng, gaussian, aj[i]);
            }
        }
        conditional(g, categories, g, len);
        draw(rng, trials, g, categories, out, len);
    }

    /**
     * The conditional probabilities of a chain from non-negative weights (counts, probabilities, gamma draws):
     * {@code cond[j][i]} = \( w_{ji} / \sum_{l \ge j} w_{li} \), or 0 where the remaining weight is 0. The output may
     * be the input array (rows are overwritten in order, each after its suffix sum is taken).
     *
     * @param weights    non-negative weights, rows 0 .. categories − 1
     * @param categories number of categories C
     * @param cond       where to write rows 0 .. C − 2 (and row C − 1, set to 1)
     * @param len        number of units
     */
    public static void conditional(double[][] weights, int categories, double[][] cond, int len) {
        // One suffix sum per unit, walked from the last category down.
        for (int i = 0; i < len; i++) {
            double s = 0;
            for (int j = categories - 1; j >= 0; j--) {
                double w = weights[j][i];
                s += w;
                cond[j][i] = s > 0 ? w / s : 0;
            }
        }
    }
}
