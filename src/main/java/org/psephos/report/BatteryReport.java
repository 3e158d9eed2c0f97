package org.psephos.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.psephos.data.AtomicFiles;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.InputSummary;
import org.psephos.forensics.NullCalibration;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Verdict;

/**
 * The three renderings of a forensic battery that {@code psephos analyze} writes: a fixed-width table for people,
 * the JSON contract for scripts, CSV for spreadsheets, and a Markdown table for notes.
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

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
        ObjectNode root = NODES.objectNode();
        ObjectNode in = root.putObject("input");
        in.put("file", source);
        if (result.level() == null) {
            in.putNull("level");
        } else {
            in.put("level", result.level());
        }
        ArrayNode ids = in.putArray("tests");
        result.results().stream().map(TestResult::id).distinct().forEach(ids::add);
        in.put("replicates", result.settings().replicates());
        in.put("seed", result.settings().seed());
        in.put("min_units", result.settings().minUnits());
        in.put("units_read", result.filter().read());
        root.put("conventions", result.conventions().id());
        root.put("nulls", result.nullKind().id());
        root.put("fdr", result.settings().fdr());
        if (result.nullKind() == NullKind.CALIBRATED) {
            root.put("calibration", result.settings().nulls().calibration().source());
        }
        root.set("verdict", verdictJson(result.verdict()));

        InputSummary s = result.summary();
        ObjectNode sum = root.putObject("summary");
        sum.put("units", s.units());
        sum.put("registered", s.registered());
        sum.put("ballots", s.ballots());
        number(sum, "turnout", s.turnout());
        sum.put("share_base", s.shareBase());
        ObjectNode shares = sum.putObject("shares");
        s.shares().forEach((k, v) -> number(shares, k, v));

        ObjectNode dropped = root.putObject("dropped");
        result.filter().droppedByLabel().forEach(dropped::put);
        if (result.filters().size() > 1) {
            ObjectNode by = root.putObject("dropped_by_conventions");
            result.filters().forEach((c, f) -> {
                ObjectNode o = by.putObject(c.id());
                o.put("units_read", f.read());
                o.put("units_kept", f.kept());
                f.droppedByLabel().forEach(o::put);
            });
        }

        ArrayNode tests = root.putArray("tests");
        for (TestResult r : result.results()) {
            ObjectNode t = tests.addObject();
            t.put("id", r.id());
            t.put("variable", r.variable());
            t.put("level", r.level());
            number(t, "value", r.value());
            number(t, "expected", r.expected());
            number(t, "ci_low", r.ciLow());
            number(t, "ci_high", r.ciHigh());
            number(t, "p_value", r.pValue());
            number(t, "q_value", r.qValue());
            t.put("flag", r.flag());
            t.put("n", r.n());
            t.put("applicable", r.applicable());
            if (!r.applicable()) {
                t.put("reason", r.reason());
            }
            t.put("conventions", result.conventionsOf(r).id());
            t.put("null", BatteryResult.nullOf(r));
            if (!BatteryResult.labelOf(r).isEmpty()) {
                t.put("label", BatteryResult.labelOf(r));
            }
            t.set("details", value(r.details()));
        }
        return root;
    }

    /** @return the verdict as the JSON's {@code verdict} object */
    static ObjectNode verdictJson(Verdict v) {
        ObjectNode o = NODES.objectNode();
        o.put("answer", v.answer().text());
        o.put("method", v.method());
        o.put("alpha", v.alpha());
        o.put("family_size", v.family().size());
        number(o, "adjusted_p", v.adjustedP());
        ArrayNode c = o.putArray("carried_by");
        for (Verdict.Row r : v.carriers()) {
            ObjectNode x = c.addObject();
            x.put("id", r.id());
            x.put("variable", r.variable());
            number(x, "p_value", r.pValue());
            number(x, "threshold", r.threshold());
        }
        o.put("reason", v.reason());
        return o;
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    /** Converts a details value to JSON, with non-finite doubles as null. */
    private static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = NODES.arrayNode();
            c.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof double[] arr) {
            ArrayNode a = NODES.arrayNode();
            for (double x : arr) {
                a.add(value(x));
            }
            return a;
        }
        return MAPPER.valueToTree(v);
    }

    /** @param target the JSON file, written atomically */
    public void writeJson(Path target) {
        AtomicFiles.writeText(target, w -> MAPPER.writeValue(new NonClosing(w), json()));
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
        boolean cal = result.nullKind() == NullKind.CALIBRATED;
        List<String[]> rows = new ArrayList<>();
        rows.add(cal ? new String[] {"test", "variable", "level", "value", "expected", "null 95%", "p", "q", "flag",
            "null"} : new String[] {"test", "variable", "level", "value", "expected", "95% CI", "p", "q", "flag"});
        for (TestResult r : result.results()) {
            String[] row = cal ? new String[10] : new String[9];
            if (r.applicable()) {
                String[] cells = {testLabel(r), r.variable(), r.level(), Cells.num(r.value()),
                    Cells.num(r.expected()), Cells.interval(r), Cells.prob(r.pValue()), Cells.prob(r.qValue()),
                    Cells.flag(r, cal)};
                System.arraycopy(cells, 0, row, 0, cells.length);
            } else {
                String[] cells = {testLabel(r), r.variable(), r.level(), "n/a", "", "", "", "", r.reason()};
                System.arraycopy(cells, 0, row, 0, cells.length);
            }
            if (cal) {
                // the reason of a not-applicable row is the last column, so the null goes before it
                row[9] = r.applicable() ? shortNull(r) : row[8];
                row[8] = r.applicable() ? row[8] : "";
            }
            rows.add(row);
        }
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int c = 0; c < cols - 1; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (cal) {
            sb.append(verdictText(result)).append('\n');
        }
        if (result.conventions() != Conventions.PSEPHOS) {
            sb.append("Conventions: ").append(conventionsLine(result)).append('\n');
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                boolean right = c >= 3 && c <= 7;
                String cell = row[c];
                if (c == cols - 1) {
                    line.append(cell);
                } else if (right) {
                    line.append(" ".repeat(width[c] - cell.length())).append(cell).append("  ");
                } else {
                    line.append(cell).append(" ".repeat(width[c] - cell.length())).append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        if (cal) {
            sb.append(estimateLines());
        }
        sb.append(summaryLine()).append('\n');
        return sb.toString();
    }

    /**
     * @return under calibrated nulls the table's interval column is the null's range, so an estimate that has its
     *         own interval (Spikes: Rozenas's {@code confInt} over posterior draws) gets a line of its own with it;
     *         empty when no row has one
     */
    private String estimateLines() {
        StringBuilder sb = new StringBuilder();
        for (TestResult r : result.results()) {
            if (!r.applicable() || !(r.details().get("conf_int") instanceof Map<?, ?> c)
                    || !(c.get("mean_percent") instanceof Number mean) || !(c.get("low_percent") instanceof Number lo)
                    || !(c.get("high_percent") instanceof Number hi)) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "Estimate: %s on %s (%s): %s%% of the votes [%s%%, %s%%], mean and "
                    + "2.5%%-97.5%% quantiles over %s posterior draws (Rozenas's confInt)%n", r.id(), r.variable(),
                    r.level(), Cells.num(mean.doubleValue()), Cells.num(lo.doubleValue()),
                    Cells.num(hi.doubleValue()), c.get("boots")));
        }
        return sb.toString();
    }

    /** @return the null's short name for the text table */
    static String shortNull(TestResult r) {
        String n = BatteryResult.nullOf(r);
        return n.startsWith("resampling") ? "resampling" : n.equals("clean twins") ? "twins"
                : n.equals("refitted clean twins") ? "refits" : n;
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
        StringBuilder sb = new StringBuilder();
        boolean cal = result.nullKind() == NullKind.CALIBRATED;
        if (cal) {
            for (String line : verdictText(result).split("\n")) {
                sb.append(markdownCell(line)).append("\n\n");
            }
        }
        sb.append(markdownCell("Conventions: " + conventionsLine(result))).append("\n\n");
        sb.append(cal ? "| test | variable | level | value | expected | null 95% | p | q | flag | null |\n"
                : "| test | variable | level | value | expected | 95% CI | p | q | flag |\n");
        sb.append(cal ? "| --- | --- | --- | ---: | ---: | --- | ---: | ---: | --- | --- |\n"
                : "| --- | --- | --- | ---: | ---: | --- | ---: | ---: | --- |\n");
        for (TestResult r : result.results()) {
            String[] cells;
            if (r.applicable()) {
                cells = new String[] {testLabel(r), r.variable(), r.level(), Cells.num(r.value()),
                    Cells.num(r.expected()), Cells.interval(r), Cells.prob(r.pValue()), Cells.prob(r.qValue()),
                    Cells.flag(r, cal)};
            } else {
                cells = new String[] {testLabel(r), r.variable(), r.level(), "n/a", "", "", "", "",
                    Cells.notApplicable(r.reason())};
            }
            if (cal) {
                cells = java.util.Arrays.copyOf(cells, 10);
                cells[9] = r.applicable() ? shortNull(r) : "";
            }
            sb.append('|');
            for (int c = 0; c < cells.length; c++) {
                String e = markdownCell(cells[c]);
                boolean bold = r.flag() && (c == 0 || c == 8);
                sb.append(' ').append(bold ? "**" + e + "**" : e).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n').append(markdownCell(summaryLine())).append('\n');
        return sb.toString();
    }

    /**
     * @param r a row
     * @return its test id, with {@value #OWN_MARK} appended when the row ran under Psephos's conventions because the
     *         requested tool lacks the test
     */
    private String testLabel(TestResult r) {
        return result.conventionsOf(r) == result.conventions() ? r.id() : r.id() + OWN_MARK;
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

    /** Escapes a table cell: backslash-escapes Markdown punctuation, entity-escapes HTML, flattens line breaks. */
    static String markdownCell(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '|', '\\', '*', '_', '`', '[', ']', '#' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
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

    /** Keeps Jackson from closing the atomic writer, which {@link AtomicFiles} closes itself. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(java.io.Writer w) {
            super(w);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
