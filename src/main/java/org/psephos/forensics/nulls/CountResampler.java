package org.psephos.forensics.nulls;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.psephos.data.Election;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.ConditionalMultinomial;

/**
 * The count-level resampling null: every unit's counts redrawn from a smooth model at its own size and observed
 * rates, nested as the counts are, for the digit, round-percentage and integer-percentage tests.
 *
 * <p>Method (Kobak, Shpilkin and Pshenichnikov 2016, "Integer percentages as electoral falsification
 * fingerprints", Ann. Appl. Stat. 10(1):54–73, doi:10.1214/16-AOAS904, nested; the beta-binomial variant follows
 * Rozenas 2017, Political Analysis 25(1), doi:10.1017/pan.2016.9; the matched-spread variant draws the same nesting
 * at shrunk rates, {@link MatchedRates}; see {@link ResamplingModel}). Per unit i with
 * registered N, ballots B and categories c_j (every option, other valid, invalid, unfound; see
 * {@link CountLayout}):
 * <pre>
 *   B*            ~ Binomial(N, B / N)
 *   (c*_j)_j      ~ Multinomial(B* + e, (c_j / Σ c)_j),   e = max(0, found − B)
 * </pre>
 * registered stays N; valid* = options* + other*; found* = valid* + invalid*; shares use the election's share base.
 * The null keeps what smooth counting produces from the unit's size and rates (count magnitudes, the arithmetic of
 * small denominators) and removes what it cannot (invented digits, round percentages).
 *
 * <p>Data that do not fit the nesting, documented choices: a unit with more ballots than registered voters, or
 * with no (or missing) registered voters, keeps its ballots (B* = B; EFToolkit-style conventions keep such units);
 * a unit whose found ballots exceed its ballots draws B* + e categories, keeping the excess e in expectation rather
 * than repairing it; a unit with missing ballots draws its categories at their observed total; a missing cell
 * (option, valid, invalid, ballots) takes no trials and stays {@link Election#MISSING} in every replicate; valid
 * is the options' sum where the source has no valid column, and the "other valid" category is valid − the
 * options' sum (0 where that is negative) where it has one; without an invalid column invalid stays 0.
 *
 * <p>Speed: per unit and replicate one block binomial for the ballots and C − 1 for the C categories (the largest
 * is the chain's free remainder), into reused buffers: nothing is allocated per replicate or chunk. Replicates run
 * in blocks keyed by (seed, block) ({@link NullRunner}). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CountResampler implements ReplicateSource {
    private static final long BINOMIAL_KEY = 0x4E756C6C42696E6FL; // "NullBino"
    private static final long BETA_KEY = 0x4E756C6C42657461L; // "NullBeta"

    private final CountLayout layout;
    private final ResamplingModel model;

    private CountResampler(CountLayout layout, ResamplingModel model) {
        this.layout = layout;
        this.model = model;
    }

    /**
     * @param election the units, as the test sees them
     * @return the binomial resampling null of those units
     */
    public static CountResampler of(Election election) {
        return of(election, ResamplingModel.binomial(), null);
    }

    /**
     * @param election the units
     * @param model    binomial or beta-binomial
     * @param grouping the name of a grouping whose codes the chunks carry ({@link UnitChunk#group()}), or null
     * @return the resampling null
     * @throws IllegalArgumentException if the grouping is not the election's
     */
    public static CountResampler of(Election election, ResamplingModel model, String grouping) {
        java.util.Objects.requireNonNull(model, "model");
        return new CountResampler(new CountLayout(new ElectionView(election, grouping), model), model);
    }

    /** @return the model */
    public ResamplingModel model() {
        return model;
    }

    /** @return the beta-binomial turnout prior's concentration κ_T (NaN for the binomial model) */
    public double turnoutConcentration() {
        return layout.turnoutConcentration;
    }

    /** @return the beta-binomial shares prior's concentration κ_C (NaN for the binomial model) */
    public double shareConcentration() {
        return layout.shareConcentration;
    }

    @Override
    public int units() {
        return layout.view.units;
    }

    @Override
    public long streamKey() {
        return layout.beta ? BETA_KEY : BINOMIAL_KEY;
    }

    @Override
    public void observe(NullStatistic.Accumulator[] accumulators) {
        layout.view.observe(accumulators);
    }

    @Override
    public ReplicateSource.Drawer drawer() {
        return new Drawer();
    }

    @Override
    public int driftReplicates(int replicates) {
        return model.drift() == ResamplingModel.Drift.CORRECTED
                ? Math.min(replicates, ResamplingModel.DRIFT_REPLICATES) : 0;
    }

    /** One replicate's chunk and the rows its multinomial writes into. */
    private final class Target {
        final UnitChunk chunk = layout.view.newChunk();
        final int[][] rows = new int[layout.categories.length][];
        private final int[] other;
        private final boolean[] optionDrawn;
        private final boolean invalidDrawn;

        Target() {
            int[] otherRow = null;
            boolean inv = false;
            optionDrawn = new boolean[layout.view.options];
            for (int q = 0; q < rows.length; q++) {
                Category cat = layout.categories[q];
                if (cat.isOption()) {
                    rows[q] = chunk.votes[cat.option()];
                    optionDrawn[cat.option()] = true;
                } else if (cat.kind() == Category.Kind.INVALID) {
                    rows[q] = chunk.invalid;
                    inv = true;
                } else {
                    rows[q] = new int[UnitChunk.CAPACITY];
                    otherRow = cat.kind() == Category.Kind.OTHER_VALID ? rows[q] : otherRow;
                }
            }
            other = otherRow;
            invalidDrawn = inv;
        }

        /** Completes the chunk after its categories are drawn: totals, missing cells, found. */
        void complete(int c, int len) {
            totals(len);
            int[] missing = layout.missing[c];
            if (missing != null) {
                applyMissing(missing);
            }
            chunk.finishTotals();
        }

        /** Zeros the outputs that are not categories; valid = options + other. */
        private void totals(int len) {
            int[] valid = chunk.valid;
            if (other != null) {
                System.arraycopy(other, 0, valid, 0, len);
            } else {
                Arrays.fill(valid, 0, len, 0);
            }
            for (int k = 0; k < optionDrawn.length; k++) {
                int[] x = chunk.votes[k];
                if (!optionDrawn[k]) {
                    Arrays.fill(x, 0, len, 0);
                }
                for (int j = 0; j < len; j++) {
                    valid[j] += x[j];
                }
            }
            if (!invalidDrawn) {
                Arrays.fill(chunk.invalid, 0, len, 0);
            }
        }

        private void applyMissing(int[] missing) {
            for (int packed : missing) {
                int j = packed / 2048;
                int out = packed % 2048 - 8;
                int[] target = out >= 0 ? chunk.votes[out] : out == CountLayout.VALID_OUT ? chunk.valid
                        : out == CountLayout.INVALID_OUT ? chunk.invalid : chunk.ballots;
                target[j] = Election.MISSING;
            }
        }
    }

    /**
     * One thread's buffers: the replicate x* and, for the drift correction, x** with the rates it is drawn at (all
     * made once per drawer; nothing is allocated per replicate or chunk).
     */
    private final class Drawer implements ReplicateSource.Drawer {
        private final Target first = new Target();
        private final Target second;
        private final int[] size = new int[UnitChunk.CAPACITY];
        private final int[][] ballotRows;
        /** x**'s ballot rates B* / trials and its categories' conditional probabilities, from x*. */
        private final double[] rate2;
        private final double[][] cond2;

        Drawer() {
            ballotRows = new int[][] {first.chunk.ballots, new int[UnitChunk.CAPACITY]};
            boolean nested = model.drift() == ResamplingModel.Drift.CORRECTED;
            second = nested ? new Target() : null;
            rate2 = nested ? new double[UnitChunk.CAPACITY] : null;
            cond2 = nested ? new double[layout.categories.length][UnitChunk.CAPACITY] : null;
        }

        @Override
        public void draw(UniformRandomProvider rng, NormalizedGaussianSampler gaussian,
                         NullStatistic.Accumulator[] accumulators) {
            ElectionView v = layout.view;
            for (int c = 0; c < v.chunks(); c++) {
                drawFirst(c, rng, gaussian);
                feed(first.chunk, accumulators);
            }
        }

        @Override
        public void drawNested(UniformRandomProvider rng, NormalizedGaussianSampler gaussian,
                               NullStatistic.Accumulator[] accumulators, UniformRandomProvider nestedRng,
                               NullStatistic.Accumulator[] nested) {
            if (second == null) {
                throw new UnsupportedOperationException("the " + model.id() + " null has no second resampling layer");
            }
            ElectionView v = layout.view;
            for (int c = 0; c < v.chunks(); c++) {
                drawFirst(c, rng, gaussian);
                feed(first.chunk, accumulators);
                drawSecond(c, nestedRng);
                feed(second.chunk, nested);
            }
        }

        private void feed(UnitChunk chunk, NullStatistic.Accumulator[] accumulators) {
            for (NullStatistic.Accumulator a : accumulators) {
                a.add(chunk);
            }
        }

        /** x* of chunk c: the unit's observed rates. */
        private void drawFirst(int c, UniformRandomProvider rng, NormalizedGaussianSampler gaussian) {
            UnitChunk chunk = first.chunk;
            layout.view.position(chunk, c);
            int len = chunk.length;
            if (layout.beta) {
                ConditionalMultinomial.dirichlet(rng, gaussian, layout.trials[c], layout.ballotAlpha[c], 2,
                        ballotRows, len);
            } else {
                BinomialSampler.sample(rng, layout.trials[c], layout.rate[c], chunk.ballots, len);
            }
            sizes(c, chunk.ballots, len);
            if (layout.beta) {
                ConditionalMultinomial.dirichlet(rng, gaussian, size, layout.cond[c], layout.categories.length,
                        first.rows, len);
            } else {
                ConditionalMultinomial.sample(rng, size, layout.cond[c], layout.categories.length, first.rows, len);
            }
            first.complete(c, len);
        }

        /**
         * x** of chunk c: x*'s units resampled as the data were, at x*'s rates (ballots B* / trials of the same trials,
         * categories x*'s, a missing cell counting 0), into the second target.
         */
        private void drawSecond(int c, UniformRandomProvider rng) {
            UnitChunk chunk = second.chunk;
            layout.view.position(chunk, c);
            int len = chunk.length;
            int[] trials = layout.trials[c];
            int[] b1 = first.chunk.ballots;
            for (int j = 0; j < len; j++) {
                rate2[j] = trials[j] > 0 ? Math.min(1.0, Math.max(0, b1[j]) / (double) trials[j]) : 0;
            }
            BinomialSampler.sample(rng, trials, rate2, chunk.ballots, len);
            sizes(c, chunk.ballots, len);
            int categories = layout.categories.length;
            for (int q = 0; q < categories; q++) {
                int[] x = first.rows[q];
                double[] w = cond2[q];
                for (int j = 0; j < len; j++) {
                    w[j] = Math.max(0, x[j]);
                }
            }
            ConditionalMultinomial.conditional(cond2, categories, cond2, len);
            ConditionalMultinomial.sample(rng, size, cond2, categories, second.rows, len);
            second.complete(c, len);
        }

        /** The multinomial's sizes: fixed where the ballots are missing, else the drawn ballots + the excess. */
        private void sizes(int c, int[] ballots, int len) {
            int[] fixed = layout.fixed[c];
            int[] offset = layout.offset[c];
            for (int j = 0; j < len; j++) {
                size[j] = fixed[j] >= 0 ? fixed[j] : ballots[j] + offset[j];
            }
        }
    }
}
