package org.psephos.simulation;

import java.util.Locale;

/**
 * The true kind of fraud a synthetic unit received, one bit per kind so that composed models can mark a unit with
 * several. {@link #CLEAN} is the absence of every bit.
 *
 * @since 0.1
 */
public enum FraudClass {
    /** No fraud. */
    CLEAN,
    /** Klimek incremental fraud. */
    INCREMENTAL,
    /** Klimek extreme fraud. */
    EXTREME,
    /** Ballot stuffing at a fixed share of non-voters. */
    STUFFING,
    /** Votes moved from the opposition to the leader. */
    SWITCHING,
    /** Repeat (carousel) voting. */
    CAROUSEL,
    /** Results invented as whole percentages. */
    INVENTED,
    /** Opposition ballots declared invalid. */
    INVALIDATED,
    /** Phantom voters on an inflated register. */
    INFLATED,
    /** Counts written with invented digits. */
    DIGITS;

    /** @return the bit of this class in a unit's mask (0 for {@link #CLEAN}) */
    public int bit() {
        return this == CLEAN ? 0 : 1 << (ordinal() - 1);
    }

    /** @return the lower-case label, e.g. {@code incremental} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param mask a unit's fraud bits
     * @return {@code clean}, or the labels of the set bits joined by {@code +} in declaration order
     */
    public static String label(int mask) {
        if (mask == 0) {
            return CLEAN.label();
        }
        StringBuilder s = new StringBuilder();
        for (FraudClass c : values()) {
            if (c != CLEAN && (mask & c.bit()) != 0) {
                if (s.length() > 0) {
                    s.append('+');
                }
                s.append(c.label());
            }
        }
        return s.toString();
    }
}
