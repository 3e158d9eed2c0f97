package org.psephos.report;

import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.TestResult;

/**
 * The Markdown rendering of a forensic battery ({@code psephos analyze --markdown}): under calibrated nulls the
 * verdict's lines, the conventions, a GitHub-flavoured table with flagged rows bold, and the summary line; cells from
 * the input escaped so that a name cannot break the table or inject markup. Stateless.
 */
final class BatteryMarkdown {
    private BatteryMarkdown() {
    }

    /**
     * @param result      the battery's outcome
     * @param summaryLine {@link BatteryReport#summaryLine()}
     * @return the rendering {@link BatteryReport#markdown()} describes
     */
    static String render(BatteryResult result, String summaryLine) {
        StringBuilder sb = new StringBuilder();
        boolean cal = result.nullKind() == NullKind.CALIBRATED;
        if (cal) {
            for (String line : BatteryReport.verdictText(result).split("\n")) {
                sb.append(markdownCell(line)).append("\n\n");
            }
        }
        sb.append(markdownCell("Conventions: " + BatteryReport.conventionsLine(result))).append("\n\n");
        sb.append(cal ? "| test | variable | level | value | expected | null 95% | p | q | flag | null |\n"
                : "| test | variable | level | value | expected | 95% CI | p | q | flag |\n");
        sb.append(cal ? "| --- | --- | --- | ---: | ---: | --- | ---: | ---: | --- | --- |\n"
                : "| --- | --- | --- | ---: | ---: | --- | ---: | ---: | --- |\n");
        for (TestResult r : result.results()) {
            String[] cells;
            if (r.applicable()) {
                cells = BatteryReport.cells(result, r);
            } else {
                cells = new String[] {BatteryReport.testLabel(result, r), r.variable(), r.level(), "n/a", "", "", "",
                    "", Cells.notApplicable(r.reason())};
            }
            if (cal) {
                cells = java.util.Arrays.copyOf(cells, 10);
                cells[9] = r.applicable() ? Cells.shortNull(r) : "";
            }
            sb.append('|');
            for (int c = 0; c < cells.length; c++) {
                String e = markdownCell(cells[c]);
                boolean bold = r.flag() && (c == 0 || c == 8);
                sb.append(' ').append(bold ? "**" + e + "**" : e).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n').append(markdownCell(summaryLine)).append('\n');
        return sb.toString();
    }

    /** Escapes a table cell: backslash-escapes Markdown punctuation, entity-escapes HTML, flattens line breaks. */
    static String markdownCell(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '|', '\\', '*', '_', '`', '[', ']', '#' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
