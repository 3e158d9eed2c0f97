package org.psephos.forensics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.data.UnitFilter;
import org.psephos.simulation.Progress;

/**
 * Runs a set of forensic tests over an election: the units through {@link UnitFilter#standard()} (drops are
 * reported), then every test on turnout and on every option (or the chosen options), nationally and, with a
 * level, in each group of that grouping; finally Benjamini–Hochberg q-values over all p-values of the table
 * ({@link MultipleTesting}).
 *
 * <p>Rows are ordered by group (national first, then the groups in order of first appearance), variable (turnout,
 * then the options in source order) and test (registry order). Tests of scope
 * {@link ForensicTest.Scope#LEADER_AND_TURNOUT} run once per group, on the leader. The bootstrapped tests of one group
 * and variable share one set of resamples of the group's units, as EFToolkit's {@code boot} call does (see
 * {@code Resample}); a test run alone draws the same resamples and gives the same interval. The work is spread over
 * the threads by group, variable and block of replicates ({@link BatteryTasks}). The result is the same for any
 * thread count: randomness is keyed by group, variable, test and block, never by thread.
 *
 * <p>Immutable and thread-safe; {@code withX} methods return modified copies.
 *
 * @since 0.1
 */
public final class Battery {
    private final List<ForensicTest> tests;
    private final String level;
    private final List<String> options;
    private final UnitFilter filter;

    private Battery(List<ForensicTest> tests, String level, List<String> options, UnitFilter filter) {
        this.tests = List.copyOf(tests);
        this.level = level;
        this.options = options == null ? null : List.copyOf(options);
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** @return every test of {@link TestRegistry#standard()}, nationally, on turnout and all options */
    public static Battery withDefaults() {
        return new Battery(TestRegistry.standard().tests(), null, null, UnitFilter.standard());
    }

    /** @param chosen the tests to run, in table order @return a copy */
    public Battery withTests(List<? extends ForensicTest> chosen) {
        return new Battery(List.copyOf(chosen), level, options, filter);
    }

    /** @param grouping the name of a grouping to run per group as well, or {@code null} @return a copy */
    public Battery withLevel(String grouping) {
        return new Battery(tests, grouping, options, filter);
    }

    /** @param names the options to test (turnout is always tested), or {@code null} for all @return a copy */
    public Battery withOptions(List<String> names) {
        return new Battery(tests, level, names, filter);
    }

    /** @param f the unit filter @return a copy */
    public Battery withFilter(UnitFilter f) {
        return new Battery(tests, level, options, f);
    }

    /** @return the tests */
    public List<ForensicTest> tests() {
        return tests;
    }

    /**
     * @param election the election
     * @param settings replicates, seed, threads, minimum units
     * @param progress told as the work items (tests without a plan, bootstrap blocks) finish: (done, items)
     * @return the results, with q-values
     * @throws IllegalArgumentException if the level names no grouping of the election or an option is unknown
     */
    public BatteryResult run(Election election, BatteryOptions settings, Progress progress) {
        // The conventions each test runs under, and one filtered election per distinct conventions: the requested
        // ones first. Under Psephos's conventions (the default) that is the one filter of the battery.
        List<Conventions> used = new ArrayList<>();
        for (ForensicTest t : tests) {
            Conventions c = settings.conventionsFor(t.id());
            if (!used.contains(c)) {
                used.add(c);
            }
        }
        if (used.remove(settings.conventions()) || used.isEmpty()) {
            used.add(0, settings.conventions());
        }
        List<UnitFilter.Filtered> filtered = new ArrayList<>();
        for (Conventions c : used) {
            filtered.add(c.unitFilter(filter).apply(election));
        }
        Election kept = filtered.get(0).election();
        List<Variable> variables = new ArrayList<>();
        variables.add(Variable.turnout());
        if (options == null) {
            for (int k = 0; k < kept.optionCount(); k++) {
                variables.add(Variable.option(kept, k));
            }
        } else {
            for (String name : options) {
                variables.add(Variable.option(kept, kept.optionIndex(name)));
            }
        }
        // groups[c][g]: the units of group g after filter c (null if none passes it)
        List<String> labels = new ArrayList<>();
        labels.add(TestInput.NATIONAL);
        List<List<Election>> groups = new ArrayList<>();
        for (UnitFilter.Filtered f : filtered) {
            List<Election> gs = new ArrayList<>();
            gs.add(f.election());
            groups.add(gs);
        }
        if (level != null) {
            for (UnitFilter.Filtered f : filtered) {
                Optional<Grouping> g = f.election().grouping(level);
                if (g.isEmpty()) {
                    throw new IllegalArgumentException("no grouping named '" + level + "'; groupings are "
                            + election.groupings().stream().map(Grouping::name).toList());
                }
                for (String label : g.get().levels()) {
                    if (!labels.contains(label)) {
                        labels.add(label);
                    }
                }
            }
            for (int c = 0; c < filtered.size(); c++) {
                Election e = filtered.get(c).election();
                Grouping g = e.grouping(level).orElseThrow();
                for (int gi = 1; gi < labels.size(); gi++) {
                    int code = g.levels().indexOf(labels.get(gi));
                    groups.get(c).add(code < 0 ? null : e.select(g.unitsOf(code)));
                }
            }
        }
        // One input per group, variable and conventions with tests; slot[i][k] is the table position of test k of
        // input i (table order: group, variable, test).
        List<TestInput> inputs = new ArrayList<>();
        List<List<ForensicTest>> testsOf = new ArrayList<>();
        List<List<Integer>> slots = new ArrayList<>();
        List<TestResult> table = new ArrayList<>();
        for (int gi = 0; gi < labels.size(); gi++) {
            List<Variable> vs = new ArrayList<>(variables);
            int leader = kept.leader();
            if (leader >= 0) {
                vs.add(null); // the leader-and-turnout tests
            }
            for (Variable v : vs) {
                ForensicTest.Scope scope = v == null ? ForensicTest.Scope.LEADER_AND_TURNOUT
                        : ForensicTest.Scope.PER_VARIABLE;
                int[] inputOf = new int[used.size()];
                java.util.Arrays.fill(inputOf, -1);
                for (ForensicTest t : tests) {
                    if (t.scope() != scope) {
                        continue;
                    }
                    int c = used.indexOf(settings.conventionsFor(t.id()));
                    Election units = groups.get(c).get(gi);
                    Variable var = v == null ? Variable.option(kept, leader) : v;
                    if (units == null) {
                        table.add(TestResult.notApplicable(t.id(), new TestInput(kept.select(new int[0]),
                                labels.get(gi), var), 0, "no unit of this group passes the unit filter"));
                        continue;
                    }
                    if (inputOf[c] < 0) {
                        inputOf[c] = inputs.size();
                        inputs.add(new TestInput(units, labels.get(gi), var));
                        testsOf.add(new ArrayList<>());
                        slots.add(new ArrayList<>());
                    }
                    testsOf.get(inputOf[c]).add(t);
                    slots.get(inputOf[c]).add(table.size());
                    table.add(null);
                }
            }
        }
        boolean calibrated = settings.calibrated();
        List<TestResult> rows = calibrated ? CalibratedNulls.run(kept, level, inputs, testsOf, settings, progress)
                : BatteryTasks.run(inputs, testsOf, settings, progress);
        int r = 0;
        for (List<Integer> s : slots) {
            for (int slot : s) {
                table.set(slot, rows.get(r++));
            }
        }
        // Under calibrated nulls only rows with a calibrated, non-descriptive p-value enter the q-values, and the
        // flags are the q-values' (q < fdr); under reference nulls every p-value enters and the tests' rules flag.
        double[] p = table.stream().mapToDouble(t -> !calibrated || CalibratedNulls.eligible(t) ? t.pValue()
                : Double.NaN).toArray();
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<TestResult> withQ = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            TestResult t = table.get(i).withQValue(q[i]);
            withQ.add(calibrated ? t.withFlag(q[i] < settings.fdr()) : t);
        }
        java.util.Map<Conventions, org.psephos.data.FilterReport> reports = new java.util.LinkedHashMap<>();
        for (int c = 0; c < used.size(); c++) {
            reports.put(used.get(c), filtered.get(c).report());
        }
        Verdict verdict = calibrated ? Verdict.holm(withQ, t -> TestInput.NATIONAL.equals(t.level())
                && CalibratedNulls.eligible(t)) : Verdict.notComputed();
        return new BatteryResult(withQ, filtered.get(0).report(), InputSummary.of(kept), level, settings, reports,
                verdict);
    }
}
