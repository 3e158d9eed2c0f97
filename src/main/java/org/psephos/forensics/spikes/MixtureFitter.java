package org.psephos.forensics.spikes;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;

/**
 * Rozenas's {@code est.density}: the latent density of a count y of n as a beta-binomial mixture, with the number
 * of components chosen as the package chooses it, from seeded starts.
 * <ol>
 *   <li>For L = 1, 2, …, {@code maxComponents}: start from the beta mixture closest to the kernel density of y/n
 *       ({@link KdeInit}, from standard normal parameters as the package's {@code rnorm}), then iterate EM
 *       ({@link BetaBinomialEm}) until the latent densities of two successive iterates on the estimate's grid
 *       (1001 points over [0.01, 0.99]) correlate at 0.99 or more.</li>
 *   <li>Stop after the first L ≥ 2 whose latent density correlates at 0.99 or more with that of L − 1, and return
 *       that L's fit (not L − 1's, as the package does).</li>
 * </ol>
 * The package draws one random start per L, so its answer moves with R's seed. Here every L gets {@code starts}
 * starts, each from its own random stream keyed by (seed, L, start), and keeps the one with the largest
 * log-likelihood; {@link MixtureFit.Level} records all of them, so the spread over starts is reported. The starts
 * run in parallel; the result does not depend on the thread count. Not thread-safe itself (one per fit).
 */
final class MixtureFitter {
    /** The package's convergence and stopping correlation. */
    static final double CORRELATION = 0.99;
    /** EM iterations after which a start is given up as not converged (the package has no limit). */
    static final int MAX_EM_ITERATIONS = 500;
    /** Stream key of the starts (ASCII "RzStart"). */
    private static final long KEY = 0x527A5374617274L;

    private final BinomialCounts data;
    private final double[] grid;
    private final KdeInit init;

    /** @param data the counts */
    MixtureFitter(BinomialCounts data) {
        this.data = data;
        RDensity d = new RDensity(0.001, 1001, 0.01, 0.99);
        double[] share = new double[data.size];
        for (int i = 0; i < data.size; i++) {
            share[i] = (double) data.y[i] / data.n[i];
        }
        grid = d.grid();
        init = new KdeInit(grid, d.density(share));
    }

    /** @return the grid on which latent densities are compared */
    double[] grid() {
        return grid.clone();
    }

    /** @return the initialisation objective */
    KdeInit init() {
        return init;
    }

    /**
     * One EM iterate.
     *
     * @param mixture       the mixture after the iteration
     * @param logLikelihood its log-likelihood
     * @param delta         the correlation of its latent density with the previous iterate's
     */
    record Iterate(BetaBinomialMixture mixture, double logLikelihood, double delta) {
    }

    /**
     * An EM run.
     *
     * @param start     where it started
     * @param iterates  every iterate, in order
     * @param converged whether the last reached the correlation {@link #CORRELATION}
     * @param hessian   the last M-step's Hessian
     */
    record EmRun(BetaBinomialMixture start, List<Iterate> iterates, boolean converged, double[][] hessian) {
        Iterate last() {
            return iterates.get(iterates.size() - 1);
        }
    }

    /**
     * The package's EM loop from a start: iterate until two successive latent densities correlate at 0.99 (at
     * least one iteration).
     *
     * @param start the start
     * @return the run
     */
    EmRun em(BetaBinomialMixture start) {
        BetaBinomialEm em = new BetaBinomialEm(data);
        List<Iterate> its = new ArrayList<>();
        BetaBinomialMixture theta = start;
        double[] old = theta.latentDensity(grid);
        double[][] hessian = null;
        boolean converged = false;
        for (int it = 0; it < MAX_EM_ITERATIONS; it++) {
            BetaBinomialEm.Step s = em.step(theta);
            theta = s.next();
            hessian = s.hessian();
            double[] now = theta.latentDensity(grid);
            double delta = BetaBinomialMixture.correlation(now, old);
            old = now;
            its.add(new Iterate(theta, em.logLikelihood(theta), delta));
            if (delta >= CORRELATION) {
                converged = true;
                break;
            }
        }
        return new EmRun(start, its, converged, hessian);
    }

    /**
     * @param p0 the start of the initialisation, {@link KdeInit#parameters} values
     * @param l  components
     * @return the initialised mixture
     */
    BetaBinomialMixture initialise(double[] p0, int l) {
        return KdeInit.mixture(init.minimise(p0, l).x(), l);
    }

    /**
     * @param maxComponents the largest L tried (the package's Lmax = 5)
     * @param starts        starts per L, at least 1
     * @param seed          the seed of the starts
     * @param threads       threads
     * @param progress      told after each L
     * @return the fit
     */
    MixtureFit fit(int maxComponents, int starts, long seed, int threads, Progress progress) {
        List<MixtureFit.Level> levels = new ArrayList<>();
        EmRun chosen = null;
        double[] previous = null;
        for (int l = 1; l <= maxComponents; l++) {
            final int comps = l;
            List<EmRun> runs = Parallel.map(starts, threads, s -> {
                UniformRandomProvider rng = RandomStreams.seeded(seed).stream(KEY, comps, s);
                ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
                double[] p0 = new double[KdeInit.parameters(comps)];
                for (int j = 0; j < p0.length; j++) {
                    p0[j] = g.sample();
                }
                return em(initialise(p0, comps));
            }, Progress.NONE);
            double[] ll = new double[starts];
            int[] iterations = new int[starts];
            boolean[] converged = new boolean[starts];
            int best = 0;
            for (int s = 0; s < starts; s++) {
                ll[s] = runs.get(s).last().logLikelihood();
                iterations[s] = runs.get(s).iterates().size();
                converged[s] = runs.get(s).converged();
                if (ll[s] > ll[best] || Double.isNaN(ll[best])) {
                    best = s;
                }
            }
            EmRun kept = runs.get(best);
            double[] dens = kept.last().mixture().latentDensity(grid);
            double[] agreement = new double[starts];
            for (int s = 0; s < starts; s++) {
                agreement[s] = s == best ? 1
                        : BetaBinomialMixture.correlation(runs.get(s).last().mixture().latentDensity(grid), dens);
            }
            double lambda = previous == null ? Double.NaN : BetaBinomialMixture.correlation(dens, previous);
            levels.add(new MixtureFit.Level(l, ll, iterations, converged, best, lambda, agreement));
            chosen = kept;
            previous = dens;
            progress.update(l, maxComponents);
            if (lambda >= CORRELATION) {
                break;
            }
        }
        return new MixtureFit(chosen.last().mixture(), chosen.last().logLikelihood(), chosen.hessian(), levels);
    }
}
