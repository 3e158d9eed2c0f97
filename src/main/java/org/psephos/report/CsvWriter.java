package org.psephos.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes RFC 4180 CSV rows that are safe to open in a spreadsheet.
 *
 * <p>Text cells that start with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage return) get a
 * leading single quote, so that a spreadsheet shows them as text instead of evaluating a formula (CSV injection,
 * OWASP). Cells holding a comma, quote or line break are quoted with doubled quotes. Numbers the program writes
 * ({@link Number} cells) are not neutralised: "-0.41" is a number, not a formula, and quoting it would turn it
 * into text. NaN and infinite numbers, and {@code null}, are written as empty cells. Numbers use
 * {@link Double#toString} (shortest round-trip form); booleans are {@code true}/{@code false}.
 *
 * <p>Stateless; the {@link Appendable} is the caller's.
 *
 * @since 0.1
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /**
     * @param text a text cell
     * @return the cell as written: neutralised and quoted as needed
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String t = text;
        char c = t.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            t = "'" + t;
        }
        if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            t = '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }

    /**
     * @param value a cell: a {@link Number}, {@link Boolean}, {@code null} or anything else (written as text)
     * @return the cell as written
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? Double.toString(d) : "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString().toLowerCase(Locale.ROOT);
        }
        return text(value.toString());
    }

    /**
     * @param out   where to write
     * @param cells the row's cells
     * @throws UncheckedIOException if the appendable fails
     */
    public static void row(Appendable out, List<?> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells.get(i)));
            }
            out.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
