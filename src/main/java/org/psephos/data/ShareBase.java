package org.psephos.data;

/**
 * The denominator of a vote share.
 *
 * <p>{@link #FOUND} (valid + invalid ballots found in the boxes) is the default: it is the base of Kobak,
 * Shpilkin and Pshenichnikov (2016), whose integer-percentage and fingerprint analyses the toolkit reproduces.
 * {@link #BALLOTS} is the base of the Election Forensics Toolkit's basic battery (votes / ballots cast), and the
 * default for a file with one option and neither a valid nor an invalid column ({@link #defaultFor}): there the
 * found ballots would be the option's own votes, a share of 100% in every unit (Canada 2011 as Rozenas's
 * {@code spikes} reads it: registered N, ballots t, the party's votes v).
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

    /** Why a file got {@link #BALLOTS} without asking, as the load summary says it. */
    public static final String SINGLE_OPTION_DEFAULT = "the default for a file with one option and no valid or "
            + "invalid column";

    /**
     * The base a file gets when none is chosen.
     *
     * @param options    the number of options
     * @param hasValid   whether the file has a valid-ballots column
     * @param hasInvalid whether it has an invalid-ballots column
     * @return {@link #BALLOTS} for one option with neither column, else {@link #FOUND}
     */
    public static ShareBase defaultFor(int options, boolean hasValid, boolean hasInvalid) {
        return options == 1 && !hasValid && !hasInvalid ? BALLOTS : FOUND;
    }

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
