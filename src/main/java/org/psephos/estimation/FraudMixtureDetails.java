package org.psephos.estimation;

import java.util.Map;
import org.psephos.forensics.EstimatorDetails;
import org.psephos.forensics.ResultDetails;

/**
 * The details of a {@link FraudMixture} row: the fitted class weights, the units and votes of each fraud class, the
 * fraud parameters, and the BIC comparison with the best no-fraud mixture. {@link #toMap()} writes them under the
 * keys of the {@code analyze} JSON, in its order.
 *
 * @param piClean             π_clean, the weight of the clean class
 * @param piIncremental       π_incremental
 * @param piExtreme           π_extreme
 * @param unitsIncremental    units whose most likely class is incremental fraud
 * @param unitsExtreme        units whose most likely class is extreme fraud
 * @param manufacturedVotes   votes manufactured, summed over units
 * @param manufacturedVotesSd its sd over the units' class draws
 * @param stolenVotes         votes stolen, summed over units
 * @param stolenVotesSd       its sd
 * @param iotaM               ι_m, the mean manufactured share of the incremental class
 * @param iotaS               ι_s, its mean stolen share
 * @param chiM                χ_m, the manufactured share of the extreme class
 * @param chiS                χ_s, its stolen share
 * @param cleanComponents     clean populations of the best no-fraud fit
 * @param bicFraudMinusClean  BIC_fraud − BIC_clean (negative: the fraud mixture is preferred)
 * @since 0.1
 */
public record FraudMixtureDetails(double piClean, double piIncremental, double piExtreme, int unitsIncremental,
                                  int unitsExtreme, double manufacturedVotes, double manufacturedVotesSd,
                                  double stolenVotes, double stolenVotesSd, double iotaM, double iotaS, double chiM,
                                  double chiS, int cleanComponents, double bicFraudMinusClean)
        implements EstimatorDetails {

    /**
     * @param r a fit
     * @return its details
     */
    static FraudMixtureDetails of(FraudMixtureResult r) {
        double[] pi = r.pi();
        int[] counts = r.modalCounts();
        return new FraudMixtureDetails(pi[0], pi[1], pi[2], counts[1], counts[2], r.manufacturedVotes(),
                r.manufacturedSd(), r.stolenVotes(), r.stolenSd(), r.manufactured()[1], r.stolen()[1],
                r.manufactured()[2], r.stolen()[2], r.cleanComponents(), r.bicFraud() - r.bicClean());
    }

    /** @return the BIC evidence for fraud, BIC_clean − BIC_fraud: the score the null and {@code power} calibrate */
    public double fraudEvidence() {
        return -bicFraudMinusClean;
    }

    @Override
    public Map<String, Object> toMap() {
        return ResultDetails.ordered("pi_clean", piClean, "pi_incremental", piIncremental, "pi_extreme", piExtreme,
                "units_incremental", unitsIncremental, "units_extreme", unitsExtreme,
                "manufactured_votes", manufacturedVotes, "manufactured_votes_sd", manufacturedVotesSd,
                "stolen_votes", stolenVotes, "stolen_votes_sd", stolenVotesSd, "iota_m", iotaM, "iota_s", iotaS,
                "chi_m", chiM, "chi_s", chiS, "clean_components", cleanComponents,
                "bic_fraud_minus_clean", bicFraudMinusClean);
    }
}
