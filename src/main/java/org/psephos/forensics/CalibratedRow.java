package org.psephos.forensics;

import java.util.Arrays;
import org.psephos.forensics.nulls.TailPValue;
import org.psephos.simulation.Quantiles;
import org.psephos.simulation.SampleMoments;

/**
 * One row of the battery under calibrated nulls ({@code docs/verdict-method.md}): the test's result on the data
 * merged with its null's replicates into expected value, interval and p-value ({@link TailPValue}), and the details
 * that say how ({@link CalibratedNulls#REFERENCE}, {@link CalibratedNulls#NULL}, {@link CalibratedNulls#LABEL}); or,
 * for a test without a calibrated null, the row as computed, marked as such. The details' keys and their order are the
 * JSON contract. Package-private; called by {@link NullRuns}, {@link RefittedTwins} and {@link IntegerRows}.
 */
final class CalibratedRow {
    private CalibratedRow() {
    }

    /**
     * The row of a test that draws its own calibrated null ({@link ForensicTest.NullModel#OWN}: Spikes): the
     * replicates and observed score its record hands over ({@link CalibratedDetails.OwnNull}), judged as an
     * estimator's, upper tail; without them, as a test without a null.
     */
    static TestResult ownNull(TestResult base, NullCalibration.Entry label) {
        if (!(base.typedDetails() instanceof RoundNumberDetails.Spikes s) || s.ownNull() == null) {
            return withoutNull(base);
        }
        CalibratedDetails.OwnNull own = s.ownNull();
        double[] v = own.replicates();
        return merge(base.withDetails(s.withoutOwnNull()), own.observed(), v, TailPValue.Direction.UPPER,
                own.kind(), v.length, label, false);
    }

    /** A row of a test without a calibrated null: as computed, outside the q-values and the verdict. */
    static TestResult withoutNull(TestResult base) {
        return base.toBuilder().qValue(Double.NaN).flag(false)
                .details(new CalibratedDetails.WithoutNull(base.typedDetails()));
    }

    /**
     * The calibrated row: value as observed by the null's own statistic, expected value and interval from the
     * replicates, p-value by {@link TailPValue}, the reference result kept in the details.
     *
     * @param base       the test's result on the data with its reference value (no interval)
     * @param observed   the statistic on the data as the null's statistic computes it
     * @param replicates its replicates
     * @param direction  which deviations count
     * @param kind       the null's name
     * @param drawn      replicates drawn
     * @param label      the test's calibration label
     * @param useObserved whether the row's value becomes {@code observed} (false for estimators, whose value is the
     *                    full estimate)
     * @return the row (q-value and flag are set by the battery), its details {@link CalibratedDetails.Measured}
     */
    static TestResult merge(TestResult base, double observed, double[] replicates, TailPValue.Direction direction,
                            String kind, int drawn, NullCalibration.Entry label, boolean useObserved) {
        double[] finite = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        TailPValue.Result p = TailPValue.of(observed, replicates, direction);
        double mean = Double.NaN;
        double sd = Double.NaN;
        if (finite.length > 0) {
            mean = SampleMoments.mean(finite, finite.length);
            sd = finite.length > 1
                    ? Math.sqrt(SampleMoments.squaredDeviations(finite, finite.length, mean) / (finite.length - 1))
                    : Double.NaN;
        }
        double lo = Quantiles.type7(finite, 0.025);
        double hi = Quantiles.type7(finite, 0.975);
        ResultDetails test = base.typedDetails();
        CalibratedDetails.Reference ref = new CalibratedDetails.Reference(base.expected(), base.pValue(),
                test.pValueMethod(), !useObserved, base.ciLow(), base.ciHigh());
        CalibratedDetails.NullSummary n = new CalibratedDetails.NullSummary(kind, drawn, finite.length, mean, sd,
                direction.label(), p, !useObserved, observed, null, null);
        double value = useObserved ? observed : base.value();
        return TestResult.of(base.key()).statistic(value).expected(mean).interval(lo, hi).pValue(p.p())
                .n(base.n()).details(new CalibratedDetails.Measured(test, ref, n, label.label(), label.reason()));
    }
}
