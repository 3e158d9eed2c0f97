/**
 * Rozenas's resampled kernel density method (the R package {@code spikes}): beta-binomial mixture fits of turnout
 * and support, the resampling from their posteriors, R's kernel density ported step by step, the envelope
 * comparison and the posterior-draw interval. {@link org.psephos.forensics.spikes.RozenasSpikes} is the entry
 * point; the battery's test is {@link org.psephos.forensics.Spikes}. Depends on {@code simulation} (samplers,
 * streams, threads).
 */
package org.psephos.forensics.spikes;
