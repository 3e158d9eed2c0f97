package org.psephos.scenarios;

import java.util.Locale;
import java.util.Objects;

/**
 * How a scenario models an "against all" line, which decides the leader's share on the {@link
 * FirstRoundBase#CANDIDATES} base (votes for candidates only). The engine does not draw "against all" votes
 * separately: it is a part of the votes not cast for the leader, and the rule says which part.
 *
 * <ul>
 *   <li>{@link Rule#HELD} (the default of the presets): in the clean election "against all" has a fixed share
 *       {@code ofValid} of the valid votes, its official share, whatever the leader's clean support v; the fraud
 *       then treats those votes as it treats the opponents' (stuffing adds none, switching takes the same fraction
 *       of them), so they stay the fraction ofValid / (1 − v) of the votes not cast for the leader.</li>
 *   <li>{@link Rule#PROPORTIONAL}: "against all" is a fixed fraction {@code ofOthers} of the votes not cast for the
 *       leader, its official fraction of them, whatever the leader's clean support: at a lower clean support it
 *       grows with the opposition (at a clean support of 45% and the 2022 fraction 31.03% it would be 17% of valid
 *       votes, three times its official share).</li>
 * </ul>
 *
 * Either way the leader's share of the candidates' votes is v / (1 − a(1 − v)), a the fraction of the non-leading
 * votes ({@link FirstRoundBase#share(double, double, double)}). Immutable.
 *
 * @param rule     which rule the scenario uses
 * @param ofValid  "against all" as a share of valid votes (the held rule's share; NaN if not known)
 * @param ofOthers "against all" as a fraction of the votes not cast for the leader (the proportional rule's
 *                 fraction; NaN if not known)
 * @since 0.1
 */
public record AgainstAll(Rule rule, double ofValid, double ofOthers) implements java.io.Serializable {
    /** No "against all" line. */
    public static final AgainstAll NONE = new AgainstAll(Rule.PROPORTIONAL, 0, 0);

    /** The two rules. */
    public enum Rule {
        /** A fixed share of the clean valid votes. */
        HELD,
        /** A fixed fraction of the votes not cast for the leader. */
        PROPORTIONAL;

        /** @return {@code held} or {@code proportional}, as in scenario files and outputs */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param text {@code held} or {@code proportional}, case-insensitive
         * @return the rule
         * @throws IllegalArgumentException if the text names no rule
         */
        public static Rule parse(String text) {
            for (Rule r : values()) {
                if (r.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
            throw new IllegalArgumentException("\"against all\" rule is not held or proportional: " + text);
        }
    }

    /** @throws IllegalArgumentException if the rule's own figure is not in [0, 1] or the other is out of range */
    public AgainstAll {
        Objects.requireNonNull(rule, "rule");
        double own = rule == Rule.HELD ? ofValid : ofOthers;
        if (!(own >= 0 && own <= 1)) {
            throw new IllegalArgumentException("\"against all\" " + (rule == Rule.HELD ? "share of valid votes"
                    : "fraction of the non-leading votes") + " is not in [0, 1]: " + own);
        }
        if (!Double.isNaN(ofValid) && !(ofValid >= 0 && ofValid <= 1)
                || !Double.isNaN(ofOthers) && !(ofOthers >= 0 && ofOthers <= 1)) {
            throw new IllegalArgumentException("\"against all\" shares are not in [0, 1]: " + ofValid + ", "
                    + ofOthers);
        }
    }

    /**
     * The official figures of an election.
     *
     * @param rule   the rule
     * @param votes  "against all" votes
     * @param valid  valid votes, "against all" included
     * @param leader the leader's votes
     * @return the rule with the official share of valid votes and fraction of the non-leading votes
     */
    public static AgainstAll official(Rule rule, long votes, long valid, long leader) {
        return new AgainstAll(rule, valid > 0 ? (double) votes / valid : 0,
                valid > leader ? (double) votes / (valid - leader) : 0);
    }

    /**
     * @param cleanShare the leader's clean support (expected share of valid votes)
     * @return "against all" as a fraction of the votes not cast for the leader, in [0, 1]
     */
    public double ofOthers(double cleanShare) {
        if (rule == Rule.PROPORTIONAL) {
            return ofOthers;
        }
        double rest = 1 - cleanShare;
        return rest > ofValid ? ofValid / rest : 1;
    }

    /**
     * @param cleanShare the leader's clean support
     * @return "against all" as a share of the clean valid votes under this rule
     */
    public double ofValid(double cleanShare) {
        return ofOthers(cleanShare) * (1 - cleanShare);
    }

    /** @return whether the other rule's figure is known (a preset's, from the official counts) */
    public boolean hasAlternative() {
        return rule == Rule.HELD ? !Double.isNaN(ofOthers) : !Double.isNaN(ofValid);
    }

    /** @return the same figures under the other rule */
    public AgainstAll alternative() {
        return new AgainstAll(rule == Rule.HELD ? Rule.PROPORTIONAL : Rule.HELD, ofValid, ofOthers);
    }

    /** @return whether there is an "against all" line at all */
    public boolean present() {
        return (rule == Rule.HELD ? ofValid : ofOthers) > 0;
    }
}
