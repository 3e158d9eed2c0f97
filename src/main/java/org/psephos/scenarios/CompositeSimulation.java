package org.psephos.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.psephos.data.Election;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateTotals;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SimulationResult;

/**
 * Runs a {@link RegionalElectorate} with fraud models: region r is simulated by {@link MonteCarloEngine} with
 * seed {@code RandomStreams.seeded(seed).child(r).seed()}, single-threaded, the regions in parallel; replicate i's
 * national totals are the sums of the regions' replicate-i totals. Results depend on the seed only, never on the
 * thread count. The same seed with and without fraud gives the same clean draws (the engine's paired design), so
 * curves over fraud intensity share their clean elections (common random numbers). Stateless.
 *
 * @since 0.1
 */
public final class CompositeSimulation {
    private CompositeSimulation() {
    }

    /**
     * National totals per replicate and, when asked for, the first replicate's units of every region.
     *
     * @param totals national totals, one per replicate
     * @param units  the first replicate's units, one election per region, or empty
     */
    public record Result(List<ReplicateTotals> totals, List<Election> units) {
        /** Copies the lists. */
        public Result {
            totals = List.copyOf(totals);
            units = List.copyOf(units);
        }
    }

    /**
     * @param electorate the regions
     * @param frauds     fraud models applied in every region, in order
     * @param seed       the run seed
     * @param threads    threads, at least 1
     * @param replicates replicates, at least 1
     * @param keepUnits  whether to keep the first replicate's units
     * @param progress   told as regions finish (work = units × replicates)
     * @return the national totals
     */
    public static Result run(RegionalElectorate electorate, List<FraudModel> frauds, long seed, int threads,
                             int replicates, boolean keepUnits, Progress progress) {
        int k = electorate.regions().size();
        RandomStreams streams = RandomStreams.seeded(seed);
        long total = (long) electorate.units() * replicates;
        AtomicLong done = new AtomicLong();
        List<SimulationResult> parts = Parallel.map(k, threads, r -> {
            SimulationModel m = new SimulationModel(electorate.model(r), frauds);
            SimulationResult res = MonteCarloEngine.run(m, streams.child(r).seed(), 1, replicates,
                    keepUnits ? MonteCarloEngine.UnitOutput.FIRST_REPLICATE : MonteCarloEngine.UnitOutput.NONE,
                    Progress.NONE);
            progress.update(done.addAndGet((long) electorate.regions().get(r).units() * replicates), total);
            return res;
        }, Progress.NONE);
        List<List<ReplicateTotals>> byRegion = new ArrayList<>(k);
        for (SimulationResult p : parts) {
            byRegion.add(p.summary().replicates());
        }
        List<ReplicateTotals> out = national(byRegion, electorate.options(), replicates);
        List<Election> units = new ArrayList<>();
        if (keepUnits) {
            for (SimulationResult p : parts) {
                units.add(p.units().orElseThrow());
            }
        }
        return new Result(out, units);
    }

    /**
     * The national totals of replicates [from, to) only: exactly those {@link #run} gives at those indices (each
     * region's engine draws replicate i from (region seed, i) alone), so a run can be cut into replicate blocks
     * computed anywhere and concatenated in order.
     *
     * @param electorate the regions
     * @param frauds     fraud models applied in every region, in order
     * @param seed       the run seed
     * @param threads    threads, at least 1
     * @param from       first replicate, at least 0
     * @param to         one past the last replicate, above {@code from}
     * @return the national totals of replicates from, …, to − 1
     */
    public static List<ReplicateTotals> totals(RegionalElectorate electorate, List<FraudModel> frauds, long seed,
                                               int threads, int from, int to) {
        return national(regionalTotals(electorate, frauds, seed, threads, from, to), electorate.options(),
                to - from);
    }

    /**
     * The totals of every region for replicates [from, to): those {@link #totals} sums.
     *
     * @param electorate the regions
     * @param frauds     fraud models applied in every region, in order
     * @param seed       the run seed
     * @param threads    threads, at least 1
     * @param from       first replicate, at least 0
     * @param to         one past the last replicate, above {@code from}
     * @return per region (in order), the totals of replicates from, …, to − 1
     */
    public static List<List<ReplicateTotals>> regionalTotals(RegionalElectorate electorate, List<FraudModel> frauds,
                                                             long seed, int threads, int from, int to) {
        int k = electorate.regions().size();
        RandomStreams streams = RandomStreams.seeded(seed);
        return Parallel.map(k, threads, r -> MonteCarloEngine.totals(
                new SimulationModel(electorate.model(r), frauds), streams.child(r).seed(), 1, from, to,
                Progress.NONE), Progress.NONE);
    }

    /**
     * @param byRegion per region, the totals of the same replicates
     * @param options  number of options
     * @return replicate i's national totals, the sums over the regions
     */
    public static List<ReplicateTotals> national(List<List<ReplicateTotals>> byRegion, int options) {
        return national(byRegion, options, byRegion.get(0).size());
    }

    /** Replicate i's national totals: the sums of every region's replicate-i totals, regions in order. */
    private static List<ReplicateTotals> national(List<List<ReplicateTotals>> byRegion, int options,
                                                  int replicates) {
        List<ReplicateTotals> out = new ArrayList<>(replicates);
        for (int i = 0; i < replicates; i++) {
            long reg = 0;
            long bal = 0;
            long inv = 0;
            long cleanReg = 0;
            long cleanBal = 0;
            long cleanLead = 0;
            long[] votes = new long[options];
            long[] classes = null;
            for (List<ReplicateTotals> p : byRegion) {
                ReplicateTotals t = p.get(i);
                reg += t.registered();
                bal += t.ballots();
                inv += t.invalid();
                cleanReg += t.cleanRegistered();
                cleanBal += t.cleanBallots();
                cleanLead += t.cleanLeaderVotes();
                long[] v = t.votes();
                for (int j = 0; j < options; j++) {
                    votes[j] += v[j];
                }
                long[] c = t.unitsByClass();
                if (classes == null) {
                    classes = c;
                } else {
                    for (int j = 0; j < c.length; j++) {
                        classes[j] += c[j];
                    }
                }
            }
            out.add(new ReplicateTotals(reg, bal, inv, votes, classes, cleanReg, cleanBal, cleanLead));
        }
        return out;
    }

    /** @param t national totals @return the leader's share of valid votes (votes over their sum; 0 if none) */
    public static double leaderShareOfValid(ReplicateTotals t) {
        long[] v = t.votes();
        long sum = 0;
        for (long x : v) {
            sum += x;
        }
        return sum == 0 ? 0 : (double) v[0] / sum;
    }
}
