package org.psephos.report;

import java.util.List;
import java.util.Optional;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.NullCalibration;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.TestResult;

/**
 * The closing section of the {@code analyze} HTML report, "About the tests": for every test that ran, from
 * {@link TestGuide}, what it detects, when it does not apply and its source; under calibrated nulls also the null it
 * used, its calibration label (descriptive, no power) and why its reference value alone would mislead. Stateless.
 */
final class TestGuideSection {
    private TestGuideSection() {
    }

    /**
     * Adds the heading, the caveat and one entry per test that ran, in the battery's order.
     *
     * @param s      the sections so far
     * @param result the battery's outcome
     */
    static void add(List<HtmlReport.Section> s, BatteryResult result) {
        s.add(new HtmlReport.Heading(2, "About the tests", "tests"));
        s.add(HtmlReport.Paragraph.text("Each test looks for one trace that manipulation can leave. None proves "
                + "fraud, and each has situations where honest results trip it; read a flag together with the "
                + "charts and what is known about the election."));
        result.results().stream().map(TestResult::id).distinct().forEach(id -> {
            Optional<TestGuide.Entry> e = TestGuide.of(id);
            if (e.isEmpty()) {
                s.add(new HtmlReport.Heading(3, id, null));
                s.add(HtmlReport.Paragraph.text("No description available for this test."));
                nullParagraphs(s, result, id);
                return;
            }
            TestGuide.Entry t = e.get();
            s.add(new HtmlReport.Heading(3, t.name() + " (" + t.id() + ")", null));
            s.add(HtmlReport.Paragraph.text("What it detects: " + t.detects()));
            s.add(HtmlReport.Paragraph.text("When it does not apply: " + t.notApplicable()));
            nullParagraphs(s, result, id);
            s.add(HtmlReport.Paragraph.text("Source: " + t.source()));
        });
    }

    /** Under calibrated nulls: the null a test used, why its reference value alone would mislead, its label. */
    private static void nullParagraphs(List<HtmlReport.Section> s, BatteryResult result, String id) {
        if (result.nullKind() != NullKind.CALIBRATED) {
            return;
        }
        TestResult any = result.results().stream().filter(r -> r.id().equals(id) && r.applicable()).findFirst()
                .orElse(null);
        if (any != null) {
            String kind = BatteryResult.nullOf(any);
            String what = switch (kind) {
                case "clean twins" -> "clean twins: elections simulated with every unit's registered voters and "
                        + "group, turnout and shares drawn from a no-fraud model fitted to this election's clean "
                        + "peak (the statistic recomputed on each)";
                case "refitted clean twins" -> "refitted clean twins: the estimator refitted on clean twins of this "
                        + "election, its estimate on the data compared with theirs";
                case "none" -> "none: reported as the test computes it, outside the q-values and the verdict";
                default -> kind + ": every unit's counts redrawn at its own size and rates (the statistic "
                        + "recomputed on each resampled election)";
            };
            s.add(HtmlReport.Paragraph.text("Null used: " + what + "."));
            String label = BatteryResult.labelOf(any);
            String reason = BatteryResult.labelReasonOf(any).isEmpty() ? null : BatteryResult.labelReasonOf(any);
            if (NullCalibration.Label.DESCRIPTIVE.id().equals(label)) {
                s.add(HtmlReport.Paragraph.text("Descriptive: its false-positive rate on clean elections was measured "
                        + "above the level, so it is reported without a flag and kept out of the verdict"
                        + (reason == null ? "." : " (" + reason + ").")));
            } else if (NullCalibration.Label.NO_POWER.id().equals(label)) {
                s.add(HtmlReport.Paragraph.text("No power: it was measured unable to detect the fraud it targets"
                        + (reason == null ? "." : " (" + reason + ").")));
            }
        }
        TestGuide.referenceCaveat(id).ifPresent(c -> s.add(HtmlReport.Paragraph.text(
                "Why a reference value alone would mislead: " + c)));
    }
}
