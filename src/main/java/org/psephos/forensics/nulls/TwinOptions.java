package org.psephos.forensics.nulls;

/**
 * How {@link TwinModel} fits the clean model that {@link CleanTwins} draws from: the knobs whose effect on a
 * verdict the calibration reports.
 *
 * @param tail          how each group's location and spread are read off its units ({@link TailRule})
 * @param groupClip     k: a group's turnout or support centre may lie at most k robust between-group standard
 *                      deviations above the national centre (positive; infinity turns the clip off)
 * @param sizeCovariate whether turnout and support get a slope in ln(registered) (small units voting more)
 * @param shrinkUnits   n₀: a group's spread is shrunk towards the national one with weight n/(n + n₀), at least 0
 * @since 0.1
 */
public record TwinOptions(TailRule tail, double groupClip, boolean sizeCovariate, int shrinkUnits) {
    /** How a group's location and spread are estimated from its units' logits. */
    public enum TailRule {
        /**
         * The clean peak and the half below it: location = the mode of a Gaussian kernel density, spread = the
         * median distance below the mode / 0.6745 (the lower half-normal), as Klimek et al. (2012, PNAS 109(41),
         * doi:10.1073/pnas.1210722109) estimate σ from the units below the peak. Units moved upwards by fraud
         * (stuffing, added votes) are ignored wherever they land above the peak. The default.
         */
        LOWER_HALF,
        /** The mode and the median absolute distance from it / 0.6745: absorbs half of an upper tail. */
        SYMMETRIC,
        /** Mean and standard deviation of all units: absorbs the whole tail (the naive fit, for comparison). */
        ALL
    }

    /** @throws IllegalArgumentException if the clip is not positive or n₀ is negative */
    public TwinOptions {
        java.util.Objects.requireNonNull(tail, "tail");
        if (!(groupClip > 0)) {
            throw new IllegalArgumentException("group clip is not positive: " + groupClip);
        }
        if (shrinkUnits < 0) {
            throw new IllegalArgumentException("shrinkage units are negative: " + shrinkUnits);
        }
    }

    /**
     * @return the lower-half rule, clip 3, the size covariate, n₀ = 30. With k = 3 a clean region's centre is cut
     *         with probability 0.13% if τ were known; τ from 40 groups is off by ±25% (TwinFitStudy), and k = 2
     *         cut clean regions by up to 0.4 logit there, while k = 3 still leaves a region stuffed to 96% turnout
     *         at about 86% in its twins
     */
    public static TwinOptions defaults() {
        return new TwinOptions(TailRule.LOWER_HALF, 3, true, 30);
    }

    /** @param rule the tail rule @return a copy */
    public TwinOptions withTail(TailRule rule) {
        return new TwinOptions(rule, groupClip, sizeCovariate, shrinkUnits);
    }

    /** @param k the clip in robust between-group sd @return a copy */
    public TwinOptions withGroupClip(double k) {
        return new TwinOptions(tail, k, sizeCovariate, shrinkUnits);
    }

    /** @param on whether to fit the size slopes @return a copy */
    public TwinOptions withSizeCovariate(boolean on) {
        return new TwinOptions(tail, groupClip, on, shrinkUnits);
    }
}
