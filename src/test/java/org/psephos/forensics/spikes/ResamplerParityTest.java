package org.psephos.forensics.spikes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ReplicateDistribution;

/**
 * The resampling step against R's {@code spikes(data, out = out)} at R's fitted mixtures, over seeds: R ran
 * {@value #R_SEEDS} seeds ({@code seeds_grid.csv}: per grid point the mean and standard deviation over seeds of
 * the envelope, of the mean resampled bin shares and of the mean resampled density; {@code seeds_fraud.csv}: F per
 * seed), this test {@value #SEEDS}. The two are different random streams of the same distribution, so their means
 * must agree within Monte Carlo error: at every grid point within {@value #Z} standard errors of the difference
 * (about one false alarm in 2,000 runs of the 1,001 points under normality), F's mean within 4. The observed
 * density and bins are compared exactly in {@link RDensityTest}.
 */
class ResamplerParityTest {
    static final int R_SEEDS = 30;
    static final int SEEDS = 20;
    static final double Z = 5;

    @ParameterizedTest
    @ValueSource(strings = {"clean", "coarse"})
    void theResamplingMatchesRsWithinMonteCarloError(String input) {
        int[][] d = SpikesGolden.ntv(input);
        BetaBinomialMixture mt = SpikesGolden.mixture(input + "/fit_final.csv", Map.of("variable", "t"));
        BetaBinomialMixture mv = SpikesGolden.mixture(input + "/fit_final.csv", Map.of("variable", "v"));
        Resampler r = new Resampler(d[0], d[1], d[2], mt, mv, new RDensity(1e-4, 1001, 0, 1));
        int g = 1001;
        double[][] env = new double[SEEDS][];
        double[][] share = new double[SEEDS][];
        double[][] dens = new double[SEEDS][];
        double[] fraud = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            SpikesEstimate e = r.estimate(r.run(1000, 5000 + s, 2, Progress.NONE), 1000);
            env[s] = e.envelope();
            share[s] = e.meanShare();
            dens[s] = e.meanDensity();
            fraud[s] = e.fraudPercent();
        }
        SpikesGolden.Table rg = SpikesGolden.table(input + "/seeds_grid.csv");
        double scale = 0;
        for (double v : rg.column("envelope_mean")) {
            scale = Math.max(scale, v);
        }
        compare(input + " envelope", env, rg.column("envelope_mean"), rg.column("envelope_sd"), 1e-9 * scale);
        compare(input + " mean bin share", share, rg.column("mean_share"), rg.column("mean_share_sd"), 1e-12);
        compare(input + " mean density", dens, rg.column("mean_density"), rg.column("mean_density_sd"),
                1e-9 * scale);
        double[] rf = SpikesGolden.table(input + "/seeds_fraud.csv").column("fraud");
        double[] a = meanSd(fraud);
        double[] b = meanSd(rf);
        double se = Math.sqrt(a[1] * a[1] / SEEDS + b[1] * b[1] / rf.length);
        assertTrue(Math.abs(a[0] - b[0]) <= 4 * se + 1e-9, String.format(java.util.Locale.ROOT,
                "%s: F %.4f ± %.4f (Psephos, %d seeds) against %.4f ± %.4f (R, %d seeds)", input, a[0], a[1], SEEDS,
                b[0], b[1], rf.length));
        assertTrue(g == env[0].length);
    }

    /** Every grid point: |our mean − R's mean| ≤ Z standard errors of the difference, plus a rounding floor. */
    private static void compare(String what, double[][] ours, double[] rMean, double[] rSd, double floor) {
        int worst = -1;
        double worstZ = 0;
        for (int j = 0; j < rMean.length; j++) {
            double[] col = new double[ours.length];
            for (int s = 0; s < ours.length; s++) {
                col[s] = ours[s][j];
            }
            double[] m = meanSd(col);
            double se = Math.sqrt(m[1] * m[1] / ours.length + rSd[j] * rSd[j] / R_SEEDS);
            double diff = Math.abs(m[0] - rMean[j]);
            if (diff > floor) {
                double z = diff / se;
                if (z > worstZ) {
                    worstZ = z;
                    worst = j;
                }
            }
        }
        assertTrue(worstZ <= Z, what + ": worst grid point " + worst + " at " + worstZ + " standard errors");
    }

    private static double[] meanSd(double[] x) {
        ReplicateDistribution d = ReplicateDistribution.of(x);
        return new double[] {d.mean(), d.sd()};
    }
}
