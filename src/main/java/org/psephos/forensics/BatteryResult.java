package org.psephos.forensics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psephos.data.FilterReport;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of a {@link Battery} run: one {@link TestResult} per test, variable and group (with q-values), what
 * the unit filter dropped, and the totals of the units kept. Immutable; {@link #toTable()} gives a new (mutable)
 * Tablesaw table each time.
 *
 * @param results  the rows, in table order
 * @param filter   what the unit filter kept and dropped
 * @param summary  totals of the units kept
 * @param level    the grouping the battery ran per group, or {@code null}
 * @param settings the replicates, seed, threads, minimum units and conventions used
 * @param filters  per conventions the tests ran under (the requested ones first), what its unit filter kept and
 *                 dropped; {@code filter} is the first
 * @param verdict  the election-level verdict (under reference nulls: not computed)
 * @since 0.1
 */
public record BatteryResult(List<TestResult> results, FilterReport filter, InputSummary summary, String level,
                            BatteryOptions settings, Map<Conventions, FilterReport> filters, Verdict verdict) {

    /** Copies the list and map so that the record stays immutable. */
    public BatteryResult {
        results = List.copyOf(results);
        filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        java.util.Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * A result without a verdict (reference nulls).
     *
     * @param results  the rows
     * @param filter   what the unit filter kept and dropped
     * @param summary  totals of the units kept
     * @param level    the grouping, or {@code null}
     * @param settings the settings
     * @param filters  per conventions, what its unit filter kept and dropped
     */
    public BatteryResult(List<TestResult> results, FilterReport filter, InputSummary summary, String level,
                         BatteryOptions settings, Map<Conventions, FilterReport> filters) {
        this(results, filter, summary, level, settings, filters, Verdict.notComputed());
    }

    /**
     * A result whose tests all ran after one filter, under the settings' conventions.
     *
     * @param results  the rows
     * @param filter   what the unit filter kept and dropped
     * @param summary  totals of the units kept
     * @param level    the grouping, or {@code null}
     * @param settings the settings
     */
    public BatteryResult(List<TestResult> results, FilterReport filter, InputSummary summary, String level,
                         BatteryOptions settings) {
        this(results, filter, summary, level, settings, Map.of(settings.conventions(), filter));
    }

    /** @return the kind of null the rows were judged against */
    public NullKind nullKind() {
        return settings.nullKind();
    }

    /**
     * @param row a row of this result
     * @return the name of the null its p-value comes from ({@code resampling (binomial)}, {@code clean twins},
     *         {@code refitted clean twins}, {@code none}), or {@code reference} under reference nulls
     */
    public static String nullOf(TestResult row) {
        return row.typedDetails() instanceof CalibratedDetails c ? c.nullKind() : "reference";
    }

    /**
     * @param row a row of this result
     * @return its calibration label ({@code calibrated}, {@code descriptive}, {@code no-power}), or the empty string
     *         under reference nulls
     */
    public static String labelOf(TestResult row) {
        return row.typedDetails() instanceof CalibratedDetails.Measured m ? m.label().id() : "";
    }

    /**
     * @param row a row of this result
     * @return why its calibration label, or the empty string (none given, or under reference nulls)
     */
    public static String labelReasonOf(TestResult row) {
        return row.typedDetails() instanceof CalibratedDetails.Measured m ? m.labelReason() : "";
    }

    /** @return the conventions requested (a test the tool lacks ran under Psephos's: {@link #conventionsOf}) */
    public Conventions conventions() {
        return settings.conventions();
    }

    /**
     * @param row a row of this result
     * @return the conventions the row's test ran under
     */
    public Conventions conventionsOf(TestResult row) {
        return settings.conventionsFor(row.id());
    }

    /** @return the number of applicable results whose flag fired */
    public int flagged() {
        return (int) results.stream().filter(TestResult::flag).count();
    }

    /** @return the number of applicable results */
    public int applicable() {
        return (int) results.stream().filter(TestResult::applicable).count();
    }

    /**
     * @return the rows as a table with columns id, variable, level, value, expected, ci_low, ci_high, p_value,
     *         q_value, flag, n, applicable, reason (NaN cells are Tablesaw's missing value)
     */
    public Table toTable() {
        StringColumn id = StringColumn.create("id");
        StringColumn variable = StringColumn.create("variable");
        StringColumn lvl = StringColumn.create("level");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn expected = DoubleColumn.create("expected");
        DoubleColumn low = DoubleColumn.create("ci_low");
        DoubleColumn high = DoubleColumn.create("ci_high");
        DoubleColumn p = DoubleColumn.create("p_value");
        DoubleColumn q = DoubleColumn.create("q_value");
        BooleanColumn flag = BooleanColumn.create("flag");
        IntColumn n = IntColumn.create("n");
        BooleanColumn applicable = BooleanColumn.create("applicable");
        StringColumn reason = StringColumn.create("reason");
        for (TestResult r : results) {
            id.append(r.id());
            variable.append(r.variable());
            lvl.append(r.level());
            value.append(r.value());
            expected.append(r.expected());
            low.append(r.ciLow());
            high.append(r.ciHigh());
            p.append(r.pValue());
            q.append(r.qValue());
            flag.append(r.flag());
            n.append(r.n());
            applicable.append(r.applicable());
            reason.append(r.reason());
        }
        return Table.create("forensic tests", id, variable, lvl, value, expected, low, high, p, q, flag, n,
                applicable, reason);
    }
}
