package org.psephos.forensics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.Quantiles;
import org.psephos.simulation.RandomStreams;

/**
 * Kobak, Shpilkin and Pshenichnikov's integer-percentage test ({@code IntegerPercent}): are there more polling
 * stations whose turnout or leader's result is a whole percentage than binomial noise would give?
 *
 * <p>Reference: D. Kobak, S. Shpilkin and M. S. Pshenichnikov (2016), "Integer percentages as electoral
 * falsification fingerprints", Ann. Appl. Stat. 10(1):54–73, doi:10.1214/16-AOAS904; the computation follows
 * their {@code anomaly()} code ({@code dkobak/elections}, {@code significance2018/elections2018.ipynb}).
 *
 * <p>Per station i with registered \( N_i \), ballots \( B_i \), share denominator \( R_i \) (valid + invalid
 * found under the default {@link org.psephos.data.ShareBase#FOUND}) and leader's votes \( W_i \):
 * <ol>
 *   <li>Inclusion: \( R_i &gt; 0 \), \( N_i \ge 100 \), \( B_i/N_i \le 0.99 \), \( W_i/R_i \le 0.99 \).</li>
 *   <li>\( p_1 = 100 W_i/R_i \) (leader's result), \( p_2 = 100 B_i/N_i \) (turnout).</li>
 *   <li>Integer indicator with bin width 0.1 and period P (1, 5 or 10):
 *       \( I(p) = [\,|p - P\,\mathrm{round}(p/P)| \le 0.05\,] \).</li>
 *   <li>Statistics \( \sum_i w_i I_i \) for three variants (p1 or p2 integer; p1 only; p2 only) and four
 *       weightings \( w_i \in \{1, N_i, B_i, W_i\} \): twelve in all.</li>
 *   <li>Null: {@code replicates} Monte Carlo data sets with \( W_i^* \sim \mathrm{Bin}(R_i, W_i/R_i) \) and
 *       \( B_i^* \sim \mathrm{Bin}(N_i, B_i/N_i) \) independently per station; the statistics are recomputed on
 *       each (the weights stay the observed counts).</li>
 * </ol>
 * The reported value is the unweighted "either" count; expected is the MC mean; excess = observed − mean;
 * p-value = \( (1 + \#\{\text{MC} \ge \text{observed}\}) / (1 + \text{replicates}) \); the flag fires when the
 * observed count exceeds the MC 99.9th percentile (Kobak et al.'s significance band). The flag rule fires on clean
 * data slightly more often than 0.1%, about 1–2 in (replicates + 1), because the percentile is estimated from the
 * replicates.
 *
 * <p>The integer indicator is evaluated exactly in integer arithmetic
 * (\( |2000 k - 20 j P n| \le n \) for counts k of n), so stations at exactly ±0.05 from a whole number count as
 * integer; the reference's floating-point comparison can differ on such exact ties (they need a denominator that
 * is a multiple of 2000). Under {@link Conventions#KOBAK} the indicator is computed as their numpy code does,
 * {@code abs(p - round(p/P)*P) <= 0.1/2} with {@code p = 100*k/n} in doubles and round half to even, so that the
 * counts are theirs to the station, and the Monte Carlo sd divides by the replicate count (numpy's {@code std},
 * ddof = 0) instead of by replicates − 1.
 *
 * <p>Drawing the null. Kobak et al. draw the counts W* and B* and test them. Because the weights are the observed
 * counts and W*, B* are independent, every statistic depends on the draws only through the indicators
 * \( I(100 W^*_i/R_i) \) and \( I(100 B^*_i/N_i) \), which are independent Bernoulli variables with probabilities
 * computed exactly from the binomial pmf. The default {@link NullMethod#INDICATORS} draws those (two uniforms per
 * station and replicate: 1000 replicates over 95,000 stations take under 2 s of CPU); {@link NullMethod#COUNTS}
 * draws the counts with {@link BinomialSampler} as the reference code does. The two give the same distribution
 * (checked in the tests), not the same numbers for a seed.
 *
 * <p>Reproducibility: the replicates run in fixed blocks of {@value #BLOCK} whose random streams are keyed by the
 * block index ({@link RandomStreams}), so results are identical for any thread count. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class IntegerPercentTest implements ForensicTest {
    /** The test id. */
    public static final String ID = "IntegerPercent";
    /** Replicates per random-stream block. */
    static final int BLOCK = 8;
    /** Key of this test's random streams (ASCII "IntPct"). */
    private static final long STREAM_KEY = 0x496E74506374L;
    /** The variants' names, in statistic order. */
    static final String[] VARIANTS = {"either", "leader", "turnout"};
    /** The weightings' names, in statistic order. */
    static final String[] WEIGHTINGS = {"stations", "registered", "ballots", "leader_votes"};
    private static final int STATS = 12;

    /** How the Monte Carlo null is drawn; both give the same distribution of the twelve statistics. */
    public enum NullMethod {
        /**
         * Draws each station's integer indicators directly: under the null, W* and B* are independent, so the
         * leader's and the turnout's indicators are independent Bernoulli variables with probabilities
         * \( q^W_i = P(I(100 W^*_i / R_i)) \) and \( q^B_i \), computed once from the binomial pmf. Two uniforms per
         * station and replicate; the default.
         */
        INDICATORS,
        /** Draws W* and B* with {@link BinomialSampler}, as Kobak et al.'s code does; about ten times slower. */
        COUNTS
    }

    private final int period;
    private final NullMethod method;
    private final Progress progress;
    private final NullRunner runner;

    /** Runs the replicate blocks of a null and returns them in block order. */
    @FunctionalInterface
    public interface NullRunner {
        /**
         * @param spec     the null
         * @param threads  worker threads (a local hint)
         * @param progress told after each block (where the runner can)
         * @return {@code spec.block(0)}, {@code spec.block(1)}, … in block order
         */
        List<long[][]> blocks(NullSpec spec, int threads, Progress progress);
    }

    /** The local runner: the blocks on {@link Parallel} threads. */
    public static final NullRunner LOCAL = (spec, threads, pr) -> {
        spec.prepare(threads);
        return Parallel.map(spec.blocks(), threads, spec::block, pr);
    };

    private IntegerPercentTest(int period, NullMethod method, Progress progress, NullRunner runner) {
        this.period = period;
        this.method = method;
        this.progress = progress;
        this.runner = runner;
    }

    /** @return the test with period 1 (whole percentages) and the {@link NullMethod#INDICATORS} null */
    public static IntegerPercentTest withDefaults() {
        return new IntegerPercentTest(1, NullMethod.INDICATORS, Progress.NONE, LOCAL);
    }

    /**
     * @param m how to draw the null
     * @return a copy drawing it so
     */
    public IntegerPercentTest with(NullMethod m) {
        return new IntegerPercentTest(period, java.util.Objects.requireNonNull(m, "null method"), progress, runner);
    }

    /**
     * @param p the period: 1 (whole percentages), 5 or 10 (multiples of 5 or 10)
     * @return a copy with that period
     * @throws IllegalArgumentException if p is not 1, 5 or 10
     */
    public IntegerPercentTest withPeriod(int p) {
        if (p != 1 && p != 5 && p != 10) {
            throw new IllegalArgumentException("period is not 1, 5 or 10: " + p);
        }
        return new IntegerPercentTest(p, method, progress, runner);
    }

    /**
     * @param pr told after each block of replicates
     * @return a copy reporting progress there
     */
    public IntegerPercentTest withProgress(Progress pr) {
        return new IntegerPercentTest(period, method, java.util.Objects.requireNonNull(pr, "progress"), runner);
    }

    /**
     * @param r runs the null's blocks, e.g. on Spark ({@code org.psephos.spark.SparkNullRunner}); {@link #LOCAL}
     *          by default. The result does not depend on the runner as long as it returns the blocks in order.
     * @return a copy running the null so
     */
    public IntegerPercentTest withNullRunner(NullRunner r) {
        return new IntegerPercentTest(period, method, progress, java.util.Objects.requireNonNull(r, "runner"));
    }

    /** @return the period */
    public int period() {
        return period;
    }

    /** @return {@link NullModel#RESAMPLING}: the count-level resampling null */
    @Override
    public NullModel nullModel() {
        return NullModel.RESAMPLING;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Scope scope() {
        return Scope.LEADER_AND_TURNOUT;
    }

    /**
     * One of the twelve statistics against its Monte Carlo null.
     *
     * @param observed     the statistic on the data
     * @param expectedMean the MC mean
     * @param expectedSd   the MC standard deviation (divisor replicates − 1; replicates under Kobak et al.'s
     *                     conventions, as numpy's {@code std})
     * @param p999         the MC 99.9th percentile (linear interpolation, as numpy's default)
     * @param pValue       (1 + #MC ≥ observed) / (1 + replicates)
     */
    public record Statistic(long observed, double expectedMean, double expectedSd, double p999, double pValue) {
        /** @return observed − MC mean */
        public double excess() {
            return observed - expectedMean;
        }

        /** @return whether the observed value exceeds the MC 99.9th percentile */
        public boolean flag() {
            return observed > p999;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("observed", observed);
            m.put("expected_mean", expectedMean);
            m.put("expected_sd", expectedSd);
            m.put("excess", excess());
            m.put("p999", p999);
            m.put("p_value", pValue);
            return m;
        }
    }

    /**
     * The full outcome.
     *
     * @param includedUnits  stations passing the inclusion rules
     * @param turnoutInteger stations with integer turnout
     * @param leaderInteger  stations with an integer leader's result
     * @param period         the period P
     * @param replicates     the MC replicates
     * @param seed           the run seed
     * @param statistics     the twelve statistics, indexed [variant][weighting] as {@link #VARIANTS} and
     *                       {@link #WEIGHTINGS}
     */
    public record Result(int includedUnits, long turnoutInteger, long leaderInteger, int period, int replicates,
                         long seed, Statistic[][] statistics) {
        /** Copies the statistics. */
        public Result {
            Statistic[][] copy = new Statistic[statistics.length][];
            for (int v = 0; v < statistics.length; v++) {
                copy[v] = statistics[v].clone();
            }
            statistics = copy;
        }

        /** @return the statistics, copied */
        @Override
        public Statistic[][] statistics() {
            Statistic[][] copy = new Statistic[statistics.length][];
            for (int v = 0; v < statistics.length; v++) {
                copy[v] = statistics[v].clone();
            }
            return copy;
        }

        /**
         * @param variant   "either", "leader" or "turnout"
         * @param weighting "stations", "registered", "ballots" or "leader_votes"
         * @return that statistic
         * @throws IllegalArgumentException if a name is unknown
         */
        public Statistic statistic(String variant, String weighting) {
            return statistics[index(VARIANTS, variant)][index(WEIGHTINGS, weighting)];
        }

        /** @return the unweighted "either" statistic, the test's headline */
        public Statistic headline() {
            return statistics[0][0];
        }
    }

    private static int index(String[] names, String name) {
        int i = Arrays.asList(names).indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("'" + name + "' is not one of " + Arrays.toString(names));
        }
        return i;
    }

    /** Per-station constants of the included stations. */
    private static final class Stations {
        final int size;
        final int[] registered;
        final int[] denominator;
        final double[] turnout;
        final double[] share;
        final long[][] weights;
        final boolean[] leaderInteger;
        final boolean[] turnoutInteger;

        Stations(int[] n, int[] b, int[] r, int[] w, int period, boolean numpy) {
            int m = 0;
            int[] keep = new int[n.length];
            for (int i = 0; i < n.length; i++) {
                if (included(n[i], b[i], r[i], w[i])) {
                    keep[m++] = i;
                }
            }
            size = m;
            registered = new int[m];
            denominator = new int[m];
            turnout = new double[m];
            share = new double[m];
            weights = new long[4][m];
            leaderInteger = new boolean[m];
            turnoutInteger = new boolean[m];
            for (int j = 0; j < m; j++) {
                int i = keep[j];
                registered[j] = n[i];
                denominator[j] = r[i];
                turnout[j] = (double) b[i] / n[i];
                share[j] = (double) w[i] / r[i];
                weights[0][j] = 1;
                weights[1][j] = n[i];
                weights[2][j] = b[i];
                weights[3][j] = w[i];
                leaderInteger[j] = isInteger(w[i], r[i], period, numpy);
                turnoutInteger[j] = isInteger(b[i], n[i], period, numpy);
            }
        }
    }

    /**
     * The inclusion rules of Kobak et al.: R &gt; 0, N ≥ 100, B/N ≤ 0.99 and W/R ≤ 0.99, compared exactly.
     *
     * @param n registered
     * @param b ballots
     * @param r share denominator
     * @param w leader's votes
     * @return whether the station is included
     */
    static boolean included(int n, int b, int r, int w) {
        return r > 0 && n >= 100 && b >= 0 && w >= 0 && 100L * b <= 99L * n && 100L * w <= 99L * r;
    }

    /**
     * @param k      a count
     * @param n      its denominator, positive
     * @param period the period P
     * @return whether 100 k / n lies within 0.05 of a multiple of P
     */
    static boolean isInteger(int k, int n, int period) {
        long mod = 20L * period * n;
        long rem = (2000L * k) % mod;
        return rem <= n || rem >= mod - n;
    }

    /**
     * @param k      a count
     * @param n      its denominator, positive
     * @param period the period P
     * @param numpy  evaluate in floating point as Kobak et al.'s numpy code does
     *               ({@code abs(p - round(p/P)*P) <= binwidth/2}, {@code p = 100*k/n}), else exactly
     * @return whether 100 k / n lies within 0.05 of a multiple of P
     */
    static boolean isInteger(int k, int n, int period, boolean numpy) {
        if (!numpy) {
            return isInteger(k, n, period);
        }
        double p = (100.0 * k) / n;
        return Math.abs(p - Math.rint(p / period) * period) <= 0.1 / 2;
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        Election e = input.election();
        int option = input.variable().isTurnout() ? e.leader() : input.variable().option();
        if (option < 0) {
            return TestResult.notApplicable(ID, input, 0, "the election has no options");
        }
        Result r = test(e.registeredColumn(), e.ballotsColumn(), e.shareDenominatorColumn(), e.votesColumn(option),
                options.withSeed(options.seedFor(input.level())));
        boolean numpy = options.conventionsFor(ID) == Conventions.KOBAK;
        String variable = e.options().get(option);
        if (r.includedUnits() < options.minUnits()) {
            return new TestResult(ID, variable, input.level(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, false, r.includedUnits(), false, String.format(java.util.Locale.ROOT,
                    "fewer than %d stations pass the inclusion rules (R > 0, N >= 100, turnout and result <= 99%%)",
                    options.minUnits()), Map.of());
        }
        Statistic h = r.headline();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("included_units", r.includedUnits());
        details.put("turnout_integer", r.turnoutInteger());
        details.put("leader_integer", r.leaderInteger());
        details.put("observed", h.observed());
        details.put("expected_mean", h.expectedMean());
        details.put("expected_sd", h.expectedSd());
        details.put("excess", h.excess());
        details.put("p999", h.p999());
        details.put("period", r.period());
        details.put("bin_width", 0.1);
        details.put("replicates", r.replicates());
        details.put("seed", r.seed());
        if (numpy) {
            details.put("integer_rule", "floating point as numpy (Kobak et al.)");
            details.put("sd_divisor", "replicates (numpy std, ddof = 0)");
        }
        Map<String, Object> variants = new LinkedHashMap<>();
        for (int v = 0; v < VARIANTS.length; v++) {
            Map<String, Object> byWeight = new LinkedHashMap<>();
            for (int w = 0; w < WEIGHTINGS.length; w++) {
                byWeight.put(WEIGHTINGS[w], r.statistics[v][w].toMap());
            }
            variants.put(VARIANTS[v], byWeight);
        }
        details.put("variants", variants);
        return new TestResult(ID, variable, input.level(), h.observed(), h.expectedMean(), Double.NaN, Double.NaN,
                h.pValue(), Double.NaN, h.flag(), r.includedUnits(), true, "", details);
    }

    /**
     * Runs the test on count columns (one entry per station; stations failing the inclusion rules are skipped).
     *
     * @param registered  N
     * @param ballots     B
     * @param denominator R, the leader's share base
     * @param leader      W
     * @param options     replicates, seed and threads
     * @return the twelve statistics with their Monte Carlo null
     * @throws IllegalArgumentException if the columns differ in length
     */
    public Result test(int[] registered, int[] ballots, int[] denominator, int[] leader, BatteryOptions options) {
        NullSpec spec = nullSpec(registered, ballots, denominator, leader, options);
        return spec.reduce(runner.blocks(spec, options.threads(), progress));
    }

    /**
     * The Monte Carlo null of one {@link #test} call as a serialisable specification, so that its replicate blocks
     * can run anywhere (threads, Spark executors) and be reduced in block order: {@link #test} itself runs
     * {@code reduce(blocks 0 .. blocks()-1 of block(b))}, so any runner calling the same methods gives identical
     * results. Block b draws from the stream keyed by (seed, null method, b) only. The columns are held, not copied.
     *
     * @since 0.1
     */
    public static final class NullSpec implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int[] registered;
        private final int[] ballots;
        private final int[] denominator;
        private final int[] leader;
        private final int period;
        private final long seed;
        private final int replicates;
        private final NullMethod method;
        private final boolean numpy;
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
        public NullSpec(int[] registered, int[] ballots, int[] denominator, int[] leader, int period, long seed,
                        int replicates, NullMethod method) {
            this(registered, ballots, denominator, leader, period, seed, replicates, method, false);
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
         * @param numpy       Kobak et al.'s numpy rules: the floating-point integer indicator and the MC sd with
         *                    divisor replicates ({@link Conventions#KOBAK})
         * @throws IllegalArgumentException if the columns differ in length or the period is not 1, 5 or 10
         */
        public NullSpec(int[] registered, int[] ballots, int[] denominator, int[] leader, int period, long seed,
                        int replicates, NullMethod method, boolean numpy) {
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
            this.numpy = numpy;
        }

        /** Station constants and the draw, built once per JVM copy of the spec. */
        private record Prepared(Stations stations, IndicatorDraw draw) {
        }

        /**
         * Builds the per-station constants (and, for {@link NullMethod#INDICATORS}, the integer probabilities) with
         * the given threads; optional, {@link #block} builds them with one thread when needed. No randomness: the
         * thread count does not change them.
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
                        Stations s = new Stations(registered, ballots, denominator, leader, period, numpy);
                        IndicatorDraw draw;
                        if (method == NullMethod.COUNTS) {
                            draw = new CountDraw(period, numpy);
                        } else {
                            double[][] q = integerProbabilities(s, period, numpy, threads);
                            draw = new BernoulliDraw(q[0], q[1]);
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
            return (replicates + BLOCK - 1) / BLOCK;
        }

        /**
         * @param b a block index in [0, {@link #blocks()})
         * @return the twelve statistics of each of the block's replicates, [replicate][statistic]
         */
        public long[][] block(int b) {
            Prepared p = prepared(1);
            return IntegerPercentTest.block(p.stations(), RandomStreams.seeded(seed), b, replicates, p.draw());
        }

        /**
         * @param parts {@link #block}(0), {@link #block}(1), … in block order
         * @return the test's result, as {@link IntegerPercentTest#test} gives it
         */
        public Result reduce(List<long[][]> parts) {
            Stations s = prepared(1).stations();
            long[] observed = new long[STATS];
            accumulate(s, s.leaderInteger, s.turnoutInteger, observed);
            long turnoutCount = 0;
            long leaderCount = 0;
            for (int j = 0; j < s.size; j++) {
                turnoutCount += s.turnoutInteger[j] ? 1 : 0;
                leaderCount += s.leaderInteger[j] ? 1 : 0;
            }
            int reps = replicates;
            long[][] null12 = new long[STATS][reps];
            int k = 0;
            for (long[][] part : parts) {
                for (long[] rep : part) {
                    for (int t = 0; t < STATS; t++) {
                        null12[t][k] = rep[t];
                    }
                    k++;
                }
            }
            if (k != reps) {
                throw new IllegalArgumentException("the blocks hold " + k + " replicates, not " + reps);
            }
            Statistic[][] stats = new Statistic[VARIANTS.length][WEIGHTINGS.length];
            for (int t = 0; t < STATS; t++) {
                stats[t / 4][t % 4] = summarise(observed[t], null12[t], numpy);
            }
            return new Result(s.size, turnoutCount, leaderCount, period, reps, seed, stats);
        }
    }

    /**
     * The Monte Carlo null of {@link #test} on these columns as a serialisable spec, for running its blocks
     * elsewhere (e.g. {@code org.psephos.spark.SparkNullRunner}).
     *
     * @param registered  N
     * @param ballots     B
     * @param denominator R
     * @param leader      W
     * @param options     replicates and seed
     * @return the spec; {@code spec.reduce(blocks)} equals {@code test(...)}
     */
    public NullSpec nullSpec(int[] registered, int[] ballots, int[] denominator, int[] leader,
                             BatteryOptions options) {
        return new NullSpec(registered, ballots, denominator, leader, period, options.seed(), options.replicates(),
                method, options.conventionsFor(ID) == Conventions.KOBAK);
    }

    /** Stations per block of the integer-probability precomputation (no randomness: any split is exact). */
    private static final int PROB_BLOCK = 4096;

    /**
     * @return {@code [q^W, q^B]}: per station, the probability that a Binomial(R, W/R) draw gives an integer
     *         leader's result, and that a Binomial(N, B/N) draw gives an integer turnout
     */
    private static double[][] integerProbabilities(Stations s, int period, boolean numpy, int threads) {
        double[] qw = new double[s.size];
        double[] qb = new double[s.size];
        int blocks = (s.size + PROB_BLOCK - 1) / PROB_BLOCK;
        Parallel.map(blocks, threads, blk -> {
            int to = Math.min(s.size, (blk + 1) * PROB_BLOCK);
            for (int j = blk * PROB_BLOCK; j < to; j++) {
                qw[j] = integerProbability(s.denominator[j], s.share[j], period, numpy);
                qb[j] = integerProbability(s.registered[j], s.turnout[j], period, numpy);
            }
            return null;
        }, Progress.NONE);
        return new double[][] {qw, qb};
    }

    /*
     * Implementation note. P(I(K)) for K ~ Bin(n, p) sums the pmf over the counts that pass isInteger. The pmf at
     * the mode comes from commons-math3 (saddle-point expansion, accurate to ~1e-15 relative); the walk outwards
     * uses the ratio f(k+1)/f(k) = (n-k)/(k+1) * p/(1-p) and stops once the terms fall below 1e-20, which bounds the
     * neglected mass by far less than one in 1e15.
     */
    static double integerProbability(int n, double p, int period) {
        return integerProbability(n, p, period, false);
    }

    static double integerProbability(int n, double p, int period, boolean numpy) {
        if (p <= 0) {
            return isInteger(0, n, period, numpy) ? 1 : 0;
        }
        if (p >= 1) {
            return isInteger(n, n, period, numpy) ? 1 : 0;
        }
        int mode = (int) Math.min(n, Math.floor((n + 1.0) * p));
        double f0 = Math.exp(new BinomialDistribution(null, n, p).logProbability(mode));
        double odds = p / (1 - p);
        double sum = isInteger(mode, n, period, numpy) ? f0 : 0;
        double f = f0;
        for (int k = mode; k < n && f > 1e-20; k++) {
            f *= (double) (n - k) / (k + 1) * odds;
            if (isInteger(k + 1, n, period, numpy)) {
                sum += f;
            }
        }
        f = f0;
        for (int k = mode; k > 0 && f > 1e-20; k--) {
            f *= (double) k / (n - k + 1) / odds;
            if (isInteger(k - 1, n, period, numpy)) {
                sum += f;
            }
        }
        return Math.min(1.0, sum);
    }

    /** Draws one replicate's indicators for every station and adds its twelve weighted counts to a sum. */
    private interface IndicatorDraw {
        /** @return the null-method index of this draw's random streams (0 counts, 1 indicators) */
        int streamMethod();

        /**
         * @param s the stations
         * @return a draw for one block's replicates; draws that need scratch arrays return a copy with their own,
         *     allocated once per block
         */
        IndicatorDraw forBlock(Stations s);

        /** Draws one replicate and adds its twelve weighted counts to {@code acc}. */
        void drawAndAccumulate(UniformRandomProvider rng, Stations s, long[] acc);
    }

    /*
     * Implementation note. A block draws its replicates from the stream keyed by (test, null method, block); each
     * replicate's twelve sums are added into that replicate's row of the result, which is the only allocation per
     * replicate. Scratch arrays, where a draw needs them, are allocated once per block (IndicatorDraw.forBlock).
     */
    private static long[][] block(Stations s, RandomStreams streams, int block, int reps, IndicatorDraw draw) {
        int count = Math.min(BLOCK, reps - block * BLOCK);
        long[][] out = new long[count][];
        UniformRandomProvider rng = streams.stream(STREAM_KEY, draw.streamMethod(), block);
        IndicatorDraw d = draw.forBlock(s);
        for (int c = 0; c < count; c++) {
            long[] acc = new long[STATS];
            d.drawAndAccumulate(rng, s, acc);
            out[c] = acc;
        }
        return out;
    }

    /**
     * The INDICATORS null: Bernoulli(q) indicators, two uniforms per station (leader then turnout), counted in the
     * same pass without indicator arrays. Stateless, so one instance serves every block.
     */
    private record BernoulliDraw(double[] qw, double[] qb) implements IndicatorDraw {
        @Override
        public int streamMethod() {
            return 1;
        }

        @Override
        public IndicatorDraw forBlock(Stations s) {
            return this;
        }

        /**
         * The same sums as {@link #accumulate} of the indicators would give; the twelve sums are kept in locals and
         * added with masks (branch-free).
         */
        @Override
        public void drawAndAccumulate(UniformRandomProvider rng, Stations s, long[] acc) {
            long[] wn = s.weights[1];
            long[] wb = s.weights[2];
            long[] ww = s.weights[3];
            long e0 = 0;
            long e1 = 0;
            long e2 = 0;
            long e3 = 0;
            long l0 = 0;
            long l1 = 0;
            long l2 = 0;
            long l3 = 0;
            long t0 = 0;
            long t1 = 0;
            long t2 = 0;
            long t3 = 0;
            for (int j = 0; j < s.size; j++) {
                long ml = rng.nextDouble() < qw[j] ? -1L : 0L;
                long mt = rng.nextDouble() < qb[j] ? -1L : 0L;
                long me = ml | mt;
                long n = wn[j];
                long b = wb[j];
                long w = ww[j];
                e0 -= me;
                e1 += n & me;
                e2 += b & me;
                e3 += w & me;
                l0 -= ml;
                l1 += n & ml;
                l2 += b & ml;
                l3 += w & ml;
                t0 -= mt;
                t1 += n & mt;
                t2 += b & mt;
                t3 += w & mt;
            }
            acc[0] += e0;
            acc[1] += e1;
            acc[2] += e2;
            acc[3] += e3;
            acc[4] += l0;
            acc[5] += l1;
            acc[6] += l2;
            acc[7] += l3;
            acc[8] += t0;
            acc[9] += t1;
            acc[10] += t2;
            acc[11] += t3;
        }
    }

    /**
     * The COUNTS null: W* and B* from {@link BinomialSampler}, then tested. The indicator arrays are scratch: the
     * instance built by {@link NullSpec} has none, {@link #forBlock} gives each block its own.
     */
    private record CountDraw(int period, boolean numpy, boolean[] li, boolean[] ti) implements IndicatorDraw {
        CountDraw(int period, boolean numpy) {
            this(period, numpy, null, null);
        }

        @Override
        public int streamMethod() {
            return 0;
        }

        @Override
        public IndicatorDraw forBlock(Stations s) {
            return new CountDraw(period, numpy, new boolean[s.size], new boolean[s.size]);
        }

        @Override
        public void drawAndAccumulate(UniformRandomProvider rng, Stations s, long[] acc) {
            for (int j = 0; j < s.size; j++) {
                int r = s.denominator[j];
                int n = s.registered[j];
                li[j] = isInteger(BinomialSampler.sample(rng, r, s.share[j]), r, period, numpy);
                ti[j] = isInteger(BinomialSampler.sample(rng, n, s.turnout[j]), n, period, numpy);
            }
            accumulate(s, li, ti, acc);
        }
    }

    /** Adds the twelve weighted counts of one set of indicators to {@code acc}. */
    private static void accumulate(Stations s, boolean[] leaderInt, boolean[] turnoutInt, long[] acc) {
        for (int w = 0; w < 4; w++) {
            long[] wt = s.weights[w];
            long either = 0;
            long lead = 0;
            long turn = 0;
            for (int j = 0; j < s.size; j++) {
                boolean li = leaderInt[j];
                boolean ti = turnoutInt[j];
                either += (li | ti) ? wt[j] : 0;
                lead += li ? wt[j] : 0;
                turn += ti ? wt[j] : 0;
            }
            acc[w] += either;
            acc[4 + w] += lead;
            acc[8 + w] += turn;
        }
    }

    private static Statistic summarise(long observed, long[] mc, boolean numpy) {
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
        double sd = numpy ? Math.sqrt(ss / r) : r > 1 ? Math.sqrt(ss / (r - 1)) : Double.NaN;
        long[] sorted = mc.clone();
        Arrays.sort(sorted);
        return new Statistic(observed, mean, sd, Quantiles.percentile(sorted, 99.9), (1.0 + atLeast) / (1.0 + r));
    }

    /**
     * One group's line in the regional screen.
     *
     * @param level           the group's label
     * @param stations        its stations passing the inclusion rules
     * @param integerBins     stations whose turnout falls in a 0.1-wide bin centred on a whole percentage
     * @param halfIntegerBins stations whose turnout falls in a 0.1-wide bin centred on a half percentage (x.5)
     * @param anomaly         integerBins − halfIntegerBins
     * @param flag            whether the anomaly exceeds the cutoff
     */
    public record RegionalLine(String level, int stations, long integerBins, long halfIntegerBins, long anomaly,
                               boolean flag) {
    }

    /**
     * Kobak et al.'s regional screen (step 7 of their procedure): per group, the turnout histogram at 0.1%
     * resolution (bins {@code [c - 0.05, c + 0.05)} as numpy's {@code histogram} with edges
     * {@code arange(-0.05, 100.05, 0.1)}), and the anomaly \( \sum h[\text{integer bins}] - \sum
     * h[\text{half-integer bins}] \). Under smooth turnout distributions the two sums are about equal; groups
     * whose anomaly exceeds the cutoff are flagged. Only stations passing the inclusion rules count.
     *
     * @param election the units, with their leader
     * @param grouping the grouping, e.g. regions
     * @param cutoff   the anomaly above which a group is flagged
     * @return one line per group, in the grouping's label order
     */
    public static List<RegionalLine> regionalScreen(Election election, Grouping grouping, long cutoff) {
        int groups = grouping.levelCount();
        long[] integer = new long[groups];
        long[] half = new long[groups];
        int[] stations = new int[groups];
        int leader = election.leader();
        for (int i = 0; i < election.size(); i++) {
            int n = election.registered(i);
            int b = election.ballots(i);
            int w = leader < 0 ? 0 : election.votes(leader, i);
            if (!included(n, b, election.shareDenominator(i), w)) {
                continue;
            }
            int g = grouping.code(i);
            stations[g]++;
            // bin centre c (in tenths of a percent) holds 1000 b / n in [c - 1/2, c + 1/2): c = floor(1000b/n + 1/2)
            long tenths = Math.floorDiv(2000L * b + n, 2L * n);
            if (tenths % 10 == 0) {
                integer[g]++;
            } else if (tenths % 10 == 5) {
                half[g]++;
            }
        }
        List<RegionalLine> out = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            long a = integer[g] - half[g];
            out.add(new RegionalLine(grouping.levels().get(g), stations[g], integer[g], half[g], a, a > cutoff));
        }
        return out;
    }
}
