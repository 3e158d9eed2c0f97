package org.psephos.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;

/**
 * The per-group table of the {@code analyze} HTML report ({@code --level}): one row per group with its units, each
 * test's flagged variables out of those it applied to, and the smallest q-value; rows with a flag highlighted.
 * Stateless.
 */
final class GroupTable {
    private GroupTable() {
    }

    /**
     * Adds the heading and the table (nothing else: the caller adds it only when the battery ran at a level).
     *
     * @param s      the sections so far
     * @param kept   the units the battery used, for the units per group
     * @param result the battery's outcome
     */
    static void add(List<HtmlReport.Section> s, Election kept, BatteryResult result) {
        String level = result.level();
        s.add(new HtmlReport.Heading(2, "Tests per " + level, "groups"));
        Map<String, List<TestResult>> byGroup = new LinkedHashMap<>();
        List<String> ids = result.results().stream().map(TestResult::id).distinct().toList();
        for (TestResult r : result.results()) {
            if (!TestInput.NATIONAL.equals(r.level())) {
                byGroup.computeIfAbsent(r.level(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        Optional<Grouping> g = kept.grouping(level);
        if (g.isPresent()) {
            for (int i = 0; i < kept.size(); i++) {
                units.merge(g.get().levels().get(g.get().code(i)), 1, Integer::sum);
            }
        }
        List<String> header = new ArrayList<>(List.of(level, "Units"));
        header.addAll(ids);
        header.add("Smallest q");
        List<Integer> numeric = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            numeric.add(c);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> hl = new ArrayList<>();
        for (Map.Entry<String, List<TestResult>> e : byGroup.entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey(), Cells.count(units.getOrDefault(e.getKey(), 0))));
            boolean any = false;
            double minQ = Double.NaN;
            for (String id : ids) {
                int flagged = 0;
                int applicable = 0;
                for (TestResult r : e.getValue()) {
                    if (r.id().equals(id) && r.applicable()) {
                        applicable++;
                        flagged += r.flag() ? 1 : 0;
                    }
                }
                row.add(applicable == 0 ? "n/a" : flagged + "/" + applicable);
                any |= flagged > 0;
            }
            for (TestResult r : e.getValue()) {
                if (!Double.isNaN(r.qValue()) && !(r.qValue() >= minQ)) {
                    minQ = r.qValue();
                }
            }
            row.add(Cells.prob(minQ));
            rows.add(row);
            hl.add(any ? "flag" : "");
        }
        s.add(new HtmlReport.Table("One row per " + level + "; each test column gives the flagged variables out of "
                + "the variables (turnout and the options) the test applied to, \"n/a\" where it applied to none. "
                + "Rows with a flag are highlighted; the JSON and CSV outputs hold every result.",
                header, rows, numeric, hl, true));
    }
}
