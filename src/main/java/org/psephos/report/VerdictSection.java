package org.psephos.report;

import java.util.List;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.Verdict;

/**
 * The verdict of the {@code analyze} HTML report, its first section under calibrated nulls: the answer as a heading,
 * the reason, the rows that carry it with their Holm thresholds, what an anomaly means, and the nulls used
 * ({@link BatteryReport#nullsLine}). Stateless.
 */
final class VerdictSection {
    private VerdictSection() {
    }

    /**
     * Adds the verdict (under calibrated nulls; nothing under reference nulls).
     *
     * @param s      the sections so far
     * @param result the battery's outcome
     */
    static void add(List<HtmlReport.Section> s, BatteryResult result) {
        if (result.nullKind() != NullKind.CALIBRATED) {
            return;
        }
        Verdict v = result.verdict();
        s.add(new HtmlReport.Heading(2, "Verdict: " + v.answer().text(), "verdict"));
        StringBuilder p = new StringBuilder(v.reason());
        if (!v.carriers().isEmpty()) {
            p.append(" Carried by: ");
            for (int i = 0; i < v.carriers().size(); i++) {
                Verdict.Row r = v.carriers().get(i);
                p.append(i == 0 ? "" : "; ").append(r.id()).append(" on ").append(r.variable()).append(" (p ")
                        .append(Cells.prob(r.pValue())).append(", Holm threshold ")
                        .append(Cells.prob(r.threshold())).append(')');
            }
            p.append('.');
        }
        p.append(" Every test is judged against a null built from this election's own data (resampled counts for "
                + "the digit and round-number tests, clean twins for the shape tests and the estimators), so that "
                + "what heterogeneity and count sizes do to a statistic on a clean election is not mistaken for "
                + "fraud. An anomaly is a pattern that clean counting would not produce; it is evidence to "
                + "explain, not proof of fraud.");
        s.add(HtmlReport.Paragraph.text(p.toString()));
        s.add(HtmlReport.Paragraph.note(BatteryReport.nullsLine(result)));
    }
}
