package org.psephos.forensics.spikes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psephos.simulation.RandomStreams;

/**
 * {@link BetaSampler} against the Beta CDF: Kolmogorov–Smirnov at p &lt; 0.001, at shapes of the resampling's
 * posteriors (hundreds to thousands), of units with no votes (a shape near e^-3) and of the boost below 1. Cannot
 * detect errors smaller than about 1/sqrt(draws) in the CDF.
 */
class BetaSamplerTest {
    private static final long SEED = 20_170_101L;
    private static final int DRAWS = 20_000;

    @ParameterizedTest
    @CsvSource({"250, 400", "3, 900", "1200.5, 30.2", "0.05, 1.2", "0.3, 5", "1.0, 1.0", "2.5, 0.7"})
    void drawsFollowTheBetaDistribution(double a, double b) {
        UniformRandomProvider rng = RandomStreams.seeded(SEED).stream((long) (a * 1000), (long) (b * 1000));
        BetaSampler s = new BetaSampler(rng);
        double[] x = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            x[i] = s.sample(a, b);
            assertTrue(x[i] >= 0 && x[i] <= 1, "draw out of [0, 1]: " + x[i]);
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new BetaDistribution(null, a, b), x);
        assertTrue(p > 0.001, "Beta(" + a + ", " + b + "): KS p = " + p + ", mean " + Arrays.stream(x).average()
                .orElse(Double.NaN) + " vs " + a / (a + b));
    }
}
