package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psephos.forensics.nulls.TailPValue;
import org.psephos.simulation.Progress;

/**
 * The typed details write the JSON the battery wrote before they existed: per record a golden JSON fragment (keys,
 * their order, and the JSON type of each value: 6 is not 6.0), and per test the keys of its row in a battery run, in
 * the order of the {@code analyze} JSON written by main before the records (commit 4c7b559,
 * {@code scripts/maintainers/compare-outputs.sh}'s {@code ref.json} and {@code analyze.json}).
 */
class ResultDetailsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(ResultDetails d) throws JsonProcessingException {
        return JSON.writeValueAsString(d.toMap());
    }

    @Test
    void digitRecordsWriteTheirKeysInTheJsonOrder() throws JsonProcessingException {
        assertEquals("{\"df\":2,\"observed\":[5,7,9],\"expected_probabilities\":[0.25,0.25,0.5]}",
                json(new DigitDetails.Chi2(2, new long[] {5, 7, 9}, new double[] {0.25, 0.25, 0.5})));
        assertEquals("{\"one_digit_counts_dropped\":3,\"p_value_method\":\"normal approximation, Benford null "
                + "variance\"}", json(new DigitDetails.SecondDigitMean(3)));
        assertEquals("{\"min_count\":0,\"min_binomial_sd\":6.0,\"p_value_method\":\"normal approximation, uniform "
                + "digits\"}", json(new DigitDetails.LastDigitMean(0, 6.0)));
        assertEquals("{\"min_count\":1,\"min_binomial_sd\":3.5,\"successes\":40,\"p_value_method\":\"exact "
                + "binomial, two-sided\"}", json(new DigitDetails.ZeroFiveCounts(1, 3.5, 40)));
        assertEquals("{\"min_count\":10,\"convention\":\"eftoolkit\",\"uniform_digits_share\":0.1,"
                + "\"reference_method\":\"last digits follow the count distribution's log-linear slope across each "
                + "count's decade\",\"successes\":12,\"p_value_method\":\"exact binomial, two-sided\"}",
                json(new DigitDetails.DigitPair(10, "eftoolkit", 0.1, 12)));
    }

    @Test
    void roundNumberAndShapeRecordsWriteTheirKeysInTheJsonOrder() throws JsonProcessingException {
        assertEquals("{\"successes\":8,\"p_value_method\":\"exact binomial, two-sided\"}",
                json(new RoundNumberDetails.ZeroFivePercents(8)));
        assertEquals("{}", json(new ShapeDetails.Moment()));
        assertEquals("{\"units_without_finite_rate\":4}", json(new ShapeDetails.LogVoteMoment(4)));
        assertEquals("{\"modal_low\":0.5,\"modal_high\":0.75,\"p_value_method\":\"interpolation in diptest's "
                + "qDiptab\"}", json(new ShapeDetails.Dip(0.5, 0.75)));
        assertEquals("{\"threshold\":0.5}", json(new ShapeDetails.Threshold(0.5)));
        String rule = "\"flag_rule\":\"none: a t-test of the slope rejects on clean heterogeneity at large n; a "
                + "calibrated null comes with issue 15\"}";
        assertEquals("{\"form\":\"slope\",\"slope_se\":0.5,\"intercept\":0.25,\"classic_slope\":2.0,\"classic_se\":"
                + "0.125,\"classic_expected\":0.375," + rule,
                json(new ShapeDetails.Slope(Sobyanin.Form.SLOPE, 0.5, 0.25, 2, 0.125, 0.375)));
        assertEquals("{\"form\":\"classic\",\"slope_se\":0.5,\"intercept\":0.25,\"share_slope\":2.0,"
                + "\"share_slope_se\":0.125," + rule,
                json(new ShapeDetails.Slope(Sobyanin.Form.CLASSIC, 0.5, 0.25, 2, 0.125, 0.375)));
    }

    @Test
    void integerPercentWritesTheHeadlineTheTwelveStatisticsAndTheScreen() throws JsonProcessingException {
        IntegerPercentResult.Statistic st = new IntegerPercentResult.Statistic(7, 5.5, 1.25, 9.5, 0.25);
        IntegerPercentResult.Statistic[][] all = new IntegerPercentResult.Statistic[3][4];
        for (IntegerPercentResult.Statistic[] row : all) {
            java.util.Arrays.fill(row, st);
        }
        String stat = "{\"observed\":7,\"expected_mean\":5.5,\"expected_sd\":1.25,\"excess\":1.5,\"p999\":9.5,"
                + "\"p_value\":0.25}";
        String weights = "{\"stations\":" + stat + ",\"registered\":" + stat + ",\"ballots\":" + stat
                + ",\"leader_votes\":" + stat + "}";
        String head = "{\"included_units\":300,\"turnout_integer\":4,\"leader_integer\":3,\"observed\":7,"
                + "\"expected_mean\":5.5,\"expected_sd\":1.25,\"excess\":1.5,\"p999\":9.5,\"period\":1,"
                + "\"bin_width\":0.1,\"replicates\":100,\"seed\":42,";
        String variants = "\"variants\":{\"either\":" + weights + ",\"leader\":" + weights + ",\"turnout\":"
                + weights + "}";
        assertEquals(head + variants + "}", json(new RoundNumberDetails.IntegerPercent(300, 4, 3, st, 1, 100, 42,
                RoundNumberDetails.IntegerNull.MONTE_CARLO, all, null)));
        assertEquals(head + "\"integer_rule\":\"floating point as numpy (Kobak et al.)\",\"sd_divisor\":"
                + "\"replicates (numpy std, ddof = 0)\"," + variants + ",\"regional_screen\":{\"stations\":300,"
                + "\"integer_bins\":9,\"half_integer_bins\":4,\"anomaly\":5}}",
                json(new RoundNumberDetails.IntegerPercent(300, 4, 3, st, 1, 100, 42,
                        RoundNumberDetails.IntegerNull.NUMPY, all, new RoundNumberDetails.RegionalScreen(300, 9, 4))));
        assertEquals(head + "\"inclusion\":\"the inclusion rules and weights are evaluated on each replicate's own "
                + "counts\"," + variants + "}", json(new RoundNumberDetails.IntegerPercent(300, 4, 3, st, 1, 100, 42,
                RoundNumberDetails.IntegerNull.RESAMPLED, all, null)));
    }

    @Test
    void wrappersAppendTheBatteryKeysAfterTheTestsOwn() throws JsonProcessingException {
        ResultDetails lastC = new DigitDetails.LastDigitMean(0, 6.0);
        assertEquals("{\"min_count\":0,\"min_binomial_sd\":6.0,\"p_value_method\":\"normal approximation, uniform "
                + "digits\",\"bootstrap_replicates\":200}", json(new ResultDetails.Bootstrapped(lastC, 200, 200)));
        assertEquals("{\"modal_low\":0.5,\"modal_high\":0.75,\"p_value_method\":\"interpolation in diptest's "
                + "qDiptab\",\"bootstrap_replicates\":200,\"bootstrap_finite\":198}",
                json(new ResultDetails.Bootstrapped(new ShapeDetails.Dip(0.5, 0.75), 200, 198)));
        assertEquals("{\"threshold\":0.5,\"null\":{\"kind\":\"none\",\"note\":\"no calibrated null for this test: "
                + "reported as the test computes it, outside the q-values and the verdict\"}}",
                json(new CalibratedDetails.WithoutNull(new ShapeDetails.Threshold(0.5))));

        // a calibrated row: the test's p-value method moves into the reference
        TailPValue.Result p = new TailPValue.Result(0.25, 1, 4, false, Double.NaN, Double.NaN, 0);
        CalibratedDetails.NullSummary n = new CalibratedDetails.NullSummary("clean twins", 4, 4, 0.5, 0.125,
                "two-sided", p, false, Double.NaN, null, null);
        CalibratedDetails.Measured m = new CalibratedDetails.Measured(new ResultDetails.Bootstrapped(lastC, 9, 9),
                new CalibratedDetails.Reference(4.5, 0.5, lastC.pValueMethod(), false, 0, 0), n,
                NullCalibration.Label.DESCRIPTIVE, "too many false positives");
        String nullJson = "\"null\":{\"kind\":\"clean twins\",\"replicates\":4,\"finite_replicates\":4,\"mean\":0.5,"
                + "\"sd\":0.125,\"direction\":\"two-sided\",\"exceedances\":1,\"p_value_method\":\"Monte Carlo (1 "
                + "of 4 replicates at least as extreme)\"}";
        assertEquals("{\"min_count\":0,\"min_binomial_sd\":6.0,\"bootstrap_replicates\":9,\"reference\":{"
                + "\"expected\":4.5,\"p_value\":0.5,\"p_value_method\":\"normal approximation, uniform digits\"},"
                + nullJson + ",\"label\":\"descriptive\",\"label_reason\":\"too many false positives\"}", json(m));
        assertEquals("{\"min_count\":0,\"min_binomial_sd\":6.0,\"bootstrap_replicates\":9," + nullJson
                + ",\"label\":\"descriptive\",\"label_reason\":\"too many false positives\"}",
                json(m.withoutReference()));
        assertEquals(lastC, m.test(), "the test's own record under the wrappers");
    }

    @Test
    void theRefittedAndDriftCorrectedNullsRenameAndAppendAsBefore() throws JsonProcessingException {
        TailPValue.Result p = new TailPValue.Result(0.5, 2, 4, true, 0.25, 2.0, 3);
        CalibratedDetails.NullSummary n = new CalibratedDetails.NullSummary("refitted clean twins", 4, 3, 0.5,
                0.125, "upper", p, true, 1.5, null, null);
        ResultDetails est = new ShapeDetails.Threshold(1);
        CalibratedDetails.Measured m = new CalibratedDetails.Measured(est,
                new CalibratedDetails.Reference(0, 0.5, null, true, 0.25, 0.75), n.withScoreName("the probe's score"),
                NullCalibration.Label.CALIBRATED, "");
        assertEquals("{\"threshold\":1.0,\"reference\":{\"expected\":0.0,\"p_value\":0.5,\"ci_low\":0.25,"
                + "\"ci_high\":0.75},\"null\":{\"kind\":\"refitted clean twins\",\"replicates\":4,"
                + "\"finite_replicates\":3,\"direction\":\"upper\",\"exceedances\":2,\"p_value_method\":\"Monte Carlo "
                + "(2 of 4 replicates at least as extreme), generalized Pareto tail fitted to the 3 largest "
                + "deviations\",\"tail_shape\":0.25,\"tail_scale\":2.0,\"observed_score\":1.5,\"score\":\"the probe's "
                + "score\",\"mean_score\":0.5,\"sd_score\":0.125},\"label\":\"calibrated\"}", json(m));
        CalibratedDetails.NullSummary drifted = new CalibratedDetails.NullSummary("resampling (binomial, "
                + "drift-corrected)", 4, 4, 0.5, 0.125, "upper", new TailPValue.Result(0.5, 2, 4, false, Double.NaN,
                Double.NaN, 0), false, Double.NaN, null, null).withDrift(new CalibratedDetails.Drift(0.25, 50));
        assertTrue(JSON.writeValueAsString(drifted.toMap()).endsWith(",\"drift\":0.25,\"drift_replicates\":50}"));
    }

    @Test
    void keyedDetailsKeepTheirOrderAndTheRowsMapIsDerived() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", "x");
        m.put("p_value_method", "exact");
        TestResult r = TestResult.of("T", "turnout", TestInput.NATIONAL).statistic(1).expected(0).interval(0, 2)
                .pValue(0.5).n(10).details(m);
        assertEquals(List.of("z", "a", "p_value_method"), List.copyOf(r.details().keySet()));
        assertEquals("exact", r.typedDetails().pValueMethod());
        TestResult typed = r.withDetails(new DigitDetails.Chi2(1, new long[] {1, 2}, new double[] {0.5, 0.5}));
        assertEquals(typed, r.withDetails(new DigitDetails.Chi2(1, new long[] {1, 2}, new double[] {0.5, 0.5})),
                "rows are equal when their JSON is, arrays included");
        assertArrayEquals(new long[] {1, 2}, ((DigitDetails.Chi2) typed.testDetails()).observed());
        assertNull(new ShapeDetails.Moment().pValueMethod());
    }

    /** The keys of every test's national row, in the order the JSON had before the records (see the class note). */
    @Test
    void batteryRowsKeepTheKeysAndOrderOfTheJson() {
        List<String> boot = List.of("bootstrap_replicates");
        Map<String, List<String>> own = new LinkedHashMap<>();
        own.put("2BL", List.of("one_digit_counts_dropped", "p_value_method"));
        own.put("2BLChi2", List.of("df", "observed", "expected_probabilities"));
        own.put("LastC", List.of("min_count", "min_binomial_sd", "p_value_method"));
        own.put("LastDigitChi2", List.of("df", "observed", "expected_probabilities"));
        own.put("C05s", List.of("min_count", "min_binomial_sd", "successes", "p_value_method"));
        own.put("P05s", List.of("successes", "p_value_method"));
        for (String pair : List.of("Repeats", "Adjacent", "Distant")) {
            own.put(pair, List.of("min_count", "convention", "uniform_digits_share", "reference_method", "successes",
                    "p_value_method"));
        }
        own.put("Skew", List.of());
        own.put("Kurt", List.of());
        own.put("DipT", List.of("modal_low", "modal_high", "p_value_method"));
        own.put("Correlation", List.of("threshold"));
        own.put("Sobyanin", List.of("form", "slope_se", "intercept", "classic_slope", "classic_se",
                "classic_expected", "flag_rule"));
        own.put("LogVoteKurtosis", List.of("units_without_finite_rate"));
        List<String> integer = List.of("included_units", "turnout_integer", "leader_integer", "observed",
                "expected_mean", "expected_sd", "excess", "p999", "period", "bin_width", "replicates", "seed");
        BatteryResult ref = Battery.withDefaults().run(BatteryTest.synthetic(400),
                BatteryOptions.defaults().withReplicates(40).withSeed(3).withNulls(NullKind.REFERENCE),
                Progress.NONE);
        BatteryResult cal = Battery.withDefaults().run(BatteryTest.synthetic(400),
                BatteryOptions.defaults().withReplicates(40).withSeed(3).withNulls(NullKind.CALIBRATED),
                Progress.NONE);
        for (String id : own.keySet()) {
            List<String> withoutMethod = own.get(id).stream().filter(k -> !k.equals("p_value_method")).toList();
            boolean bootstrapped = !List.of("2BLChi2", "LastDigitChi2", "DipT").contains(id);
            for (TestResult r : rows(ref, id)) {
                assertEquals(concat(own.get(id), bootstrapped ? boot : List.of()), List.copyOf(r.details().keySet()),
                        id + " under reference nulls");
            }
            for (TestResult r : rows(cal, id)) {
                List<String> calibrated = concat(withoutMethod, List.of("reference", "null", "label"));
                List<String> keys = List.copyOf(r.details().keySet());
                assertEquals(keys.contains("label_reason") ? concat(calibrated, List.of("label_reason")) : calibrated,
                        keys, id + " under calibrated nulls");
            }
        }
        for (TestResult r : rows(ref, "IntegerPercent")) {
            assertEquals(concat(integer, List.of("variants")), List.copyOf(r.details().keySet()));
        }
        for (TestResult r : rows(cal, "IntegerPercent")) {
            assertEquals(concat(integer, List.of("inclusion", "variants", "null", "label")),
                    List.copyOf(r.details().keySet()));
        }
    }

    private static List<TestResult> rows(BatteryResult r, String id) {
        List<TestResult> rows = r.results().stream().filter(t -> t.id().equals(id) && t.applicable()
                && t.level().equals(TestInput.NATIONAL)).toList();
        assertTrue(!rows.isEmpty(), id + " ran");
        return rows;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
