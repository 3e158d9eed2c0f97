package org.psephos.forensics;

import java.util.Arrays;
import java.util.Map;

/**
 * The details of the digit tests, one record per kind of statistic: a chi-square over the ten digits
 * ({@link Chi2}: 2BLChi2, LastDigitChi2), a mean digit ({@link SecondDigitMean}: 2BL; {@link LastDigitMean}: LastC),
 * a share of units ({@link ZeroFiveCounts}: C05s; {@link DigitPair}: Repeats, Adjacent, Distant). Each
 * {@link #toMap()} writes the keys the {@code analyze} JSON has carried since these tests were added, in that order.
 *
 * @since 0.1
 */
public sealed interface DigitDetails extends ResultDetails {

    /**
     * A chi-square goodness-of-fit test of the digit frequencies.
     *
     * @param df                    degrees of freedom (digits − 1)
     * @param observed              the frequency of each digit
     * @param expectedProbabilities each digit's probability under the null
     */
    record Chi2(int df, long[] observed, double[] expectedProbabilities) implements DigitDetails {
        /** Copies the arrays. */
        public Chi2 {
            observed = observed.clone();
            expectedProbabilities = expectedProbabilities.clone();
        }

        /** @return a copy of the frequency of each digit */
        @Override
        public long[] observed() {
            return observed.clone();
        }

        /** @return a copy of each digit's null probability */
        @Override
        public double[] expectedProbabilities() {
            return expectedProbabilities.clone();
        }

        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("df", df, "observed", Arrays.stream(observed).boxed().toList(),
                    "expected_probabilities", Arrays.stream(expectedProbabilities).boxed().toList());
        }
    }

    /**
     * The mean second digit against Benford's (2BL), with a normal-approximation p-value.
     *
     * @param oneDigitCountsDropped counts below 10, which have no second digit
     */
    record SecondDigitMean(int oneDigitCountsDropped) implements DigitDetails {
        @Override
        public String pValueMethod() {
            return "normal approximation, Benford null variance";
        }

        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("one_digit_counts_dropped", oneDigitCountsDropped,
                    "p_value_method", pValueMethod());
        }
    }

    /**
     * The mean last digit against uniform digits (LastC), with a normal-approximation p-value.
     *
     * @param minCount      the smallest count used
     * @param minBinomialSd the smallest binomial sd of a count used (0 under a reference tool's conventions)
     */
    record LastDigitMean(int minCount, double minBinomialSd) implements DigitDetails {
        @Override
        public String pValueMethod() {
            return "normal approximation, uniform digits";
        }

        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("min_count", minCount, "min_binomial_sd", minBinomialSd,
                    "p_value_method", pValueMethod());
        }
    }

    /**
     * The share of counts ending in 0 or 5 (C05s), with an exact binomial p-value.
     *
     * @param minCount      the smallest count used
     * @param minBinomialSd the smallest binomial sd of a count used (0 under a reference tool's conventions)
     * @param successes     counts ending in 0 or 5
     */
    record ZeroFiveCounts(int minCount, double minBinomialSd, int successes) implements DigitDetails {
        @Override
        public String pValueMethod() {
            return EXACT_BINOMIAL;
        }

        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("min_count", minCount, "min_binomial_sd", minBinomialSd,
                    "successes", successes, "p_value_method", pValueMethod());
        }
    }

    /**
     * The share of counts whose last two digits have a relation (Repeats, Adjacent, Distant), against the share
     * their count distribution implies, with an exact binomial p-value.
     *
     * @param minCount           the smallest count used
     * @param convention         whose pairs count as adjacent (the {@link Adjacency} name, lower case)
     * @param uniformDigitsShare the share under uniform, independent last digits
     * @param successes          counts with the relation
     */
    record DigitPair(int minCount, String convention, double uniformDigitsShare, int successes)
            implements DigitDetails {
        /** How the expected share is derived. */
        public static final String REFERENCE_METHOD =
                "last digits follow the count distribution's log-linear slope across each count's decade";

        @Override
        public String pValueMethod() {
            return EXACT_BINOMIAL;
        }

        @Override
        public Map<String, Object> toMap() {
            return ResultDetails.ordered("min_count", minCount, "convention", convention,
                    "uniform_digits_share", uniformDigitsShare, "reference_method", REFERENCE_METHOD,
                    "successes", successes, "p_value_method", pValueMethod());
        }
    }
}
