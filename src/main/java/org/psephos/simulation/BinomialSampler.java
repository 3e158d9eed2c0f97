package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact Binomial(n, p) variates: the probability of every count is that of the binomial distribution up to the
 * resolution of the 53-bit uniforms drawn, with no normal approximation, so digit and integer-percentage tests on
 * simulated counts see the true discrete distribution.
 *
 * <p>Method. With \( q = \min(p, 1-p) \) and mean \( nq \):
 * <ul>
 *   <li>\( nq &lt; 16 \): sequential inversion of the cumulative distribution, walking up from 0 with the recurrence
 *       \( f(k) = f(k-1) \cdot \frac{(n-k+1)q}{k(1-q)} \) (Kachitvichyanukul and Schmeiser 1988, algorithm BINV);
 *       expected cost is about \( nq + 1 \) steps.</li>
 *   <li>\( nq \ge 16 \): BTRD, transformed rejection with decomposition (Hörmann 1993, "The generation of binomial
 *       random variates", J. Statist. Comput. Simul. 46, 101–110, doi:10.1080/00949659308811496); expected cost
 *       is bounded in n, about 1.2 uniforms per variate.</li>
 *   <li>\( p > 1/2 \) draws \( n - X \) with \( X \sim \mathrm{Binomial}(n, 1-p) \).</li>
 * </ul>
 *
 * <p>Edge cases: {@code n == 0}, {@code p == 0} return 0 and {@code p == 1} returns {@code n} without drawing.
 * The method allocates nothing and keeps no state, so it is safe to call from any number of threads as long as each
 * has its own generator.
 *
 * <p>The class stays whole at its size because it is one method written step by step in the papers' notation
 * (BINV, then BTRD's steps, squeeze, acceptance test and its table of Stirling corrections {@code fc}), so that
 * it reads side by side with Hörmann's listing; the steps share the static tables on the hot path.
 *
 * @since 0.1
 */
public final class BinomialSampler {
    /** Mean n·min(p, 1−p) from which BTRD replaces inversion (Hörmann requires at least 10). */
    static final double INVERSION_LIMIT = 16;

    /**
     * ln k! for k below 2^16, each from the Stirling series with its remainder {@link #fc(int)} (no accumulated
     * round-off): below 2^16 trials BTRD's acceptance test needs one logarithm instead of a product loop or up to
     * five logarithms.
     */
    static final double[] LOG_FACTORIAL = new double[1 << 16];

    /** Largest count the inversion walk visits before it restarts. */
    private static final int INVERSION_BOUND = 110;

    /** 1/k for k up to {@link #INVERSION_BOUND}. */
    private static final double[] RECIPROCAL = new double[INVERSION_BOUND + 1];

    /** Stirling-series remainders fc(k) = ln k! − (k + ½) ln(k + 1) + (k + 1) − ½ ln 2π, exact for k < 10. */
    private static final double[] FC_TABLE = new double[10];

    static {
        for (int k = 1; k <= INVERSION_BOUND; k++) {
            RECIPROCAL[k] = 1.0 / k;
        }
        double logFactorial = 0;
        for (int k = 0; k < FC_TABLE.length; k++) {
            if (k > 0) {
                logFactorial += Math.log(k);
            }
            FC_TABLE[k] = logFactorial - (k + 0.5) * Math.log(k + 1.0) + (k + 1) - 0.5 * Math.log(2 * Math.PI);
            LOG_FACTORIAL[k] = logFactorial;
        }
        for (int k = FC_TABLE.length; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = (k + 0.5) * Math.log(k + 1.0) - (k + 1) + 0.5 * Math.log(2 * Math.PI) + fc(k);
        }
    }

    private BinomialSampler() {
    }

    /**
     * Draws one Binomial(n, p) count.
     *
     * @param rng the generator to draw from
     * @param n   the number of trials, at least 0
     * @param p   the success probability, in [0, 1]
     * @return a count in [0, n]
     * @throws IllegalArgumentException if n is negative or p is not in [0, 1] (NaN included)
     */
    public static int sample(UniformRandomProvider rng, int n, double p) {
        if (n < 0) {
            throw new IllegalArgumentException("number of trials is negative: " + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability is not in [0, 1]: " + p);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        if (p > 0.5) {
            return n - draw(rng, n, 1 - p);
        }
        return draw(rng, n, p);
    }

    /**
     * Draws {@code out[i] ~ Binomial(n[i], p[i])} for every i in [0, len): the block sampler the engine uses
     * ({@link BinomialBatch}), same algorithms as {@link #sample(UniformRandomProvider, int, double)} run over the
     * whole array at once. With means n·min(p, 1−p) from about 40 up it is 1.4–1.6× faster per draw than the scalar
     * method when the parameters change from draw to draw; below a mean of 16 (inversion) it is about 25% slower
     * (benchmarks/README.md, "BinomialSampler alone").
     * The draws consume the generator in a different order than {@code len} calls of the scalar method, so the two
     * give different (equally distributed) counts for the same seed; the same seed and arrays always give the same
     * counts.
     *
     * @param rng the generator to draw from
     * @param n   trials, each at least 0
     * @param p   probabilities, each in [0, 1]
     * @param out the counts, each in [0, n[i]]
     * @param len how many to draw, at most the length of each array
     * @throws IllegalArgumentException if len is negative or above an array's length, a count of trials is
     *                                  negative or a probability is not in [0, 1] (NaN included); nothing is drawn
     */
    public static void sample(UniformRandomProvider rng, int[] n, double[] p, int[] out, int len) {
        if (len < 0 || len > n.length || len > p.length || len > out.length) {
            throw new IllegalArgumentException("length " + len + " is negative or longer than an array (n "
                    + n.length + ", p " + p.length + ", out " + out.length + ")");
        }
        for (int i = 0; i < len; i++) {
            if (n[i] < 0) {
                throw new IllegalArgumentException("number of trials at index " + i + " is negative: " + n[i]);
            }
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("probability at index " + i + " is not in [0, 1]: " + p[i]);
            }
        }
        BinomialBatch batch = BinomialBatch.forThisThread();
        int chunk = BlockSimulator.BLOCK_SIZE;
        if (len <= chunk) {
            batch.sample(rng, n, p, out, len);
            return;
        }
        int[] nc = new int[chunk];
        double[] pc = new double[chunk];
        int[] oc = new int[chunk];
        for (int from = 0; from < len; from += chunk) {
            int m = Math.min(chunk, len - from);
            System.arraycopy(n, from, nc, 0, m);
            System.arraycopy(p, from, pc, 0, m);
            batch.sample(rng, nc, pc, oc, m);
            System.arraycopy(oc, 0, out, from, m);
        }
    }

    /** Draws with 0 < p ≤ 1/2 and n > 0. */
    private static int draw(UniformRandomProvider rng, int n, double p) {
        return n * p < INVERSION_LIMIT ? inversion(rng, n, p) : btrd(rng, n, p);
    }

    /**
     * Sequential inversion. The walk is cut at {@link #INVERSION_BOUND} (more than 20 standard deviations above any
     * mean below {@link #INVERSION_LIMIT}; the tail beyond it has probability below 1e-40) and restarted if it gets
     * there, which also guards against round-off in the running sum. Reciprocals 1/k come from a table.
     */
    static int inversion(UniformRandomProvider rng, int n, double p) {
        double q = 1 - p;
        double r = p / q;
        double nr = (n + 1.0) * r;
        double f0 = Math.exp(n * Math.log(q));
        int bound = Math.min(n, INVERSION_BOUND);
        while (true) {
            double u = rng.nextDouble();
            double f = f0;
            int k = 0;
            while (u > f) {
                u -= f;
                k++;
                if (k > bound) {
                    break;
                }
                f *= nr * RECIPROCAL[k] - r;
            }
            if (k <= bound) {
                return k;
            }
        }
    }

    /**
     * BTRD as published by Hörmann (1993), steps 0–3.4; variable names follow the paper. Only the constants of the
     * squeeze of step 1 are set up before the first draw; those of steps 2–3 are computed after a miss.
     *
     * <p>Implementation note: with D = 0.92·b − 4.2 (so v_r = D/b) and t = v·b − 0.43·D, the paper's u = v/v_r − 0.43
     * is t/D, its test v ≤ 0.86·v_r is t ≤ 0.43·D and its candidate
     * k = ⌊(2a/(0.5 − |u|) + b)·u + c⌋ is ⌊(2aD/(0.5D − |t|) + b)·(t/D) + c⌋: two independent divisions instead
     * of three chained ones.
     */
    static int btrd(UniformRandomProvider rng, int n, double p) {
        // Step 0: setup of the squeeze.
        double q = 1 - p;
        double np = n * p;
        double spq = Math.sqrt(np * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double d = 0.92 * b - 4.2;
        // Step 1: the squeeze.
        double v = rng.nextDouble();
        double t = v * b - 0.43 * d;
        if (t <= 0.43 * d) {
            return (int) Math.floor((2 * a * d / (0.5 * d - Math.abs(t)) + b) * (t / d) + np + 0.5);
        }
        return btrdAfterSqueeze(rng, n, p, v, b, d);
    }

    /**
     * BTRD from step 2 on, for a first uniform v that missed the squeeze of step 1, with the squeeze's constants b
     * and D = 0.92·b − 4.2 already computed by the caller: the fallback of {@link BinomialBatch}, which runs step 1
     * for a whole block at once.
     *
     * @param rng the stream
     * @param n   trials, with n·p ≥ {@link #INVERSION_LIMIT}
     * @param p   probability in (0, 1/2]
     * @param v   step 1's uniform
     * @param b   BTRD's b
     * @param d   D = 0.92·b − 4.2
     * @return the draw
     */
    static int btrdAfterSqueeze(UniformRandomProvider rng, int n, double p, double v, double b, double d) {
        double q = 1 - p;
        double np = n * p;
        double npq = np * q;
        double spq = (b - 1.15) * (1 / 2.53);
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = np + 0.5;
        double vr = d / b;
        double invVr = b / d;
        int m = (int) ((n + 1.0) * p);
        double r = p / q;
        double alpha = (2.83 + 5.1 / b) * spq;
        // Below 2^16 trials every candidate takes one exact test with tabulated ln k! (steps 3.1–3.4 at once):
        // ln f(k)/f(m) = ln m! + ln (n − m)! − ln k! − ln (n − k)! + (k − m) ln r.
        boolean tabled = n < LOG_FACTORIAL.length;
        double lnBase = tabled ? LOG_FACTORIAL[m] + LOG_FACTORIAL[n - m] : 0;
        double lnR = tabled ? Math.log(r) : 0;
        while (true) {
            double u;
            // Step 2: generate u, v for the remaining region.
            double w = v * invVr;
            if (w >= 1) {
                u = rng.nextDouble() - 0.5;
            } else {
                u = w - 0.93;
                u = Math.copySign(0.5, u) - u;
                v = rng.nextDouble() * vr;
            }
            // Step 3.0: the candidate.
            double us = 0.5 - Math.abs(u);
            double inv = 1 / us;
            double kd = Math.floor((2 * a * inv + b) * u + c);
            if (kd >= 0 && kd <= n) {
                int k = (int) kd;
                v = v * alpha / (a * inv * inv + b);
                if (tabled ? Math.log(v) <= lnBase - LOG_FACTORIAL[k] - LOG_FACTORIAL[n - k] + (k - m) * lnR
                        : accept(k, v, n, m, r, npq)) {
                    return k;
                }
            }
            // Back to step 1.
            v = rng.nextDouble();
            double t = v * b - 0.43 * d;
            if (t <= 0.43 * d) {
                return (int) Math.floor((2 * a * d / (0.5 * d - Math.abs(t)) + b) * (t / d) + c);
            }
        }
    }

    /** Steps 3.1–3.4 of BTRD: whether candidate k with scaled height v lies under the binomial pmf. */
    private static boolean accept(int k, double v, int n, int m, double r, double npq) {
        int km = Math.abs(k - m);
        if (km <= 15) {
            // Step 3.1: f(k)/f(m) = prod over i in (m, k] of (n − i + 1)·r / i, as two products and one division
            // (at most 15 factors below 2^31 each: no overflow).
            if (k == m) {
                return v <= 1;
            }
            int lo = Math.min(k, m);
            int hi = Math.max(k, m);
            double num = 1;
            double den = 1;
            for (int i = lo + 1; i <= hi; i++) {
                num *= (n - i + 1) * r;
                den *= i;
            }
            // k > m: compare v with num/den; k < m: with den/num.
            return k > m ? v * den <= num : v * num <= den;
        }
        // Step 3.2: squeeze on log v.
        v = Math.log(v);
        double rho = (km / npq) * (((km / 3.0 + 0.625) * km + 1.0 / 6) / npq + 0.5);
        double t = -(double) km * km / (2 * npq);
        if (v < t - rho) {
            return true;
        }
        if (v > t + rho) {
            return false;
        }
        // Steps 3.3 and 3.4: the final test with Stirling remainders.
        double nm = n - m + 1.0;
        double h = (m + 0.5) * Math.log((m + 1) / (r * nm)) + fc(m) + fc(n - m);
        double nk = n - k + 1.0;
        double bound = h + (n + 1.0) * Math.log(nm / nk) + (k + 0.5) * Math.log(nk * r / (k + 1))
                - fc(k) - fc(n - k);
        return v <= bound;
    }

    /** @return ln k! − (k + ½) ln(k + 1) + (k + 1) − ½ ln 2π: the table below 10, the Stirling series above */
    private static double fc(int k) {
        if (k < FC_TABLE.length) {
            return FC_TABLE[k];
        }
        double ik = 1.0 / (k + 1.0);
        double ik2 = ik * ik;
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260) * ik2) * ik2) * ik;
    }
}
