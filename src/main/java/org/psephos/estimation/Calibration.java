package org.psephos.estimation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.psephos.data.Election;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.Bootstrap;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.MultipleTesting;
import org.psephos.forensics.NullCalibration;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.NullSettings;
import org.psephos.forensics.ResultDetails;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Verdict;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;

/**
 * The calibration study of {@code psephos calibrate} (issue 15, {@code docs/verdict-method.md}): the battery, with
 * its calibrated nulls, run on K elections of every scenario, clean ({@link CalibrationScenario.Kind#CLEAN}: the
 * built-in heterogeneity scenarios, or clean twins of a real file) and fraudulent, exactly as {@code analyze} runs
 * it on a file, scoring the same {@link Verdict}.
 *
 * <p>Method. Election k of scenario s is drawn with the seed {@code stream(KEY, key(s), k)} of the run seed and
 * analysed with the battery under the same seed (nationally, or per group of {@link #withGrouping} where the
 * election has that grouping; one thread per election, elections spread over the threads, so the result is the
 * same for any thread count). For each test and variable (turnout, the leader, and "other": every option but the
 * leader, scored by the Bonferroni-adjusted smallest of their p-values, min(1, m·min p) over the m options with one,
 * so that a test misbehaving on any minor option shows, docs/verdict-method.md addendum 9; the tests run on the
 * leader and turnout together count as the leader) the national row rejects when its calibrated p-value
 * is at most α = {@value #LEVEL}; the verdict rejects when it is anomalous (Holm over the national rows, with the
 * labels of the battery's {@link NullSettings#calibration()} applied, as {@code analyze} does). A rate is the
 * rejections among the elections where the row had a p-value, with its 95% Clopper–Pearson interval
 * ({@link BinomialRate}): a false-positive rate on a clean scenario, a power on a fraud scenario.
 *
 * <p>Labels ({@code docs/verdict-method.md}, "Descriptive tests"): a test is <b>descriptive</b> on a variable when
 * its false-positive rate on some clean scenario is significantly above α (one-sided exact binomial test, P(X ≥ x)
 * under Binomial(K, α), below α divided by the number of (clean scenario, variable) pairs the test was measured on:
 * Bonferroni over the test's pairs; a rule over every test's pairs was tried and reverted, docs/verdict-method.md,
 * addendum 8); it has <b>no power</b> when the run has frauds that target it ({@link CalibrationScenario#targets()})
 * and on none of them, on no variable, is its rejection rate significantly above α (the same test, Bonferroni over
 * those pairs). The verdict is scored twice: as the battery gave it, with the labels it applied
 * ({@link CalibrationResult#APPLIED}: built-in, or a table given to the battery), and with the labels this run
 * measured ({@link CalibrationResult#MEASURED}: Holm over the national rows not labelled descriptive here). The
 * second is in-sample (the labels are chosen on the same elections), so it is optimistic by the tests that happened
 * to stay just below significance; a fresh run with {@code --calibration} of the labels measures it out of sample.
 *
 * <p>The rates and labels are scored by {@link CalibrationScoring}. Immutable; {@code withX} return copies. The
 * class stays at about 310 lines because what is left is one job, running the study: this method comment (a tenth of
 * it), the settings with their {@code withX} copies, and one election's outcome with its verdict.
 *
 * @since 0.1
 */
public final class Calibration {
    /** The level of the rows, of the verdict and of the label tests. */
    public static final double LEVEL = Verdict.ALPHA;
    /** Stream key of the elections' seeds (ASCII "Calib"). */
    static final long KEY = 0x43616C6962L;
    /** The variables of the table. */
    static final List<String> VARIABLES = List.of("turnout", "leader", "other");

    private final List<CalibrationScenario> scenarios;
    private final List<ForensicTest> tests;
    private final int elections;
    private final BatteryOptions options;
    private final String grouping;

    private Calibration(List<CalibrationScenario> scenarios, List<ForensicTest> tests, int elections,
                        BatteryOptions options, String grouping) {
        this.scenarios = scenarios;
        this.tests = tests;
        this.elections = elections;
        this.options = options;
        this.grouping = grouping;
    }

    /**
     * @param scenarios the scenarios (at least one; names unique)
     * @param tests     the tests (ids of {@link Estimators#registry()})
     * @return the study with 200 elections per scenario, 200 null replicates, seed 1, calibrated nulls with the
     *         built-in labels, nationally
     * @throws IllegalArgumentException if there is no scenario, two share a name, or a test id is unknown
     */
    public static Calibration of(List<? extends CalibrationScenario> scenarios, List<String> tests) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenario to calibrate on");
        }
        List<String> names = new ArrayList<>();
        for (CalibrationScenario s : scenarios) {
            if (names.contains(s.name())) {
                throw new IllegalArgumentException("scenario name repeats: " + s.name());
            }
            names.add(s.name());
        }
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("no tests chosen");
        }
        List<ForensicTest> chosen = Estimators.registry().select(tests);
        return new Calibration(List.copyOf(scenarios), chosen, 200,
                BatteryOptions.defaults().withReplicates(200).withSeed(1), null);
    }

    /** @param k elections per scenario, at least 1 @return a copy */
    public Calibration withElections(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("elections per scenario is not positive: " + k);
        }
        return new Calibration(scenarios, tests, k, options, grouping);
    }

    /** @param s the run seed @return a copy */
    public Calibration withSeed(long s) {
        return new Calibration(scenarios, tests, elections, options.withSeed(s), grouping);
    }

    /** @param r null replicates of every battery run, at least 1 @return a copy */
    public Calibration withReplicates(int r) {
        return new Calibration(scenarios, tests, elections, options.withReplicates(r), grouping);
    }

    /**
     * @param n the nulls (calibrated: the verdict exists only under calibrated nulls)
     * @return a copy
     * @throws IllegalArgumentException if the nulls are not calibrated
     */
    public Calibration withNulls(NullSettings n) {
        if (n.kind() != NullKind.CALIBRATED) {
            throw new IllegalArgumentException("calibration measures the calibrated nulls; --null reference has no "
                    + "verdict to calibrate");
        }
        return new Calibration(scenarios, tests, elections, options.withNulls(n), grouping);
    }

    /** @param q the false discovery rate of the row flags (reported by the battery, not used here) @return a copy */
    public Calibration withFdr(double q) {
        return new Calibration(scenarios, tests, elections, options.withFdr(q), grouping);
    }

    /**
     * @param name a grouping to run the battery per group of (and to fit the twins by), where an election has it;
     *             null for national only
     * @return a copy
     */
    public Calibration withGrouping(String name) {
        return new Calibration(scenarios, tests, elections, options, name);
    }

    /** @return the scenarios */
    public List<CalibrationScenario> scenarios() {
        return scenarios;
    }

    /** @return elections per scenario */
    public int elections() {
        return elections;
    }

    /** @return the battery's settings (seed = the run seed; each election's battery gets its own) */
    public BatteryOptions options() {
        return options;
    }

    /**
     * Runs every election on this machine.
     *
     * @param threads  threads (the result does not depend on it)
     * @param progress told as elections finish
     * @return the result
     */
    public CalibrationResult run(int threads, Progress progress) {
        int n = scenarios.size() * elections;
        List<Outcome> out = Parallel.map(n, threads, i -> outcome(i / elections, i % elections), progress);
        return reduce(out);
    }

    /**
     * @param scenario the scenario's index
     * @param k        the election
     * @return the seed of election k of that scenario
     */
    long seedOf(int scenario, int k) {
        return RandomStreams.seeded(options.seed()).stream(KEY, Bootstrap.key(scenarios.get(scenario).name()), k)
                .nextLong();
    }

    /**
     * One election's national rows: p-value per (test, variable of the table), the verdict as the battery gave it,
     * and every national row with a calibrated p-value (for the verdict under the labels this run measures).
     */
    record Outcome(Map<String, Double> p, Verdict.Answer verdict, List<Row> family) {
        Outcome(Map<String, Double> p, Verdict.Answer verdict) {
            this(p, verdict, List.of());
        }
    }

    /**
     * A national row with a calibrated p-value, kept small.
     *
     * @param id       the test id
     * @param variable the variable's name
     * @param role     turnout, leader or other (any option but the leader)
     * @param p        its calibrated p-value
     */
    record Row(String id, String variable, NullCalibration.Role role, double p) {
    }

    /**
     * @param s the scenario's index
     * @param k the election
     * @return its outcome
     */
    Outcome outcome(int s, int k) {
        long seed = seedOf(s, k);
        Election e = scenarios.get(s).election(seed);
        String level = grouping != null && e.grouping(grouping).isPresent() ? grouping : null;
        BatteryResult r = Battery.withDefaults().withTests(tests).withLevel(level)
                .run(e, options.withSeed(seed).withThreads(1), Progress.NONE);
        String leader = e.leaderName();
        Set<String> others = new HashSet<>(e.options());
        others.remove(leader);
        Map<String, Double> p = new LinkedHashMap<>();
        Map<String, double[]> other = new LinkedHashMap<>(); // per test: {smallest p, options with a p}
        List<Row> family = new ArrayList<>();
        for (TestResult t : r.results()) {
            if (!TestInput.NATIONAL.equals(t.level()) || !t.applicable()
                    || !MultipleTesting.isValidPValue(t.pValue())) {
                continue;
            }
            boolean turnout = t.variable().equals("turnout");
            if (turnout || t.variable().equals(leader)) {
                p.put(t.id() + "/" + (turnout ? "turnout" : "leader"), t.pValue());
            } else if (others.contains(t.variable())) {
                double[] o = other.computeIfAbsent(t.id(), x -> new double[] {1, 0});
                o[0] = Math.min(o[0], t.pValue());
                o[1]++;
            }
            String kind = BatteryResult.nullOf(t);
            if (!kind.equals("none") && !kind.equals("reference")) {
                family.add(new Row(t.id(), t.variable(), turnout ? NullCalibration.Role.TURNOUT
                        : t.variable().equals(leader) ? NullCalibration.Role.LEADER : NullCalibration.Role.OTHER,
                        t.pValue()));
            }
        }
        // "other": every option but the leader, by the Bonferroni-adjusted smallest p-value (addendum 9)
        other.forEach((id, o) -> p.put(id + "/other", Math.min(1, o[1] * o[0])));
        return new Outcome(p, r.verdict().answer(), family);
    }

    /**
     * @param outcomes one per election, scenario by scenario in order, elections in order
     * @return the result (scored by {@link CalibrationScoring})
     */
    CalibrationResult reduce(List<Outcome> outcomes) {
        return new CalibrationScoring(this).reduce(outcomes);
    }

    /**
     * @param o      an election's outcome
     * @param labels labels
     * @return Holm's verdict over its national rows with a calibrated p-value that the labels do not call
     *         descriptive
     */
    static Verdict verdict(Outcome o, NullCalibration labels) {
        List<TestResult> rows = new ArrayList<>(o.family().size());
        for (Row r : o.family()) {
            if (labels.of(r.id(), r.role()).label() != NullCalibration.Label.DESCRIPTIVE) {
                rows.add(TestResult.of(r.id(), r.variable(), TestInput.NATIONAL).pValue(r.p())
                        .details(ResultDetails.NONE));
            }
        }
        return Verdict.holm(rows, t -> true);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Calibration[%d scenarios x %d elections, %d tests, R = %d]",
                scenarios.size(), elections, tests.size(), options.replicates());
    }

    /** @return the tests */
    List<ForensicTest> tests() {
        return tests;
    }

    /** @return the grouping the battery runs per group of, or null */
    String grouping() {
        return grouping;
    }
}
