package org.psephos.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.RoundNumberDetails;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.spikes.RozenasSpikes;

/**
 * The fixed-width text rendering of a forensic battery that {@code psephos analyze} prints: under calibrated nulls the
 * verdict first, then one row per test with columns padded to the widest cell (numbers right-aligned), the estimates
 * with their own intervals, and the summary line of flags. Stateless.
 */
final class BatteryText {
    private BatteryText() {
    }

    /**
     * @param result      the battery's outcome
     * @param summaryLine {@link BatteryReport#summaryLine()}
     * @return the rendering {@link BatteryReport#text()} describes
     */
    static String render(BatteryResult result, String summaryLine) {
        boolean cal = result.nullKind() == NullKind.CALIBRATED;
        List<String[]> rows = new ArrayList<>();
        rows.add(cal ? new String[] {"test", "variable", "level", "value", "expected", "null 95%", "p", "q", "flag",
            "null"} : new String[] {"test", "variable", "level", "value", "expected", "95% CI", "p", "q", "flag"});
        for (TestResult r : result.results()) {
            String[] row = cal ? new String[10] : new String[9];
            if (r.applicable()) {
                String[] cells = BatteryReport.cells(result, r);
                System.arraycopy(cells, 0, row, 0, cells.length);
            } else {
                String[] cells = {BatteryReport.testLabel(result, r), r.variable(), r.level(), "n/a", "", "", "", "",
                    r.reason()};
                System.arraycopy(cells, 0, row, 0, cells.length);
            }
            if (cal) {
                // the reason of a not-applicable row is the last column, so the null goes before it
                row[9] = r.applicable() ? Cells.shortNull(r) : row[8];
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
            sb.append(BatteryReport.verdictText(result)).append('\n');
        }
        if (result.conventions() != Conventions.PSEPHOS) {
            sb.append("Conventions: ").append(BatteryReport.conventionsLine(result)).append('\n');
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
            sb.append(estimateLines(result));
        }
        sb.append(summaryLine).append('\n');
        return sb.toString();
    }

    /**
     * @return under calibrated nulls the table's interval column is the null's range, so an estimate that has its
     *         own interval (Spikes: Rozenas's {@code confInt} over posterior draws) gets a line of its own with it;
     *         empty when no row has one
     */
    private static String estimateLines(BatteryResult result) {
        StringBuilder sb = new StringBuilder();
        for (TestResult r : result.results()) {
            if (!r.applicable() || !(r.testDetails() instanceof RoundNumberDetails.Spikes s)
                    || s.interval() == null) {
                continue;
            }
            RozenasSpikes.Interval c = s.interval();
            sb.append(String.format(Locale.ROOT, "Estimate: %s on %s (%s): %s%% of the votes [%s%%, %s%%], mean and "
                    + "2.5%%-97.5%% quantiles over %s posterior draws (Rozenas's confInt)%n", r.id(), r.variable(),
                    r.level(), Cells.num(c.mean()), Cells.num(c.low()), Cells.num(c.high()),
                    c.fraudPercent().length));
        }
        return sb.toString();
    }
}
