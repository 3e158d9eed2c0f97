package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Binomial(n_i, p_i) draws for a whole block of units at once, the same exact algorithms as
 * {@link BinomialSampler} reorganised for throughput: the squeeze of BTRD (Hörmann 1993, step 1; about 70–80% of
 * draws at the sizes of polling stations) is computed for every unit in loops without branches or calls, whose
 * iterations are independent (the JIT may vectorise them, and the CPU overlaps their square roots and divisions);
 * the units that miss the squeeze, and those with n·min(p, 1 − p) below {@link BinomialSampler#INVERSION_LIMIT},
 * then take the scalar path. Each draw keeps its exact distribution; only the order in which the block consumes
 * its uniforms differs from calling {@link BinomialSampler#sample} unit by unit.
 *
 * <p>Instances hold scratch arrays: one per thread (see {@link #forThisThread()}), never shared.
 */
final class BinomialBatch {
    private static final ThreadLocal<BinomialBatch> PER_THREAD =
            ThreadLocal.withInitial(() -> new BinomialBatch(BlockSimulator.BLOCK_SIZE));

    private final double[] q;
    private final double[] b;
    private final double[] d;
    private final double[] c;
    private final double[] twoAd;
    private final double[] u;
    private final double[] t;
    private final double[] k;

    BinomialBatch(int capacity) {
        q = new double[capacity];
        b = new double[capacity];
        d = new double[capacity];
        c = new double[capacity];
        twoAd = new double[capacity];
        u = new double[capacity];
        t = new double[capacity];
        k = new double[capacity];
    }

    /** @return this thread's instance, sized for one block */
    static BinomialBatch forThisThread() {
        return PER_THREAD.get();
    }

    /**
     * Draws out[i] ~ Binomial(n[i], p[i]) for i in [0, len).
     *
     * @param rng the block's stream
     * @param n   trials, each ≥ 0
     * @param p   probabilities, each in [0, 1]
     * @param out the draws
     * @param len number of units, at most the capacity
     */
    void sample(UniformRandomProvider rng, int[] n, double[] p, int[] out, int len) {
        for (int i = 0; i < len; i++) {
            double pi = p[i];
            q[i] = Math.min(pi, 1 - pi);
        }
        for (int i = 0; i < len; i++) {
            double qi = q[i];
            double np = n[i] * qi;
            double bi = 1.15 + 2.53 * Math.sqrt(np * (1 - qi));
            double di = 0.92 * bi - 4.2;
            b[i] = bi;
            d[i] = di;
            c[i] = np + 0.5;
            twoAd[i] = 2 * (-0.0873 + 0.0248 * bi + 0.01 * qi) * di;
        }
        for (int i = 0; i < len; i++) {
            u[i] = rng.nextDouble();
        }
        for (int i = 0; i < len; i++) {
            double di = d[i];
            double ti = u[i] * b[i] - 0.43 * di;
            t[i] = ti;
            k[i] = Math.floor((twoAd[i] / (0.5 * di - Math.abs(ti)) + b[i]) * (ti / di) + c[i]);
        }
        for (int i = 0; i < len; i++) {
            int ni = n[i];
            double qi = q[i];
            int draw;
            if (qi == 0 || ni == 0) {
                draw = 0;
            } else if (ni * qi < BinomialSampler.INVERSION_LIMIT) {
                draw = BinomialSampler.inversion(rng, ni, qi);
            } else if (t[i] <= 0.43 * d[i]) {
                draw = (int) k[i];
            } else {
                draw = BinomialSampler.btrdAfterSqueeze(rng, ni, qi, u[i], b[i], d[i]);
            }
            out[i] = p[i] > 0.5 ? ni - draw : draw;
        }
    }
}
