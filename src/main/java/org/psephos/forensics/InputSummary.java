package org.psephos.forensics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psephos.data.Election;
import org.psephos.data.ElectionTotals;

/**
 * Totals of the units a battery ran on (after filtering): the {@code summary} object of the {@code analyze} JSON.
 *
 * @param units      units kept
 * @param registered registered voters
 * @param ballots    ballots cast
 * @param turnout    ballots / registered (NaN if nobody is registered)
 * @param shareBase  the share denominator's name ({@code found}, {@code valid} or {@code ballots})
 * @param shares     each option's votes / the share base total, in source order
 * @since 0.1
 */
public record InputSummary(int units, long registered, long ballots, double turnout, String shareBase,
                           Map<String, Double> shares) {

    /** Copies the shares so that the record stays immutable. */
    public InputSummary {
        shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }

    /**
     * @param e the units
     * @return their summary
     */
    public static InputSummary of(Election e) {
        ElectionTotals t = e.totals();
        Map<String, Double> s = new LinkedHashMap<>();
        for (int k = 0; k < e.optionCount(); k++) {
            s.put(e.options().get(k), t.share(k));
        }
        return new InputSummary(t.units(), t.registered(), t.ballots(), t.turnout(),
                e.shareBase().name().toLowerCase(java.util.Locale.ROOT), s);
    }
}
