package org.psephos.estimation;

import java.util.List;
import org.psephos.data.Election;
import org.psephos.data.UnitFilter;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Variable;
import org.psephos.forensics.Verdict;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudClass;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateTotals;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SimulationResult;

/**
 * One unit of work of a power analysis: replicates [from, to) of one grid point (or of the clean calibration set,
 * {@code point = -1}). A pure function of its fields: replicate r simulates with engine seed
 * {@code RandomStreams.seeded(runSeed).stream(KEY, r).nextLong()} — the same seed at every grid point, so the
 * points share their clean elections (a paired design; the fraud models draw from their own streams) — and runs
 * every test with seed {@code runSeed} on one thread. A distributed runner can ship the record, call
 * {@link #run()} anywhere and reduce the summaries with {@link PowerAnalysis#reduce}. Immutable.
 *
 * @param point      the grid point's index, or −1 for the clean replicates
 * @param from       first replicate
 * @param to         one past the last replicate
 * @param runSeed    the run seed
 * @param electorate the clean electorate
 * @param fraud      the fraud at this point (null for the clean replicates)
 * @param tests      the test ids, looked up in {@link Estimators#registry()}; {@link PowerAnalysis#VERDICT} runs the
 *                   default battery under calibrated nulls and scores its verdict
 * @param testReplicates resampling replicates given to each test
 * @param conventions whose definitions the tests follow (the unit filter and share base of each test's
 *                    conventions are applied to the simulated election)
 * @since 0.1
 */
public record PowerTask(int point, int from, int to, long runSeed, ElectorateModel electorate, FraudModel fraud,
                        List<String> tests, int testReplicates, Conventions conventions)
        implements java.io.Serializable {
    /** Stream key of the replicates' engine seeds. */
    static final long KEY = 0x506F776572L;

    /** Copies the test list. */
    public PowerTask {
        tests = List.copyOf(tests);
        java.util.Objects.requireNonNull(conventions, "conventions");
    }

    /**
     * A task under Psephos's conventions.
     *
     * @param point          the grid point's index, or −1
     * @param from           first replicate
     * @param to             one past the last
     * @param runSeed        the run seed
     * @param electorate     the clean electorate
     * @param fraud          the fraud, or null
     * @param tests          the test ids
     * @param testReplicates resampling replicates per test run
     */
    public PowerTask(int point, int from, int to, long runSeed, ElectorateModel electorate, FraudModel fraud,
                     List<String> tests, int testReplicates) {
        this(point, from, to, runSeed, electorate, fraud, tests, testReplicates, Conventions.PSEPHOS);
    }

    /** @return per replicate: the tests' statistics, flags and estimates with the truth */
    public PowerSummary run() {
        List<ForensicTest> chosen = tests.stream().map(id -> id.equals(PowerAnalysis.VERDICT) ? null
                : Estimators.registry().get(id)).toList();
        int n = to - from;
        int k = chosen.size();
        double[][] values = new double[k][n];
        double[][] scores = new double[k][n];
        boolean[][] flags = new boolean[k][n];
        double[] fraudShare = new double[n];
        double[] excess = new double[n];
        BatteryOptions opts = BatteryOptions.defaults().withThreads(1).withReplicates(testReplicates)
                .withSeed(runSeed).withConventions(conventions);
        boolean needExcess = tests.contains(Shpilkin.ID);
        for (int r = from; r < to; r++) {
            long seed = RandomStreams.seeded(runSeed).stream(KEY, r).nextLong();
            SimulationResult sim = simulate(fraud, seed);
            Election e = sim.units().orElseThrow();
            ReplicateTotals totals = sim.summary().replicates().get(0);
            int j = r - from;
            fraudShare[j] = fraudShare(totals, e.size());
            if (needExcess && fraud != null) {
                excess[j] = totals.votes()[0] - totals.cleanLeaderVotes();
            }
            Election kept = UnitFilter.standard().apply(e).election();
            TestInput in = new TestInput(kept, TestInput.NATIONAL, Variable.option(kept, kept.leader()));
            TestInput own = conventions == Conventions.PSEPHOS ? in : input(e, conventions);
            for (int t = 0; t < k; t++) {
                if (chosen.get(t) == null) {
                    Verdict v = Battery.withDefaults().run(e, opts, Progress.NONE).verdict();
                    double adjusted = v.answer() == Verdict.Answer.NOT_COMPUTED ? Double.NaN : v.adjustedP();
                    values[t][j] = adjusted;
                    scores[t][j] = 1 - adjusted;
                    flags[t][j] = v.anomalous();
                    continue;
                }
                // a test that draws its own calibrated null (Spikes) is scored by its value: no twins needed
                BatteryOptions o = chosen.get(t).nullModel() == ForensicTest.NullModel.OWN
                        ? opts.withNulls(NullKind.REFERENCE) : opts;
                TestResult res = chosen.get(t).run(opts.conventionsFor(tests.get(t)) == conventions ? own : in, o);
                values[t][j] = res.value();
                scores[t][j] = score(res, chosen.get(t).evidence());
                flags[t][j] = res.flag();
            }
        }
        return new PowerSummary(point, from, to, values, scores, flags, fraudShare, excess);
    }

    /** @return the leader's input under another tool's conventions: its unit filter and share base */
    private static TestInput input(Election e, Conventions c) {
        Election units = c.shareBase() == null ? e : e.withShareBase(c.shareBase());
        units = c.unitFilter(UnitFilter.standard()).apply(units).election();
        return new TestInput(units, TestInput.NATIONAL, Variable.option(units, units.leader()));
    }

    /** @return the replicate with its units (the leader is option 0) and its totals, clean ones included */
    private SimulationResult simulate(FraudModel f, long seed) {
        SimulationModel m = f == null ? SimulationModel.clean(electorate)
                : SimulationModel.clean(electorate).with(f);
        return MonteCarloEngine.run(m, seed, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE);
    }

    /**
     * The statistic a calibrated threshold is set on, larger meaning more evidence of fraud, as the test declares
     * ({@link ForensicTest#evidence()}): 1 − p for {@link ForensicTest.Evidence#P_VALUE}; the value for
     * {@link ForensicTest.Evidence#VALUE}, except {@code FraudMixture}, whose value 1 − π_clean is 0 whenever the
     * clean family wins and leaves nothing to calibrate: its BIC evidence for fraud, BIC_clean − BIC_fraud (detail
     * {@link FraudMixtureDetails#bicFraudMinusClean()}, negated); the value for {@link ForensicTest.Evidence#DISTANCE_FROM_CLEAN}, which
     * the reduction turns into |value − median of the clean values| (two-sided). NaN for a test that did not apply.
     */
    static double score(TestResult r, ForensicTest.Evidence evidence) {
        if (!r.applicable()) {
            return Double.NaN;
        }
        if (r.testDetails() instanceof FraudMixtureDetails d) {
            return d.fraudEvidence();
        }
        return evidence == ForensicTest.Evidence.P_VALUE ? 1 - r.pValue() : r.value();
    }

    /** @return the share of units with some fraud bit: 1 − (units with none) / units */
    private static double fraudShare(ReplicateTotals t, int units) {
        return (double) (units - t.unitsByClass()[FraudClass.CLEAN.ordinal()]) / units;
    }
}
