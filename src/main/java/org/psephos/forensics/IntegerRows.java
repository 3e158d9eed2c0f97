package org.psephos.forensics;

import java.util.Arrays;
import java.util.Locale;
import org.psephos.forensics.nulls.NullDistribution;
import org.psephos.forensics.nulls.TailPValue;
import org.psephos.simulation.Quantiles;
import org.psephos.simulation.SampleMoments;

/**
 * The row of Kobak et al.'s integer-percentage test under the calibrated resampling null: its twelve statistics
 * ({@link CountNull}) on the data and on every replicate, the headline (either integer, stations unweighted) as the
 * row, all twelve in the details in the shape of {@link IntegerPercentTest}'s own row. Package-private.
 */
final class IntegerRows {
    private IntegerRows() {
    }

    /**
     * @param test    the test (its period)
     * @param in      the leader's input of the group
     * @param d       the resampling null's distribution of {@link CountNull}
     * @param c       its layout
     * @param slot    0 national, 1 + g group g
     * @param o       the settings
     * @param kind    the null's name
     * @param label   the test's calibration label
     * @return the row
     */
    static TestResult row(IntegerPercentTest test, TestInput in, NullDistribution d, CountNull c, int slot,
                          BatteryOptions o, String kind, NullCalibration.Entry label) {
        String variable = in.variable().name();
        int included = (int) d.observed(c.integerIndex(12, slot));
        if (included < o.minUnits()) {
            return TestResult.of(IntegerPercentTest.ID, variable, in.level()).n(included).notApplicable(
                    String.format(Locale.ROOT, "fewer than %d stations pass the inclusion rules (R > 0, N >= 100, "
                            + "turnout and result <= 99%%)", o.minUnits())).details(ResultDetails.NONE);
        }
        double[] head = d.values(c.integerIndex(0, slot));
        double headObserved = d.observed(c.integerIndex(0, slot));
        IntegerPercentResult.Statistic[][] statistics =
                new IntegerPercentResult.Statistic[IntegerPercentTest.VARIANTS.length][];
        for (int v = 0; v < statistics.length; v++) {
            statistics[v] = new IntegerPercentResult.Statistic[IntegerPercentTest.WEIGHTINGS.length];
            for (int w = 0; w < statistics[v].length; w++) {
                int idx = c.integerIndex(4 * v + w, slot);
                statistics[v][w] = statistic(d.observed(idx), d.values(idx));
            }
        }
        RoundNumberDetails.IntegerPercent details = new RoundNumberDetails.IntegerPercent(included,
                (long) d.observed(c.integerIndex(8, slot)), (long) d.observed(c.integerIndex(4, slot)),
                statistic(headObserved, head), test.period(), o.replicates(), o.seed(),
                RoundNumberDetails.IntegerNull.RESAMPLED, statistics, TestInput.NATIONAL.equals(in.level()) ? null
                : KobakRegionalScreen.counts(in.election(), in.variable().option()));
        TestResult base = TestResult.of(IntegerPercentTest.ID, variable, in.level()).statistic(headObserved)
                .n(included).details(details);
        TestResult m = CalibratedRow.merge(base, headObserved, head, TailPValue.Direction.UPPER, kind,
                o.replicates(), label, true);
        // Kobak et al.'s own null is a resampling null: no fixed reference
        ResultDetails dm = ((CalibratedDetails.Measured) m.typedDetails()).withoutReference();
        return m.withDetails(dm);
    }

    /** One statistic against the resampling null, p-value upper. */
    private static IntegerPercentResult.Statistic statistic(double observed, double[] values) {
        double[] s = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        return new IntegerPercentResult.Statistic((long) observed, mean,
                s.length > 1 ? Math.sqrt(SampleMoments.squaredDeviations(s, s.length, mean) / (s.length - 1))
                        : Double.NaN,
                Quantiles.type7(s, 0.999),
                TailPValue.of(observed, values, TailPValue.Direction.UPPER).p());
    }
}
