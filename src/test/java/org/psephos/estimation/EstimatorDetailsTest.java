package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psephos.forensics.ResultDetails;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;

/**
 * The estimators' records ({@link KlimekDetails}, {@link ShpilkinDetails}) write the keys of the {@code analyze}
 * JSON in its order (golden fragments; the key lists are those of main's JSON before the records, commit 4c7b559),
 * and {@link KlimekFit#nullScore} reads the probe's score from the record.
 */
class EstimatorDetailsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KlimekMoments MOMENTS = new KlimekMoments(0.5, 0.25, 0.125, 0.0625, 0.75);
    private static final String FIT = "\"f_i\":0.5,\"f_e\":0.25,\"alpha\":2.0,\"f_i_sd\":0.125,\"f_e_sd\":0.0625,";
    private static final String MOMENT_KEYS = "\"tau\":0.5,\"nu\":0.25,\"sigma_tau\":0.125,\"sigma_nu\":0.0625,"
            + "\"theta\":0.75";

    private static String json(ResultDetails d) throws JsonProcessingException {
        return JSON.writeValueAsString(d.toMap());
    }

    @Test
    void klimekFitWritesItsKeysAndWhatItWasAskedFor() throws JsonProcessingException {
        KlimekDetails.Fit plain = new KlimekDetails.Fit(0.5, 0.25, 2, 0.125, 0.0625, MOMENTS, null, null, null,
                "none");
        assertEquals("{" + FIT + MOMENT_KEYS + ",\"p_value_method\":\"none\"}", json(plain));
        KlimekSensitivity s = new KlimekSensitivity(List.of(new KlimekSensitivity.Row("baseline", "none", MOMENTS,
                0.075, 0.5, 0.25, 2, 1.5)), "refits");
        KlimekDetails.Fit full = new KlimekDetails.Fit(0.5, 0.25, 2, 0.125, 0.0625, MOMENTS, s,
                new KlimekDetails.SizeAdjustedScore(0.375, new double[] {-0.5, 0.25}),
                new KlimekDetails.MonteCarloNull(0.125, 0.0625, 1), "Monte Carlo");
        assertEquals("{" + FIT + MOMENT_KEYS + ",\"sensitivity_method\":\"refits\",\"sensitivity_range\":{\"f_i\":"
                + "[0.5,0.5],\"f_e\":[0.25,0.25],\"alpha\":[2.0,2.0]},\"sensitivity\":[{\"parameter\":\"baseline\","
                + "\"change\":\"none\"," + MOMENT_KEYS.replace(",\"theta\":0.75", "") + ",\"extreme_width\":0.075,"
                + "\"f_i\":0.5,\"f_e\":0.25,\"alpha\":2.0,\"delta_f_i\":0.0,\"delta_f_e\":0.0,\"delta_alpha\":0.0,"
                + "\"distance\":1.5}],\"null_score_size_adjusted\":0.375,\"null_score_size_slopes\":[-0.5,0.25],"
                + "\"null_mean\":0.125,\"null_sd\":0.0625,\"null_not_estimable\":1,\"p_value_method\":"
                + "\"Monte Carlo\"}", json(full));
        TestResult row = TestResult.of(KlimekFit.ID, "leader", TestInput.NATIONAL).statistic(0.75).expected(0)
                .interval(0, 1).pValue(0.5).n(100).details(full);
        assertEquals(0.375, KlimekFit.withDefaults().nullScore(row), "the probe's score");
        assertEquals(0.75, KlimekFit.withDefaults().nullScore(row.withDetails(plain)), "without it: the value");
    }

    @Test
    void eftoolkitsKlimekFitWritesItsOwnKeys() throws JsonProcessingException {
        assertEquals("{" + FIT + "\"alpha_sd\":0.5," + MOMENT_KEYS + ",\"iterations\":10,\"method\":\"EFToolkit "
                + "ComputeKlimekModel (grid, one simulation per cell, winner-share histogram)\"}",
                json(new KlimekDetails.Eftoolkit(0.5, 0.25, 2, 0.125, 0.0625, 0.5, MOMENTS, 10)));
    }

    @Test
    void shpilkinWritesTheEstimateThenItsSensitivity() {
        ShpilkinSensitivity.Row chosen = new ShpilkinSensitivity.Row(0.6, 1.5, 100, 60, 40, 0.55);
        Map<Shpilkin.PeakRule, ShpilkinSensitivity.Row> rules = new EnumMap<>(Shpilkin.PeakRule.class);
        rules.put(Shpilkin.PeakRule.OTHERS, chosen);
        ShpilkinDetails d = new ShpilkinDetails(100, 60, 40, 0.6, 0.55, 10,
                new ShpilkinSensitivity(Shpilkin.PeakRule.OTHERS, chosen, "why", rules, List.of(chosen)));
        Map<String, Object> m = d.toMap();
        assertEquals(List.of("excess_votes", "stuffing", "switching", "clean_turnout", "clean_share", "excess_sd",
                "peak_rule", "peak_turnout", "peak_reason", "peak_rules", "sensitivity"), List.copyOf(m.keySet()));
        assertEquals(List.of(100.0, 60.0, 40.0, 0.6, 0.55, 10.0), List.of(m.get("excess_votes"), m.get("stuffing"),
                m.get("switching"), m.get("clean_turnout"), m.get("clean_share"), m.get("excess_sd")));
        assertEquals(List.of("rule", "clean_turnout", "ratio", "excess_votes", "stuffing", "switching",
                "clean_share"), List.copyOf(((Map<?, ?>) ((List<?>) m.get("peak_rules")).get(0)).keySet()
                .stream().map(String::valueOf).toList()));
    }
}
