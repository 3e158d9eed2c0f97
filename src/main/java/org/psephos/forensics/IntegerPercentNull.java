package org.psephos.forensics;

import java.util.Arrays;
import java.util.List;
import org.psephos.simulation.Quantiles;
import org.psephos.simulation.RandomStreams;

/**
 * The Monte Carlo null of one {@link IntegerPercentTest#test} call (Kobak, Shpilkin and Pshenichnikov 2016: W* ~
 * Bin(R, W/R), B* ~ Bin(N, B/N) per station) as a serialisable specification, so that its replicate blocks can run
 * anywhere (threads, Spark executors) and be reduced in block order: {@link IntegerPercentTest#test} itself runs
 * {@code reduce(blocks 0 .. blocks()-1 of block(b))}, so any runner calling the same methods gives identical
 * results. Block b draws from the stream keyed by (seed, null method, b) only. The columns are held, not copied.
 *
 * @since 0.1
 */
public final class IntegerPercentNull implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int[] registered;
    private final int[] ballots;
    private final int[] denominator;
    private final int[] leader;
    private final int period;
    private final long seed;
    private final int replicates;
    private final IntegerPercentTest.NullMethod method;
    private final Arithmetic arithmetic;

    /**
     * How a percentage is judged whole and how the Monte Carlo sd is computed: Psephos's exact rule or Kobak et al.'s
     * numpy code ({@link Conventions#KOBAK}).
     */
    public enum Arithmetic {
        /** In integers (100·k a multiple of period·n), and the sample sd with divisor R − 1. */
        EXACT,
        /** In floating point as their numpy code does, and numpy's {@code std} with divisor R (ddof = 0). */
        NUMPY
    }
    private transient volatile Prepared prepared;

    /**
     * @param registered  N, one entry per station
     * @param ballots     B
     * @param denominator R, the leader's share base
     * @param leader      W
     * @param period      1, 5 or 10
     * @param seed        the run seed
     * @param replicates  the MC replicates, positive
     * @param method      how the null is drawn
     * @throws IllegalArgumentException if the columns differ in length or the period is not 1, 5 or 10
     */
    public IntegerPercentNull(int[] registered, int[] ballots, int[] denominator, int[] leader, int period, long seed,
                    int replicates, IntegerPercentTest.NullMethod method) {
        this(registered, ballots, denominator, leader, period, seed, replicates, method, Arithmetic.EXACT);
    }

    /**
     * @param registered  N, one entry per station
     * @param ballots     B
     * @param denominator R, the leader's share base
     * @param leader      W
     * @param period      1, 5 or 10
     * @param seed        the run seed
     * @param replicates  the MC replicates, positive
     * @param method      how the null is drawn
     * @param arithmetic  {@link Arithmetic#NUMPY} for Kobak et al.'s numpy rules ({@link Conventions#KOBAK}): the
     *                    floating-point integer indicator and the MC sd with divisor replicates
     * @throws IllegalArgumentException if the columns differ in length or the period is not 1, 5 or 10
     */
    public IntegerPercentNull(int[] registered, int[] ballots, int[] denominator, int[] leader, int period, long seed,
                    int replicates, IntegerPercentTest.NullMethod method, Arithmetic arithmetic) {
        int n = registered.length;
        if (ballots.length != n || denominator.length != n || leader.length != n) {
            throw new IllegalArgumentException("count columns differ in length: " + n + ", " + ballots.length
                    + ", " + denominator.length + ", " + leader.length);
        }
        if (period != 1 && period != 5 && period != 10) {
            throw new IllegalArgumentException("period is not 1, 5 or 10: " + period);
        }
        this.registered = registered;
        this.ballots = ballots;
        this.denominator = denominator;
        this.leader = leader;
        this.period = period;
        this.seed = seed;
        this.replicates = replicates;
        this.method = java.util.Objects.requireNonNull(method, "null method");
        this.arithmetic = arithmetic;
    }

    /** Station constants and the draw, built once per JVM copy of the spec. */
    private record Prepared(IntegerStations stations, IntegerIndicators.IndicatorDraw draw) {
    }

    /**
     * Builds the per-station constants (and, for {@link IntegerPercentTest.NullMethod#INDICATORS}, the integer
     * probabilities) with the given threads; optional, {@link #block} builds them with one thread when needed. No
     * randomness: the thread count does not change them.
     *
     * @param threads worker threads
     */
    public void prepare(int threads) {
        prepared(threads);
    }

    private Prepared prepared(int threads) {
        Prepared p = prepared;
        if (p == null) {
            synchronized (this) {
                p = prepared;
                if (p == null) {
                    IntegerStations s = new IntegerStations(registered, ballots, denominator, leader, period, arithmetic);
                    IntegerIndicators.IndicatorDraw draw;
                    if (method == IntegerPercentTest.NullMethod.COUNTS) {
                        draw = new IntegerIndicators.CountDraw(period, arithmetic);
                    } else {
                        double[][] q = IntegerIndicators.integerProbabilities(s, period, arithmetic, threads);
                        draw = new IntegerIndicators.BernoulliDraw(q[0], q[1]);
                    }
                    p = new Prepared(s, draw);
                    prepared = p;
                }
            }
        }
        return p;
    }

    /** @return the number of replicate blocks */
    public int blocks() {
        return (replicates + IntegerPercentTest.BLOCK - 1) / IntegerPercentTest.BLOCK;
    }

    /**
     * @param b a block index in [0, {@link #blocks()})
     * @return the twelve statistics of each of the block's replicates, [replicate][statistic]
     */
    public long[][] block(int b) {
        Prepared p = prepared(1);
        return IntegerIndicators.block(p.stations(), RandomStreams.seeded(seed), b, replicates, p.draw());
    }

    /**
     * @param parts {@link #block}(0), {@link #block}(1), … in block order
     * @return the test's result, as {@link IntegerPercentTest#test} gives it
     */
    public IntegerPercentResult reduce(List<long[][]> parts) {
        IntegerStations s = prepared(1).stations();
        long[] observed = new long[IntegerIndicators.STATS];
        IntegerIndicators.accumulate(s, s.leaderInteger, s.turnoutInteger, observed);
        long turnoutCount = 0;
        long leaderCount = 0;
        for (int j = 0; j < s.size; j++) {
            turnoutCount += s.turnoutInteger[j] ? 1 : 0;
            leaderCount += s.leaderInteger[j] ? 1 : 0;
        }
        int reps = replicates;
        long[][] null12 = new long[IntegerIndicators.STATS][reps];
        int k = 0;
        for (long[][] part : parts) {
            for (long[] rep : part) {
                for (int t = 0; t < IntegerIndicators.STATS; t++) {
                    null12[t][k] = rep[t];
                }
                k++;
            }
        }
        if (k != reps) {
            throw new IllegalArgumentException("the blocks hold " + k + " replicates, not " + reps);
        }
        int variants = IntegerPercentTest.VARIANTS.length;
        IntegerPercentResult.Statistic[][] stats =
                new IntegerPercentResult.Statistic[variants][IntegerPercentTest.WEIGHTINGS.length];
        for (int t = 0; t < IntegerIndicators.STATS; t++) {
            stats[t / 4][t % 4] = summarise(observed[t], null12[t], arithmetic);
        }
        return new IntegerPercentResult(s.size, turnoutCount, leaderCount, period, reps, seed, stats);
    }

    private static IntegerPercentResult.Statistic summarise(long observed, long[] mc, Arithmetic arithmetic) {
        int r = mc.length;
        double mean = 0;
        for (long v : mc) {
            mean += v;
        }
        mean /= r;
        double ss = 0;
        int atLeast = 0;
        for (long v : mc) {
            double d = v - mean;
            ss += d * d;
            if (v >= observed) {
                atLeast++;
            }
        }
        double sd = arithmetic == Arithmetic.NUMPY ? Math.sqrt(ss / r) : r > 1 ? Math.sqrt(ss / (r - 1)) : Double.NaN;
        long[] sorted = mc.clone();
        Arrays.sort(sorted);
        return new IntegerPercentResult.Statistic(observed, mean, sd, Quantiles.percentile(sorted, 99.9),
                (1.0 + atLeast) / (1.0 + r));
    }
}
