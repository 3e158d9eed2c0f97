package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.ResultDetails;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;

/**
 * {@link FraudMixtureDetails} writes the keys of the {@code analyze} JSON's FraudMixture row in their order (golden
 * fragment from the JSON before the record, commit 4c7b559), and its readers take the BIC from the record.
 */
class FraudMixtureDetailsTest {
    private static final FraudMixtureDetails D = new FraudMixtureDetails(0.75, 0.125, 0.125, 3, 2, 100.5, 10.0,
            20.0, 2.0, 0.25, 0.5, 0.75, 0.875, 2, -12.5);

    @Test
    void writesTheJsonKeysInTheirOrder() throws Exception {
        assertEquals("{\"pi_clean\":0.75,\"pi_incremental\":0.125,\"pi_extreme\":0.125,\"units_incremental\":3,"
                + "\"units_extreme\":2,\"manufactured_votes\":100.5,\"manufactured_votes_sd\":10.0,"
                + "\"stolen_votes\":20.0,\"stolen_votes_sd\":2.0,\"iota_m\":0.25,\"iota_s\":0.5,\"chi_m\":0.75,"
                + "\"chi_s\":0.875,\"clean_components\":2,\"bic_fraud_minus_clean\":-12.5}",
                new ObjectMapper().writeValueAsString(D.toMap()));
    }

    @Test
    void powerAndTheNullScoreReadTheBicFromTheRecord() {
        TestResult row = TestResult.of(FraudMixture.ID, "leader", TestInput.NATIONAL).statistic(0.25).expected(0)
                .flag(true).n(100).details(D);
        assertEquals(12.5, PowerTask.score(row, ForensicTest.Evidence.VALUE));
        assertEquals(12.5, FraudMixture.withDefaults().nullScore(row));
        TestResult other = row.withDetails(ResultDetails.NONE);
        assertEquals(0.25, PowerTask.score(other, ForensicTest.Evidence.VALUE), "no record: the value");
    }
}
