package org.psephos.forensics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.psephos.forensics.nulls.TailPValue;

/**
 * A test's record with what the calibrated nulls add to it ({@code docs/verdict-method.md}, {@link CalibratedRow}):
 * either the null that gave its p-value ({@link Measured}: the reference result it replaces, the null's summary, the
 * test's calibration label) or the note that the test has none ({@link WithoutNull}). {@link #toMap()} writes the
 * test's keys, then {@code reference}, {@code null}, {@code label} and {@code label_reason}, as the JSON has since
 * the calibrated nulls were added.
 *
 * @since 0.1
 */
public sealed interface CalibratedDetails extends ResultDetails {

    /** @return the name of the null the p-value comes from, e.g. {@code clean twins}, or {@code none} */
    String nullKind();

    /**
     * A row whose p-value comes from a calibrated null.
     *
     * @param details     the test's record (its {@code p_value_method}, if any, moves into the reference)
     * @param reference   the result the row had under the reference null, or {@code null} where there is none
     *                    (IntegerPercent: Kobak et al.'s own null is a resampling null)
     * @param nullSummary the null's replicates and p-value
     * @param label       the test's calibration label
     * @param labelReason why the label, or the empty string
     */
    record Measured(ResultDetails details, Reference reference, NullSummary nullSummary, NullCalibration.Label label,
                    String labelReason) implements CalibratedDetails {
        /** Checks the record. */
        public Measured {
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(nullSummary, "nullSummary");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(labelReason, "labelReason");
        }

        /**
         * @param summary another summary
         * @return this record with that null summary
         */
        public Measured withNullSummary(NullSummary summary) {
            return new Measured(details, reference, summary, label, labelReason);
        }

        /** @return this record without a reference result */
        public Measured withoutReference() {
            return new Measured(details, null, nullSummary, label, labelReason);
        }

        @Override
        public String nullKind() {
            return nullSummary.kind();
        }

        @Override
        public ResultDetails test() {
            return details.test();
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = details.toMap();
            m.remove("p_value_method");
            if (reference != null) {
                m.put(CalibratedNulls.REFERENCE, reference.toMap());
            }
            m.put(CalibratedNulls.NULL, nullSummary.toMap());
            m.put(CalibratedNulls.LABEL, label.id());
            if (!labelReason.isEmpty()) {
                m.put(CalibratedNulls.LABEL_REASON, labelReason);
            }
            return m;
        }
    }

    /**
     * A row of a test without a calibrated null: reported as the test computes it, outside the q-values and the
     * verdict.
     *
     * @param details the test's record
     */
    record WithoutNull(ResultDetails details) implements CalibratedDetails {
        /** The note written in the row's {@code null}. */
        public static final String NOTE = "no calibrated null for this test: reported as the test computes it, "
                + "outside the q-values and the verdict";

        /** Checks the record. */
        public WithoutNull {
            Objects.requireNonNull(details, "details");
        }

        @Override
        public String nullKind() {
            return "none";
        }

        @Override
        public ResultDetails test() {
            return details.test();
        }

        @Override
        public String pValueMethod() {
            return details.pValueMethod();
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = details.toMap();
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("kind", nullKind());
            n.put("note", NOTE);
            m.put(CalibratedNulls.NULL, n);
            return m;
        }
    }

    /**
     * The row as it was under the reference null.
     *
     * @param expected     its expected value
     * @param pValue       its p-value
     * @param pValueMethod how that p-value was computed, or {@code null} if the test does not say
     * @param interval     whether the interval is written (an estimator's: its value stays the row's value)
     * @param ciLow        its interval's lower end
     * @param ciHigh       its interval's upper end
     */
    record Reference(double expected, double pValue, String pValueMethod, boolean interval, double ciLow,
                     double ciHigh) {
        Map<String, Object> toMap() {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("expected", expected);
            ref.put("p_value", pValue);
            if (pValueMethod != null) {
                ref.put("p_value_method", pValueMethod);
            }
            if (interval) {
                ref.put("ci_low", ciLow);
                ref.put("ci_high", ciHigh);
            }
            return ref;
        }
    }

    /**
     * A calibrated null's replicates and the p-value they gave.
     *
     * @param kind             the null's name, e.g. {@code resampling (binomial)}
     * @param replicates       replicates drawn
     * @param finiteReplicates replicates with a finite statistic
     * @param mean             their mean (of the score, for an estimator's refitted twins)
     * @param sd               their standard deviation
     * @param direction        which deviations count ({@link TailPValue.Direction#label()})
     * @param p                the p-value and how it was obtained
     * @param observedScore    whether {@code score} is written as {@code observed_score} (an estimator's null, whose
     *                         score is not the row's value)
     * @param score            the score, when {@code observedScore}
     * @param scoreName        what the score is, for the refitted twins ({@code score}, with the mean and sd then
     *                         written as {@code mean_score} and {@code sd_score}), or {@code null}
     * @param drift            how far a drift-corrected null shifted its replicates ({@code drift}), or {@code null}
     */
    record NullSummary(String kind, int replicates, int finiteReplicates, double mean, double sd, String direction,
                       TailPValue.Result p, boolean observedScore, double score, String scoreName, Drift drift) {
        /** Checks the record. */
        public NullSummary {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(p, "p");
        }

        /**
         * @param name what the refitted twins' score is
         * @return this summary with that name
         */
        public NullSummary withScoreName(String name) {
            return new NullSummary(kind, replicates, finiteReplicates, mean, sd, direction, p, observedScore, score,
                    name, drift);
        }

        /**
         * @param d the drift correction
         * @return this summary with it
         */
        public NullSummary withDrift(Drift d) {
            return new NullSummary(kind, replicates, finiteReplicates, mean, sd, direction, p, observedScore, score,
                    scoreName, d);
        }

        Map<String, Object> toMap() {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("kind", kind);
            n.put("replicates", replicates);
            n.put("finite_replicates", finiteReplicates);
            if (scoreName == null) {
                n.put("mean", mean);
                n.put("sd", sd);
            }
            n.put("direction", direction);
            n.put("exceedances", p.exceedances());
            n.put("p_value_method", p.method());
            if (p.tail()) {
                n.put("tail_shape", p.shape());
                n.put("tail_scale", p.scale());
            }
            if (observedScore) {
                n.put("observed_score", score);
            }
            if (scoreName != null) {
                n.put("score", scoreName);
                n.put("mean_score", mean);
                n.put("sd_score", sd);
            }
            if (drift != null) {
                n.put("drift", drift.shift());
                n.put("drift_replicates", drift.replicates());
            }
            return n;
        }
    }

    /**
     * The correction of a drift-corrected resampling null.
     *
     * @param shift      by how much its replicates were shifted
     * @param replicates the nested replicates that measured the drift
     */
    record Drift(double shift, int replicates) {
    }

    /**
     * The null a test draws itself ({@link ForensicTest.NullModel#OWN}), handed to the battery in the test's record.
     *
     * @param replicates the statistic on each of the null's replicates
     * @param observed   the statistic on the data, on the replicates' scale
     * @param kind       the null's name
     */
    record OwnNull(double[] replicates, double observed, String kind) {
        /** Copies the replicates. */
        public OwnNull {
            replicates = replicates.clone();
            Objects.requireNonNull(kind, "kind");
        }

        /** @return a copy of the replicates */
        @Override
        public double[] replicates() {
            return replicates.clone();
        }
    }
}
