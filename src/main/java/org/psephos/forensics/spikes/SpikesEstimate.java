package org.psephos.forensics.spikes;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of Rozenas's resampled-kernel-density step ({@code fraud()} of the {@code spikes} package) for one
 * mixture: on the share grid x (1001 points over [0, 1]), the kernel density of the observed shares v/t, the upper
 * envelope of the densities of the resampled shares, the excess bin weights
 * \( w_j = \max(0, \hat p_j - \bar p^*_j) \) (observed share of units in the bin centred on \( x_j \) minus its mean
 * over the resamples; 0 in the first bin), and the estimate
 * \( F = 100 \sum_j w_j [\text{density}_j &gt; \text{envelope}_j] \), the percentage of units whose share sits on a
 * spike that the smooth null does not produce. Immutable.
 *
 * @param grid          the share grid
 * @param density       the observed density on it
 * @param envelope      the pointwise maximum of the resampled densities
 * @param excess        the excess bin weights w
 * @param observedShare the observed share of units in each bin
 * @param meanShare     the mean over resamples of the share of units in each bin
 * @param meanDensity   the mean of the resampled densities
 * @param fraudPercent  F
 * @param resamples     the number of resamples
 * @since 0.1
 */
public record SpikesEstimate(double[] grid, double[] density, double[] envelope, double[] excess,
                             double[] observedShare, double[] meanShare, double[] meanDensity, double fraudPercent,
                             int resamples) {

    /** Copies the arrays. */
    public SpikesEstimate {
        grid = grid.clone();
        density = density.clone();
        envelope = envelope.clone();
        excess = excess.clone();
        observedShare = observedShare.clone();
        meanShare = meanShare.clone();
        meanDensity = meanDensity.clone();
    }

    @Override
    public double[] grid() {
        return grid.clone();
    }

    @Override
    public double[] density() {
        return density.clone();
    }

    @Override
    public double[] envelope() {
        return envelope.clone();
    }

    @Override
    public double[] excess() {
        return excess.clone();
    }

    @Override
    public double[] observedShare() {
        return observedShare.clone();
    }

    @Override
    public double[] meanShare() {
        return meanShare.clone();
    }

    @Override
    public double[] meanDensity() {
        return meanDensity.clone();
    }

    /**
     * A share at which the observed density rises above the envelope and the observed bin holds more units than
     * the resamples do on average.
     *
     * @param share         the grid point
     * @param excessPercent 100 w: the percentage of all units in excess there
     */
    public record Spike(double share, double excessPercent) {
    }

    /** @return the spikes that make up F, in increasing share */
    public List<Spike> spikes() {
        List<Spike> out = new ArrayList<>();
        for (int j = 0; j < grid.length; j++) {
            if (excess[j] > 0 && envelope[j] < density[j]) {
                out.add(new Spike(grid[j], 100 * excess[j]));
            }
        }
        return out;
    }

    /**
     * The package's estimate from the curves.
     *
     * @return \( 100 \sum_j w_j [\text{envelope}_j &lt; \text{density}_j] \)
     */
    static double fraud(double[] excess, double[] envelope, double[] density) {
        double f = 0;
        for (int j = 0; j < excess.length; j++) {
            if (envelope[j] < density[j]) {
                f += excess[j];
            }
        }
        return 100 * f;
    }
}
