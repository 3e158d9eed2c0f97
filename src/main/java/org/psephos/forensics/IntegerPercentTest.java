package org.psephos.forensics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    /** The variants' names, in statistic order. */
    static final String[] VARIANTS = {"either", "leader", "turnout"};
    /** The weightings' names, in statistic order. */
    static final String[] WEIGHTINGS = {"stations", "registered", "ballots", "leader_votes"};

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
        List<long[][]> blocks(IntegerPercentNull spec, int threads, Progress progress);
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
     * @param arithmetic {@code NUMPY}: in floating point as Kobak et al.'s numpy code does
     *               ({@code abs(p - round(p/P)*P) <= binwidth/2}, {@code p = 100*k/n}); {@code EXACT}: exactly
     * @return whether 100 k / n lies within 0.05 of a multiple of P
     */
    static boolean isInteger(int k, int n, int period, IntegerPercentNull.Arithmetic arithmetic) {
        if (arithmetic == IntegerPercentNull.Arithmetic.EXACT) {
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
        IntegerPercentResult r = test(e.registeredColumn(), e.ballotsColumn(), e.shareDenominatorColumn(),
                e.votesColumn(option), options.withSeed(options.seedFor(input.level())));
        IntegerPercentNull.Arithmetic arithmetic = options.conventionsFor(ID) == Conventions.KOBAK
                ? IntegerPercentNull.Arithmetic.NUMPY : IntegerPercentNull.Arithmetic.EXACT;
        String variable = e.options().get(option);
        if (r.includedUnits() < options.minUnits()) {
            return TestResult.of(ID, variable, input.level()).n(r.includedUnits()).notApplicable(
                    String.format(java.util.Locale.ROOT, "fewer than %d stations pass the inclusion rules (R > 0, "
                            + "N >= 100, turnout and result <= 99%%)", options.minUnits()))
                    .details(ResultDetails.NONE);
        }
        IntegerPercentResult.Statistic h = r.headline();
        RoundNumberDetails.IntegerPercent details = new RoundNumberDetails.IntegerPercent(r.includedUnits(),
                r.turnoutInteger(), r.leaderInteger(), h, r.period(), r.replicates(), r.seed(),
                arithmetic == IntegerPercentNull.Arithmetic.NUMPY ? RoundNumberDetails.IntegerNull.NUMPY
                        : RoundNumberDetails.IntegerNull.MONTE_CARLO,
                r.statistics(),
                TestInput.NATIONAL.equals(input.level()) ? null : KobakRegionalScreen.counts(e, option));
        return TestResult.of(ID, variable, input.level()).statistic(h.observed()).expected(h.expectedMean())
                .pValue(h.pValue()).flag(h.flag()).n(r.includedUnits()).details(details);
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
    public IntegerPercentResult test(int[] registered, int[] ballots, int[] denominator, int[] leader,
                                     BatteryOptions options) {
        IntegerPercentNull spec = nullSpec(registered, ballots, denominator, leader, options);
        return spec.reduce(runner.blocks(spec, options.threads(), progress));
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
    public IntegerPercentNull nullSpec(int[] registered, int[] ballots, int[] denominator, int[] leader,
                                       BatteryOptions options) {
        return new IntegerPercentNull(registered, ballots, denominator, leader, period, options.seed(),
                options.replicates(), method, options.conventionsFor(ID) == Conventions.KOBAK
                ? IntegerPercentNull.Arithmetic.NUMPY : IntegerPercentNull.Arithmetic.EXACT);
    }
}
