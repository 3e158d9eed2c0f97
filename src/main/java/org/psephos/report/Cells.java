package org.psephos.report;

import java.util.Locale;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.NullCalibration;
import org.psephos.forensics.TestResult;

/**
 * How the battery's tables write a cell, shared by the text, Markdown and HTML renderings of {@link BatteryReport} and
 * {@link AnalysisReport} so that a number reads the same in each: counts with thousands separators, percentages, test
 * values, p- and q-values, intervals, the flag column and the reason of a test that does not apply. Stateless.
 */
final class Cells {
    private Cells() {
    }

    /** @return the count with thousands separators, e.g. "12,345" */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** @return the fraction as a percentage with two decimals, "n/a" for NaN */
    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    /** @return a test's value: one decimal from 1000 up, four below, "n/a" for NaN */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** @return a p- or q-value: scientific below 0.001, three decimals above, empty for NaN */
    static String prob(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    /** @return the row's interval as "[low, high]", empty when it has none */
    static String interval(TestResult r) {
        return Double.isNaN(r.ciLow()) ? "" : "[" + num(r.ciLow()) + ", " + num(r.ciHigh()) + "]";
    }

    /**
     * @param r          a row
     * @param calibrated whether the battery ran under calibrated nulls
     * @return FLAG, or under calibrated nulls "descriptive" / "no power" / "no null" for rows outside the q-values
     */
    static String flag(TestResult r, boolean calibrated) {
        if (r.flag()) {
            return "FLAG";
        }
        if (!calibrated) {
            return "";
        }
        if ("none".equals(BatteryResult.nullOf(r))) {
            return "no null";
        }
        String label = BatteryResult.labelOf(r);
        return NullCalibration.Label.DESCRIPTIVE.id().equals(label) ? "descriptive"
                : NullCalibration.Label.NO_POWER.id().equals(label) ? "no power" : "";
    }

    /** @return the reason, starting with "not applicable" once */
    static String notApplicable(String reason) {
        return reason.startsWith("not applicable") ? reason : "not applicable: " + reason;
    }

    /** @return the null's short name for the text table */
    static String shortNull(TestResult r) {
        String n = BatteryResult.nullOf(r);
        return n.startsWith("resampling") ? "resampling" : n.equals("clean twins") ? "twins"
                : n.equals("refitted clean twins") ? "refits" : n;
    }
}
