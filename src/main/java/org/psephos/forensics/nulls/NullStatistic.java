package org.psephos.forensics.nulls;

/**
 * A statistic that a null engine can recompute on every replicate election: the plug of the forensic tests into
 * the resampling null ({@link CountResampler}) and the clean-twin null ({@link CleanTwins}).
 *
 * <p>A statistic has {@link #width()} values (a mean is 1; a digit histogram 24, see {@link DigitHistogram}). The
 * engine asks for one {@link Accumulator} per block of replicates and thread, then for every replicate (and once
 * for the observed data) calls {@link Accumulator#start()}, {@link Accumulator#add} for each chunk of units in unit
 * order, and {@link Accumulator#finish}. An accumulator keeps whatever scratch it needs from one replicate to the
 * next (allocate it in {@link #accumulator}, never per replicate) and is used by one thread only. Chunks arrive while
 * their counts are still in cache, so a statistic of sums and histograms costs one pass over the chunk; a statistic
 * that needs all units at once (a sort for the dip test) copies what it needs into its scratch and computes in
 * {@code finish}.
 *
 * <p>The observed value goes through the same accumulator as the replicates: what the null distribution is compared
 * with is computed by the same code. Implementations must be immutable and thread-safe (accumulators are not).
 *
 * @since 0.1
 */
public interface NullStatistic {
    /** @return how many values the statistic has, at least 1 */
    default int width() {
        return 1;
    }

    /**
     * @param units the number of units of the elections it will see
     * @return a fresh accumulator with its scratch
     */
    Accumulator accumulator(int units);

    /** Computes the statistic of one election at a time from its chunks. Not thread-safe. */
    interface Accumulator {
        /** Starts a new election: forget the previous one. */
        void start();

        /** @param chunk the next units of the election (read it, do not keep it) */
        void add(UnitChunk chunk);

        /**
         * @param out    where to write the election's {@link #width()} values (NaN where undefined)
         * @param offset the index of the first value
         */
        void finish(double[] out, int offset);
    }
}
