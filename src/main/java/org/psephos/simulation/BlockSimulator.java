package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws one block of units of one replicate: the hot loop of the engine. Immutable and shared by all threads;
 * every call takes its own streams from {@link RandomStreams}, keyed by (purpose, replicate, block) and for sizes
 * by (purpose, block) alone, so the result depends only on the seed and the block, never on the thread.
 *
 * <p>A block runs in phases, each a loop over its units: (1) sizes and clean proportions, (2) voters, invalid
 * ballots and leader votes as block binomials ({@link BinomialBatch}), (3) the other options' split, (4) each
 * fraud model over the whole block, (5) totals. Scratch arrays are per thread and reused.
 *
 * <p>Block totals are returned as one {@code long[]} laid out as {@link #REGISTERED}, {@link #BALLOTS},
 * {@link #INVALID}, then the options' votes, then the number of units in each {@link FraudClass} (by ordinal;
 * a unit with several bits counts in each of its classes, {@code CLEAN} counts units with none), then the
 * registered voters, ballots and leader votes before phase 4 (equal to the final ones with no active fraud model;
 * the fraud models draw from their own streams, so they are also the totals of the same block without fraud).
 *
 * <p>With {@link Heterogeneity}, phase 1 also marks urban units (stream (4, block), so the same units are urban in
 * every replicate), scales their sizes and moves each unit's centres by its logit shifts; without it, phase 1 draws
 * exactly what it drew before heterogeneity existed.
 */
final class BlockSimulator {
    /** Units per block: fixed, so the streams do not depend on the thread count. */
    static final int BLOCK_SIZE = 4096;
    /** Stream purposes. */
    static final long UNITS = 1;
    static final long SIZES = 2;
    static final long REGIONS = 3;
    static final long URBAN = 4;
    static final long FRAUD = 16;

    static final int REGISTERED = 0;
    static final int BALLOTS = 1;
    static final int INVALID = 2;
    static final int VOTES = 3;

    private final ElectorateModel e;
    private final FraudStep[] steps;
    private final long[] stepKeys;
    private final int options;
    private final int classes;
    /** The Dirichlet split of the other options: each option's shape α/(K−1), and the shape of those after k. */
    private final Gamma.Shape dirichletEach;
    private final Gamma.Shape[] dirichletRest;
    /** The unit-level heterogeneity, or null for none. */
    private final Heterogeneity het;
    /** The centre of the size effect: the mean log size. */
    private final double logCentre;

    BlockSimulator(SimulationModel model) {
        this.e = model.electorate();
        int active = 0;
        for (FraudModel f : model.frauds()) {
            if (!f.isNoOp()) {
                active++;
            }
        }
        this.steps = new FraudStep[active];
        this.stepKeys = new long[active];
        int j = 0;
        for (int i = 0; i < model.frauds().size(); i++) {
            FraudModel f = model.frauds().get(i);
            if (!f.isNoOp()) {
                steps[j] = FraudStep.of(f);
                stepKeys[j++] = FRAUD + i;
            }
        }
        this.options = e.options();
        this.het = e.heterogeneity().isNone() ? null : e.heterogeneity();
        this.logCentre = het != null && het.hasSizeEffect() ? e.sizes().meanLogSize() : 0;
        this.classes = FraudClass.values().length;
        double alphaEach = e.concentration() / (options - 1);
        this.dirichletEach = Gamma.Shape.of(alphaEach);
        this.dirichletRest = new Gamma.Shape[Math.max(1, options - 1)];
        double alphaRest = e.concentration();
        for (int k = 1; k < options - 1; k++) {
            alphaRest -= alphaEach;
            dirichletRest[k] = Gamma.Shape.of(alphaRest);
        }
    }

    /** Per-thread block arrays. */
    private static final class Buffers {
        static final ThreadLocal<Buffers> PER_THREAD = ThreadLocal.withInitial(Buffers::new);

        final int[] region = new int[BLOCK_SIZE];
        final double[] turnout = new double[BLOCK_SIZE];
        final double[] support = new double[BLOCK_SIZE];
        final double[] rate = new double[BLOCK_SIZE];
        final int[] valid = new int[BLOCK_SIZE];
        final int[] leader = new int[BLOCK_SIZE];
        final byte[] urban = new byte[BLOCK_SIZE];
        private BlockCounts counts;

        /** @return the block counts for that many options, made on first use */
        BlockCounts counts(int options) {
            if (counts == null || counts.votes.length != options) {
                counts = new BlockCounts(options, BLOCK_SIZE);
            }
            return counts;
        }
    }

    /** @return the first unit of region r: ⌈r·N/K⌉, the smallest i with ⌊i·K/N⌋ ≥ r (N for r = K) */
    private int firstUnitOf(int r) {
        return (int) (((long) r * e.units() + e.regions() - 1) / e.regions());
    }

    /** @return the number of blocks */
    int blocks() {
        return (e.units() + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    /** @return the number of options */
    int options() {
        return options;
    }

    /** @return the length of a block's totals array */
    int totalsLength() {
        return cleanOffset() + 3;
    }

    /** @return the index of the clean registered voters in a block's totals (then clean ballots, leader votes) */
    int cleanOffset() {
        return VOTES + options + classes;
    }

    /**
     * @param streams   the run's streams
     * @param replicate the replicate
     * @param block     the block
     * @param out       per-unit columns to fill, or {@code null} for totals only
     * @return the block's totals
     */
    long[] simulate(RandomStreams streams, int replicate, int block, UnitColumns out) {
        int first = block * BLOCK_SIZE;
        int end = Math.min(e.units(), first + BLOCK_SIZE);
        UniformRandomProvider sizeRng = streams.stream(SIZES, block);
        NormalizedGaussianSampler sizeGauss = ZigguratSampler.NormalizedGaussian.of(sizeRng);
        UniformRandomProvider rng = streams.stream(UNITS, replicate, block);
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        UniformRandomProvider[] fraudRng = new UniformRandomProvider[steps.length];
        NormalizedGaussianSampler[] fraudGauss = new NormalizedGaussianSampler[steps.length];
        for (int j = 0; j < steps.length; j++) {
            fraudRng[j] = streams.stream(stepKeys[j], replicate, block);
            fraudGauss[j] = ZigguratSampler.NormalizedGaussian.of(fraudRng[j]);
        }
        int firstRegion = e.regionOf(first);
        int lastRegion = e.regionOf(end - 1);
        ProportionDistribution.Centred[] turnoutAt = new ProportionDistribution.Centred[lastRegion - firstRegion + 1];
        ProportionDistribution.Centred[] shareAt = new ProportionDistribution.Centred[turnoutAt.length];
        for (int r = firstRegion; r <= lastRegion; r++) {
            double tz = 0;
            double sz = 0;
            if (e.regionTurnoutSd() > 0 || e.regionShareSd() > 0) {
                NormalizedGaussianSampler rg = ZigguratSampler.NormalizedGaussian.of(streams.stream(REGIONS,
                        replicate, r));
                tz = rg.sample();
                sz = rg.sample();
            }
            turnoutAt[r - firstRegion] = e.turnout().around(e.regionTurnoutSd() * tz);
            shareAt[r - firstRegion] = e.share().around(e.regionShareSd() * sz);
        }

        SizeDistribution sizes = e.sizes();
        double invalidRate = e.invalidRate();
        Buffers buf = Buffers.PER_THREAD.get();
        BinomialBatch binomials = BinomialBatch.forThisThread();
        BlockCounts counts = buf.counts(options);
        int[] registered = counts.registered;
        int[] voters = counts.ballots;
        int[] invalid = counts.invalid;
        int len = end - first;
        // Phase 1: sizes and the clean proportions, unit by unit.
        UniformRandomProvider urbanRng = het != null && het.hasUrban() ? streams.stream(URBAN, block) : null;
        int region = 0;
        int nextRegionStart = firstUnitOf(firstRegion + 1);
        for (int j = 0; j < len; j++) {
            int i = first + j;
            while (i >= nextRegionStart) {
                region++;
                nextRegionStart = firstUnitOf(firstRegion + region + 1);
            }
            buf.region[j] = region + firstRegion;
            registered[j] = sizes.sample(sizeRng, sizeGauss, i);
            if (het == null) {
                buf.turnout[j] = turnoutAt[region].sample(rng, gauss);
                buf.support[j] = shareAt[region].sample(rng, gauss);
            } else {
                boolean urban = urbanRng != null && urbanRng.nextDouble() < het.urbanFraction();
                buf.urban[j] = (byte) (urban ? 1 : 0);
                if (urban && registered[j] > 0) {
                    registered[j] = (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                            Math.round(registered[j] * het.urbanSize())));
                }
                double lz = het.hasSizeEffect() ? Math.log(Math.max(1, registered[j])) - logCentre : 0;
                double ts = het.sizeTurnout() * lz + (urban ? het.urbanTurnout() : 0);
                double ss = het.sizeShare() * lz + (urban ? het.urbanShare() : 0);
                buf.turnout[j] = turnoutAt[region].sample(rng, gauss, ts);
                buf.support[j] = shareAt[region].sample(rng, gauss, ss);
            }
        }
        // Phase 2: the counts, block-wise binomials.
        binomials.sample(rng, registered, buf.turnout, voters, len);
        if (invalidRate > 0) {
            java.util.Arrays.fill(buf.rate, 0, len, invalidRate);
            binomials.sample(rng, voters, buf.rate, invalid, len);
        } else {
            java.util.Arrays.fill(invalid, 0, len, 0);
        }
        for (int j = 0; j < len; j++) {
            buf.valid[j] = voters[j] - invalid[j];
        }
        binomials.sample(rng, buf.valid, buf.support, buf.leader, len);
        // Phase 3: the other options, unit by unit.
        int[][] votes = counts.votes;
        java.util.Arrays.fill(counts.mask, 0, len, 0);
        for (int j = 0; j < len; j++) {
            int leader = buf.leader[j];
            votes[0][j] = leader;
            int rest = buf.valid[j] - leader;
            if (options > 2) {
                for (int k = 1; k < options - 1; k++) {
                    double g1 = Gamma.sample(rng, gauss, dirichletEach);
                    double g2 = Gamma.sample(rng, gauss, dirichletRest[k]);
                    double w = g1 + g2 > 0 ? g1 / (g1 + g2) : 0;
                    int x = BinomialSampler.sample(rng, rest, w);
                    votes[k][j] = x;
                    rest -= x;
                }
            }
            votes[options - 1][j] = rest;
        }
        // Phase 4: fraud, model by model over the block; the clean totals first when it changes anything.
        long[] totals = new long[totalsLength()];
        if (steps.length > 0) {
            long reg = 0;
            long bal = 0;
            long lead = 0;
            int[] leaderVotes = votes[0];
            for (int j = 0; j < len; j++) {
                reg += registered[j];
                bal += voters[j];
                lead += leaderVotes[j];
            }
            totals[cleanOffset()] = reg;
            totals[cleanOffset() + 1] = bal;
            totals[cleanOffset() + 2] = lead;
        }
        for (int f = 0; f < steps.length; f++) {
            steps[f].applyBlock(counts, len, fraudRng[f], fraudGauss[f]);
        }
        // Phase 5: totals and per-unit output.
        long registeredSum = 0;
        long ballotsSum = 0;
        long invalidSum = 0;
        for (int j = 0; j < len; j++) {
            registeredSum += counts.registered[j];
            ballotsSum += counts.ballots[j];
            invalidSum += counts.invalid[j];
            int mask = counts.mask[j];
            if (mask == 0) {
                totals[VOTES + options]++;
            }
            while (mask != 0) {
                int bit = Integer.numberOfTrailingZeros(mask);
                totals[VOTES + options + 1 + bit]++;
                mask &= mask - 1;
            }
        }
        for (int k = 0; k < options; k++) {
            long sum = 0;
            int[] column = votes[k];
            for (int j = 0; j < len; j++) {
                sum += column[j];
            }
            totals[VOTES + k] = sum;
        }
        if (out != null) {
            out.set(first, len, counts, buf.region, buf.urban);
        }
        totals[REGISTERED] = registeredSum;
        totals[BALLOTS] = ballotsSum;
        totals[INVALID] = invalidSum;
        if (steps.length == 0) {
            totals[cleanOffset()] = registeredSum;
            totals[cleanOffset() + 1] = ballotsSum;
            totals[cleanOffset() + 2] = totals[VOTES];
        }
        return totals;
    }
}
