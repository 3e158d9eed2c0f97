package org.psephos.forensics;

import java.util.Locale;

/**
 * Which null distribution a battery row is judged against ({@code --null}, {@link BatteryOptions#nulls()}).
 *
 * <ul>
 *   <li>{@link #CALIBRATED} (the default under Psephos's conventions): a null built from the data, the count-level
 *       resampling null for the digit and round-number tests and the clean-twin null for the shape tests and the
 *       estimators ({@code org.psephos.forensics.nulls}); expected value, interval and p-value come from the
 *       null's replicates, rows are flagged by their Benjamini–Hochberg q-value, and the election gets a verdict
 *       ({@link Verdict}). The method is {@code docs/verdict-method.md}.</li>
 *   <li>{@link #REFERENCE}: the literature's fixed reference values (Benford's second digit, uniform last digits,
 *       normal shapes, zero correlation) with each test's own flag rule, as before issue 15. A reference tool's
 *       conventions ({@link Conventions#EFTOOLKIT}, {@link Conventions#KOBAK}) always use them: they are the tool's
 *       own nulls.</li>
 * </ul>
 *
 * @since 0.1
 */
public enum NullKind {
    /** Nulls built from the data (resampling and clean twins). */
    CALIBRATED,
    /** The literature's fixed reference values and each test's own flag rule. */
    REFERENCE;

    /** @return the command-line spelling, {@code calibrated} or {@code reference} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code calibrated} or {@code reference}, in any case
     * @return the kind
     * @throws IllegalArgumentException naming the choices if the text names none
     */
    public static NullKind parse(String text) {
        for (NullKind k : values()) {
            if (k.id().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("--null is calibrated or reference: " + text);
    }
}
