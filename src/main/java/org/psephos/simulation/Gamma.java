package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Gamma(shape, 1) variates with the shape given per call, for beta proportions and Dirichlet weights whose
 * parameters change from unit to unit. Marsaglia and Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3), 363–372, doi:10.1145/358407.358414; shapes below 1 use their boost
 * Gamma(a) = Gamma(a + 1)·U^{1/a}. Stateless.
 *
 * @since 0.1
 */
public final class Gamma {
    private Gamma() {
    }

    /**
     * A shape with Marsaglia and Tsang's constants d = a − 1/3 and c = 1/sqrt(9d) computed once (a = shape, or
     * shape + 1 for the boost below 1), for draws that reuse the shape unit after unit.
     *
     * @param shape the shape
     * @param d     d of the boosted shape
     * @param c     c of the boosted shape
     */
    record Shape(double shape, double d, double c) {
        /**
         * @param shape a shape, at least 0
         * @return it with its constants
         */
        static Shape of(double shape) {
            double boosted = shape < 1 ? shape + 1 : shape;
            double d = boosted - 1.0 / 3;
            return new Shape(shape, d, 1 / Math.sqrt(9 * d));
        }
    }

    /**
     * @param rng      the stream
     * @param gaussian standard normals on the same stream
     * @param shape    the shape, positive
     * @return a Gamma(shape, 1) draw (0 for a shape of 0)
     */
    public static double sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, double shape) {
        // The constants of Shape.of, computed in place: no allocation when the shape changes from draw to draw.
        if (!(shape > 0)) {
            return 0;
        }
        double boosted = shape < 1 ? shape + 1 : shape;
        double d = boosted - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        if (shape < 1) {
            double u = rng.nextDouble();
            return marsagliaTsang(rng, gaussian, d, c) * Math.pow(u, 1 / shape);
        }
        return marsagliaTsang(rng, gaussian, d, c);
    }

    /**
     * @param rng      the stream
     * @param gaussian standard normals on the same stream
     * @param s        the shape with its constants
     * @return a Gamma(shape, 1) draw (0 for a shape of 0)
     */
    static double sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, Shape s) {
        if (!(s.shape() > 0)) {
            return 0;
        }
        if (s.shape() < 1) {
            double u = rng.nextDouble();
            return marsagliaTsang(rng, gaussian, s.d(), s.c()) * Math.pow(u, 1 / s.shape());
        }
        return marsagliaTsang(rng, gaussian, s.d(), s.c());
    }

    private static double marsagliaTsang(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, double d,
                                         double c) {
        while (true) {
            double x = gaussian.sample();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
