package org.psephos.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Independent, reproducible random streams derived from one run seed.
 *
 * <p>Every random computation in Psephos splits its work into blocks (of units, replicates, grid points) and
 * draws each block from {@code stream(key...)}, where the key names the block, never the thread or machine that
 * runs it. The same seed therefore gives the same numbers for any thread count, and a Spark task computes
 * exactly what the local engine computes for the same block.
 *
 * <p>The key is mixed into the seed with SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom
 * number generators", OOPSLA) and the four resulting words seed a xoshiro256++ generator (Blackman and Vigna
 * 2021, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4)). Distinct keys give streams that are
 * statistically independent for all practical purposes. Immutable and thread-safe; the generators it returns are
 * not thread-safe and belong to one block each.
 *
 * @since 0.1
 */
public final class RandomStreams {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;

    private RandomStreams(long seed) {
        this.seed = seed;
    }

    /**
     * @param seed the run seed
     * @return the streams of that seed
     */
    public static RandomStreams seeded(long seed) {
        return new RandomStreams(seed);
    }

    /** @return the run seed */
    public long seed() {
        return seed;
    }

    /**
     * @param key the block's coordinates, e.g. (purpose, replicate, block); order matters
     * @return a new generator for that block
     */
    public UniformRandomProvider stream(long... key) {
        long h = mix(seed ^ 0x6A09E667F3BCC909L);
        for (long k : key) {
            h = mix(h + GOLDEN_GAMMA + mix(k + GOLDEN_GAMMA));
        }
        long[] state = new long[4];
        long s = h;
        for (int i = 0; i < 4; i++) {
            s += GOLDEN_GAMMA;
            state[i] = mix(s);
        }
        return new XoShiRo256PlusPlus(state);
    }

    /**
     * @param key more coordinates
     * @return streams whose run seed is this seed mixed with the key: a sub-run (a grid point, a scenario)
     */
    public RandomStreams child(long... key) {
        return new RandomStreams(stream(key).nextLong());
    }

    /** SplitMix64's finaliser (Stafford's Mix13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
