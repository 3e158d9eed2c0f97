package org.psephos.forensics;

import java.util.Objects;
import org.psephos.data.Election;

/**
 * The data one forensic test runs on: the units of one group after the unit filter of the test's
 * {@link Conventions} (under Psephos's, {@link org.psephos.data.UnitFilter#standard()}, so no count is missing,
 * registered and the share base are positive and ballots do not exceed registered; under a reference tool's, the
 * units may hold missing counts and undefined proportions), the group's label and the variable.
 *
 * <p>Derived arrays ({@link #counts()}, {@link #proportions()}, {@link #turnout()}) are computed once, on first use,
 * and the same array is returned to every test of the group and variable, so that the battery's shared bootstrap
 * sees one array per quantity. Callers must not modify them. Thread-safe.
 *
 * @since 0.1
 */
public final class TestInput {
    /** The level label of tests over all units. */
    public static final String NATIONAL = "national";

    private final Election election;
    private final String level;
    private final Variable variable;
    private int[] counts;
    private double[] proportions;
    private double[] capped;
    private double[] turnout;
    private double[] binomialSd;

    /**
     * @param election the group's units, filtered
     * @param level    the group's label, or {@link #NATIONAL}
     * @param variable the variable
     */
    public TestInput(Election election, String level, Variable variable) {
        this.election = Objects.requireNonNull(election, "election");
        this.level = Objects.requireNonNull(level, "level");
        this.variable = Objects.requireNonNull(variable, "variable");
    }

    /** @return the units */
    public Election election() {
        return election;
    }

    /** @return the group's label */
    public String level() {
        return level;
    }

    /** @return the variable */
    public Variable variable() {
        return variable;
    }

    /** @return the number of units */
    public int size() {
        return election.size();
    }

    /** @return the variable's counts: ballots for turnout, the option's votes otherwise */
    public synchronized int[] counts() {
        if (counts == null) {
            counts = variable.isTurnout() ? election.ballotsColumn() : election.votesColumn(variable.option());
        }
        return counts;
    }

    /**
     * @return the variable's proportions: ballots / registered for turnout, votes / share base for an option (in
     *         [0, 1] after the standard filter); as in floating point otherwise: NaN where a count is missing or
     *         both are 0, +∞ for a positive count over 0, above 1 where the count exceeds its base
     */
    public synchronized double[] proportions() {
        if (proportions == null) {
            proportions = computeProportions(variable);
        }
        return proportions;
    }

    /**
     * @return the proportions capped at 1 as EFToolkit's {@code ifelse(p >= 1, 1, p)} caps them (+∞ becomes 1,
     *         NaN stays NaN); the same array as {@link #proportions()} when none exceeds 1
     */
    public synchronized double[] cappedProportions() {
        if (capped == null) {
            double[] p = proportions();
            double[] c = null;
            for (int i = 0; i < p.length; i++) {
                if (p[i] > 1) {
                    if (c == null) {
                        c = p.clone();
                    }
                    c[i] = 1;
                }
            }
            capped = c == null ? p : c;
        }
        return capped;
    }

    private double[] computeProportions(Variable variable) {
        int n = election.size();
        double[] out = new double[n];
        if (variable.isTurnout()) {
            for (int i = 0; i < n; i++) {
                out[i] = ratio(election.ballots(i), election.registered(i));
            }
        } else {
            int k = variable.option();
            for (int i = 0; i < n; i++) {
                out[i] = ratio(election.votes(k, i), election.shareDenominator(i));
            }
        }
        return out;
    }

    /**
     * The binomial spread of each unit's count: with base B_i (registered voters for turnout, the share base for an
     * option) and the count c_i, \( s_i = \sqrt{c_i (1 - c_i/B_i)} \), the sd of Binomial(B_i, c_i/B_i). The last
     * digit of a count with a small spread is far from uniform by arithmetic alone; the last-digit tests use it to
     * keep the counts whose last digit is close to uniform.
     *
     * @return per unit s_i (0 for a count above its base), NaN where the count or its base is missing
     */
    public synchronized double[] binomialSd() {
        if (binomialSd == null) {
            int n = election.size();
            int[] c = counts();
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                int base = variable.isTurnout() ? election.registered(i) : election.shareDenominator(i);
                s[i] = binomialSd(c[i], base);
            }
            binomialSd = s;
        }
        return binomialSd;
    }

    /**
     * @param count a count (negative: missing)
     * @param base  its base (negative: missing)
     * @return \( \sqrt{c (1 - c/B)} \) as {@link #binomialSd()} computes it: NaN if either is missing, 0 for a zero
     *         base or a count above its base
     */
    static double binomialSd(int count, int base) {
        return count < 0 || base < 0 ? Double.NaN
                : base == 0 ? 0 : Math.sqrt(count * Math.max(0.0, 1 - (double) count / base));
    }

    /** @return count / base in floating point, NaN if either is missing */
    private static double ratio(int count, int base) {
        return count < 0 || base < 0 ? Double.NaN : (double) count / base;
    }

    /** @return each unit's turnout, ballots / registered */
    public synchronized double[] turnout() {
        if (turnout == null) {
            turnout = variable.isTurnout() ? proportions() : computeProportions(Variable.turnout());
        }
        return turnout;
    }
}
