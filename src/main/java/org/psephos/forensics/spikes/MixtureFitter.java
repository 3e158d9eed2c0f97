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
 * starts and keeps the one with the largest log-likelihood: start 0 is deterministic ({@link #quantileStart}: the
 * units cut by share into L equal groups), the others are the package's random initialisation, each from its own
 * stream keyed by (seed, L, start). {@link MixtureFit.Level} records all of them, so the spread over starts is
 * reported. The initialisations run first; those that found the same minimum ({@link #SAME_START}) share one EM
 * run. Both run in parallel; the result does not depend on the thread count. Not thread-safe itself (one per fit).
 */
final class MixtureFitter {
    /** The package's convergence and stopping correlation. */
    static final double CORRELATION = 0.99;
    /** EM iterations after which a start is given up as not converged (the package has no limit). */
    static final int MAX_EM_ITERATIONS = 500;
    /**
     * Initialisations whose latent densities correlate within this of 1 are one start: the optimiser found the same
     * minimum (up to its tolerance, or with the components in another order), and EM runs once for them.
     */
    static final double SAME_START = 1e-9;
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
     * A deterministic start: the units sorted by share y/n and cut into L groups of equal size, each group a
     * component of weight 1/L with the beta shapes of its shares' mean m and variance by the method of moments,
     * after the binomial part of the variance (the mean of m(1 − m)/n) is taken out: \( \phi = m(1 - m)/s^2 - 1 \),
     * \( \alpha = m\phi \), \( \beta = (1 - m)\phi \), within the package's bounds.
     *
     * @param l components
     * @return the start
     */
    BetaBinomialMixture quantileStart(int l) {
        int n = data.size;
        Integer[] order = new Integer[n];
        double[] share = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            share[i] = (double) data.y[i] / data.n[i];
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(share[a], share[b]));
        double[] alpha = new double[l];
        double[] beta = new double[l];
        double[] w = new double[l];
        double lo = Math.exp(BetaBinomialEm.LOWER);
        double hi = Math.exp(BetaBinomialEm.UPPER);
        for (int g = 0; g < l; g++) {
            int from = (int) ((long) g * n / l);
            int to = (int) ((long) (g + 1) * n / l);
            double m = 0;
            double binomial = 0;
            for (int j = from; j < to; j++) {
                m += share[order[j]];
            }
            m /= Math.max(1, to - from);
            double v = 0;
            for (int j = from; j < to; j++) {
                double d = share[order[j]] - m;
                v += d * d;
                binomial += m * (1 - m) / data.n[order[j]];
            }
            int size = Math.max(1, to - from);
            v = Math.max(v / size - binomial / size, 1e-6);
            double mm = Math.min(Math.max(m, 1e-3), 1 - 1e-3);
            double phi = Math.max(mm * (1 - mm) / v - 1, 1e-3);
            alpha[g] = Math.min(Math.max(mm * phi, lo), hi);
            beta[g] = Math.min(Math.max((1 - mm) * phi, lo), hi);
            w[g] = (double) (to - from) / n;
        }
        return new BetaBinomialMixture(alpha, beta, BetaBinomialEm.normalised(w));
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
            // the initialisations (cheap: they depend on the share grid only), then one EM run per distinct one
            List<BetaBinomialMixture> inits = Parallel.map(starts, threads, s -> {
                if (s == 0) {
                    return quantileStart(comps);
                }
                UniformRandomProvider rng = RandomStreams.seeded(seed).stream(KEY, comps, s);
                ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
                double[] p0 = new double[KdeInit.parameters(comps)];
                for (int j = 0; j < p0.length; j++) {
                    p0[j] = g.sample();
                }
                return initialise(p0, comps);
            }, Progress.NONE);
            int[] same = new int[starts];
            List<Integer> distinct = new ArrayList<>();
            List<double[]> shapes = new ArrayList<>();
            for (int s = 0; s < starts; s++) {
                double[] dens = inits.get(s).latentDensity(grid);
                same[s] = -1;
                for (int r = 0; r < distinct.size() && s > 0 && same[s] < 0; r++) {
                    if (distinct.get(r) > 0
                            && BetaBinomialMixture.correlation(dens, shapes.get(r)) >= 1 - SAME_START) {
                        same[s] = r;
                    }
                }
                if (same[s] < 0) {
                    same[s] = distinct.size();
                    distinct.add(s);
                    shapes.add(dens);
                }
            }
            List<EmRun> unique = Parallel.map(distinct.size(), threads, r -> em(inits.get(distinct.get(r))),
                    Progress.NONE);
            List<EmRun> runs = new ArrayList<>(starts);
            for (int s = 0; s < starts; s++) {
                runs.add(unique.get(same[s]));
            }
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
            levels.add(new MixtureFit.Level(l, ll, iterations, converged, best, lambda, agreement, distinct.size()));
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
