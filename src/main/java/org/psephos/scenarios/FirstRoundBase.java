package org.psephos.scenarios;

import java.util.Locale;

/**
 * The base on which a first-round winner's share is measured against the win threshold. Laws that say "more than
 * half of the votes of the voters who took part" leave room for three readings, which give different shares when a
 * ballot carries an "against all" line and some ballots are invalid:
 *
 * <ul>
 *   <li>{@link #VALID}: valid votes, "against all" included (only invalid ballots are taken out);</li>
 *   <li>{@link #BALLOTS}: every ballot of the voters who took part, invalid ones included;</li>
 *   <li>{@link #CANDIDATES}: the candidates' votes only ("against all" counts toward turnout, not the result).</li>
 * </ul>
 *
 * A simulated election carries the leader's share of valid votes v and of ballots b; "against all" is taken as a
 * fixed fraction a of the votes not cast for the leader (its published share of them), so the leader's share of the
 * candidates' votes is v / (1 − a(1 − v)). Not to be confused with the loader's {@code ShareBase}, the denominator of
 * a file's per-unit shares.
 *
 * @since 0.1
 */
public enum FirstRoundBase {
    /** Valid votes including "against all". */
    VALID("valid"),
    /** All ballots of the voters who took part. */
    BALLOTS("ballots"),
    /** Votes for candidates only. */
    CANDIDATES("candidates");

    private final String id;

    FirstRoundBase(String id) {
        this.id = id;
    }

    /** @return the identifier used in scenario files, JSON and CSV */
    public String id() {
        return id;
    }

    /**
     * @param text {@code valid}, {@code ballots} or {@code candidates}, case-insensitive
     * @return the base
     * @throws IllegalArgumentException if the text names no base
     */
    public static FirstRoundBase parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (FirstRoundBase b : values()) {
            if (b.id.equals(t)) {
                return b;
            }
        }
        throw new IllegalArgumentException("first-round base is not valid, ballots or candidates: " + text);
    }

    /**
     * @param ofValid          the leader's share of valid votes ("against all" included)
     * @param ofBallots        the leader's share of all ballots
     * @param againstAllShare  "against all" as a fraction of the votes not cast for the leader, in [0, 1)
     * @return the leader's share on this base
     */
    public double share(double ofValid, double ofBallots, double againstAllShare) {
        return switch (this) {
            case VALID -> ofValid;
            case BALLOTS -> ofBallots;
            case CANDIDATES -> {
                double rest = 1 - againstAllShare * (1 - ofValid);
                yield rest > 0 ? ofValid / rest : 0;
            }
        };
    }

    /**
     * The three shares of published counts.
     *
     * @param leader     the leader's votes
     * @param valid      valid votes, "against all" included
     * @param ballots    all ballots
     * @param againstAll "against all" votes (0 if the ballot had no such line)
     * @return the leader's share on this base
     */
    public double share(long leader, long valid, long ballots, long againstAll) {
        return switch (this) {
            case VALID -> (double) leader / valid;
            case BALLOTS -> (double) leader / ballots;
            case CANDIDATES -> (double) leader / (valid - againstAll);
        };
    }
}
