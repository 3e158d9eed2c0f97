package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Holm's step-down procedure of {@link Verdict#holm}, against hand-computed thresholds and adjusted p-values. */
class VerdictTest {
    private static TestResult row(String id, String level, double p) {
        return TestResult.of(id, "v", level).statistic(0).expected(0).pValue(p).n(100).details(Map.of());
    }

    @Test
    void holmStopsAtTheFirstPValueAboveItsThreshold() {
        // sorted 0.005 <= 0.05/4, 0.01 <= 0.05/3, 0.03 > 0.05/2: two rejections, although 0.04 <= 0.05/1
        List<TestResult> rows = List.of(row("A", "national", 0.04), row("B", "national", 0.01),
                row("C", "national", 0.03), row("D", "national", 0.005), row("E", "REGION", 1e-9),
                row("F", "national", Double.NaN));
        Verdict v = Verdict.holm(rows, r -> "national".equals(r.level()));
        assertTrue(v.anomalous());
        assertEquals(4, v.family().size(), "per-group rows and rows without a p-value stay out");
        assertEquals(List.of("D", "B"), v.carriers().stream().map(Verdict.Row::id).toList());
        Verdict.Row a = v.family().get(0);
        assertEquals(0.05, a.threshold(), 1e-15);
        // adjusted: D 4*0.005 = 0.02, B max(0.02, 3*0.01) = 0.03, C max(0.03, 2*0.03) = 0.06, A max(0.06, 0.04)
        assertEquals(0.06, a.adjusted(), 1e-15);
        assertEquals(0.02, v.adjustedP(), 1e-15);
        assertTrue(v.reason().startsWith("D on v (p = 0.005) and 1 other row reject the clean-election null"), v.reason());
    }

    @Test
    void noRejectionWhenTheSmallestPValueMissesAlphaOverM() {
        List<TestResult> rows = List.of(row("A", "national", 0.02), row("B", "national", 0.03),
                row("C", "national", 0.5));
        Verdict v = Verdict.holm(rows, r -> true);
        assertFalse(v.anomalous());
        assertEquals(Verdict.Answer.NO_ANOMALY, v.answer());
        assertEquals(0.06, v.adjustedP(), 1e-15);
        assertTrue(v.carriers().isEmpty());
        assertEquals(Verdict.Answer.NOT_COMPUTED, Verdict.holm(rows, r -> false).answer());
    }
}
