package org.psephos.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One election result: a set of units (polling stations, precincts, or regions where that is all that exists),
 * each with its registered voters, ballots cast, optional valid and invalid ballots found, the votes of every
 * option (candidate, party, "against all") and any number of grouping labels.
 *
 * <p>The result is immutable and columnar: each count is one {@code int[]} column, so ten million units with four
 * options take about 320 MB and loops over a column are cache-friendly. A count that the source left empty
 * ({@code NA}) is stored as {@link #MISSING}; analyses drop such units only through an explicit, reported
 * {@link UnitFilter}. Totals are always summed in {@code long}.
 *
 * <p>Per-unit accessors ({@link #registered(int)} and friends) are cheap and inlined by the JIT; bulk accessors
 * ({@link #registeredColumn()} and friends) return copies, which numerical kernels take once.
 *
 * <p>The class stays above 300 lines because what is left is its public surface, used by scripts and tests by name:
 * the columns, 33 public methods (per-unit and bulk accessors, copies) and the nested {@link Builder} (named
 * {@code Election.Builder}, with its 10); the builder's checks are in {@code ElectionChecks}, the totals in
 * {@link ElectionTotals}, subsetting in {@code ElectionSelection}.
 *
 * @since 0.1
 */
public final class Election {
    /** The value stored for a count that the source left empty. */
    public static final int MISSING = -1;

    private final String name;
    private final int size;
    private final int[] registered;
    private final int[] ballots;
    private final int[] valid;
    private final int[] invalid;
    private final List<String> options;
    private final int[][] votes;
    private final List<Grouping> groupings;
    private final String[] unitIds;
    private final int leader;
    private final ShareBase shareBase;

    private Election(Builder b) {
        this.name = b.name;
        this.size = b.registered.length;
        this.registered = b.registered;
        this.ballots = b.ballots;
        this.valid = b.valid;
        this.invalid = b.invalid;
        this.options = List.copyOf(b.optionNames);
        this.votes = b.optionVotes.toArray(new int[0][]);
        this.groupings = List.copyOf(b.groupings);
        this.unitIds = b.unitIds;
        this.shareBase = b.shareBase;
        this.leader = b.leader >= 0 ? b.leader : mostVotes(votes);
    }

    /**
     * @param name a short description of the source (file name, "simulated ...")
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return a builder holding this election's columns, to derive a modified copy */
    public Builder toBuilder() {
        Builder b = new Builder(name).registered(registered).ballots(ballots).shareBase(shareBase);
        if (valid != null) {
            b.valid(valid);
        }
        if (invalid != null) {
            b.invalid(invalid);
        }
        for (int k = 0; k < votes.length; k++) {
            b.option(options.get(k), votes[k]);
        }
        groupings.forEach(b::grouping);
        if (unitIds != null) {
            b.unitIds(unitIds);
        }
        return b.leader(leader);
    }

    private static int mostVotes(int[][] votes) {
        int best = -1;
        long bestTotal = -1;
        for (int k = 0; k < votes.length; k++) {
            long t = sum(votes[k]);
            if (t > bestTotal) {
                bestTotal = t;
                best = k;
            }
        }
        return best;
    }

    static long sum(int[] column) {
        long s = 0;
        for (int v : column) {
            if (v > 0) {
                s += v;
            }
        }
        return s;
    }

    /** @return the source description */
    public String name() {
        return name;
    }

    /** @return the number of units */
    public int size() {
        return size;
    }

    /** @param i unit index @return registered voters, or {@link #MISSING} */
    public int registered(int i) {
        return registered[i];
    }

    /** @param i unit index @return ballots cast (voters who took part), or {@link #MISSING} */
    public int ballots(int i) {
        return ballots[i];
    }

    /** @return whether the source has a valid-ballots column */
    public boolean hasValid() {
        return valid != null;
    }

    /** @return whether the source has an invalid-ballots column */
    public boolean hasInvalid() {
        return invalid != null;
    }

    /**
     * @param i unit index
     * @return valid ballots from the source's column, or the sum of the options' votes where there is none;
     *         {@link #MISSING} if a needed cell is missing
     */
    public int valid(int i) {
        if (valid != null) {
            return valid[i];
        }
        long s = 0;
        for (int[] column : votes) {
            if (column[i] < 0) {
                return MISSING;
            }
            s += column[i];
        }
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }

    /** @param i unit index @return invalid ballots, 0 where the source has no such column, or {@link #MISSING} */
    public int invalid(int i) {
        return invalid == null ? 0 : invalid[i];
    }

    /**
     * @param i unit index
     * @return valid + invalid ballots found in the boxes (see {@link ShareBase#FOUND}), or {@link #MISSING}
     */
    public int found(int i) {
        int v = valid(i);
        int inv = invalid(i);
        if (v < 0 || inv < 0) {
            return MISSING;
        }
        long s = (long) v + inv;
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }

    /**
     * @param i unit index
     * @return the denominator of unit i's vote shares under {@link #shareBase()}, or {@link #MISSING}
     */
    public int shareDenominator(int i) {
        return switch (shareBase) {
            case FOUND -> found(i);
            case VALID -> valid(i);
            case BALLOTS -> ballots[i];
        };
    }

    /** @return the options' names, in source order */
    public List<String> options() {
        return options;
    }

    /** @return the number of options */
    public int optionCount() {
        return votes.length;
    }

    /**
     * @param option option index
     * @param i      unit index
     * @return the option's votes in unit i, or {@link #MISSING}
     */
    public int votes(int option, int i) {
        return votes[option][i];
    }

    /**
     * @param optionName an option's name
     * @return its index
     * @throws IllegalArgumentException if there is no such option
     */
    public int optionIndex(String optionName) {
        int k = options.indexOf(optionName);
        if (k < 0) {
            throw new IllegalArgumentException("no option named '" + optionName + "'; options are " + options);
        }
        return k;
    }

    /** @return the leader's option index: the option with most votes unless the source chose another */
    public int leader() {
        return leader;
    }

    /** @return the leader's name */
    public String leaderName() {
        return leader < 0 ? "" : options.get(leader);
    }

    /** @return the denominator used for vote shares */
    public ShareBase shareBase() {
        return shareBase;
    }

    /** @return the groupings, in source order */
    public List<Grouping> groupings() {
        return groupings;
    }

    /**
     * @param groupingName a grouping's name
     * @return the grouping, if present
     */
    public Optional<Grouping> grouping(String groupingName) {
        return groupings.stream().filter(g -> g.name().equals(groupingName)).findFirst();
    }

    /** @return whether units carry identifiers */
    public boolean hasUnitIds() {
        return unitIds != null;
    }

    /** @param i unit index @return the unit's identifier, or its 1-based position if the source has none */
    public String unitId(int i) {
        return unitIds == null ? Integer.toString(i + 1) : unitIds[i];
    }

    /** @return a copy of the registered column */
    public int[] registeredColumn() {
        return registered.clone();
    }

    /** @return a copy of the ballots column */
    public int[] ballotsColumn() {
        return ballots.clone();
    }

    /** @param option option index @return a copy of that option's votes */
    public int[] votesColumn(int option) {
        return votes[option].clone();
    }

    /** @return the per-unit valid counts as {@link #valid(int)} defines them */
    public int[] validColumn() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = valid(i);
        }
        return out;
    }

    /** @return the per-unit invalid counts as {@link #invalid(int)} defines them */
    public int[] invalidColumn() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = invalid(i);
        }
        return out;
    }

    /** @return the per-unit share denominators as {@link #shareDenominator(int)} defines them */
    public int[] shareDenominatorColumn() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = shareDenominator(i);
        }
        return out;
    }

    /**
     * Sums every count over units, skipping missing cells, in {@code long}.
     *
     * @return the totals
     */
    public ElectionTotals totals() {
        return ElectionTotals.of(this);
    }

    /**
     * @param units unit indices, each in {@code [0, size)}
     * @return a new election holding only those units, in the given order
     */
    public Election select(int[] units) {
        return ElectionSelection.select(this, units);
    }

    /**
     * @param newLeader the option to treat as the leader
     * @return a copy with that leader
     */
    public Election withLeader(int newLeader) {
        return toBuilder().leader(newLeader).build();
    }

    /**
     * @param base the share denominator
     * @return a copy with that share base
     */
    public Election withShareBase(ShareBase base) {
        return toBuilder().shareBase(base).build();
    }

    @Override
    public String toString() {
        return "Election[" + name + ", " + size + " units, options " + options + "]";
    }

    /**
     * Assembles an {@link Election}; validates column lengths and values in {@link #build()}.
     * Arrays handed to the builder are copied.
     */
    public static final class Builder {
        final String name;
        int[] registered;
        int[] ballots;
        int[] valid;
        int[] invalid;
        final List<String> optionNames = new ArrayList<>();
        final List<int[]> optionVotes = new ArrayList<>();
        final List<Grouping> groupings = new ArrayList<>();
        String[] unitIds;
        int leader = -1;
        private ShareBase shareBase = ShareBase.FOUND;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** @param column registered voters per unit @return this */
        public Builder registered(int[] column) {
            this.registered = column.clone();
            return this;
        }

        /** @param column ballots cast per unit @return this */
        public Builder ballots(int[] column) {
            this.ballots = column.clone();
            return this;
        }

        /** @param column valid ballots per unit @return this */
        public Builder valid(int[] column) {
            this.valid = column.clone();
            return this;
        }

        /** @param column invalid ballots per unit @return this */
        public Builder invalid(int[] column) {
            this.invalid = column.clone();
            return this;
        }

        /** @param optionName the option's name @param column its votes per unit @return this */
        public Builder option(String optionName, int[] column) {
            optionNames.add(Objects.requireNonNull(optionName, "option name"));
            optionVotes.add(column.clone());
            return this;
        }

        /** @param grouping a grouping of the units @return this */
        public Builder grouping(Grouping grouping) {
            groupings.add(grouping);
            return this;
        }

        /** @param ids one identifier per unit @return this */
        public Builder unitIds(String[] ids) {
            this.unitIds = ids.clone();
            return this;
        }

        /** @param option the leader's option index, or -1 for the option with most votes @return this */
        public Builder leader(int option) {
            this.leader = option;
            return this;
        }

        /** @param base the share denominator @return this */
        public Builder shareBase(ShareBase base) {
            this.shareBase = Objects.requireNonNull(base, "share base");
            return this;
        }

        /**
         * @return the election
         * @throws IllegalArgumentException if registered or ballots is absent, columns differ in length, a count
         *                                  is negative other than {@link Election#MISSING}, an option name repeats
         *                                  or the leader index is out of range
         */
        public Election build() {
            ElectionChecks.check(this);
            return new Election(this);
        }
    }
}
