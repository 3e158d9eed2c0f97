package org.psephos.estimation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.psephos.forensics.NullCalibration;

/**
 * The outcome of a {@link Calibration}: for every scenario, test and variable the rate at which the national row's
 * calibrated p-value is at most the level (a false-positive rate on clean scenarios, a power on fraud scenarios),
 * and the same for the election-level verdict, each with its Clopper–Pearson interval; and the labels the
 * measurement gives the tests (descriptive, no power). Immutable.
 *
 * @param elections   elections per scenario K
 * @param replicates  null replicates of every battery run
 * @param seed        the run seed
 * @param level       the level α of the rows and of the one-sided tests (0.05)
 * @param grouping    the grouping the battery ran per group (and the twins were fitted by), or null
 * @param tests       the tests run, in table order
 * @param labelsApplied where the labels the verdicts were scored with came from (the battery's calibration table)
 * @param scenarios   the scenarios, clean first
 * @param rates       per scenario, test and variable, and the verdict ({@link #VERDICT}) of every scenario and of
 *                    all clean scenarios together ({@link #ALL_CLEAN}), twice: with the labels the battery applied
 *                    (variable {@link #APPLIED}: the verdict {@code analyze} prints) and with the labels this run
 *                    measured (variable {@link #MEASURED})
 * @param labels      the labels this measurement gives (tests neither descriptive nor without power are absent)
 * @since 0.1
 */
public record CalibrationResult(int elections, int replicates, long seed, double level, String grouping,
                                List<String> tests, String labelsApplied, List<Scenario> scenarios, List<Rate> rates,
                                List<Label> labels) {
    /** The pseudo test id of the election-level verdict. */
    public static final String VERDICT = "verdict";
    /** The verdict's "variable" when scored as the battery gave it (the labels it applied). */
    public static final String APPLIED = "applied labels";
    /** The verdict's "variable" when scored with the labels this run measured (in-sample: see {@link Calibration}). */
    public static final String MEASURED = "measured labels";
    /** The pseudo scenario of every clean election together. */
    public static final String ALL_CLEAN = "all clean";

    /** Copies the lists. */
    public CalibrationResult {
        tests = List.copyOf(tests);
        scenarios = List.copyOf(scenarios);
        rates = List.copyOf(rates);
        labels = List.copyOf(labels);
        Objects.requireNonNull(labelsApplied, "labelsApplied");
    }

    /**
     * One scenario.
     *
     * @param name        its name
     * @param kind        {@code clean} or {@code fraud}
     * @param description what its elections are
     * @param targets     the tests its fraud targets
     */
    public record Scenario(String name, String kind, String description, List<String> targets) {
        /** Copies the list. */
        public Scenario {
            targets = List.copyOf(targets);
        }
    }

    /**
     * One measured rate.
     *
     * @param scenario the scenario's name (or {@link #ALL_CLEAN})
     * @param kind     {@code clean} (a false-positive rate) or {@code fraud} (a power)
     * @param test     the test id, or {@link #VERDICT}
     * @param variable {@code turnout}, {@code leader}, {@code other} (every option but the leader, by their
     *                 Bonferroni-adjusted smallest p-value), or for the verdict {@link #APPLIED} or {@link #MEASURED}
     * @param rate     rejections at the level among the elections where the row had a p-value
     */
    public record Rate(String scenario, String kind, String test, String variable, BinomialRate rate) {
    }

    /**
     * A label measured by this run, in the terms of {@link NullCalibration}.
     *
     * @param test     the test id
     * @param variable {@code turnout}, {@code leader}, {@code other} or {@code *}
     * @param label    {@code descriptive} or {@code no-power}
     * @param reason   the measurement, one sentence
     */
    public record Label(String test, String variable, String label, String reason) {
    }

    /**
     * @param scenario a scenario name
     * @param test     a test id or {@link #VERDICT}
     * @param variable the variable ({@code *} for the verdict)
     * @return the rate, if measured
     */
    public Optional<Rate> rate(String scenario, String test, String variable) {
        return rates.stream().filter(r -> r.scenario().equals(scenario) && r.test().equals(test)
                && r.variable().equals(variable)).findFirst();
    }

    /**
     * @param comment the table's source line (the command)
     * @return the labels as a table {@code analyze --calibration} applies
     */
    public NullCalibration labelTable(String comment) {
        return table(labels, comment);
    }

    /**
     * @param labels  labels
     * @param comment the table's source line
     * @return them as a {@link NullCalibration}
     */
    static NullCalibration table(List<Label> labels, String comment) {
        StringBuilder csv = new StringBuilder("# ").append(comment.replace('\n', ' ')).append('\n');
        csv.append("test,variable,label,reason\n");
        for (Label l : labels) {
            csv.append(l.test()).append(',').append(l.variable()).append(',').append(l.label()).append(",\"")
                    .append(l.reason().replace("\"", "\"\"")).append("\"\n");
        }
        return NullCalibration.parse(new java.io.StringReader(csv.toString()), "calibrate");
    }
}
