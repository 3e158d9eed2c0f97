package org.psephos.simulation;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The distribution of a clean per-unit proportion (turnout or the leader's support) around its centre.
 *
 * <ul>
 *   <li>{@link Shape#NORMAL}: Normal(mean, sd) truncated to [0, 1] by rejection, the clean model of Klimek, Yegorov,
 *       Hanel and Thurner (2012), "Statistical detection of systematic election irregularities", PNAS 109(41),
 *       16469–16473, doi:10.1073/pnas.1210722109.</li>
 *   <li>{@link Shape#LOGIT_NORMAL}: logit x ~ Normal(logit mean, sd); here {@code mean} is the median and {@code sd}
 *       is on the logit scale (the vote-rate scale of Klimek et al.'s data collapse).</li>
 *   <li>{@link Shape#BETA}: Beta(mν, (1−m)ν) with ν = m(1−m)/sd² − 1 fixed by the national mean and sd; a region
 *       whose centre differs keeps ν, so its sd changes a little with its mean.</li>
 * </ul>
 *
 * <p>Regions move the centre on the logit scale: a region's centre is expit(logit(mean) + s·Z), which keeps it
 * inside (0, 1) for every shape. Immutable.
 *
 * @param shape the family
 * @param mean  the national centre, in [0, 1] (in (0, 1) for logit-normal and beta)
 * @param sd    the spread: in [0, 1] for normal, ≥ 0 on the logit scale for logit-normal, in (0, sqrt(m(1−m)))
 *              for beta
 * @since 0.1
 */
public record ProportionDistribution(Shape shape, double mean, double sd) implements java.io.Serializable {
    /** The families of clean proportions. */
    public enum Shape {
        /** Normal truncated to [0, 1] (Klimek et al. 2012). */
        NORMAL,
        /** Logistic transform of a normal. */
        LOGIT_NORMAL,
        /** Beta with the given mean and sd. */
        BETA;

        /**
         * @param text {@code normal}, {@code logit-normal} or {@code beta}, case-insensitive
         * @return the shape
         * @throws IllegalArgumentException if the text names no shape
         */
        public static Shape parse(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Shape s : values()) {
                if (s.name().equals(t)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("distribution is not normal, logit-normal or beta: " + text);
        }

        /** @return the command-line spelling */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** @throws IllegalArgumentException if a parameter is outside the range its shape allows (see above) */
    public ProportionDistribution {
        if (shape == null) {
            throw new IllegalArgumentException("distribution shape is null");
        }
        switch (shape) {
            case NORMAL -> {
                if (!(mean >= 0 && mean <= 1)) {
                    throw new IllegalArgumentException("mean is not in [0, 1]: " + mean);
                }
                if (!(sd >= 0 && sd <= 1)) {
                    throw new IllegalArgumentException("sd is not in [0, 1]: " + sd);
                }
            }
            case LOGIT_NORMAL -> {
                if (!(mean > 0 && mean < 1)) {
                    throw new IllegalArgumentException("logit-normal median is not in (0, 1): " + mean);
                }
                if (!(sd >= 0 && sd <= 20)) {
                    throw new IllegalArgumentException("logit-scale sd is not in [0, 20]: " + sd);
                }
            }
            default -> {
                if (!(mean > 0 && mean < 1)) {
                    throw new IllegalArgumentException("beta mean is not in (0, 1): " + mean);
                }
                if (!(sd > 0 && sd * sd < mean * (1 - mean))) {
                    throw new IllegalArgumentException("beta sd is not in (0, sqrt(mean (1 - mean))): " + sd);
                }
            }
        }
    }

    /**
     * @param mean the centre
     * @param sd   the spread
     * @return the truncated normal of Klimek et al.
     */
    public static ProportionDistribution normal(double mean, double sd) {
        return new ProportionDistribution(Shape.NORMAL, mean, sd);
    }

    /**
     * @param logitShift a region's shift on the logit scale
     * @return the region's centre, expit(logit(mean) + shift); the mean itself when the shift is 0 or the mean
     *         is 0 or 1
     */
    double centre(double logitShift) {
        if (logitShift == 0 || mean <= 0 || mean >= 1) {
            return mean;
        }
        double z = Math.log(mean / (1 - mean)) + logitShift;
        return 1 / (1 + Math.exp(-z));
    }

    /** @return the beta concentration ν = m(1−m)/sd² − 1 (only meaningful for {@link Shape#BETA}) */
    double concentration() {
        return mean * (1 - mean) / (sd * sd) - 1;
    }

    /**
     * @param logitShift a region's shift on the logit scale
     * @return this distribution around the region's centre {@link #centre(double)}, with the constants every
     *         unit's draw needs computed once for the region
     */
    Centred around(double logitShift) {
        return new Centred(this, centre(logitShift));
    }

    /**
     * The distribution around one region's centre: the logit of the centre (logit-normal) or the two gamma shapes
     * (beta) are computed once here, not once per unit.
     */
    static final class Centred {
        private final Shape shape;
        private final double sd;
        private final double centre;
        private final double logitCentre;
        private final Gamma.Shape a;
        private final Gamma.Shape b;
        private final double nu;

        Centred(ProportionDistribution d, double centre) {
            this.shape = d.shape;
            this.sd = d.sd;
            this.centre = centre;
            this.logitCentre = Math.log(centre / (1 - centre));
            this.nu = shape == Shape.BETA ? d.concentration() : Double.NaN;
            this.a = shape == Shape.BETA ? Gamma.Shape.of(centre * nu) : null;
            this.b = shape == Shape.BETA ? Gamma.Shape.of((1 - centre) * nu) : null;
        }

        /**
         * Draws one unit's proportion.
         *
         * @param rng      the block's stream
         * @param gaussian standard normals on the same stream
         * @return a proportion in [0, 1]
         */
        double sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian) {
            return sample(rng, gaussian, 0);
        }

        /**
         * Draws one unit's proportion around this centre moved by a unit-level shift on the logit scale
         * ({@link Heterogeneity}): the same family and spread around expit(logit centre + shift). A shift of 0
         * draws exactly what {@link #sample(UniformRandomProvider, NormalizedGaussianSampler)} draws; a centre of
         * 0 or 1 does not move. Allocates nothing.
         *
         * @param rng      the block's stream
         * @param gaussian standard normals on the same stream
         * @param shift    the unit's logit shift
         * @return a proportion in [0, 1]
         */
        double sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, double shift) {
            boolean moved = shift != 0 && centre > 0 && centre < 1;
            double z = moved ? logitCentre + shift : logitCentre;
            double c = moved ? 1 / (1 + Math.exp(-z)) : centre;
            switch (shape) {
                case NORMAL:
                    if (sd == 0) {
                        return c;
                    }
                    while (true) {
                        double x = c + sd * gaussian.sample();
                        if (x >= 0 && x <= 1) {
                            return x;
                        }
                    }
                case LOGIT_NORMAL:
                    return 1 / (1 + Math.exp(-(z + sd * gaussian.sample())));
                default:
                    // The region's precomputed shapes when the unit does not move (no square root per draw).
                    double ga = moved ? Gamma.sample(rng, gaussian, c * nu) : Gamma.sample(rng, gaussian, a);
                    double gb = moved ? Gamma.sample(rng, gaussian, (1 - c) * nu) : Gamma.sample(rng, gaussian, b);
                    return ga + gb > 0 ? ga / (ga + gb) : c;
            }
        }
    }
}
