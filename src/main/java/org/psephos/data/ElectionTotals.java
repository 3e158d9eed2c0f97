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

    /**
     * Sums every count of an election over its units, skipping missing cells (and zeros), in {@code long}.
     *
     * @param e the election
     * @return its totals
     */
    static ElectionTotals of(Election e) {
        int size = e.size();
        long[] optionTotals = new long[e.optionCount()];
        long registeredTotal = 0;
        long ballotsTotal = 0;
        long validTotal = 0;
        long invalidTotal = 0;
        long shareTotal = 0;
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < optionTotals.length; k++) {
                optionTotals[k] += Math.max(0, e.votes(k, i));
            }
            registeredTotal += Math.max(0, e.registered(i));
            ballotsTotal += Math.max(0, e.ballots(i));
            validTotal += Math.max(0, e.valid(i));
            invalidTotal += Math.max(0, e.invalid(i));
            shareTotal += Math.max(0, e.shareDenominator(i));
        }
        return new ElectionTotals(size, registeredTotal, ballotsTotal, validTotal,
                e.hasInvalid() ? invalidTotal : -1, shareTotal, e.options(), optionTotals);
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
