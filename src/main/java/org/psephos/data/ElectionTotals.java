package org.psephos.data;

import java.util.List;

/**
 * Totals of an election over all its units, summed in {@code long} with missing cells skipped.
 *
 * @param units        number of units
 * @param registered   registered voters
 * @param ballots      ballots cast
 * @param valid        valid ballots (the options' sum where the source has no valid column)
 * @param invalid      invalid ballots, or -1 where the source has no invalid column
 * @param shareBase    the sum of the share denominators
 * @param options      option names
 * @param optionVotes  each option's votes, in the order of {@code options}
 * @since 0.1
 */
public record ElectionTotals(int units, long registered, long ballots, long valid, long invalid, long shareBase,
                             List<String> options, long[] optionVotes) {

    /** Copies the arrays so that the record stays immutable. */
    public ElectionTotals {
        options = List.copyOf(options);
        optionVotes = optionVotes.clone();
    }

    /** @return a copy of the per-option totals */
    @Override
    public long[] optionVotes() {
        return optionVotes.clone();
    }

    /** @return ballots / registered, or NaN when nobody is registered */
    public double turnout() {
        return registered > 0 ? (double) ballots / registered : Double.NaN;
    }

    /** @param option option index @return that option's votes / the share base total, or NaN when it is zero */
    public double share(int option) {
        return shareBase > 0 ? (double) optionVotes[option] / shareBase : Double.NaN;
    }
}
