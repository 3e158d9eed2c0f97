package org.psephos.data;

import java.util.EnumMap;
import java.util.Map;

/**
 * An explicit, reported filter of the units that an analysis cannot use. It never drops a unit silently: the
 * {@link FilterReport} counts every dropped unit under the first {@link DropReason} that applies.
 *
 * <p>The standard filter drops units with a missing count, no registered voters, zero ballots, ballots above
 * registered voters, option votes above ballots, or a zero share denominator, plus units smaller than an optional
 * minimum size (Klimek et al. 2012 dropped units under 100 voters; Kobak et al. 2016 do the same in their
 * integer-percentage test). Two other rules reproduce reference tools ({@link Rule}): {@link #keepAll()} keeps
 * every unit (the Election Forensics Toolkit: each statistic leaves out, per variable, the values it cannot compute)
 * and {@link #leaderPresent()} drops only units without the leader's count (Kobak et al.'s {@code loaddata}).
 * Immutable.
 *
 * @param minRegistered units with fewer registered voters are dropped as {@link DropReason#TOO_SMALL}; 0 keeps all
 * @param rule          which units the filter drops besides those below the minimum size
 * @since 0.1
 */
public record UnitFilter(int minRegistered, Rule rule) {

    /** Which units a filter drops. */
    public enum Rule {
        /** Every unit the analyses cannot use: the reasons of {@link DropReason}, in order. */
        STANDARD,
        /**
         * No unit (EFToolkit's {@code BasicElectionForensics}, which never drops a row: a test leaves out the values
         * it cannot compute, {@code na.rm = TRUE}, and the data must be read with that in mind).
         */
        KEEP_ALL,
        /**
         * Units whose leader's count is missing, as {@link DropReason#MISSING_VALUE} (Kobak et al.'s
         * {@code loaddata}, "Excluded N stations without data"); the test's own inclusion rules do the rest.
         */
        LEADER_PRESENT
    }

    /** Validates the minimum. */
    public UnitFilter {
        if (minRegistered < 0) {
            throw new IllegalArgumentException("minimum registered voters is negative: " + minRegistered);
        }
        java.util.Objects.requireNonNull(rule, "rule");
    }

    /** @param minRegistered the smallest unit kept (0 keeps all) under the {@link Rule#STANDARD} rule */
    public UnitFilter(int minRegistered) {
        this(minRegistered, Rule.STANDARD);
    }

    /** @return the standard filter with no minimum size */
    public static UnitFilter standard() {
        return new UnitFilter(0);
    }

    /** @return the filter that keeps every unit ({@link Rule#KEEP_ALL}) */
    public static UnitFilter keepAll() {
        return new UnitFilter(0, Rule.KEEP_ALL);
    }

    /** @return the filter that drops only the units without the leader's count ({@link Rule#LEADER_PRESENT}) */
    public static UnitFilter leaderPresent() {
        return new UnitFilter(0, Rule.LEADER_PRESENT);
    }

    /**
     * @param election the units
     * @param unit     a unit index
     * @return the first reason to drop the unit, or {@code null} to keep it
     */
    public DropReason reason(Election election, int unit) {
        if (rule != Rule.STANDARD) {
            int lead = election.leader();
            if (rule == Rule.LEADER_PRESENT && (lead < 0 || election.votes(lead, unit) < 0)) {
                return DropReason.MISSING_VALUE;
            }
            return minRegistered > 0 && election.registered(unit) < minRegistered ? DropReason.TOO_SMALL : null;
        }
        int reg = election.registered(unit);
        int bal = election.ballots(unit);
        if (reg < 0 || bal < 0 || election.found(unit) < 0 || election.shareDenominator(unit) < 0) {
            return DropReason.MISSING_VALUE;
        }
        long votes = 0;
        for (int k = 0; k < election.optionCount(); k++) {
            int v = election.votes(k, unit);
            if (v < 0) {
                return DropReason.MISSING_VALUE;
            }
            votes += v;
        }
        if (reg == 0) {
            return DropReason.NO_REGISTERED;
        }
        if (reg < minRegistered) {
            return DropReason.TOO_SMALL;
        }
        if (bal == 0) {
            return DropReason.ZERO_BALLOTS;
        }
        if (bal > reg) {
            return DropReason.BALLOTS_EXCEED_REGISTERED;
        }
        if (votes > bal) {
            return DropReason.VOTES_EXCEED_BALLOTS;
        }
        if (election.shareDenominator(unit) == 0) {
            return DropReason.ZERO_SHARE_BASE;
        }
        return null;
    }

    /**
     * @param election the units
     * @return the units kept and the report of those dropped
     */
    public Filtered apply(Election election) {
        int n = election.size();
        int[] keep = new int[n];
        int k = 0;
        Map<DropReason, Integer> dropped = new EnumMap<>(DropReason.class);
        for (int i = 0; i < n; i++) {
            DropReason r = reason(election, i);
            if (r == null) {
                keep[k++] = i;
            } else {
                dropped.merge(r, 1, Integer::sum);
            }
        }
        Election kept = k == n ? election : election.select(java.util.Arrays.copyOf(keep, k));
        return new Filtered(kept, new FilterReport(n, k, dropped));
    }

    /**
     * The outcome of {@link #apply(Election)}.
     *
     * @param election the units kept
     * @param report   what was kept and dropped
     */
    public record Filtered(Election election, FilterReport report) {
    }
}
