package org.psephos.forensics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of the distribution and shape tests: a moment statistic ({@link Moment}: Skew, Kurt;
 * {@link LogVoteMoment}: LogVoteKurtosis), Hartigan's dip ({@link Dip}: DipT), a statistic of the turnout–share
 * regression flagged by a threshold ({@link Threshold}: Correlation, Sobyanin under EFToolkit's conventions) and the
 * regression slope of {@link Sobyanin} ({@link Slope}). Each {@link #toMap()} writes the keys the {@code analyze}
 * JSON has carried, in that order.
 *
 * @since 0.1
 */
public sealed interface ShapeDetails extends ResultDetails {

    /** A moment statistic of the proportions (Skew, Kurt): nothing beyond the row's numbers. */
    record Moment() implements ShapeDetails {
        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered();
        }
    }

    /**
     * The kurtosis of the rescaled log vote rates (LogVoteKurtosis).
     *
     * @param unitsWithoutFiniteRate units whose rate has no finite logarithm, left out
     */
    record LogVoteMoment(int unitsWithoutFiniteRate) implements ShapeDetails {
        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("units_without_finite_rate", unitsWithoutFiniteRate);
        }
    }

    /**
     * Hartigan's dip test (DipT).
     *
     * @param modalLow  lower end of the modal interval
     * @param modalHigh upper end of the modal interval
     */
    record Dip(double modalLow, double modalHigh) implements ShapeDetails {
        @Override
        public String pValueMethod() {
            return "interpolation in diptest's qDiptab";
        }

        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("modal_low", modalLow, "modal_high", modalHigh,
                    "p_value_method", pValueMethod());
        }
    }

    /**
     * A turnout–share statistic flagged when its absolute value exceeds a threshold.
     *
     * @param threshold the threshold
     */
    record Threshold(double threshold) implements ShapeDetails {
        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("threshold", threshold);
        }
    }

    /**
     * The slope of {@link Sobyanin} with the other form's regression.
     *
     * @param form            which regression is the row's value ({@link Sobyanin.Form#SLOPE} or
     *                        {@link Sobyanin.Form#CLASSIC})
     * @param slopeSe         the row's slope's OLS standard error
     * @param intercept       the row's regression's intercept
     * @param otherSlope      the other form's slope
     * @param otherSe         its standard error
     * @param classicExpected the classic slope's expected value, votes / ballots (written under the slope form only)
     */
    record Slope(Sobyanin.Form form, double slopeSe, double intercept, double otherSlope, double otherSe,
                 double classicExpected) implements ShapeDetails {
        /** Why the slope is not flagged. */
        public static final String FLAG_RULE = "none: a t-test of the slope rejects on clean heterogeneity at large "
                + "n; a calibrated null comes with issue 15";

        @Override
        public Map<String, Object> toMap() {
            boolean classic = form == Sobyanin.Form.CLASSIC;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("form", classic ? "classic" : "slope");
            m.put("slope_se", slopeSe);
            m.put("intercept", intercept);
            if (!classic) {
                m.put("classic_slope", otherSlope);
                m.put("classic_se", otherSe);
                m.put("classic_expected", classicExpected);
            } else {
                m.put("share_slope", otherSlope);
                m.put("share_slope_se", otherSe);
            }
            m.put("flag_rule", FLAG_RULE);
            return m;
        }
    }
}
