package org.psephos.simulation;

import java.util.ArrayList;
import java.util.List;
import org.psephos.data.Election;
import org.psephos.data.Grouping;

/**
 * Runs a {@link SimulationModel} R times and summarises the national results: the seeded, parallel Monte Carlo
 * engine of Psephos.
 *
 * <p>Method. The N units are cut into blocks of {@value BlockSimulator#BLOCK_SIZE}; block b of replicate r draws
 * its clean counts from {@code RandomStreams.seeded(seed).stream(1, r, b)}, its unit sizes from
 * {@code stream(2, b)} (the same electorate in every replicate), its regional centres from
 * {@code stream(3, r, region)} and the j-th fraud model's draws from {@code stream(16 + j, r, b)}. Blocks run on
 * {@code threads} threads and are reduced in block order with integer sums, so the output is identical for any
 * thread count. The summary mode keeps only totals per block ({@code O(R)} memory); the unit mode also keeps the
 * first replicate's units ({@code 4(4 + K) + 1} bytes per unit while they are built, K options).
 *
 * <p>Null model: with no fraud models, the clean electorate of {@link ElectorateModel}. Sources: Klimek et al.
 * (2012), PNAS 109(41), doi:10.1073/pnas.1210722109 (clean model and fraud), and the binomial Monte Carlo null of
 * Kobak, Shpilkin and Pshenichnikov (2016), doi:10.1214/15-AOAS904. Stateless; safe to call concurrently.
 *
 * @since 0.1
 */
public final class MonteCarloEngine {
    /** The grouping of urban and rural units in elections simulated with an urban population. */
    public static final String SETTLEMENT = "settlement";
    /** Most block tasks in flight at once: bounds the memory of the per-block totals. */
    private static final int TASKS_PER_BATCH = 1 << 16;

    /** Which per-unit results a run keeps. */
    public enum UnitOutput {
        /** Totals only: no per-unit arrays. */
        NONE,
        /** The units of the first replicate as an {@link Election}. */
        FIRST_REPLICATE
    }

    private MonteCarloEngine() {
    }

    /**
     * Runs the model in summary mode.
     *
     * @param model      what to simulate
     * @param seed       the run seed
     * @param threads    threads to use, at least 1
     * @param replicates replicates, at least 1
     * @param progress   told as blocks finish
     * @return the summary, with no units
     * @throws IllegalArgumentException if threads or replicates is not positive
     */
    public static SimulationResult run(SimulationModel model, long seed, int threads, int replicates,
                                       Progress progress) {
        return run(model, seed, threads, replicates, UnitOutput.NONE, progress);
    }

    /**
     * Runs the model.
     *
     * @param model      what to simulate
     * @param seed       the run seed
     * @param threads    threads to use, at least 1
     * @param replicates replicates, at least 1
     * @param output     which per-unit results to keep
     * @param progress   told as blocks finish
     * @return the summary and, for {@link UnitOutput#FIRST_REPLICATE}, the first replicate's units
     * @throws IllegalArgumentException if threads or replicates is not positive
     */
    public static SimulationResult run(SimulationModel model, long seed, int threads, int replicates,
                                       UnitOutput output, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count is not positive: " + threads);
        }
        if (replicates < 1) {
            throw new IllegalArgumentException("replicate count is not positive: " + replicates);
        }
        BlockSimulator sim = new BlockSimulator(model);
        UnitColumns columns = output == UnitOutput.FIRST_REPLICATE
                ? new UnitColumns(model.electorate().units(), model.electorate().options(),
                model.electorate().heterogeneity().hasUrban()) : null;
        List<ReplicateTotals> totals = simulate(sim, seed, threads, 0, replicates, columns, progress);
        SimulationSummary summary = SimulationSummary.of(model, seed, totals);
        Election units = columns == null ? null : toElection(columns, model, seed);
        return new SimulationResult(summary, units);
    }

    /**
     * The national totals of replicates [from, to) of a run, exactly those that {@link #run} with at least
     * {@code to} replicates gives at those indices: replicate r draws only from (seed, r), so a run can be cut into
     * replicate blocks computed anywhere and concatenated in order.
     *
     * @param model    what to simulate
     * @param seed     the run seed
     * @param threads  threads to use, at least 1
     * @param from     first replicate, at least 0
     * @param to       one past the last replicate, above {@code from}
     * @param progress told as blocks finish
     * @return the totals of replicates from, …, to − 1, in order
     * @throws IllegalArgumentException if threads is not positive or the range is empty or negative
     */
    public static List<ReplicateTotals> totals(SimulationModel model, long seed, int threads, int from, int to,
                                               Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count is not positive: " + threads);
        }
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("replicate range is empty or negative: [" + from + ", " + to + ")");
        }
        return simulate(new BlockSimulator(model), seed, threads, from, to, null, progress);
    }

    /** Replicates [from, to) in batches of block tasks; replicate 0 fills {@code columns} when given. */
    private static List<ReplicateTotals> simulate(BlockSimulator sim, long seed, int threads, int from, int to,
                                                  UnitColumns columns, Progress progress) {
        RandomStreams streams = RandomStreams.seeded(seed);
        int blocks = sim.blocks();
        int options = sim.options();
        int replicates = to - from;
        long totalTasks = (long) blocks * replicates;
        int perBatch = Math.max(1, Math.min(replicates, TASKS_PER_BATCH / blocks));
        List<ReplicateTotals> totals = new ArrayList<>(replicates);
        for (int r0 = from; r0 < to; r0 += perBatch) {
            int first = r0;
            int count = Math.min(perBatch, to - r0);
            long done = (long) (first - from) * blocks;
            Progress batchProgress = (d, t) -> progress.update(done + d, totalTasks);
            List<long[]> results = Parallel.map(count * blocks, threads, t -> {
                int r = first + t / blocks;
                int b = t % blocks;
                return sim.simulate(streams, r, b, r == 0 ? columns : null);
            }, batchProgress);
            for (int i = 0; i < count; i++) {
                long[] sum = new long[sim.totalsLength()];
                for (int b = 0; b < blocks; b++) {
                    long[] part = results.get(i * blocks + b);
                    for (int j = 0; j < sum.length; j++) {
                        sum[j] += part[j];
                    }
                }
                totals.add(toTotals(sum, options, sim.cleanOffset()));
            }
        }
        return totals;
    }

    private static ReplicateTotals toTotals(long[] sum, int options, int clean) {
        long[] votes = new long[options];
        System.arraycopy(sum, BlockSimulator.VOTES, votes, 0, options);
        int classes = FraudClass.values().length;
        long[] byClass = new long[classes];
        System.arraycopy(sum, BlockSimulator.VOTES + options, byClass, 0, classes);
        return new ReplicateTotals(sum[BlockSimulator.REGISTERED], sum[BlockSimulator.BALLOTS],
                sum[BlockSimulator.INVALID], votes, byClass, sum[clean], sum[clean + 1], sum[clean + 2]);
    }

    /** The option names of a simulated election: {@code leader}, {@code option2}, … */
    static String optionName(int k) {
        return k == 0 ? "leader" : "option" + (k + 1);
    }

    /** @return region labels R01…RK, zero-padded to at least two digits */
    static String[] regionLabels(int regions) {
        int width = Math.max(2, Integer.toString(regions).length());
        String[] labels = new String[regions];
        for (int r = 0; r < regions; r++) {
            StringBuilder s = new StringBuilder("R");
            String digits = Integer.toString(r + 1);
            for (int p = digits.length(); p < width; p++) {
                s.append('0');
            }
            labels[r] = s.append(digits).toString();
        }
        return labels;
    }

    /** Builds the election, releasing each column once the builder has copied it to keep the peak heap low. */
    private static Election toElection(UnitColumns c, SimulationModel model, long seed) {
        Election.Builder b = Election.builder("simulated, seed " + seed);
        b.registered(c.registered);
        c.registered = null;
        b.ballots(c.ballots);
        c.ballots = null;
        b.invalid(c.invalid);
        c.invalid = null;
        for (int k = 0; k < c.votes.length; k++) {
            b.option(optionName(k), c.votes[k]);
            c.votes[k] = null;
        }
        b.grouping(new Grouping("region", regionLabels(model.electorate().regions()), c.region));
        c.region = null;
        int[] remap = new int[1 << (FraudClass.values().length - 1)];
        java.util.Arrays.fill(remap, -1);
        List<String> labels = new ArrayList<>();
        int[] codes = new int[c.mask.length];
        for (int i = 0; i < codes.length; i++) {
            int m = c.mask[i] & 0xFFFF;
            if (remap[m] < 0) {
                remap[m] = labels.size();
                labels.add(FraudClass.label(m));
            }
            codes[i] = remap[m];
        }
        c.mask = null;
        b.grouping(new Grouping("fraud", labels.toArray(new String[0]), codes));
        if (c.settlement != null) {
            // Labels in order of first appearance, as the fraud classes: a level has at least one unit.
            String[] names = {"rural", "urban"};
            int[] code = {-1, -1};
            List<String> seen = new ArrayList<>(2);
            int[] settlement = new int[c.settlement.length];
            for (int i = 0; i < settlement.length; i++) {
                int u = c.settlement[i];
                if (code[u] < 0) {
                    code[u] = seen.size();
                    seen.add(names[u]);
                }
                settlement[i] = code[u];
            }
            c.settlement = null;
            b.grouping(new Grouping(SETTLEMENT, seen.toArray(new String[0]), settlement));
        }
        return b.leader(0).build();
    }
}
