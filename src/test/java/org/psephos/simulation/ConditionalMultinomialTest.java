package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * Block multinomial and Dirichlet-multinomial counts against their moments: Multinomial(n, p) has mean n p_j,
 * variance n p_j(1 − p_j) and covariance −n p_j p_l; the Dirichlet-multinomial with parameters α (A = Σα) the same
 * mean and both multiplied by (n + A)/(1 + A). 40,960 draws per case, within 5 standard errors (a variance's se
 * about Var·√(2/N)). Cannot detect: errors in the far tails.
 */
class ConditionalMultinomialTest {
    private static final int LEN = 4096;
    private static final int BLOCKS = 10;
    private static final int N = 1000;
    private static final double[] P = {0.5, 0.3, 0.15, 0.05};

    private static double[][] draw(boolean dirichlet, double concentration) {
        UniformRandomProvider rng = RandomStreams.seeded(7).stream(1);
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        int[] trials = new int[LEN];
        java.util.Arrays.fill(trials, N);
        double[][] w = new double[4][LEN];
        for (int j = 0; j < 4; j++) {
            java.util.Arrays.fill(w[j], dirichlet ? P[j] * concentration : P[j]);
        }
        double[][] cond = new double[4][LEN];
        ConditionalMultinomial.conditional(w, 4, cond, LEN);
        int[][] out = new int[4][LEN];
        double[][] all = new double[4][LEN * BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            if (dirichlet) {
                ConditionalMultinomial.dirichlet(rng, g, trials, w, 4, out, LEN);
            } else {
                ConditionalMultinomial.sample(rng, trials, cond, 4, out, LEN);
            }
            for (int i = 0; i < LEN; i++) {
                int sum = 0;
                for (int j = 0; j < 4; j++) {
                    all[j][b * LEN + i] = out[j][i];
                    sum += out[j][i];
                }
                assertEquals(N, sum, "the counts add up to the trials");
            }
        }
        return all;
    }

    private static double cov(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }

    private static void check(double[][] x, double inflation) {
        int m = x[0].length;
        for (int j = 0; j < 4; j++) {
            double var = N * P[j] * (1 - P[j]) * inflation;
            double mean = 0;
            for (double v : x[j]) {
                mean += v / m;
            }
            assertEquals(N * P[j], mean, 5 * Math.sqrt(var / m), "mean of category " + j);
            assertEquals(var, cov(x[j], x[j]), 5 * var * Math.sqrt(2.0 / m), "variance of category " + j);
            for (int l = j + 1; l < 4; l++) {
                double c = -N * P[j] * P[l] * inflation;
                double se = Math.sqrt(var * N * P[l] * (1 - P[l]) * inflation / m);
                assertEquals(c, cov(x[j], x[l]), 5 * se, "covariance of " + j + " and " + l);
            }
        }
    }

    @Test
    void multinomialMoments() {
        check(draw(false, 0), 1);
    }

    @Test
    void dirichletMultinomialMoments() {
        double a = 100;
        check(draw(true, a), (N + a) / (1 + a));
    }

    @Test
    void conditionalProbabilitiesAreSuffixRatios() {
        double[][] w = {{2, 0}, {1, 0}, {1, 0}};
        double[][] c = new double[3][2];
        ConditionalMultinomial.conditional(w, 3, c, 2);
        assertArrayEquals(new double[] {0.5, 0}, c[0]);
        assertArrayEquals(new double[] {0.5, 0}, c[1]);
        assertArrayEquals(new double[] {1, 0}, c[2]);
    }

    @Test
    void badArgumentsAreRefusedBeforeDrawing() {
        UniformRandomProvider rng = RandomStreams.seeded(1).stream(1);
        int[][] out = new int[2][4];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                ConditionalMultinomial.sample(rng, new int[] {5, -1, 0, 0}, new double[][] {{0.5, 0.5, 0.5, 0.5}}, 2,
                        out, 4));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                ConditionalMultinomial.sample(rng, new int[4], new double[][] {{0.5, 1.5, 0.5, 0.5}}, 2, out, 4));
        assertTrue(e.getMessage().contains("not in [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                ConditionalMultinomial.sample(rng, new int[5000], new double[][] {new double[5000]}, 2,
                        new int[2][5000], 5000));
        assertTrue(e.getMessage().contains("4096"), e.getMessage());
    }
}
