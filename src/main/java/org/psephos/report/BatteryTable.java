package org.psephos.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;

/**
 * The national results table of the {@code analyze} HTML report: one full row per test on turnout, the leader and
 * the largest options (value, expected, interval, p, q, flag, n and, under calibrated nulls, the null), flagged rows
 * highlighted; with many options (Albania 2013 has 66) the rest go into a compact matrix of flags, so that the
 * charts do not sit behind a thousand rows. Stateless.
 */
final class BatteryTable {
    /** Options with at least this share get full rows in the battery table. */
    private static final double MAIN_SHARE = 0.02;
    private static final int MAIN_OPTIONS = 8;

    private BatteryTable() {
    }

    /**
     * Adds the heading, the table of full rows and, with many options, the matrix of the others.
     *
     * @param s      the sections so far
     * @param result the battery's outcome
     * @param leader the leader's name, or null where the election has none
     */
    static void add(List<HtmlReport.Section> s, BatteryResult result, String leader) {
        s.add(new HtmlReport.Heading(2, "Forensic tests, whole election", "battery"));
        // Turnout, the leader and the largest options get full rows; with many options (Albania 2013 has 66) the
        // rest go into a compact matrix, so that the charts do not sit behind a thousand rows.
        Set<String> main = new LinkedHashSet<>();
        main.add("turnout");
        if (leader != null) {
            main.add(leader);
        }
        result.summary().shares().entrySet().stream()
                .filter(e -> e.getValue() >= MAIN_SHARE)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAIN_OPTIONS).forEach(e -> main.add(e.getKey()));
        List<List<String>> rows = new ArrayList<>();
        List<String> hl = new ArrayList<>();
        Map<String, Map<String, TestResult>> others = new LinkedHashMap<>();
        for (TestResult r : result.results()) {
            if (!TestInput.NATIONAL.equals(r.level())) {
                continue;
            }
            if (main.contains(r.variable())) {
                rows.add(row(r, result.nullKind() == NullKind.CALIBRATED));
                hl.add(r.flag() ? "flag" : r.applicable() ? "" : "na");
            } else {
                others.computeIfAbsent(r.variable(), k -> new LinkedHashMap<>()).put(r.id(), r);
            }
        }
        boolean cal = result.nullKind() == NullKind.CALIBRATED;
        s.add(new HtmlReport.Table("Every test on turnout" + (others.isEmpty() ? " and each option" : ", the leader "
                + "and the options with at least " + (int) (100 * MAIN_SHARE) + "% of the vote") + ", over all "
                + "units used (flagged rows highlighted; value, expected and interval in the test's own units"
                + (cal ? "; expected and interval: the mean and the central 95% of the statistic under the null "
                + "named in the last column" : "") + ")",
                cal ? List.of("Test", "Variable", "Value", "Expected", "Null 95%", "p", "q", "Flag", "n", "Null")
                        : List.of("Test", "Variable", "Value", "Expected", "95% interval", "p", "q", "Flag", "n"),
                rows, List.of(2, 3, 4, 5, 6, 8), hl));
        if (others.isEmpty()) {
            return;
        }
        List<String> ids = result.results().stream().map(TestResult::id).distinct().toList();
        List<String> header = new ArrayList<>(List.of("Option"));
        header.addAll(ids);
        List<List<String>> mrows = new ArrayList<>();
        List<String> mhl = new ArrayList<>();
        for (Map.Entry<String, Map<String, TestResult>> e : others.entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            boolean any = false;
            for (String id : ids) {
                TestResult r = e.getValue().get(id);
                row.add(r == null ? "" : !r.applicable() ? "n/a" : r.flag() ? "FLAG" : "-");
                any |= r != null && r.flag();
            }
            mrows.add(row);
            mhl.add(any ? "flag" : "");
        }
        s.add(new HtmlReport.Table("The other " + others.size() + " options: FLAG where a test's rule fired, - where "
                + "it did not, n/a where it did not apply (small options often have too few counts); the JSON and CSV "
                + "outputs hold the values", header, mrows, List.of(), mhl, true));
    }

    private static List<String> row(TestResult r, boolean calibrated) {
        List<String> out = new ArrayList<>();
        if (!r.applicable()) {
            out.addAll(List.of(r.id(), r.variable(), "n/a", "", "", "", "", Cells.notApplicable(r.reason()),
                    Cells.count(r.n())));
        } else {
            String expected = Double.isNaN(r.expected()) ? "" : Cells.num(r.expected());
            out.addAll(List.of(r.id(), r.variable(), Cells.num(r.value()), expected, Cells.interval(r),
                    Cells.prob(r.pValue()), Cells.prob(r.qValue()), Cells.flag(r, calibrated), Cells.count(r.n())));
        }
        if (calibrated) {
            out.add(r.applicable() ? BatteryResult.nullOf(r) : "");
        }
        return out;
    }
}
