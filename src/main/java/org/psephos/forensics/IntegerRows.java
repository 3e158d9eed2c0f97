package org.psephos.forensics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.psephos.forensics.nulls.NullDistribution;
import org.psephos.forensics.nulls.TailPValue;

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
            return new TestResult(IntegerPercentTest.ID, variable, in.level(), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, false, included, false, String.format(Locale.ROOT,
                    "fewer than %d stations pass the inclusion rules (R > 0, N >= 100, turnout and result <= 99%%)",
                    o.minUnits()), Map.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("included_units", included);
        details.put("turnout_integer", (long) d.observed(c.integerIndex(8, slot)));
        details.put("leader_integer", (long) d.observed(c.integerIndex(4, slot)));
        double[] head = d.values(c.integerIndex(0, slot));
        double headObserved = d.observed(c.integerIndex(0, slot));
        Map<String, Object> variants = new LinkedHashMap<>();
        for (int v = 0; v < IntegerPercentTest.VARIANTS.length; v++) {
            Map<String, Object> byWeight = new LinkedHashMap<>();
            for (int w = 0; w < IntegerPercentTest.WEIGHTINGS.length; w++) {
                int idx = c.integerIndex(4 * v + w, slot);
                byWeight.put(IntegerPercentTest.WEIGHTINGS[w], statistic(d.observed(idx), d.values(idx)));
            }
            variants.put(IntegerPercentTest.VARIANTS[v], byWeight);
        }
        Map<String, Object> h = statistic(headObserved, head);
        details.put("observed", (long) headObserved);
        details.put("expected_mean", h.get("expected_mean"));
        details.put("expected_sd", h.get("expected_sd"));
        details.put("excess", h.get("excess"));
        details.put("p999", h.get("p999"));
        details.put("period", test.period());
        details.put("bin_width", 0.1);
        details.put("replicates", o.replicates());
        details.put("seed", o.seed());
        details.put("inclusion", "the inclusion rules and weights are evaluated on each replicate's own counts");
        details.put("variants", variants);
        if (!TestInput.NATIONAL.equals(in.level())) {
            details.put("regional_screen", KobakRegionalScreen.details(in.election(), in.variable().option()));
        }
        TestResult base = new TestResult(IntegerPercentTest.ID, variable, in.level(), headObserved, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, included, true, "", details);
        TestResult m = CalibratedRow.merge(base, headObserved, head, TailPValue.Direction.UPPER, kind,
                o.replicates(), label, true);
        // Kobak et al.'s own null is a resampling null: no fixed reference
        ResultDetails dm = ((CalibratedDetails.Measured) m.typedDetails()).withoutReference();
        return new TestResult(m.id(), m.variable(), m.level(), m.value(), m.expected(), m.ciLow(), m.ciHigh(),
                m.pValue(), Double.NaN, false, m.n(), true, "", dm);
    }

    /** One statistic's summary in the shape of {@code IntegerPercentResult.Statistic}, p-value upper. */
    private static Map<String, Object> statistic(double observed, double[] values) {
        double[] s = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : s) {
            ss += (x - mean) * (x - mean);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("observed", (long) observed);
        m.put("expected_mean", mean);
        m.put("expected_sd", s.length > 1 ? Math.sqrt(ss / (s.length - 1)) : Double.NaN);
        m.put("excess", observed - mean);
        m.put("p999", org.psephos.simulation.Quantiles.type7(s, 0.999));
        m.put("p_value", TailPValue.of(observed, values, TailPValue.Direction.UPPER).p());
        return m;
    }
}
