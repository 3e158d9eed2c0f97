package org.psephos.simulation;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * How many registered voters each synthetic unit has. The sizes are part of the electorate, not of the outcome:
 * the engine draws them from a stream keyed by the block of units alone, so every replicate of a run sees the same
 * units.
 *
 * <ul>
 *   <li>{@link Uniform}: registered ~ U{min, …, max}, the benchmark model of issue 3 (U{500..2000}).</li>
 *   <li>{@link LogNormal}: registered = max(1, round(exp(μ + σZ))), right-skewed like real polling-station sizes.</li>
 *   <li>{@link Listed}: the sizes of a real election, recycled in order if the model asks for more units.</li>
 * </ul>
 *
 * @since 0.1
 */
public sealed interface SizeDistribution extends java.io.Serializable {
    /**
     * Registered voters of one unit.
     *
     * @param rng      the block's size stream
     * @param gaussian standard normal draws on the same stream
     * @param unit     the unit's index in the electorate
     * @return registered voters, at least 1 ({@link Listed} may return 0 where the source has an empty unit)
     */
    int sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int unit);

    /**
     * The centre c of the size effect of {@link Heterogeneity}: the mean of ln(registered) over the distribution
     * (units of size 0 count as size 1).
     *
     * @return E[ln registered]: exact for {@link Uniform} up to a million sizes (the continuous approximation above)
     *         and for {@link Listed}, μ for {@link LogNormal} (rounding ignored)
     */
    double meanLogSize();

    /**
     * Discrete uniform sizes.
     *
     * @param min smallest size, at least 1
     * @param max largest size, at least min
     */
    record Uniform(int min, int max) implements SizeDistribution {
        /** @throws IllegalArgumentException if min &lt; 1 or max &lt; min */
        public Uniform {
            if (min < 1) {
                throw new IllegalArgumentException("minimum unit size is not positive: " + min);
            }
            if (max < min) {
                throw new IllegalArgumentException("maximum unit size " + max + " is below the minimum " + min);
            }
        }

        @Override
        public int sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int unit) {
            return min + rng.nextInt(max - min + 1);
        }

        @Override
        public double meanLogSize() {
            long count = (long) max - min + 1;
            if (count <= 1_000_000) {
                double sum = 0;
                for (long k = min; k <= max; k++) {
                    sum += Math.log(k);
                }
                return sum / count;
            }
            double a = min - 0.5;
            double b = max + 0.5;
            return (b * Math.log(b) - a * Math.log(a)) / (b - a) - 1;
        }
    }

    /**
     * Log-normal sizes, rounded to whole voters and at least 1.
     *
     * @param mu    mean of log size
     * @param sigma standard deviation of log size, at least 0
     */
    record LogNormal(double mu, double sigma) implements SizeDistribution {
        /** @throws IllegalArgumentException if sigma is negative, either is not finite, or exp(mu + 6 sigma) exceeds 1e9 */
        public LogNormal {
            if (!(sigma >= 0) || !Double.isFinite(mu) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("log-normal size parameters are not finite with sigma >= 0: "
                        + mu + ":" + sigma);
            }
            if (mu + 6 * sigma > Math.log(1e9)) {
                throw new IllegalArgumentException("log-normal sizes would exceed 1e9 voters: " + mu + ":" + sigma);
            }
        }

        @Override
        public int sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int unit) {
            double x = Math.exp(mu + sigma * gaussian.sample());
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(x)));
        }

        @Override
        public double meanLogSize() {
            return mu;
        }
    }

    /**
     * Sizes taken from a list, e.g. the registered column of a real election. Unit i gets
     * {@code sizes[i % sizes.length]}. Holds a private copy of the array.
     *
     * @param sizes registered voters per unit, each at least 0, at least one value
     */
    record Listed(int[] sizes) implements SizeDistribution {
        /** @throws IllegalArgumentException if the list is empty or holds a negative size */
        public Listed {
            if (sizes.length == 0) {
                throw new IllegalArgumentException("size list is empty");
            }
            sizes = sizes.clone();
            for (int s : sizes) {
                if (s < 0) {
                    throw new IllegalArgumentException("size list holds a negative size: " + s);
                }
            }
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        @Override
        public int sample(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, int unit) {
            return sizes[unit % sizes.length];
        }

        @Override
        public double meanLogSize() {
            double sum = 0;
            for (int s : sizes) {
                sum += Math.log(Math.max(1, s));
            }
            return sum / sizes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Listed l && Arrays.equals(sizes, l.sizes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sizes);
        }

        @Override
        public String toString() {
            return "Listed[" + sizes.length + " sizes]";
        }
    }
}
