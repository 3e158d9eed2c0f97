package org.psephos.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.data.AuditFinding;
import org.psephos.data.AuditReport;

/** Prints an {@link AuditReport} as a table grouped by election, then a one-line summary. */
final class AuditTable {
    private static final String ROW = "  %-12s %-26s %15s %15s %12s%n";

    private AuditTable() {
    }

    /**
     * @param report the findings
     * @param files  one line per file read, printed first
     * @param out    where to print
     */
    static void print(AuditReport report, List<String> files, PrintWriter out) {
        files.forEach(out::println);
        for (Map.Entry<String, List<AuditFinding>> e : report.byElection().entrySet()) {
            out.println();
            out.println(e.getKey());
            out.printf(Locale.ROOT, ROW, "STATUS", "CHECK", "EXPECTED", "FOUND", "DIFFERENCE");
            for (AuditFinding f : e.getValue()) {
                String check = f.area().equalsIgnoreCase("national") ? f.check() : f.check() + " [" + f.area() + "]";
                out.printf(Locale.ROOT, ROW, f.status(), check, number(f.expected()), number(f.found()),
                        signed(f.difference()));
                out.println("      " + f.explanation());
            }
        }
        out.println();
        out.printf(Locale.ROOT, "Audited %d elections: %d OK, %d DISCREPANCY, %d UNVERIFIABLE.%n",
                report.byElection().size(), report.count(AuditFinding.Status.OK),
                report.count(AuditFinding.Status.DISCREPANCY), report.count(AuditFinding.Status.UNVERIFIABLE));
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v == Math.rint(v) && Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String signed(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        String s = number(v);
        return v > 0 ? "+" + s : s;
    }
}
