package org.psephos.estimation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link PowerAnalysis}: for every grid point and test, the detection probability at the stated
 * false-positive rate with the threshold calibrated on clean replicates ({@code power}, the default), the rate at
 * which the test's own flag rule fires ({@code flagRate}), and for the estimators the mean, bias and sd of the
 * estimate against the truth of each replicate. Immutable.
 *
 * @param fraud          the fraud model's name
 * @param parameters     the grid's parameter names (1 or 2)
 * @param tests          the test ids
 * @param falsePositiveRate the nominal rate α the thresholds were calibrated to
 * @param replicates     replicates per grid point (and of the clean calibration set)
 * @param seed           the run seed
 * @param thresholds     per test, the calibrated threshold on the score (the ⌈(1 − α)m⌉-th smallest of the m
 *                       clean scores)
 * @param cleanFlagRate  per test, the own flag rule's rate on the clean replicates (its real false-positive rate)
 * @param points         the grid points, in grid order (first parameter varying slowest)
 * @param conventions    whose definitions the tests followed ({@code psephos}, {@code eftoolkit}, {@code kobak})
 * @since 0.1
 */
public record PowerResult(String fraud, List<String> parameters, List<String> tests, double falsePositiveRate,
                          int replicates, long seed, List<Double> thresholds, List<Double> cleanFlagRate,
                          List<Point> points, String conventions) {
    /** Copies the lists. */
    public PowerResult {
        parameters = List.copyOf(parameters);
        tests = List.copyOf(tests);
        thresholds = List.copyOf(thresholds);
        cleanFlagRate = List.copyOf(cleanFlagRate);
        points = List.copyOf(points);
        java.util.Objects.requireNonNull(conventions, "conventions");
    }

    /**
     * A result under Psephos's conventions.
     *
     * @param fraud             the fraud model's name
     * @param parameters        the grid's parameter names
     * @param tests             the test ids
     * @param falsePositiveRate α
     * @param replicates        replicates per grid point
     * @param seed              the run seed
     * @param thresholds        per test, the calibrated threshold
     * @param cleanFlagRate     per test, the own flag rule's clean rate
     * @param points            the grid points
     */
    public PowerResult(String fraud, List<String> parameters, List<String> tests, double falsePositiveRate,
                       int replicates, long seed, List<Double> thresholds, List<Double> cleanFlagRate,
                       List<Point> points) {
        this(fraud, parameters, tests, falsePositiveRate, replicates, seed, thresholds, cleanFlagRate, points,
                "psephos");
    }

    /**
     * One grid point.
     *
     * @param index  its index
     * @param values the grid parameters' values at this point, in axis order (kept: {@code Map.copyOf} would
     *               iterate in an order that changes from one JVM to the next, and so would the JSON)
     * @param tests  per test, in {@link PowerResult#tests()} order
     */
    public record Point(int index, Map<String, Double> values, List<TestPower> tests) {
        /** Copies, keeping the order of the values. */
        public Point {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            tests = List.copyOf(tests);
        }
    }

    /**
     * One test at one grid point.
     *
     * @param test       the id
     * @param power      share of replicates whose score exceeds the calibrated threshold
     * @param flagRate   share of replicates the test's own rule flags
     * @param applicable replicates on which the test applied
     * @param mean       mean value of the test over the replicates
     * @param truth      mean true value (estimators: share of fraudulent units for KlimekFit's f_i + f_e and
     *                   FraudMixture's 1 − π_clean, extra leader votes for Shpilkin; NaN for tests)
     * @param bias       mean − truth (NaN for tests)
     * @param sd         sd of the value over the replicates
     */
    public record TestPower(String test, double power, double flagRate, int applicable, double mean, double truth,
                            double bias, double sd) {
    }
}
