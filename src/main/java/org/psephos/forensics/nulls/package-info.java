/**
 * Data-driven null distributions for the forensic tests: the count-level resampling null ({@link
 * org.psephos.forensics.nulls.CountResampler}, Kobak, Shpilkin and Pshenichnikov 2016; Rozenas 2017) and the
 * clean-twin null of the distribution-shape tests ({@link org.psephos.forensics.nulls.CleanTwins}). Both draw
 * replicate elections chunk by chunk into reused primitive buffers and feed every chunk to the statistics'
 * accumulators ({@link org.psephos.forensics.nulls.NullStatistic}), in blocks of replicates keyed by (seed, block),
 * so the same seed gives the same null distribution for any thread count. Depends on {@code data} and
 * {@code simulation}; the tests of {@code forensics} plug their statistics in.
 */
package org.psephos.forensics.nulls;
