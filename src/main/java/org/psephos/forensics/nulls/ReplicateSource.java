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
