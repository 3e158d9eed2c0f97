package org.psephos.cases.kazakhstan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.psephos.report.ChartSet;
import org.psephos.report.HtmlReport;
import org.psephos.report.ScenarioReport;
import org.psephos.scenarios.ScenarioResult;

/**
 * The Kazakhstan case study's {@code report.html}: composes the sections in order (1–2
 * {@link LawHistorySections}, 3 {@link CalibrationSection}, 4 {@link PresidentialScenarioSection}, 5
 * {@link ReferendumSection}, 6–7 {@link ElectionDaySections}, 8–9 {@link SensitivitySections}) with
 * the provenance, and holds the number formats and table conventions the sections share. Stateless.
 */
final class KazakhstanHtml {
    private KazakhstanHtml() {
    }

    /** @return a proportion as a percentage, as {@link ScenarioReport#pct} prints it */
    static String pct(double p) {
        return ScenarioReport.pct(p);
    }

    /** @return a number to the given decimals, as {@link ScenarioReport#num} prints it */
    static String num(double v, int decimals) {
        return ScenarioReport.num(v, decimals);
    }

    /** @return the year of the election a scenario's preset electorate is calibrated to */
    static int year(KazakhstanCase.Result r, ScenarioResult s) {
        return r.calibration(KazakhstanModel.presetElection(s.electorate())).year();
    }

    /** @return a proportion's Monte Carlo error in percentage points, e.g. "0.04" */
    static String pts(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.2f", 100 * p) : "n/a";
    }

    /** @return a count with thousands separators */
    static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** @return a subsection heading */
    static HtmlReport.Heading sub(String text) {
        return new HtmlReport.Heading(3, text, null);
    }

    /** @return a paragraph set apart as a note */
    static HtmlReport.Paragraph note(String text) {
        return HtmlReport.Paragraph.note(text);
    }

    /**
     * @return a table whose columns of numbers (or "n/a", "not reached") are right-aligned and whose flagged rows,
     *         if {@code flagged} is not null, are highlighted
     */
    static HtmlReport.Table table(String caption, List<String> header, List<List<String>> rows,
                                  List<Boolean> flagged) {
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            final int col = i;
            if (rows.stream().allMatch(row -> row.get(col).matches("[-+]?[0-9.,]+%?( ± [0-9.,]+%?)?|n/a|not reached"))) {
                numeric.add(i);
            }
        }
        List<String> hl = flagged == null ? Collections.nCopies(rows.size(), "")
                : flagged.stream().map(f -> f ? "flag" : "").toList();
        return new HtmlReport.Table(caption, header, rows, numeric, hl);
    }

    /**
     * @param r      the case study
     * @param charts the charts by file name (each encoded once for the files and the report)
     * @return the report
     */
    static HtmlReport report(KazakhstanCase.Result r, ChartSet charts) {
        HtmlReport.Builder h = HtmlReport.builder("Kazakhstan: presidential elections and referendums, the law, a "
                + "calibrated synthetic electorate and fraud scenarios (second edition)");
        h.add(note("No polling-station results of any Kazakh election were published. Everything below works from "
                + "national and regional aggregates, from the electoral commission's election-day briefings and from "
                + "Monte Carlo simulation of a synthetic electorate calibrated to them; the simulated station-level "
                + "figures are models, not data. Every Monte Carlo figure carries its Monte Carlo standard error."));
        LawHistorySections.law(h, r);
        LawHistorySections.history(h, r, charts);
        CalibrationSection.calibration(h, r, charts);
        PresidentialScenarioSection.scenarios(h, r, charts);
        ReferendumSection.referendums(h, r, charts);
        ElectionDaySections.intraday(h, r, charts);
        ElectionDaySections.observers(h, r);
        SensitivitySections.sensitivity(h, r, charts);
        SensitivitySections.precision(h, r);
        h.provenance("Results", "datasets/kazakhstan: national_results.csv, referendums.csv, regions.csv, "
                + "election_facts.csv, intraday_turnout.csv, observers.csv, law.json (every figure with its source)");
        h.provenance("Models", "Klimek, Yegorov, Hanel and Thurner (2012), PNAS 109(41), doi:10.1073/pnas.1210722109; "
                + "Laakso and Taagepera (1979), doi:10.1177/001041407901200101; Cochran (1977), Sampling Techniques; "
                + "Iglewicz and Hoaglin (1993), How to Detect and Handle Outliers; Maritz and Jarrett (1978), JASA "
                + "73(361), 194-196; Conover (1999), Practical Nonparametric Statistics; Deville and Sarndal (1992), "
                + "JASA 87(418), 376-382");
        StringBuilder seeds = new StringBuilder();
        for (ScenarioResult s : r.scenarios()) {
            seeds.append(seeds.length() == 0 ? "" : "; ").append(s.name()).append(": seed ").append(s.seed())
                    .append(", ").append(s.replicates()).append(s.replicates() == 1 ? " replicate" : " replicates");
        }
        h.provenance("Seeds and replicates", seeds.toString());
        return h.build();
    }
}
