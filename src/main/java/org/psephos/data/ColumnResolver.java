package org.psephos.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves {@link ColumnRef}s against a header: a whole reference matching a header exactly wins (so names holding
 * {@code +} work), then each sum term is matched exactly, then case-insensitively if unique. Pieces of a name
 * holding {@code +} are rejoined when the rejoined text is a header ({@code A+B+C} with a header {@code A+B}).
 */
final class ColumnResolver {
    private final String file;
    private final List<String> header;

    private final long headerLine;

    ColumnResolver(String file, List<String> header, long headerLine) {
        this.file = file;
        this.header = header;
        this.headerLine = headerLine;
    }

    /** @return the column's label for messages and reports: {@code 'name' (#N)} */
    String label(int column) {
        return "'" + header.get(column) + "' (#" + (column + 1) + ")";
    }

    /**
     * @param role the option name, for messages
     * @param ref  the reference
     * @return the 0-based columns it sums (or, for a range, lists)
     * @throws DataException if a column does not exist or a name is ambiguous
     */
    int[] resolve(String role, ColumnRef ref) {
        if (ref.isRange()) {
            checkPosition(role, ref.text(), ref.to());
            int[] cols = new int[ref.to() - ref.from() + 1];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = ref.from() - 1 + i;
            }
            return cols;
        }
        int whole = exact(role, ref.text());
        if (whole >= 0) {
            return new int[] {whole};
        }
        List<Integer> out = new ArrayList<>();
        List<String> terms = ref.terms();
        int i = 0;
        while (i < terms.size()) {
            int j = longestJoin(role, terms, i);
            if (j < 0) {
                out.add(term(role, terms.get(i), ref.text()));
                i++;
            } else {
                out.add(exact(role, String.join("+", terms.subList(i, j + 1))));
                i = j + 1;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the largest j > i such that terms i..j joined by '+' are a header, or -1 */
    private int longestJoin(String role, List<String> terms, int i) {
        for (int j = terms.size() - 1; j > i; j--) {
            if (exact(role, String.join("+", terms.subList(i, j + 1))) >= 0) {
                return j;
            }
        }
        return -1;
    }

    private int term(String role, String term, String whole) {
        if (term.startsWith("#")) {
            int n = ColumnRef.position(role, whole, term);
            checkPosition(role, whole, n);
            return n - 1;
        }
        int k = exact(role, term);
        if (k < 0) {
            k = find(role, term, String::equalsIgnoreCase);
        }
        if (k < 0) {
            throw missing(role, term);
        }
        return k;
    }

    private int exact(String role, String name) {
        return find(role, name, String::equals);
    }

    /** @param same {@code String::equals} or {@code String::equalsIgnoreCase} @return the one column named so, or −1 */
    private int find(String role, String name, java.util.function.BiPredicate<String, String> same) {
        int found = -1;
        for (int c = 0; c < header.size(); c++) {
            if (same.test(header.get(c), name)) {
                if (found >= 0) {
                    throw ambiguous(role, name, found, c);
                }
                found = c;
            }
        }
        return found;
    }

    private void checkPosition(String role, String whole, int n) {
        if (n > header.size()) {
            throw DataException.of(role + ": there is no column #" + n + " (in '" + whole + "'); the header has "
                    + header.size() + " columns").file(file).line(headerLine).fix("Available columns: " + available()).build();
        }
    }

    private DataException ambiguous(String role, String name, int a, int b) {
        return DataException.of(role + ": the header name appears more than once (#" + (a + 1) + " and #" + (b + 1)
                + ")").file(file).line(headerLine).column(name).fix("Name the column by its position, #" + (a + 1) + " or #"
                + (b + 1)).build();
    }

    DataException missing(String role, String name) {
        String closest = closest(name);
        return DataException.of(role + ": no such column").file(file).line(headerLine).column("'" + name + "'")
                .fix((closest == null ? "" : "Did you mean '" + closest + "'? ") + "Available columns: " + available())
                .build();
    }

    String available() {
        List<String> items = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            items.add("#" + (c + 1) + " " + (h.length() > 40 ? h.substring(0, 37) + "..." : h));
        }
        return String.join(", ", items) + mixedDelimiters();
    }

    /**
     * @return a hint when header names hold another of the delimiters the loader knows (a file that mixes
     *         commas and semicolons reads as a few long names), else ""
     */
    private String mixedDelimiters() {
        for (String h : header) {
            for (char d : CsvDelimiter.DELIMITERS) {
                if (h.indexOf(d) >= 0 && h.length() > 1) {
                    String shown = d == '\t' ? "a tab" : "'" + d + "'";
                    return ". The header name '" + h + "' holds " + shown + ": the file seems to mix delimiters;"
                            + " use one delimiter (comma, semicolon or tab) throughout, or quote names that hold one";
                }
            }
        }
        return "";
    }

    private String closest(String name) {
        String target = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String h : header) {
            int d = distance(target, h.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = h;
            }
        }
        return best != null && bestDistance <= Math.max(2, target.length() / 2) ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
