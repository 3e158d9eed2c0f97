package org.psephos.forensics;

import org.psephos.data.Election;

/**
 * What a forensic test looks at: turnout (ballot counts; percentages ballots / registered) or one option
 * (its vote counts; percentages of the election's share base).
 *
 * @param name   {@code "turnout"} or the option's name as in the source
 * @param option the option index, or {@link #TURNOUT_INDEX} for turnout
 * @since 0.1
 */
public record Variable(String name, int option) {
    /** The option index that stands for turnout. */
    public static final int TURNOUT_INDEX = -1;

    /** @return the turnout variable */
    public static Variable turnout() {
        return new Variable("turnout", TURNOUT_INDEX);
    }

    /**
     * @param election the election
     * @param option   an option index
     * @return that option as a variable
     */
    public static Variable option(Election election, int option) {
        return new Variable(election.options().get(option), option);
    }

    /** @return whether this is turnout */
    public boolean isTurnout() {
        return option == TURNOUT_INDEX;
    }
}
