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
 * {@link ForensicTest.Scope#LEADER_AND_TURNOUT} run once per group, on the leader. The result is the same for any
 * thread count: each test's randomness is keyed by its id, variable and group.
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
     * @param progress told after each variable of each group (done, groups × variables)
     * @return the results, with q-values
     * @throws IllegalArgumentException if the level names no grouping of the election or an option is unknown
     */
    public BatteryResult run(Election election, BatteryOptions settings, Progress progress) {
        UnitFilter.Filtered filtered = filter.apply(election);
        Election kept = filtered.election();
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
        List<String> labels = new ArrayList<>();
        List<Election> groups = new ArrayList<>();
        labels.add(TestInput.NATIONAL);
        groups.add(kept);
        if (level != null) {
            Optional<Grouping> g = kept.grouping(level);
            if (g.isEmpty()) {
                throw new IllegalArgumentException("no grouping named '" + level + "'; groupings are "
                        + election.groupings().stream().map(Grouping::name).toList());
            }
            for (int c = 0; c < g.get().levelCount(); c++) {
                labels.add(g.get().levels().get(c));
                groups.add(kept.select(g.get().unitsOf(c)));
            }
        }
        List<TestResult> rows = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            Election units = groups.get(gi);
            for (int vi = 0; vi < variables.size(); vi++) {
                TestInput in = new TestInput(units, labels.get(gi), variables.get(vi));
                for (ForensicTest t : tests) {
                    if (t.scope() == ForensicTest.Scope.PER_VARIABLE) {
                        rows.add(t.run(in, settings));
                    }
                }
                progress.update((long) gi * variables.size() + vi + 1, (long) groups.size() * variables.size());
            }
            if (units.leader() >= 0) {
                TestInput leader = new TestInput(units, labels.get(gi), Variable.option(units, units.leader()));
                for (ForensicTest t : tests) {
                    if (t.scope() == ForensicTest.Scope.LEADER_AND_TURNOUT) {
                        rows.add(t.run(leader, settings));
                    }
                }
            }
        }
        double[] p = rows.stream().mapToDouble(TestResult::pValue).toArray();
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<TestResult> withQ = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            withQ.add(rows.get(i).withQValue(q[i]));
        }
        return new BatteryResult(withQ, filtered.report(), InputSummary.of(kept), level, settings);
    }
}
