package org.psephos.forensics;

/**
 * What a turnout–share regression row reports, taken from the sums of {@link Moments#regression} ({r, slope, mean of
 * y}): the statistic of {@link TurnoutShareCorrelation} and of {@link Sobyanin}'s forms, and what a
 * {@link Resample.Cross} recomputes on each bootstrap replicate. Package-private.
 */
enum CrossStatistic {
    /** Pearson's r of y and x ({@link TurnoutShareCorrelation}). */
    CORRELATION,
    /** The OLS slope of y on x minus the mean of y (EFToolkit's Sobyanin–Sukhovolsky measure). */
    SLOPE_MINUS_MEAN,
    /** The OLS slope of y on x ({@link Sobyanin.Form#SLOPE} and {@link Sobyanin.Form#CLASSIC}). */
    SLOPE;

    /**
     * @param reg {r, slope, mean of y}, as {@link Moments#regression} returns them
     * @return the statistic
     */
    double of(double[] reg) {
        return switch (this) {
            case CORRELATION -> reg[0];
            case SLOPE_MINUS_MEAN -> reg[1] - reg[2];
            case SLOPE -> reg[1];
        };
    }

    /**
     * The statistic's mean under the null of a share that does not move with turnout, the row's expected value: 0
     * for r and the slope, minus the mean share for the slope minus the mean share (EFToolkit subtracts the share
     * from a slope whose null value is 0).
     *
     * @param meanY the mean of y the statistic uses
     * @return the null mean
     */
    double nullMean(double meanY) {
        return this == SLOPE_MINUS_MEAN ? -meanY : 0.0;
    }

    /** @return whether the statistic is undefined when y is constant (a correlation is; a slope is 0) */
    boolean needsVaryingY() {
        return this == CORRELATION;
    }
}
