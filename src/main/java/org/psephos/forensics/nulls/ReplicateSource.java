package org.psephos.forensics.nulls;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.psephos.simulation.Progress;

/**
 * A null model that draws replicate elections of the same units as an observed election, chunk by chunk: the
 * common shape of the resampling null ({@link CountResampler}) and the clean-twin null ({@link CleanTwins}).
 * {@link NullRunner} runs statistics over its replicates; {@link #distribution} is the one-line form the battery
 * uses: "the null distribution of statistic S on these units with R replicates and seed s".
 *
 * <p>Implementations are immutable and thread-safe; their {@link Drawer}s are not.
 *
 * @since 0.1
 */
public interface ReplicateSource {
    /** @return the number of units of every replicate */
    int units();

    /** @return the first key of this null's random streams (distinct nulls draw from distinct streams) */
    long streamKey();

    /**
     * Feeds the observed election to the accumulators, chunk by chunk, between their {@code start} and
     * {@code finish} (which the caller does).
     *
     * @param accumulators the accumulators
     */
    void observe(NullStatistic.Accumulator[] accumulators);

    /** @return a drawer with its own buffers, for one thread's block of replicates */
    Drawer drawer();

    /**
     * @param replicates R of the run
     * @return how many of the first replicates are also resampled once more ({@link Drawer#drawNested}) to estimate
     *         the null's drift ({@link ResamplingModel.Drift#CORRECTED}); 0 (the default) for a null without drift
     *         correction
     */
    default int driftReplicates(int replicates) {
        return 0;
    }

    /** Draws replicates into its buffers. Not thread-safe. */
    interface Drawer {
        /**
         * Draws one replicate from the stream and feeds each chunk to every accumulator as it is drawn.
         *
         * @param rng          the block's stream, consumed in unit order
         * @param gaussian     standard normals on the same stream
         * @param accumulators the accumulators
         */
        void draw(UniformRandomProvider rng, NormalizedGaussianSampler gaussian,
                  NullStatistic.Accumulator[] accumulators);

        /**
         * Draws one replicate x* as {@link #draw} does (the same draws from {@code rng}) and, chunk by chunk, x**:
         * the replicate resampled once more around its own rates, from {@code nestedRng}.
         *
         * @param rng          the block's stream, consumed exactly as by {@link #draw}
         * @param gaussian     standard normals on that stream
         * @param accumulators fed x*
         * @param nestedRng    the block's stream of second-layer draws
         * @param nested       fed x**
         * @throws UnsupportedOperationException if the null has no second layer (the default)
         */
        default void drawNested(UniformRandomProvider rng, NormalizedGaussianSampler gaussian,
                                NullStatistic.Accumulator[] accumulators, UniformRandomProvider nestedRng,
                                NullStatistic.Accumulator[] nested) {
            throw new UnsupportedOperationException("this null has no second resampling layer");
        }
    }

    /**
     * @param statistic  the statistic
     * @param replicates number of replicates R, at least 1
     * @param seed       the run seed
     * @param threads    worker threads (the result does not depend on it)
     * @return the statistic on the data and on R replicates of this null
     */
    default NullDistribution distribution(NullStatistic statistic, int replicates, long seed, int threads) {
        return NullRunner.run(this, List.of(statistic), replicates, seed, threads, Progress.NONE).get(0);
    }
}
