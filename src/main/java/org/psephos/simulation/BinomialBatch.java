package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Binomial(n_i, p_i) draws for a whole block of units at once, the same exact algorithms as
 * {@link BinomialSampler} reorganised for throughput. BTRD (Hörmann 1993) runs in two rounds over the block, each
 * a set of loops whose iterations are independent and nearly free of branches, so the CPU overlaps their square
 * roots, divisions and logarithms instead of waiting on each unit and mispredicting its branches:
 * <ol>
 *   <li>step 1, the squeeze, for every unit (accepts about 70–80% at the sizes of polling stations);</li>
 *   <li>steps 2–3 once for every unit that missed, with the exact acceptance test on tabulated ln k!;</li>
 *   <li>units rejected there go back to step 1, again block-wise, round after round, as BTRD's loop would.</li>
 * </ol>
 * Units with n·min(p, 1 − p) below {@link BinomialSampler#INVERSION_LIMIT}, and those with 2^16 or more trials
 * that miss the squeeze, take the scalar path. Each draw keeps its exact distribution; only the order in which the
 * block consumes its uniforms differs from calling {@link BinomialSampler#sample} unit by unit.
 *
 * <p>Instances hold scratch arrays: one per thread (see {@link #forThisThread()}), never shared.
 */
final class BinomialBatch {
    private static final ThreadLocal<BinomialBatch> PER_THREAD =
            ThreadLocal.withInitial(() -> new BinomialBatch(BlockSimulator.BLOCK_SIZE));
    private static final double[] LOG_FACTORIAL = BinomialSampler.LOG_FACTORIAL;

    private final double[] q;
    private final double[] b;
    private final double[] d;
    private final double[] c;
    private final double[] twoAd;
    private final double[] u;
    private final double[] t;
    private final double[] k;
    private final int[] missed;
    private final int[] slow;
    private final int[] retry;
    private final double[] u2;
    private final int[] candidate;

    BinomialBatch(int capacity) {
        q = new double[capacity];
        b = new double[capacity];
        d = new double[capacity];
        c = new double[capacity];
        twoAd = new double[capacity];
        u = new double[capacity];
        t = new double[capacity];
        k = new double[capacity];
        missed = new int[capacity];
        slow = new int[capacity];
        retry = new int[capacity];
        u2 = new double[capacity];
        candidate = new int[capacity];
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
        squeeze(rng, n, p, len);
        // Sort the units: accepted by the squeeze, missed (second round), slow (scalar). The common case has no
        // unpredictable branch: every unit takes its squeeze candidate and is also appended to the missed list,
        // whose length grows only if it missed.
        int misses = 0;
        int slows = 0;
        for (int i = 0; i < len; i++) {
            int ni = n[i];
            double qi = q[i];
            if (qi == 0 || ni == 0 || ni * qi < BinomialSampler.INVERSION_LIMIT || ni >= LOG_FACTORIAL.length) {
                if (qi == 0 || ni == 0) {
                    out[i] = 0;
                } else if (ni * qi >= BinomialSampler.INVERSION_LIMIT && t[i] <= 0.43 * d[i]) {
                    out[i] = (int) k[i];
                } else {
                    slow[slows++] = i;
                }
                continue;
            }
            out[i] = (int) k[i];
            missed[misses] = i;
            misses += t[i] > 0.43 * d[i] ? 1 : 0;
        }
        secondRound(rng, n, misses);
        int retries = collect(misses, out);
        // Rejected candidates go back to step 1, round after round, until every unit has its draw.
        while (retries > 0) {
            for (int j = 0; j < retries; j++) {
                u[retry[j]] = rng.nextDouble();
            }
            misses = 0;
            for (int j = 0; j < retries; j++) {
                int i = retry[j];
                double di = d[i];
                double ti = u[i] * b[i] - 0.43 * di;
                out[i] = (int) Math.floor((twoAd[i] / (0.5 * di - Math.abs(ti)) + b[i]) * (ti / di) + c[i]);
                missed[misses] = i;
                misses += ti > 0.43 * di ? 1 : 0;
            }
            secondRound(rng, n, misses);
            retries = collect(misses, out);
        }
        for (int j = 0; j < slows; j++) {
            int i = slow[j];
            int ni = n[i];
            double qi = q[i];
            out[i] = ni * qi < BinomialSampler.INVERSION_LIMIT ? BinomialSampler.inversion(rng, ni, qi)
                    : BinomialSampler.btrdAfterSqueeze(rng, ni, qi, u[i], b[i], d[i]);
        }
        // Mirror p > 1/2 without a branch (support near 1/2 would make one unpredictable).
        for (int i = 0; i < len; i++) {
            int o = out[i];
            out[i] = p[i] > 0.5 ? n[i] - o : o;
        }
    }

    /** Takes the accepted second-round candidates; lists the rejected units in {@code retry}, returning their number. */
    private int collect(int misses, int[] out) {
        int count = 0;
        for (int j = 0; j < misses; j++) {
            int i = missed[j];
            if (candidate[j] >= 0) {
                out[i] = candidate[j];
            } else {
                retry[count++] = i;
            }
        }
        return count;
    }

    /** Step 0 and step 1 of BTRD for every unit: q, the squeeze constants, one uniform, the candidate. */
    private void squeeze(UniformRandomProvider rng, int[] n, double[] p, int len) {
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
    }

    /**
     * Steps 2 and 3 of BTRD once for each missed unit: candidate[j] is the accepted count, or −1 if the candidate
     * was rejected (the unit then restarts at step 1). Both branches of step 2 take exactly one new uniform.
     */
    private void secondRound(UniformRandomProvider rng, int[] n, int misses) {
        for (int j = 0; j < misses; j++) {
            u2[j] = rng.nextDouble();
        }
        for (int j = 0; j < misses; j++) {
            int i = missed[j];
            int ni = n[i];
            double qi = q[i];
            double bi = b[i];
            double di = d[i];
            double invD = 1 / di;
            double invB = 1 / bi;
            double vr = di * invB;
            double w = u[i] * bi * invD;
            // Step 2 without a branch: v ≥ v_r keeps v and takes u from the new uniform; v < v_r the reverse.
            boolean outer = w >= 1;
            double x = w - 0.93;
            double uu = outer ? u2[j] - 0.5 : Math.copySign(0.5, x) - x;
            double v = outer ? u[i] : u2[j] * vr;
            double a = twoAd[i] * 0.5 * invD;
            double us = 0.5 - Math.abs(uu);
            double inv = 1 / us;
            double kd = Math.floor((2 * a * inv + bi) * uu + c[i]);
            boolean inRange = kd >= 0 & kd <= ni;
            int kk = inRange ? (int) kd : 0;
            double alpha = (2.83 + 5.1 * invB) * ((bi - 1.15) * (1 / 2.53));
            v = v * alpha / (a * inv * inv + bi);
            int m = (int) ((ni + 1.0) * qi);
            double lnR = Math.log(qi / (1 - qi));
            double bound = LOG_FACTORIAL[m] + LOG_FACTORIAL[ni - m] - LOG_FACTORIAL[kk] - LOG_FACTORIAL[ni - kk]
                    + (kk - m) * lnR;
            candidate[j] = inRange & Math.log(v) <= bound ? kk : -1;
        }
    }
}
