package org.psephos.estimation;

import java.util.Arrays;

/**
 * The settings of a {@link KlimekFit}: how the clean-peak moments are found (step 1 of Klimek et al. 2012,
 * {@link KlimekPeaks}), what the fit compares and how often it is repeated (steps 2 and 3, {@link KlimekPasses}),
 * and what the battery's row adds ({@link KlimekFitRow}: the Monte Carlo null, the sensitivity refits, the
 * calibrated null's score). KlimekFit's copy methods say what each setting means. Package-private; immutable.
 *
 * @param sigmaRule    how σ_ν is computed
 * @param peakRule     how the peaks τ and ν are found
 * @param objective    which histograms the fit compares
 * @param fits         repeated fits (seeds)
 * @param realisations simulated realisations averaged per fingerprint
 * @param momentFit    whether the clean moments and θ are fitted with the fraud or held at step 1's estimates
 * @param nulls        null elections for the Monte Carlo p-value, 0 for none
 * @param sensitive    whether the row adds {@link KlimekFit#sensitivity}'s refits
 * @param probeScore   what the calibrated null compares
 */
record KlimekFitSettings(KlimekFit.SigmaRule sigmaRule, KlimekFit.PeakRule peakRule, KlimekFit.Objective objective,
                         int fits, int realisations, KlimekPasses.MomentFit momentFit, int nulls, boolean sensitive,
                         ProbeScore probeScore) {
    /** What the calibrated null compares: the estimate, or (the null probe) the size-adjusted fit. */
    enum ProbeScore { ESTIMATE, SIZE_ADJUSTED }

    /** @return a copy with σ_ν computed by that rule */
    KlimekFitSettings with(KlimekFit.SigmaRule rule) {
        return new KlimekFitSettings(rule, peakRule, objective, fits, realisations, momentFit, nulls, sensitive,
                probeScore);
    }

    /** @return a copy with the peaks found by that rule */
    KlimekFitSettings with(KlimekFit.PeakRule rule) {
        return new KlimekFitSettings(sigmaRule, rule, objective, fits, realisations, momentFit, nulls, sensitive,
                probeScore);
    }

    /** @return a copy comparing those histograms */
    KlimekFitSettings with(KlimekFit.Objective o) {
        return new KlimekFitSettings(sigmaRule, peakRule, o, fits, realisations, momentFit, nulls, sensitive,
                probeScore);
    }

    /** @return a copy with the clean moments fitted jointly or held */
    KlimekFitSettings with(KlimekPasses.MomentFit m) {
        return new KlimekFitSettings(sigmaRule, peakRule, objective, fits, realisations, m, nulls, sensitive,
                probeScore);
    }

    /** @return a copy with k fits of r realisations each */
    KlimekFitSettings withRepeats(int k, int r) {
        return new KlimekFitSettings(sigmaRule, peakRule, objective, k, r, momentFit, nulls, sensitive, probeScore);
    }

    /** @return a copy with m null elections for the Monte Carlo p-value */
    KlimekFitSettings withNull(int m) {
        return new KlimekFitSettings(sigmaRule, peakRule, objective, fits, realisations, momentFit, m, sensitive,
                probeScore);
    }

    /** @return a copy whose row adds the sensitivity refits, or not */
    KlimekFitSettings withSensitivity(boolean on) {
        return new KlimekFitSettings(sigmaRule, peakRule, objective, fits, realisations, momentFit, nulls, on,
                probeScore);
    }

    /**
     * @param k repeated fits
     * @param r realisations per fingerprint
     * @return these settings as the calibrated null's probe: k × r, no Monte Carlo null, no sensitivity, the
     *         size-adjusted score
     */
    KlimekFitSettings probe(int k, int r) {
        return new KlimekFitSettings(sigmaRule, peakRule, objective, k, r, momentFit, 0, false,
                ProbeScore.SIZE_ADJUSTED);
    }

    /** @return the passes of the fit (steps 2 and 3) under these settings */
    KlimekPasses passes() {
        return new KlimekPasses(objective, fits, realisations, momentFit);
    }

    /** @return the settings as {@link KlimekFit#toString()} lists them after the id */
    String label() {
        return Arrays.asList(sigmaRule, peakRule, objective, fits, realisations)
                + (nulls > 0 ? "[null " + nulls + "]" : "") + (sensitive ? "[sensitivity]" : "")
                + (probeScore == ProbeScore.SIZE_ADJUSTED ? "[size-adjusted score]" : "");
    }
}
