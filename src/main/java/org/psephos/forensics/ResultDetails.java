package org.psephos.forensics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The test-specific part of a {@link TestResult}, typed: one record per kind of result, grouped by family, each with
 * named fields for what its test computes, and {@link #toMap()}, the keys and values the {@code details} object of
 * the {@code analyze} JSON has always carried, in their order. The JSON is derived from the records, never the
 * records from the JSON; code that needs a detail reads the record's field (e.g.
 * {@code r.testDetails() instanceof DigitDetails.Chi2 c ? c.observed() : ...}), so that a misspelt key cannot compile.
 *
 * <p>The families:
 * <ul>
 *   <li>{@link DigitDetails}: the digit tests (2BL, 2BLChi2, LastC, LastDigitChi2, C05s, Repeats, Adjacent,
 *       Distant);</li>
 *   <li>{@link RoundNumberDetails}: the round-number tests (P05s, IntegerPercent, Spikes);</li>
 *   <li>{@link ShapeDetails}: the distribution and shape tests (Skew, Kurt, LogVoteKurtosis, DipT, Correlation,
 *       Sobyanin);</li>
 *   <li>{@link EstimatorDetails}: the estimators (KlimekFit, Shpilkin, FraudMixture), whose records live in
 *       {@code estimation} next to the estimators, which is why that family alone is not sealed;</li>
 *   <li>what the battery adds around a test's record: {@link Bootstrapped} (the bootstrap's replicate counts),
 *       {@link CalibratedDetails} (the calibrated null's description, {@code docs/verdict-method.md});</li>
 *   <li>{@link Keyed}: an ordered map, for a {@link ForensicTest} written outside the library (and
 *       {@link #NONE}, no details); no test of the library writes one.</li>
 * </ul>
 * Immutable.
 *
 * @since 0.1
 */
public sealed interface ResultDetails permits DigitDetails, RoundNumberDetails, ShapeDetails, EstimatorDetails,
        ResultDetails.Bootstrapped, CalibratedDetails, ResultDetails.Keyed {

    /** The {@code p_value_method} of the tests whose p-value is an exact two-sided binomial test. */
    String EXACT_BINOMIAL = "exact binomial, two-sided";

    /** No details. */
    ResultDetails NONE = new Keyed(Map.of());

    /**
     * @param keysAndValues alternating JSON keys (strings) and values
     * @return an insertion-ordered, modifiable map of them: what a record's {@link #toMap()} returns
     */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * @return the details as the JSON writes them: an insertion-ordered map of its keys (a new, modifiable map)
     */
    Map<String, Object> toMap();

    /**
     * @return the test's own record under what the battery wrapped around it ({@link Bootstrapped},
     *         {@link CalibratedDetails}); this record itself for a test's record
     */
    default ResultDetails test() {
        return this;
    }

    /**
     * @return how the test's own p-value was computed, or {@code null} if the record does not say (a calibrated null
     *         moves it into its {@code reference})
     */
    default String pValueMethod() {
        return null;
    }

    /**
     * A test's record with the counts of the bootstrap that gave its interval.
     *
     * @param details    the test's record
     * @param replicates bootstrap replicates drawn
     * @param finite     replicates with a finite statistic ({@code bootstrap_finite}, written only when fewer than
     *                   {@code replicates})
     */
    record Bootstrapped(ResultDetails details, int replicates, int finite) implements ResultDetails {
        /** Checks the record. */
        public Bootstrapped {
            Objects.requireNonNull(details, "details");
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = details.toMap();
            m.put("bootstrap_replicates", replicates);
            if (finite < replicates) {
                m.put("bootstrap_finite", finite);
            }
            return m;
        }

        @Override
        public ResultDetails test() {
            return details.test();
        }

        @Override
        public String pValueMethod() {
            return details.pValueMethod();
        }
    }

    /**
     * The details of a test without a record (one written outside the library), as an ordered map of JSON keys.
     *
     * @param map the keys and values, in the JSON's order
     */
    record Keyed(Map<String, Object> map) implements ResultDetails {
        /** Copies the map. */
        public Keyed {
            map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }

        @Override
        public Map<String, Object> toMap() {
            return new LinkedHashMap<>(map);
        }

        @Override
        public String pValueMethod() {
            return map.get("p_value_method") instanceof String s ? s : null;
        }
    }
}
