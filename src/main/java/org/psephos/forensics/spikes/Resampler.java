package org.psephos.forensics.spikes;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;

/**
 * The resampling of Rozenas's {@code fraud()} for fixed mixtures of turnout (t of N) and support (v of t). Each
 * resample redraws every unit as the package's {@code resample()} does:
 * <ol>
 *   <li>a turnout component k with probability \( \propto w_k \mathrm{BB}(t_i \mid N_i, \alpha_k, \beta_k) \)
 *       (its posterior given the observed t), \( p \sim \mathrm{Beta}(t_i + \alpha_k, N_i - t_i + \beta_k) \),
 *       \( t^* \sim \mathrm{Bin}(N_i, p) \);</li>
 *   <li>a support component k' given the observed v of t likewise,
 *       \( q \sim \mathrm{Beta}(v_i + \alpha'_{k'}, t_i - v_i + \beta'_{k'}) \), \( v^* \sim \mathrm{Bin}(t^*, q) \);
 *       </li>
 *   <li>the share \( y^* = v^* / t^* \) (0 when \( t^* = 0 \)),</li>
 * </ol>
 * then takes the shares' kernel density on the grid ({@link RDensity}, bandwidth 1e-4) and their shares of units in
 * the grid's bins ({@link ShareBins}). Over the resamples it keeps the pointwise maximum of the densities (the
 * envelope), their mean and the mean bin shares.
 *
 * <p>Work and randomness: resamples run in blocks of {@value #BLOCK}, each block from its own stream keyed by
 * (seed, block), spread over the threads; maxima and integer counts do not depend on the order, and the densities'
 * sums are reduced in block order, so the result is the same for any thread count. Units are drawn in chunks of
 * {@value #CHUNK} through the block binomial sampler; the per-unit loop allocates nothing and each block allocates
 * its scratch once. Immutable and thread-safe.
 */
final class Resampler {
    /** Resamples per random stream. */
    static final int BLOCK = 8;
    /** Units per chunk of the block binomial sampler. */
    static final int CHUNK = 2048;
    /** Stream key of the resamples (ASCII "RzResmp"). */
    static final long KEY = 0x527A5265736D70L;

    private final int size;
    private final int[] registered;
    private final int[] turnout;
    private final int[] votes;
    private final Draw turnoutDraw;
    private final Draw supportDraw;
    private final RDensity density;
    private final ShareBins bins;

    /** A mixture's shapes and each unit's cumulative posterior component probabilities (all but the last). */
    private record Draw(double[] alpha, double[] beta, double[] cumulative, int stride) {
        static Draw of(BinomialCounts data, BetaBinomialMixture m) {
            int l = m.components();
            BetaBinomialEm em = new BetaBinomialEm(data);
            em.expectation(m);
            double[][] p = em.posterior();
            double[] cum = new double[data.size * (l - 1)];
            for (int i = 0; i < data.size; i++) {
                double c = 0;
                for (int k = 0; k < l - 1; k++) {
                    c += p[k][i];
                    cum[i * (l - 1) + k] = c;
                }
            }
            return new Draw(m.alpha(), m.beta(), cum, l - 1);
        }

        /** The package's {@code samp.mat}: the first component whose cumulative probability reaches u. */
        int component(int unit, double u) {
            int k = 0;
            int base = unit * stride;
            while (k < stride && u > cumulative[base + k]) {
                k++;
            }
            return k;
        }
    }

    /**
     * @param n       registered voters per unit
     * @param t       turnout counts, 0 &lt; t ≤ n
     * @param v       the party's votes, 0 ≤ v ≤ t
     * @param turnout the turnout mixture
     * @param support the support mixture
     * @param density the kernel density of the shares
     */
    Resampler(int[] n, int[] t, int[] v, BetaBinomialMixture turnout, BetaBinomialMixture support,
              RDensity density) {
        this.size = n.length;
        this.registered = n.clone();
        this.turnout = t.clone();
        this.votes = v.clone();
        this.turnoutDraw = Draw.of(new BinomialCounts(t, n), turnout);
        this.supportDraw = Draw.of(new BinomialCounts(v, t), support);
        this.density = density;
        this.bins = new ShareBins(density.grid());
    }

    /**
     * The resamples' summaries.
     *
     * @param envelope    pointwise maximum of the densities
     * @param meanDensity mean of the densities
     * @param meanShare   mean share of units per bin
     */
    record Summary(double[] envelope, double[] meanDensity, double[] meanShare) {
    }

    /** One block's partial summary. */
    private record Partial(double[] max, double[] sum, long[] counts) {
    }

    /**
     * @param resamples the number of resamples, at least 1
     * @param seed      the seed of this run's streams
     * @param threads   threads
     * @param progress  told after each block
     * @return the summaries
     */
    Summary run(int resamples, long seed, int threads, Progress progress) {
        int blocks = (resamples + BLOCK - 1) / BLOCK;
        RandomStreams streams = RandomStreams.seeded(seed);
        List<Partial> parts = Parallel.map(blocks, threads,
                b -> block(streams.stream(KEY, b), Math.min(BLOCK, resamples - b * BLOCK)), progress);
        int g = density.points();
        double[] max = new double[g];
        double[] sum = new double[g];
        long[] counts = new long[bins.count()];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (Partial p : parts) {
            for (int j = 0; j < g; j++) {
                max[j] = Math.max(max[j], p.max[j]);
                sum[j] += p.sum[j];
            }
            for (int j = 0; j < counts.length; j++) {
                counts[j] += p.counts[j];
            }
        }
        double[] meanShare = new double[counts.length];
        for (int j = 0; j < counts.length; j++) {
            meanShare[j] = (double) counts[j] / size / resamples;
        }
        for (int j = 0; j < g; j++) {
            sum[j] /= resamples;
        }
        return new Summary(max, sum, meanShare);
    }

    private Partial block(UniformRandomProvider rng, int count) {
        int g = density.points();
        double[] max = new double[g];
        double[] sum = new double[g];
        long[] counts = new long[bins.count()];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        RDensity.Workspace ws = density.workspace();
        double[] dens = new double[g];
        int[] nChunk = new int[CHUNK];
        double[] p = new double[CHUNK];
        int[] tStar = new int[CHUNK];
        int[] vStar = new int[CHUNK];
        int[] binCount = new int[bins.count()];
        double weight = 1.0 / size;
        BetaSampler beta = new BetaSampler(rng);
        for (int r = 0; r < count; r++) {
            ws.clear();
            Arrays.fill(binCount, 0);
            for (int from = 0; from < size; from += CHUNK) {
                int len = Math.min(CHUNK, size - from);
                for (int j = 0; j < len; j++) {
                    int i = from + j;
                    int k = turnoutDraw.component(i, rng.nextDouble());
                    p[j] = beta.sample(turnout[i] + turnoutDraw.alpha[k],
                            registered[i] - turnout[i] + turnoutDraw.beta[k]);
                    nChunk[j] = registered[i];
                }
                BinomialSampler.sample(rng, nChunk, p, tStar, len);
                for (int j = 0; j < len; j++) {
                    int i = from + j;
                    int k = supportDraw.component(i, rng.nextDouble());
                    p[j] = beta.sample(votes[i] + supportDraw.alpha[k],
                            turnout[i] - votes[i] + supportDraw.beta[k]);
                }
                BinomialSampler.sample(rng, tStar, p, vStar, len);
                for (int j = 0; j < len; j++) {
                    double y = tStar[j] == 0 ? 0 : (double) vStar[j] / tStar[j];
                    binCount[bins.of(y)]++;
                    density.bin(y, weight, ws.binned());
                }
            }
            density.estimate(ws, dens);
            for (int j = 0; j < g; j++) {
                max[j] = Math.max(max[j], dens[j]);
                sum[j] += dens[j];
            }
            for (int j = 0; j < binCount.length; j++) {
                counts[j] += binCount[j];
            }
        }
        return new Partial(max, sum, counts);
    }

    /**
     * The package's estimate for these mixtures: the observed shares against the resamples' summaries.
     *
     * @param summary the resamples' summaries
     * @return the estimate
     */
    SpikesEstimate estimate(Summary summary, int resamples) {
        double[] share = new double[size];
        int[] count = new int[bins.count()];
        for (int i = 0; i < size; i++) {
            share[i] = (double) votes[i] / turnout[i];
            count[bins.of(share[i])]++;
        }
        double[] observedDensity = density.density(share);
        double[] observed = new double[count.length];
        double[] excess = new double[count.length];
        for (int j = 0; j < count.length; j++) {
            observed[j] = (double) count[j] / size;
            double w = observed[j] - summary.meanShare()[j];
            excess[j] = w > 0 ? w : 0;
        }
        excess[0] = 0;
        double f = SpikesEstimate.fraud(excess, summary.envelope(), observedDensity);
        return new SpikesEstimate(density.grid(), observedDensity, summary.envelope(), excess, observed,
                summary.meanShare(), summary.meanDensity(), f, resamples);
    }
}
