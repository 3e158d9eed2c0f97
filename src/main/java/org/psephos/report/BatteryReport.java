package org.psephos.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.psephos.data.AtomicFiles;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.NullCalibration;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Verdict;

/**
 * The renderings of a forensic battery that {@code psephos analyze} writes: a fixed-width table for people
 * ({@link BatteryText}), the JSON contract for scripts ({@link BatteryJson}), CSV for spreadsheets, and a Markdown
 * table for notes ({@link BatteryMarkdown}); this class is their entry point and holds the sentences they share (the
 * verdict, the nulls, the conventions, the summary line of flags).
 *
 * <p>The JSON contract (issue 4): {@code {"input": {...}, "conventions": "psephos", "summary": {"units", "registered",
 * "ballots", "turnout", "share_base", "shares": {...}}, "dropped": {"reason": count}, "tests": [{"id", "variable",
 * "level", "value", "expected", "ci_low", "ci_high", "p_value", "q_value", "flag", "n", "applicable", "reason"?,
 * "conventions", "details": {...}}]}}. {@code conventions} (issue 14) names whose definitions the tests followed
 * ({@code psephos}, {@code eftoolkit} or {@code kobak}); a row's own {@code conventions} is {@code psephos} where the
 * tool lacks the test. When the tests ran after more than one unit filter, {@code dropped_by_conventions} gives
 * each filter's drops ({@code dropped} is the requested conventions'). Every NaN (a test without an interval or
 * p-value, or one that does not apply) is written as {@code null}; {@code reason} is present only for tests that do
 * not apply. The CSV has the columns of a test row without {@code details}.
 *
 * <p>Calibrated nulls (issue 15): the JSON gets {@code "nulls"} ({@code calibrated} or {@code reference}),
 * {@code "fdr"}, {@code "calibration"} (where the labels came from) and {@code "verdict"}: {@code {"answer":
 * "anomalous" | "no anomaly detected" | "not computed", "method", "alpha", "family_size", "adjusted_p",
 * "carried_by": [{"id", "variable", "p_value", "threshold"}], "reason"}}; each row gets {@code "null"} (the null its
 * p-value comes from) and, under calibrated nulls, {@code "label"} ({@code calibrated}, {@code descriptive},
 * {@code no-power}); the row's details hold the null's summary ({@code null}) and the reference value it replaces
 * ({@code reference}). The CSV gets the columns {@code null} and {@code label}. Under calibrated nulls the text and
 * the Markdown start with the verdict, and a flag means q &lt; fdr. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class BatteryReport {
    /** The CSV and table columns, in order. */
    public static final List<String> COLUMNS = List.of("id", "variable", "level", "value", "expected", "ci_low",
            "ci_high", "p_value", "q_value", "flag", "n", "applicable", "reason", "conventions", "null", "label");

    private final BatteryResult result;
    private final String source;

    private BatteryReport(BatteryResult result, String source) {
        this.result = Objects.requireNonNull(result, "result");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * @param result the battery's outcome
     * @param source where the data came from (a file name), for the {@code input} object
     * @return the report
     */
    public static BatteryReport of(BatteryResult result, String source) {
        return new BatteryReport(result, source);
    }

    /** @return the JSON document */
    public ObjectNode json() {
        return BatteryJson.of(result, source);
    }

    /** @param target the JSON file, written atomically */
    public void writeJson(Path target) {
        BatteryJson.write(target, json());
    }

    /** @param target the CSV file, written atomically */
    public void writeCsv(Path target) {
        AtomicFiles.writeText(target, w -> {
            CsvWriter.row(w, COLUMNS);
            for (TestResult r : result.results()) {
                CsvWriter.row(w, List.of(r.id(), r.variable(), r.level(), r.value(), r.expected(), r.ciLow(),
                        r.ciHigh(), r.pValue(), r.qValue(), r.flag(), r.n(), r.applicable(), r.reason(),
                        result.conventionsOf(r).id(), BatteryResult.nullOf(r), BatteryResult.labelOf(r)));
            }
        });
    }

    /**
     * @return under calibrated nulls the verdict (answer and reason, the rows that carry it, the nulls used), then
     *         the fixed-width table (test, variable, level, value, expected, 95% range of the null, p, q, flag,
     *         null); under reference nulls the table as before issue 15 (95% CI, the tests' own flags); a
     *         not-applicable row says "n/a" and why; then the summary line of flags
     */
    public String text() {
        return BatteryText.render(result, summaryLine());
    }

    /**
     * @param result a battery's outcome
     * @return the verdict's paragraph: "Verdict: ANOMALOUS." and the reason, the rows that carry it, and the nulls
     *         and flag rule used
     */
    public static String verdictText(BatteryResult result) {
        Verdict v = result.verdict();
        StringBuilder sb = new StringBuilder("Verdict: ").append(v.answer().text().toUpperCase(Locale.ROOT))
                .append(". ").append(v.reason()).append('\n');
        if (!v.carriers().isEmpty()) {
            sb.append("Carried by: ");
            for (int i = 0; i < v.carriers().size(); i++) {
                Verdict.Row r = v.carriers().get(i);
                sb.append(i == 0 ? "" : "; ").append(r.id()).append(' ').append(r.variable()).append(" (p ")
                        .append(Cells.prob(r.pValue())).append(')');
            }
            sb.append('\n');
        }
        sb.append(nullsLine(result)).append('\n');
        return sb.toString();
    }

    /** @return which nulls and flag rule the rows used, one sentence */
    public static String nullsLine(BatteryResult result) {
        if (result.nullKind() != NullKind.CALIBRATED) {
            return "Nulls: reference (the literature's fixed values and each test's own flag rule; no verdict).";
        }
        List<String> kinds = result.results().stream().map(BatteryResult::nullOf).distinct()
                .filter(k -> !k.equals("reference")).toList();
        long descriptive = result.results().stream().filter(r -> NullCalibration.Label.DESCRIPTIVE.id()
                .equals(BatteryResult.labelOf(r))).map(TestResult::id).distinct().count();
        return String.format(Locale.ROOT, "Nulls: calibrated (%s; %d replicates, seed %d); flags: q < %s "
                + "(Benjamini-Hochberg over every calibrated p-value of the table)%s.", String.join(", ", kinds),
                result.settings().replicates(), result.settings().seed(), fdrText(result.settings().fdr()),
                descriptive == 0 ? "" : "; " + descriptive + " descriptive test" + (descriptive == 1 ? "" : "s")
                        + " reported outside the q-values and the verdict (labels: "
                        + result.settings().nulls().calibration().source() + ")");
    }

    private static String fdrText(double q) {
        return java.math.BigDecimal.valueOf(q).stripTrailingZeros().toPlainString();
    }

    /**
     * @return the battery as a GitHub-flavoured Markdown table (test, variable, level, value, expected, 95% CI, p,
     *         q, flag; the test and flag of flagged rows bold) followed by the summary line, for notes. Cells from
     *         the input (option and group names) have Markdown and HTML characters escaped, so a name cannot break
     *         the table or inject markup.
     */
    public String markdown() {
        return BatteryMarkdown.render(result, summaryLine());
    }

    /**
     * @param result the battery's outcome
     * @param r      one of its rows
     * @return its test id, with {@value #OWN_MARK} appended when the row ran under Psephos's conventions because the
     *         requested tool lacks the test
     */
    static String testLabel(BatteryResult result, TestResult r) {
        return result.conventionsOf(r) == result.conventions() ? r.id() : r.id() + OWN_MARK;
    }

    /**
     * @param result the battery's outcome
     * @param r      one of its rows, applicable
     * @return the row's cells in the text and Markdown tables: test, variable, level, value, expected, interval, p,
     *         q, flag
     */
    static String[] cells(BatteryResult result, TestResult r) {
        return new String[] {testLabel(result, r), r.variable(), r.level(), Cells.num(r.value()),
            Cells.num(r.expected()), Cells.interval(r), Cells.prob(r.pValue()), Cells.prob(r.qValue()),
            Cells.flag(r, result.nullKind() == NullKind.CALIBRATED)};
    }

    /** Appended to the test of a row that ran under Psephos's conventions although another tool's were asked. */
    static final String OWN_MARK = " (psephos)";

    /**
     * @param result a battery's outcome
     * @return which conventions produced it, e.g. "eftoolkit (EFToolkit ...); rows marked (psephos) ran under
     *         psephos conventions: the tool has no such test"
     */
    public static String conventionsLine(BatteryResult result) {
        Conventions c = result.conventions();
        String s = c.id() + " (" + c.source() + ")";
        boolean own = result.results().stream().anyMatch(r -> result.conventionsOf(r) != c);
        return own ? s + "; rows marked" + OWN_MARK + " ran under psephos conventions: the tool has no such test" : s;
    }

    /** @param target the Markdown file, written atomically */
    public void writeMarkdown(Path target) {
        String doc = markdown();
        AtomicFiles.writeText(target, w -> w.write(doc));
    }

    /**
     * @return "Flags: F of A applicable results (N not applicable); Q with q &lt; 0.05. Units: ..."; under calibrated
     *         nulls a flag is q &lt; fdr, and the rows outside the q-values (descriptive tests, tests without a
     *         calibrated null) are counted
     */
    public String summaryLine() {
        List<TestResult> rs = result.results();
        long q05 = rs.stream().filter(r -> r.qValue() < 0.05).count();
        int applicable = result.applicable();
        if (result.nullKind() == NullKind.CALIBRATED) {
            long outside = rs.stream().filter(r -> r.applicable() && Double.isNaN(r.qValue())).count();
            return String.format(Locale.ROOT,
                    "Flags: %d of %d applicable results with q < %s (%d not applicable; %d outside the q-values: "
                            + "descriptive, or without a p-value); %d with q < 0.05. Units: %d kept of %d read.",
                    result.flagged(), applicable, fdrText(result.settings().fdr()), rs.size() - applicable, outside,
                    q05, result.filter().kept(), result.filter().read());
        }
        return String.format(Locale.ROOT,
                "Flags: %d of %d applicable results (%d not applicable); %d with q < 0.05. Units: %d kept of %d "
                        + "read.",
                result.flagged(), applicable, rs.size() - applicable, q05, result.filter().kept(),
                result.filter().read());
    }
}
