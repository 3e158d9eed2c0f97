package org.psephos.estimation;

import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;

/**
 * The battery's row of {@link KlimekFit}: the conventions' form (EFToolkit's {@code ComputeKlimekModel} in
 * {@link EftoolkitKlimek}; Kobak and Pshenichnikov's clean moments kept as estimated), the fit's value f_i + f_e with
 * its interval over the K seeds, and what the settings add: the sensitivity refits ({@link KlimekSensitivity}), the
 * calibrated null's size-adjusted score ({@link KlimekFitNullScore}) and the Monte Carlo p-value of M clean
 * elections ({@link KlimekFitMonteCarloNull}). Package-private.
 */
final class KlimekFitRow {
    private KlimekFitRow() {
    }

    /**
     * @param test     the fit
     * @param settings its settings
     * @param input    the units
     * @param options  the run's settings (conventions, minimum units, seed, threads)
     * @return the row
     */
    static TestResult run(KlimekFit test, KlimekFitSettings settings, TestInput input, BatteryOptions options) {
        String id = KlimekFit.ID;
        if (options.conventionsFor(id) == Conventions.EFTOOLKIT) {
            return EftoolkitKlimek.run(id, input, options); // EFToolkit's ComputeKlimekModel
        }
        if (options.conventionsFor(id) == Conventions.KOBAK && settings.peakRule() != KlimekFit.PeakRule.KOBAK) {
            // Kobak and Pshenichnikov's clean moments, on the units with a positive share base, kept as estimated
            return test.with(KlimekFit.PeakRule.KOBAK).with(KlimekFit.SigmaRule.CORRECTED).withMomentCorrection(false)
                    .run(KlimekPeaks.kobakUnits(input), options);
        }
        if (input.size() < Math.max(options.minUnits(), 100)) {
            return TestResult.notApplicable(id, input, input.size(), "fewer than "
                    + Math.max(options.minUnits(), 100) + " units");
        }
        KlimekFitResult r;
        try {
            r = test.fit(input.election(), options.seedFor(input.level()), options.threads());
        } catch (IllegalArgumentException e) {
            return TestResult.notApplicable(id, input, input.size(), e.getMessage());
        }
        double value = r.fi() + r.fe();
        KlimekMoments m = r.moments();
        KlimekSensitivity sensitivity = settings.sensitive()
                ? test.sensitivity(input.election(), r, options.seedFor(input.level()), options.threads()) : null;
        KlimekRefit refit = (units, seed) -> test.fit(units, seed, options.threads());
        KlimekDetails.SizeAdjustedScore probe = settings.probeScore() == KlimekFitSettings.ProbeScore.SIZE_ADJUSTED
                ? KlimekFitNullScore.score(input.election(), options.seedFor(input.level()), refit) : null;
        KlimekFitMonteCarloNull.Result mc = KlimekFitMonteCarloNull.pValue(settings.nulls(), input.election(), m,
                options.seedFor(input.level()), value, refit);
        double p = mc.p();
        KlimekDetails.Fit d = new KlimekDetails.Fit(r.fi(), r.fe(), r.alpha(), r.fiSd(), r.feSd(), m, sensitivity,
                probe, mc.summary(), mc.method());
        double sd = Math.sqrt(r.fiSd() * r.fiSd() + r.feSd() * r.feSd());
        return TestResult.of(id, input).statistic(value).expected(mc.summary() == null ? 0 : mc.summary().mean())
                .interval(Math.max(0, value - 1.96 * sd), value + 1.96 * sd).pValue(p).flag(p <= KlimekFit.ALPHA)
                .n(input.size()).details(d);
    }
}
