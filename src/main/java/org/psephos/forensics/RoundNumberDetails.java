package org.psephos.forensics;

import java.util.Map;

/**
 * The details of the round-number tests with a record: the share of percentages ending in 0 or 5
 * ({@link ZeroFivePercents}: P05s). IntegerPercent and Spikes still carry {@link ResultDetails.Keyed} details
 * ({@code docs/architecture.md}, "Known debts").
 *
 * @since 0.1
 */
public sealed interface RoundNumberDetails extends ResultDetails {

    /**
     * The share of units whose percentage ends in 0 or 5 (P05s), with an exact binomial p-value.
     *
     * @param successes units whose percentage ends in 0 or 5
     */
    record ZeroFivePercents(int successes) implements RoundNumberDetails {
        @Override
        public String pValueMethod() {
            return EXACT_BINOMIAL;
        }

        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("successes", successes, "p_value_method", pValueMethod());
        }
    }
}
