package org.psephos.cli;

import java.nio.file.Path;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.NullCalibration;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.NullSettings;
import org.psephos.forensics.nulls.ResamplingModel;
import picocli.CommandLine.Option;

/**
 * The options of {@code analyze} that choose the nulls the rows are judged against and the flags' false discovery
 * rate ({@link NullSettings}, {@code docs/verdict-method.md}): {@code --null}, {@code --resampling}, {@code --fdr},
 * {@code --twin-fits}, {@code --calibration}.
 */
final class NullOptions {
    @Option(names = "--null", paramLabel = "KIND",
            description = "The null each test is judged against: calibrated (default under psephos conventions: the "
                    + "resampling null for the digit and round-number tests, clean twins of the election for the "
                    + "shape tests and the estimators; rows flagged by q-value; an election-level verdict) or "
                    + "reference (the literature's fixed values, Benford, uniform digits, normal shapes, with each "
                    + "test's own flag rule; no verdict). --conventions eftoolkit or kobak implies reference: the "
                    + "tool's own nulls and flag rules.")
    String kind;

    @Option(names = "--resampling", paramLabel = "MODEL",
            description = "Under calibrated nulls, how the resampling null of the count-level tests (2BL, 2BLChi2, "
                    + "LastC, LastDigitChi2, C05s, P05s, Repeats, Adjacent, Distant, IntegerPercent) redraws each "
                    + "unit's counts: binomial (at its observed rates, Kobak et al. 2016), drift-corrected (the "
                    + "binomial null shifted back, statistic by statistic, by the drift one more resampling of "
                    + "200 replicates adds: SIMEX, Cook and Stefanski 1994; a replicate is the data plus one layer "
                    + "of binomial noise, which moves digit statistics of counts crowded near 100), beta-binomial "
                    + "(rates drawn from a beta posterior first, Rozenas 2017) or matched (binomial at each unit's "
                    + "rate shrunk towards its group's centre on the logit scale, so that replicates spread across "
                    + "units as the data do, not twice as wide). Default: "
                    + NullSettings.DEFAULT_RESAMPLING_ID + ".")
    String resampling;

    @Option(names = "--fdr", paramLabel = "Q", defaultValue = "0.05",
            description = "Under calibrated nulls, flag the rows whose Benjamini-Hochberg q-value over the whole "
                    + "table is below Q (default ${DEFAULT-VALUE}).")
    double fdr;

    @Option(names = "--twin-fits", paramLabel = "M", defaultValue = "" + NullSettings.DEFAULT_FITS,
            description = "Clean twins each named estimator (KlimekFit, Shpilkin, FraudMixture) is refitted on for "
                    + "its calibrated p-value (default ${DEFAULT-VALUE}; each costs one fit per group: KlimekFit "
                    + "refits with 2 fits of 2 realisations).")
    int fits;

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "Apply the labels (descriptive, no power) of a calibration table, e.g. one written by "
                    + "psephos calibrate --like FILE, instead of the built-in table measured on simulated clean "
                    + "elections.")
    Path calibration;

    /**
     * @param options     the battery settings so far
     * @param conventions the conventions asked for
     * @return the settings with the nulls, the false discovery rate and the labels
     * @throws UsageException if a value is out of range, or calibrated nulls are asked under another tool's
     *                        conventions
     */
    BatteryOptions apply(BatteryOptions options, Conventions conventions) {
        NullKind k;
        try {
            k = kind == null ? (conventions == Conventions.PSEPHOS ? NullKind.CALIBRATED : NullKind.REFERENCE)
                    : NullKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (k == NullKind.CALIBRATED && conventions != Conventions.PSEPHOS) {
            throw new UsageException("--null calibrated is defined under psephos conventions; --conventions "
                    + conventions.id() + " uses the tool's own nulls and flag rules (--null reference)");
        }
        if (!(fdr > 0 && fdr < 1)) {
            throw new UsageException("--fdr is not in (0, 1): " + fdr);
        }
        if (fits < 1) {
            throw new UsageException("--twin-fits is not positive: " + fits);
        }
        NullSettings n = options.nulls().withKind(k).withFits(fits);
        if (resampling != null) {
            if (k != NullKind.CALIBRATED) {
                throw new UsageException("--resampling chooses the calibrated resampling null; it does not apply "
                        + "under --null reference");
            }
            try {
                n = n.withResampling(ResamplingModel.parse(resampling));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--resampling: " + e.getMessage(), e);
            }
        }
        if (calibration != null) {
            try {
                n = n.withCalibration(NullCalibration.read(calibration));
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new UsageException("--calibration: " + e.getMessage(), e);
            }
        }
        return options.withNulls(n).withFdr(fdr);
    }
}
