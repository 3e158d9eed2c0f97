package org.psephos.estimation;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.psephos.estimation.EftoolkitKlimekEstimate.Estimated;
import org.psephos.estimation.EftoolkitKlimekEstimate.Units;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateDistribution;

/**
 * Klimek et al.'s fit as EFToolkit's {@code ComputeKlimekModel} computes it ({@code kkalininMI/EFToolkit},
 * {@code R/ComputeKlimekModel.R}: {@code ElectionFitter_sim}, {@code Estimate}, {@code Iteration_sim},
 * {@code Sim_Vote}, {@code Sim.Histo}), for {@link KlimekFit} under EFToolkit's conventions. Package-private.
 *
 * <p>Units: the leader's (NVoters, NValid, Votes) = (registered, share base, votes) without missing cells and with
 * none of the three 0 ({@code KlData}). Bins: from {@code thres} = 5, h = 0.01·5/thres and x0 = −h/2, thres lowered
 * by 0.5 (to 0.5 at least) until 0.8·N &gt; 1/h; breaks {@code seq(x0, 1 - x0, by = h)}; counts as R's {@code hist}
 * (right-closed bins, the lowest closed, the breaks moved by its fuzz of 1e-7 times the median break distance).
 * {@code Estimate}: ν = the break x[j + 9] of the first drop {@code diff(n[10:])[j] < -lfthres} of the share
 * histogram (lfthres from thres down by 0.5 while no drop is found and lfthres &gt; 1), τ = x[j + 14] on the
 * turnout histogram with that lfthres, v_max = the first break of the share histogram's mode, σ_τ = RMS(a − τ) over
 * v &lt; ν and a &lt; τ, σ = √(2·mean((v − ν)²)) over v &lt; ν, θ = (mean((v − v_max)²) over v &gt; v_max)^¼. When
 * {@code Estimate} or {@code hist} fails (a turnout beyond the last break, no drop), EFToolkit retries with thres =
 * 5.1, 5.2, …, 5.9 and otherwise reports nothing; so does this class.
 *
 * <p>Fit: {@code iterations} = 10 times, for every (f_i, f_e, α) of the grid f_i ∈ {0, 0.2, …, 1}, f_e ∈ {0, 0.1,
 * 0.2, 0.3}, α ∈ {0.5, 1} (expand.grid order), one election simulated with the units' NVoters
 * ({@code Sim_Vote}: turnout a ~ N(τ, σ_τ) redrawn outside [0, 1]; two shares N(ν, σ) and N(1 − ν, σ) divided by
 * their sum, redrawn while one is outside [0, 1]; votes round(N·a·l); fraud with probability f_i + f_e, incremental
 * with probability f_i/(f_i + f_e), x = |N(0, θ)| redrawn outside (0, 1), extreme x = 1 − |N(0, 0.075)| redrawn as
 * |N(0, 0.075)| (sic) outside (0, 1); the leader gains floor(x·(N − votes)) + round(x^α·others)); the distance
 * Σ((S − O)/(O + 1))² between its share histogram S and the observed O; the cell with the smallest distance (the
 * mean of tied cells). Result: mean and sd (divisor n − 1) over the iterations. R's random streams cannot be
 * replayed: the draws here are Psephos's (iteration k, cell c from {@code RandomStreams.seeded(seed).stream(KEY, k,
 * c)}), so the fit agrees with EFToolkit's within Monte Carlo error and the moments exactly. EFToolkit flags no
 * Klimek result ({@code ColorSignificance(..., Klimek = TRUE)}); the row has no p-value and no flag. The units, the
 * breaks and {@code Estimate} are {@link EftoolkitKlimekEstimate}'s.
 */
final class EftoolkitKlimek {
    private static final long KEY = 0x45464B6CL;
    /** {@code ComputeKlimekModel}'s grid and iterations. */
    private static final int ITERATIONS = 10;
    private static final double[] F1 = {0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}; // seq(0, 1, by = 0.2)
    private static final double[] F2 = {0, 0.1, 0.2, 0.30000000000000004}; // seq(0, 0.3, by = 0.1)
    private static final double[] A = {0.5, 1};
    private static final double[] THRES = {5, 5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8, 5.9};

    private EftoolkitKlimek() {
    }

    /** The fit: per iteration the chosen (f_i, f_e, α, distance); the moments. */
    record Fit(Estimated estimated, double[][] chosen) {
        double mean(int j) {
            return ReplicateDistribution.of(column(j)).mean();
        }

        double sd(int j) {
            return ReplicateDistribution.of(column(j)).sd();
        }

        private double[] column(int j) {
            double[] c = new double[chosen.length];
            for (int k = 0; k < c.length; k++) {
                c[k] = chosen[k][j];
            }
            return c;
        }
    }

    /**
     * {@code ComputeKlimekModel} on one set of units: the thres retries, {@code ElectionFitter_sim} with the grid and
     * 10 iterations.
     *
     * @throws IllegalArgumentException where EFToolkit reports nothing
     */
    static Fit fit(Units u, long seed, int threads) {
        Estimated est = null;
        IllegalArgumentException last = null;
        for (double thres : THRES) {
            try {
                est = EftoolkitKlimekEstimate.estimate(u, thres);
                break;
            } catch (IllegalArgumentException e) {
                last = e;
            }
        }
        if (est == null) {
            throw last;
        }
        double[] obs = EftoolkitKlimekEstimate.hist(share(u.valid(), u.votes()), est.breaks());
        int cells = F1.length * F2.length * A.length;
        RandomStreams streams = RandomStreams.seeded(seed);
        Estimated e = est;
        List<double[]> dist = Parallel.map(ITERATIONS * cells, threads, w -> {
            int it = w / cells;
            int c = w % cells;
            double fi = F1[c % F1.length];
            double fe = F2[(c / F1.length) % F2.length];
            double alpha = A[c / (F1.length * F2.length)];
            double[] sim = simulate(u, e, fi, fe, alpha, streams.stream(KEY, it, c));
            double[] h = EftoolkitKlimekEstimate.hist(sim, e.breaks());
            double d = 0;
            for (int k = 0; k < h.length; k++) {
                double r = (h[k] - obs[k]) / (obs[k] + 1);
                d += r * r;
            }
            return new double[] {fi, fe, alpha, d};
        }, Progress.NONE);
        double[][] chosen = new double[ITERATIONS][];
        for (int it = 0; it < ITERATIONS; it++) {
            double min = Double.POSITIVE_INFINITY;
            for (int c = 0; c < cells; c++) {
                min = Math.min(min, dist.get(it * cells + c)[3]);
            }
            double[] mean = new double[4];
            int ties = 0;
            for (int c = 0; c < cells; c++) {
                double[] row = dist.get(it * cells + c);
                if (row[3] == min) {
                    ties++;
                    for (int j = 0; j < 4; j++) {
                        mean[j] += row[j];
                    }
                }
            }
            for (int j = 0; j < 4; j++) {
                mean[j] /= ties;
            }
            chosen[it] = mean;
        }
        return new Fit(est, chosen);
    }

    private static double[] share(double[] valid, double[] votes) {
        double[] v = new double[valid.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = votes[i] / valid[i];
        }
        return v;
    }

    /** {@code Sim_Vote} and {@code Sim.Histo}'s shares: the simulated leader's share per unit. */
    static double[] simulate(Units u, Estimated e, double fi, double fe, double alpha, UniformRandomProvider rng) {
        int n = u.size();
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double f2 = fi + fe;
        double f1 = fi / (fi + fe);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double a;
            do {
                a = e.tau() + e.stdAtt() * z.sample();
            } while (a < 0 || a > 1);
            double l1;
            double l2;
            do {
                double x1 = e.nu() + e.sigma() * z.sample();
                double x2 = (1 - e.nu()) + e.sigma() * z.sample();
                l1 = x1 / (x1 + x2);
                l2 = x2 / (x1 + x2);
            } while (l1 < 0 || l1 > 1 || l2 < 0 || l2 > 1 || Double.isNaN(l1));
            double nv = u.voters()[i];
            double w = Math.rint(nv * a * l1);
            double o = Math.rint(nv * a * l2);
            boolean fraud = rng.nextDouble() < f2;
            boolean incremental = rng.nextDouble() < f1; // NaN (no fraud) compares false, as R's NA does
            double x = 0;
            if (fraud && incremental) {
                do {
                    x = Math.abs(e.theta() * z.sample());
                } while (x >= 1 || x <= 0);
            } else if (fraud) {
                x = 1 - Math.abs(0.075 * z.sample());
                while (x >= 1 || x <= 0) {
                    x = Math.abs(0.075 * z.sample()); // EFToolkit redraws without the "1 -"
                }
            }
            double stolen = Math.rint(Math.pow(x, alpha) * o);
            w = w + Math.floor(x * (nv - (w + o))) + stolen;
            o = o - stolen;
            out[i] = w / (w + o);
        }
        return out;
    }

    /**
     * The KlimekFit row under EFToolkit's conventions.
     *
     * @param id      the test id
     * @param input   the leader's data
     * @param options the settings (seed, threads)
     * @return the row: value f_i + f_e, the interval ±1.96 sd, no p-value, no flag
     */
    static TestResult run(String id, TestInput input, BatteryOptions options) {
        Units u = Units.of(input.election());
        Fit f;
        try {
            f = fit(u, options.seedFor(input.level()), options.threads());
        } catch (IllegalArgumentException e) {
            return TestResult.notApplicable(id, input, u.size(), "EFToolkit's ComputeKlimekModel gives no result: "
                    + e.getMessage());
        }
        double fi = f.mean(0);
        double fe = f.mean(1);
        double sdI = f.sd(0);
        double sdE = f.sd(1);
        double sd = Math.sqrt(sdI * sdI + sdE * sdE);
        KlimekDetails.Eftoolkit d = new KlimekDetails.Eftoolkit(fi, fe, f.mean(2), sdI, sdE, f.sd(2),
                f.estimated().moments(), ITERATIONS);
        double value = fi + fe;
        return TestResult.of(id, input).statistic(value).expected(0).interval(Math.max(0, value - 1.96 * sd),
                value + 1.96 * sd).n(u.size()).details(d);
    }
}
