package org.psephos.forensics;

import java.util.Objects;
import org.psephos.forensics.nulls.ResamplingModel;
import org.psephos.forensics.nulls.TwinOptions;

/**
 * How a battery draws its calibrated nulls ({@link BatteryOptions#nulls()}): the kind of null, the smooth model of
 * the count-level resampling null, the clean-twin fit's settings, how many clean twins the estimators are refitted on,
 * and the labels of a calibration study. The defaults were chosen by their false-positive rates on simulated clean
 * elections ({@code docs/calibration.md}, {@code NullCalibrationStudy}); the knobs exist so that a study can measure
 * the alternatives. Immutable; {@code withX} return copies.
 *
 * @param kind        calibrated or reference nulls
 * @param resampling  the resampling null's smooth model (binomial, drift-corrected binomial, beta-binomial or
 *                    matched)
 * @param twins       the clean-twin fit's settings
 * @param twinShare   the clean twins the shape tests are judged against, as a share of the battery's replicates
 *                    (in (0, 1]; the count of twins is max(40, ⌈share · R⌉), at most R)
 * @param fits        clean twins each estimator (KlimekFit, FraudMixture, Shpilkin) is refitted on, at least 1
 * @param calibration the labels applied (descriptive, no power)
 * @since 0.1
 */
public record NullSettings(NullKind kind, ResamplingModel resampling, TwinOptions twins, double twinShare, int fits,
                           NullCalibration calibration) {
    /**
     * The default share of the replicates drawn as clean twins (see {@link #twinReplicates}): a tenth, so 100 twins
     * at the default 1,000 replicates. A twin costs about twice a resampled election (the dip test sorts every
     * variable of every twin), and the shape tests' tails beyond the twins are read from the generalized Pareto fit
     * ({@code TailPValue}); with every twin the default battery on Russia 2012 took 80 CPU seconds, against the
     * 40 that issue 15's 20 s on 2 cores allows (benchmarks/README.md, "Verdict").
     */
    public static final double DEFAULT_TWIN_SHARE = 0.1;
    /** The estimators' default number of refitted twins: the fewest for which the tail rule can fit a tail. */
    public static final int DEFAULT_FITS = 40;
    /** The default resampling model's name ({@link ResamplingModel#id()}; a constant for the command line's help). */
    public static final String DEFAULT_RESAMPLING_ID = "matched";

    /** @throws IllegalArgumentException if fits is not positive */
    public NullSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resampling, "resampling");
        Objects.requireNonNull(twins, "twins");
        Objects.requireNonNull(calibration, "calibration");
        if (fits < 1) {
            throw new IllegalArgumentException("estimator twin fits is not positive: " + fits);
        }
        if (!(twinShare > 0 && twinShare <= 1)) {
            throw new IllegalArgumentException("share of replicates drawn as clean twins is not in (0, 1]: "
                    + twinShare);
        }
    }

    /**
     * @param replicates the battery's replicates R
     * @return the clean twins drawn for the shape tests: max(40, ⌈twinShare · R⌉), at most R (40 is the fewest for
     *         which the tail rule fits a tail)
     */
    public int twinReplicates(int replicates) {
        return Math.min(replicates, Math.max(40, (int) Math.ceil(twinShare * replicates - 1e-9)));
    }

    /**
     * @return calibrated nulls, the matched-spread resampling null (the default since the fifth-session addendum of
     *         {@code docs/verdict-method.md}), the default twin fit, a tenth of the replicates as
     *         clean twins, 40 estimator fits, built-in labels
     */
    public static NullSettings defaults() {
        return new NullSettings(NullKind.CALIBRATED, ResamplingModel.parse(DEFAULT_RESAMPLING_ID),
                TwinOptions.defaults(), DEFAULT_TWIN_SHARE, DEFAULT_FITS, NullCalibration.builtIn());
    }

    /** @param k the kind @return a copy */
    public NullSettings withKind(NullKind k) {
        return new NullSettings(k, resampling, twins, twinShare, fits, calibration);
    }

    /** @param m the resampling model @return a copy */
    public NullSettings withResampling(ResamplingModel m) {
        return new NullSettings(kind, m, twins, twinShare, fits, calibration);
    }

    /** @param t the twin fit's settings @return a copy */
    public NullSettings withTwins(TwinOptions t) {
        return new NullSettings(kind, resampling, t, twinShare, fits, calibration);
    }

    /** @param m refitted twins per estimator @return a copy */
    public NullSettings withFits(int m) {
        return new NullSettings(kind, resampling, twins, twinShare, m, calibration);
    }

    /** @param share the clean twins of the shape tests as a share of the replicates, in (0, 1] @return a copy */
    public NullSettings withTwinShare(double share) {
        return new NullSettings(kind, resampling, twins, share, fits, calibration);
    }

    /** @param c the labels @return a copy */
    public NullSettings withCalibration(NullCalibration c) {
        return new NullSettings(kind, resampling, twins, twinShare, fits, c);
    }
}
