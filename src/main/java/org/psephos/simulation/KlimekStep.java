package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The step of {@link FraudModel.Klimek}: Klimek et al. (2012) incremental and extreme fraud, drawn block-wise
 * (the classes and intensities of every unit first, then the stuffed and stolen votes as block binomials).
 */
final class KlimekStep extends FraudStep {
    private final double incremental;
    private final double any;
    private final double theta;
    private final double alpha;
    private final double extremeSd;

    KlimekStep(FraudModel.Klimek k) {
        this.incremental = k.incremental();
        this.any = k.incremental() + k.extreme();
        this.theta = k.theta();
        this.alpha = k.alpha();
        this.extremeSd = k.extremeSd();
    }

    /**
     * Block-wise: first the class and intensity of every unit (unit order), then the stuffed and the stolen
     * votes of the fraudulent units as block binomials ({@link BinomialBatch}).
     */
    @Override
    void applyBlock(BlockCounts c, int len, UniformRandomProvider rng, NormalizedGaussianSampler gaussian) {
        Scratch w = Scratch.PER_THREAD.get();
        int f = 0;
        int incrementalBit = FraudClass.INCREMENTAL.bit();
        int extremeBit = FraudClass.EXTREME.bit();
        for (int j = 0; j < len; j++) {
            double u = rng.nextDouble();
            if (u < any) {
                double x;
                if (u < incremental) {
                    c.mask[j] |= incrementalBit;
                    do {
                        x = Math.abs(theta * gaussian.sample());
                    } while (x >= 1);
                } else {
                    c.mask[j] |= extremeBit;
                    x = Math.max(0, 1 - Math.abs(extremeSd * gaussian.sample()));
                }
                w.units[f] = j;
                w.x[f++] = x;
            }
        }
        if (f == 0) {
            return;
        }
        BinomialBatch batch = BinomialBatch.forThisThread();
        for (int t = 0; t < f; t++) {
            int j = w.units[t];
            w.n[t] = c.registered[j] - c.ballots[j];
        }
        batch.sample(rng, w.n, w.x, w.stuffed, f);
        for (int t = 0; t < f; t++) {
            double x = w.x[t];
            w.p[t] = alpha == 2 ? x * x : alpha == 1 ? x : Math.pow(x, alpha);
        }
        int[] leader = c.votes[0];
        for (int k = 1; k < c.votes.length; k++) {
            int[] other = c.votes[k];
            for (int t = 0; t < f; t++) {
                w.n[t] = other[w.units[t]];
            }
            batch.sample(rng, w.n, w.p, w.stolen, f);
            for (int t = 0; t < f; t++) {
                int j = w.units[t];
                other[j] -= w.stolen[t];
                leader[j] += w.stolen[t];
            }
        }
        for (int t = 0; t < f; t++) {
            int j = w.units[t];
            c.ballots[j] += w.stuffed[t];
            leader[j] += w.stuffed[t];
        }
    }

    /** Per-thread arrays of the fraudulent units of a block. */
    private static final class Scratch {
        static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);
        final int[] units = new int[BlockSimulator.BLOCK_SIZE];
        final double[] x = new double[BlockSimulator.BLOCK_SIZE];
        final double[] p = new double[BlockSimulator.BLOCK_SIZE];
        final int[] n = new int[BlockSimulator.BLOCK_SIZE];
        final int[] stuffed = new int[BlockSimulator.BLOCK_SIZE];
        final int[] stolen = new int[BlockSimulator.BLOCK_SIZE];
    }
}
