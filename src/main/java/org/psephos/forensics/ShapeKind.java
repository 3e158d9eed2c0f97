package org.psephos.forensics;

/**
 * The statistic a distribution-shape test computes on each clean twin in {@link ShapeNull}: what the value read
 * from a slot's sums is. Package-private.
 */
enum ShapeKind {
    /** {@link Skewness}: the population skewness of the proportions. */
    SKEW,
    /** {@link Kurtosis}: the population kurtosis of the proportions. */
    KURT,
    /** {@link DipTest}: Hartigan's dip of the proportions. */
    DIP,
    /** {@link LogVoteKurtosis}: the kurtosis of ln(W/(R − W)) over the units with 0 &lt; W &lt; R. */
    LOG_KURT,
    /** {@link TurnoutShareCorrelation}: Pearson's r of turnout and share. */
    CORR,
    /** {@link Sobyanin}: the OLS slope of the share on turnout. */
    SLOPE,
    /** {@link Sobyanin} in its classic form: the OLS slope of the votes per registered voter on turnout. */
    CLASSIC;

    /**
     * @param test    a shape test of the clean-twin null
     * @param options the settings (for Sobyanin's form)
     * @return its statistic
     * @throws IllegalArgumentException if the test is not one of the shape tests above
     */
    static ShapeKind of(ForensicTest test, BatteryOptions options) {
        if (test instanceof Skewness) {
            return SKEW;
        } else if (test instanceof Kurtosis) {
            return KURT;
        } else if (test instanceof DipTest) {
            return DIP;
        } else if (test instanceof LogVoteKurtosis) {
            return LOG_KURT;
        } else if (test instanceof TurnoutShareCorrelation) {
            return CORR;
        } else if (test instanceof Sobyanin s) {
            return s.formFor(options) == Sobyanin.Form.CLASSIC ? CLASSIC : SLOPE;
        }
        throw new IllegalArgumentException("not a shape test of the clean-twin null: " + test.id());
    }

    /** @return whether the value is read from the cross sums of turnout and the share (CORR, SLOPE, CLASSIC) */
    boolean crossSums() {
        return this == CORR || this == SLOPE || this == CLASSIC;
    }
}
