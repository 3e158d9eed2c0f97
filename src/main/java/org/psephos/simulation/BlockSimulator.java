package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws one block of units of one replicate: the hot loop of the engine. Immutable and shared by all threads;
 * every call takes its own streams from {@link RandomStreams}, keyed by (purpose, replicate, block) and for sizes
 * by (purpose, block) alone, so the result depends only on the seed and the block, never on the thread.
 *
 * <p>Block totals are returned as one {@code long[]} laid out as {@link #REGISTERED}, {@link #BALLOTS},
 * {@link #INVALID}, then the options' votes, then the number of units in each {@link FraudClass} (by ordinal;
 * a unit with several bits counts in each of its classes, {@code CLEAN} counts units with none).
 */
final class BlockSimulator {
    /** Units per block: fixed, so the streams do not depend on the thread count. */
    static final int BLOCK_SIZE = 4096;
    /** Stream purposes. */
    static final long UNITS = 1;
    static final long SIZES = 2;
    static final long REGIONS = 3;
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
        this.classes = FraudClass.values().length;
    }

    /** @return the first unit of region r: ⌈r·N/K⌉, the smallest i with ⌊i·K/N⌋ ≥ r (N for r = K) */
    private int firstUnitOf(int r) {
        return (int) (((long) r * e.units() + e.regions() - 1) / e.regions());
    }

    /** @return the number of blocks */
    int blocks() {
        return (e.units() + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    /** @return the length of a block's totals array */
    int totalsLength() {
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
        double[] turnoutCentre = new double[lastRegion - firstRegion + 1];
        double[] shareCentre = new double[turnoutCentre.length];
        for (int r = firstRegion; r <= lastRegion; r++) {
            double tz = 0;
            double sz = 0;
            if (e.regionTurnoutSd() > 0 || e.regionShareSd() > 0) {
                NormalizedGaussianSampler rg = ZigguratSampler.NormalizedGaussian.of(streams.stream(REGIONS,
                        replicate, r));
                tz = rg.sample();
                sz = rg.sample();
            }
            turnoutCentre[r - firstRegion] = e.turnout().centre(e.regionTurnoutSd() * tz);
            shareCentre[r - firstRegion] = e.share().centre(e.regionShareSd() * sz);
        }

        ProportionDistribution turnout = e.turnout();
        ProportionDistribution share = e.share();
        SizeDistribution sizes = e.sizes();
        double invalidRate = e.invalidRate();
        double alphaEach = e.concentration() / (options - 1);
        UnitState s = new UnitState(options);
        int[] votes = s.votes;
        long registeredSum = 0;
        long ballotsSum = 0;
        long invalidSum = 0;
        long[] totals = new long[totalsLength()];
        int region = 0;
        int nextRegionStart = firstUnitOf(firstRegion + 1);
        for (int i = first; i < end; i++) {
            while (i >= nextRegionStart) {
                region++;
                nextRegionStart = firstUnitOf(firstRegion + region + 1);
            }
            int n = sizes.sample(sizeRng, sizeGauss, i);
            double a = turnout.sample(rng, gauss, turnoutCentre[region]);
            double v = share.sample(rng, gauss, shareCentre[region]);
            int voters = BinomialSampler.sample(rng, n, a);
            int invalid = invalidRate > 0 ? BinomialSampler.sample(rng, voters, invalidRate) : 0;
            int valid = voters - invalid;
            int leader = BinomialSampler.sample(rng, valid, v);
            votes[0] = leader;
            int rest = valid - leader;
            if (options > 2) {
                double alphaRest = e.concentration();
                for (int k = 1; k < options - 1; k++) {
                    alphaRest -= alphaEach;
                    double g1 = Gamma.sample(rng, gauss, alphaEach);
                    double g2 = Gamma.sample(rng, gauss, alphaRest);
                    double w = g1 + g2 > 0 ? g1 / (g1 + g2) : 0;
                    int x = BinomialSampler.sample(rng, rest, w);
                    votes[k] = x;
                    rest -= x;
                }
            }
            votes[options - 1] = rest;
            s.registered = n;
            s.ballots = voters;
            s.invalid = invalid;
            s.mask = 0;
            for (int j = 0; j < steps.length; j++) {
                steps[j].apply(s, fraudRng[j], fraudGauss[j]);
            }
            registeredSum += s.registered;
            ballotsSum += s.ballots;
            invalidSum += s.invalid;
            for (int k = 0; k < options; k++) {
                totals[VOTES + k] += votes[k];
            }
            int mask = s.mask;
            if (mask == 0) {
                totals[VOTES + options]++;
            }
            while (mask != 0) {
                int bit = Integer.numberOfTrailingZeros(mask);
                totals[VOTES + options + 1 + bit]++;
                mask &= mask - 1;
            }
            if (out != null) {
                out.set(i, s, region + firstRegion);
            }
        }
        totals[REGISTERED] = registeredSum;
        totals[BALLOTS] = ballotsSum;
        totals[INVALID] = invalidSum;
        return totals;
    }
}
