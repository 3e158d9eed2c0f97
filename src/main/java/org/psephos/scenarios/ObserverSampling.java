package org.psephos.scenarios;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.RandomStreams;

/**
 * How many randomly chosen polling stations independent observers must cover to detect an official turnout inflated
 * by k points (a parallel vote tabulation, PVT, on turnout), from the stations of a clean election.
 *
 * <p>Design. Observers record ballots b_i and registered r_i at a simple random sample (without replacement) of n
 * of the N stations and estimate national turnout by the ratio T̂ = Σb/Σr. They reject the official turnout T + k
 * when (T + k) − T̂ &gt; z_{1−α}·SE(T̂) (one-sided, level α). Closed form (Cochran 1977, <i>Sampling
 * Techniques</i>, 3rd ed., §6.3–6.4, ratio estimator): SE² ≈ (1 − n/N) σ²/n with σ = S_e/r̄,
 * S_e² = Σ(b_i − T r_i)²/(N − 1), so power Φ(k/SE − z_{1−α}) reaches 1 − β at
 * n₀ = ((z_{1−α} + z_{1−β}) σ / k)², n = ⌈n₀ / (1 + n₀/N)⌉. Monte Carlo check: {@code trials} samples of that n,
 * each tested with its own estimated SE (sample residual variance), give the achieved power; the same at k = 0
 * gives the achieved level. A paired design (observed against official counts at the same station) would need the
 * official station results, which Kazakhstan does not publish. Immutable inputs; thread-count independent.
 *
 * @since 0.1
 */
public final class ObserverSampling {
    private ObserverSampling() {
    }

    /**
     * @param k             the inflation, turnout points (0–100 scale)
     * @param n             stations needed (closed form)
     * @param n0            n before the finite-population correction
     * @param powerMc       Monte Carlo power at n
     * @param powerMcSe     its standard error
     * @param levelMc       Monte Carlo rejection rate at k = 0 with the same n
     */
    public record SampleSize(double k, int n, double n0, double powerMc, double powerMcSe, double levelMc) {
    }

    /**
     * @param stations       N
     * @param turnout        the clean national turnout T
     * @param sigma          σ = S_e / r̄, the station-level residual sd of turnout (ratio scale)
     * @param alpha          test level
     * @param power          target power
     * @param trials         Monte Carlo samples per k
     * @param sizes          one per k
     */
    public record Result(int stations, double turnout, double sigma, double alpha, double power, int trials,
                         List<SampleSize> sizes) {
        /** Copies the list. */
        public Result {
            sizes = List.copyOf(sizes);
        }
    }

    /**
     * @param registered registered voters per station (clean election)
     * @param ballots    ballots per station
     * @param ks         inflations in turnout points, each positive
     * @param alpha      level, in (0, 0.5)
     * @param power      target power, in (0.5, 1)
     * @param trials     Monte Carlo samples per k, at least 1
     * @param seed       seed of the samples (stream (k index) of it)
     * @param threads    threads
     * @return the sample sizes
     */
    public static Result sampleSizes(int[] registered, int[] ballots, List<Double> ks, double alpha, double power,
                                     int trials, long seed, int threads) {
        int n = registered.length;
        long rs = 0;
        long bs = 0;
        for (int i = 0; i < n; i++) {
            rs += registered[i];
            bs += ballots[i];
        }
        double t = (double) bs / rs;
        double rbar = (double) rs / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double e = ballots[i] - t * registered[i];
            ss += e * e;
        }
        double sigma = Math.sqrt(ss / (n - 1)) / rbar;
        NormalDistribution z = new NormalDistribution(null, 0, 1);
        double za = z.inverseCumulativeProbability(1 - alpha);
        double zb = z.inverseCumulativeProbability(power);
        RandomStreams streams = RandomStreams.seeded(seed);
        List<SampleSize> out = Parallel.map(ks.size(), threads, j -> {
            double k = ks.get(j) / 100;
            double n0 = Math.pow((za + zb) * sigma / k, 2);
            int m = (int) Math.min(n, Math.ceil(n0 / (1 + n0 / n)));
            m = Math.max(2, m);
            double pw = rejectRate(registered, ballots, t + k, m, za, trials, streams.stream(1, j));
            double lv = rejectRate(registered, ballots, t, m, za, trials, streams.stream(2, j));
            return new SampleSize(ks.get(j), m, n0, pw, Math.sqrt(pw * (1 - pw) / trials), lv);
        }, (d, total) -> { });
        return new Result(n, t, sigma, alpha, power, trials, new ArrayList<>(out));
    }

    /** Fraction of SRS samples of size m whose ratio estimate rejects the official figure. */
    private static double rejectRate(int[] reg, int[] bal, double official, int m, double za,
                                     int trials, UniformRandomProvider rng) {
        int n = reg.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int reject = 0;
        // A partial Fisher-Yates shuffle of any permutation gives a uniform sample: no reset between trials.
        for (int trial = 0; trial < trials; trial++) {
            long sr = 0;
            long sb = 0;
            for (int i = 0; i < m; i++) {
                int j = i + rng.nextInt(n - i);
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
                sr += reg[idx[i]];
                sb += bal[idx[i]];
            }
            double est = (double) sb / sr;
            double rbar = (double) sr / m;
            double ss = 0;
            for (int i = 0; i < m; i++) {
                double e = bal[idx[i]] - est * reg[idx[i]];
                ss += e * e;
            }
            double se = Math.sqrt((1 - (double) m / n) * ss / (m - 1) / m) / rbar;
            if (official - est > za * se) {
                reject++;
            }
        }
        return (double) reject / trials;
    }
}
