package org.psephos.data;

/**
 * The denominator of a vote share.
 *
 * <p>{@link #FOUND} (valid + invalid ballots found in the boxes) is the default: it is the base of Kobak,
 * Shpilkin and Pshenichnikov (2016), whose integer-percentage and fingerprint analyses the toolkit reproduces.
 * {@link #BALLOTS} is the base of the Election Forensics Toolkit's basic battery (votes / ballots cast).
 *
 * @since 0.1
 */
public enum ShareBase {
    /** Valid plus invalid ballots found; where the source has no valid column, the sum of the options' votes. */
    FOUND,
    /** Valid ballots only; where the source has no valid column, the sum of the options' votes. */
    VALID,
    /** Ballots cast (voters who took part). */
    BALLOTS;

    /**
     * Parses the command-line spelling ({@code found}, {@code valid}, {@code ballots}), case-insensitively.
     *
     * @param text the spelling
     * @return the base
     * @throws IllegalArgumentException if the text names no base
     */
    public static ShareBase parse(String text) {
        for (ShareBase b : values()) {
            if (b.name().equalsIgnoreCase(text.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("share base is not found, valid or ballots: " + text);
    }
}
