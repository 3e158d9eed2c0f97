package org.psephos.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns of a results file hold which counts. Every reference is a header name, a 1-based position
 * {@code #N}, or a sum {@code A+B+C} of those (real protocols split the ballots issued into several lines);
 * candidates also accept a range {@code #22..#28}, one option per column. A name is matched exactly first (so a
 * header containing {@code +} still works), then case-insensitively if that is unique.
 *
 * <p>A {@code null} role (or an empty candidate or level list) means "recognise it": registered, ballots, valid and
 * invalid by their common English names, the id column by {@code unit}, {@code id}, {@code uik}, {@code precinct};
 * the level by a text column named {@code region}, {@code district}, {@code prefecture(s)}, {@code province};
 * the candidates as every remaining numeric column; the leader as the option with most votes.
 * See {@code docs/loading.md}. Immutable; the syntax of every reference is checked when the mapping is built.
 *
 * @param registered registered voters, or {@code null} to recognise
 * @param ballots    ballots cast (voters who took part), or {@code null} to recognise
 * @param valid      valid ballots, or {@code null} to recognise (absent: the sum of the options)
 * @param invalid    invalid ballots, or {@code null} to recognise (absent: none)
 * @param candidates the options' columns; empty for every remaining numeric column
 * @param leader     the leader's column, or {@code null} for the option with most votes
 * @param levels     grouping columns; empty to recognise
 * @param id         the unit id column, or {@code null} to recognise
 * @param shareOf    the denominator of vote shares, or {@code null} for the default
 *                   ({@link ShareBase#defaultFor}: found, or ballots for a file with one option and neither a valid
 *                   nor an invalid column)
 * @param thousands  the thousands separator of the counts ({@link Thousands#NONE} unless chosen; {@code null}
 *                   reads as none)
 * @since 0.1
 */
public record ColumnMapping(String registered, String ballots, String valid, String invalid, List<String> candidates,
                            String leader, List<String> levels, String id, ShareBase shareOf, Thousands thousands) {

    /**
     * Checks the syntax of every reference.
     *
     * @throws IllegalArgumentException if a reference is blank, has an empty term ({@code A++B}), a bad position
     *                                  ({@code #0}, {@code #x}), or a range outside the candidates
     */
    public ColumnMapping {
        candidates = List.copyOf(candidates);
        levels = List.copyOf(levels);
        thousands = thousands == null ? Thousands.NONE : thousands;
        checkNoRange("--registered", registered);
        checkNoRange("--ballots", ballots);
        checkNoRange("--valid", valid);
        checkNoRange("--invalid", invalid);
        checkNoRange("--leader", leader);
        checkNoRange("--id", id);
        candidates.forEach(c -> ColumnRef.parse("--candidate", c)); // the syntax only: a range is allowed
        levels.forEach(l -> checkNoRange("--level", l));
    }

    /** Checks the syntax of a reference, if any, and that it is not a range (only candidates take one). */
    private static void checkNoRange(String role, String ref) {
        if (ref != null && ColumnRef.parse(role, ref).isRange()) {
            throw new IllegalArgumentException(role + ": a range such as '" + ref + "' is only allowed for candidates");
        }
    }

    /** @return the mapping that recognises everything by name */
    public static ColumnMapping recognise() {
        return builder().build();
    }

    /** @return an empty builder: every role recognised until set */
    public static Builder builder() {
        return new Builder();
    }

    /** Assembles a {@link ColumnMapping}; {@link #build()} checks the syntax. */
    public static final class Builder {
        private String registered;
        private String ballots;
        private String valid;
        private String invalid;
        private final List<String> candidates = new ArrayList<>();
        private String leader;
        private final List<String> levels = new ArrayList<>();
        private String id;
        private ShareBase shareOf;
        private Thousands thousands = Thousands.NONE;

        private Builder() {
        }

        /** @param ref registered voters' column @return this */
        public Builder registered(String ref) {
            this.registered = ref;
            return this;
        }

        /** @param ref ballots cast column (or sum) @return this */
        public Builder ballots(String ref) {
            this.ballots = ref;
            return this;
        }

        /** @param ref valid ballots column @return this */
        public Builder valid(String ref) {
            this.valid = ref;
            return this;
        }

        /** @param ref invalid ballots column @return this */
        public Builder invalid(String ref) {
            this.invalid = ref;
            return this;
        }

        /** @param ref one more option column, sum or range @return this */
        public Builder candidate(String ref) {
            this.candidates.add(ref);
            return this;
        }

        /** @param ref the leader's column @return this */
        public Builder leader(String ref) {
            this.leader = ref;
            return this;
        }

        /** @param ref one more grouping column @return this */
        public Builder level(String ref) {
            this.levels.add(ref);
            return this;
        }

        /** @param ref the unit id column @return this */
        public Builder id(String ref) {
            this.id = ref;
            return this;
        }

        /** @param base the share denominator, or {@code null} for the default @return this */
        public Builder shareOf(ShareBase base) {
            this.shareOf = base;
            return this;
        }

        /** @param t the thousands separator of the counts @return this */
        public Builder thousands(Thousands t) {
            this.thousands = t;
            return this;
        }

        /**
         * @return the mapping
         * @throws IllegalArgumentException on a syntax error in a reference
         */
        public ColumnMapping build() {
            return new ColumnMapping(registered, ballots, valid, invalid, candidates, leader, levels, id, shareOf,
                    thousands);
        }
    }
}
