package org.psephos.data;

/**
 * Why a {@link UnitFilter} dropped a unit. Each unit is counted once, under the first reason that applies,
 * in the order of this enum.
 *
 * @since 0.1
 */
public enum DropReason {
    /** A count the analysis needs is missing (an empty or {@code NA} cell). */
    MISSING_VALUE("missing value"),
    /** No registered voters, so turnout is undefined. */
    NO_REGISTERED("no registered voters"),
    /** Fewer registered voters than the filter's minimum. */
    TOO_SMALL("fewer registered voters than the minimum"),
    /** No ballots cast. */
    ZERO_BALLOTS("zero ballots"),
    /** More ballots than registered voters (turnout above 100%). */
    BALLOTS_EXCEED_REGISTERED("ballots exceed registered"),
    /** The options' votes add up to more than the ballots cast. */
    VOTES_EXCEED_BALLOTS("votes exceed ballots"),
    /** The share denominator (e.g. valid + invalid) is zero, so vote shares are undefined. */
    ZERO_SHARE_BASE("zero share denominator");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    /** @return the reason as reports print it */
    public String label() {
        return label;
    }
}
