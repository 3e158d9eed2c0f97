package org.psephos;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.psephos.data.Election;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Verdict;
import org.psephos.report.AnalysisReport;
import org.psephos.report.BatteryReport;
import org.psephos.report.HtmlReport;

/**
 * The outcome of {@link Psephos#analyze}: the election as given and the battery's results (every test on turnout
 * and each option, per group with a level, with bootstrap intervals, p-values, Benjamini–Hochberg q-values and
 * flags; see {@link org.psephos.forensics.Battery} for the methods and their papers), with shortcuts to the
 * report formats. Immutable.
 *
 * @param election the election analysed (before the standard unit filter, which the battery applies)
 * @param result   the battery's results
 * @since 0.1
 */
public record Analysis(Election election, BatteryResult result) {
    /** Checks that neither part is null. */
    public Analysis {
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(result, "result");
    }

    /**
     * The election-level verdict ({@link Verdict}): anomalous or no anomaly detected, by Holm's procedure over the
     * national rows' calibrated p-values (family-wise error 5%), with the rows that carry it and the reason; not
     * computed under reference nulls.
     *
     * @return the verdict
     */
    public Verdict verdict() {
        return result.verdict();
    }

    /**
     * @return the results whose flag fired, in table order: under calibrated nulls the rows whose q-value is below
     *         the false discovery rate, under reference nulls those whose test's own rule fired
     */
    public List<TestResult> flagged() {
        return result.results().stream().filter(TestResult::flag).toList();
    }

    /** @return the text table, JSON, CSV and Markdown renderings */
    public BatteryReport report() {
        return BatteryReport.of(result, election.name());
    }

    /** @return the self-contained HTML report of {@code psephos analyze --report} */
    public HtmlReport html() {
        return AnalysisReport.report(election, result, election.name(), Psephos.version(), "Psephos.analyze");
    }

    /**
     * @param target the HTML file, written atomically
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    public void writeHtml(Path target) {
        html().write(target);
    }
}
