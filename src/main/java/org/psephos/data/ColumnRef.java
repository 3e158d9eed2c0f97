package org.psephos.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of one column reference, checked when a {@link ColumnMapping} is built: a header name, a 1-based
 * position {@code #N}, a sum {@code A+B+C} of such terms, or (for candidates) a range {@code #22..#28}. A term that
 * starts with {@code #} is always a position. The text is kept whole too, because a header may itself contain
 * {@code +}: the resolver tries the exact header first.
 *
 * @param text  the reference as written
 * @param terms the {@code +}-separated terms, trimmed
 * @param from  the first position of a range (1-based), or 0 if this is not a range
 * @param to    the last position of a range (1-based), or 0
 */
record ColumnRef(String text, List<String> terms, int from, int to) {

    static ColumnRef parse(String role, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(role + ": empty column reference; give a header name or #N");
        }
        String t = text.trim();
        int dots = t.indexOf("..");
        if (t.startsWith("#") && dots > 0) {
            int from = position(role, t, t.substring(0, dots));
            int to = position(role, t, t.substring(dots + 2).trim());
            if (to < from) {
                throw new IllegalArgumentException(role + ": range '" + t + "' runs backwards; write #"
                        + to + "..#" + from);
            }
            return new ColumnRef(t, List.of(), from, to);
        }
        List<String> terms = new ArrayList<>();
        for (String piece : t.split("\\+", -1)) {
            String term = piece.trim();
            if (term.isEmpty()) {
                throw new IllegalArgumentException(role + ": empty term in '" + t + "'; write A+B+C (a header whose"
                        + " name leaves an empty term, such as 'C++', must be given as #N)");
            }
            if (term.startsWith("#")) {
                position(role, t, term);
            }
            terms.add(term);
        }
        return new ColumnRef(t, List.copyOf(terms), 0, 0);
    }

    /** @return the 1-based position written as {@code #N} */
    static int position(String role, String whole, String term) {
        String digits = term.trim();
        if (!digits.startsWith("#") || digits.length() == 1 || !digits.substring(1).chars().allMatch(Character::isDigit)
                || digits.length() > 10) {
            throw new IllegalArgumentException(role + ": '" + term.trim() + "' in '" + whole
                    + "' is not a column position; write #N with N a number from 1");
        }
        int n = Integer.parseInt(digits.substring(1));
        if (n < 1) {
            throw new IllegalArgumentException(role + ": '" + term.trim() + "' in '" + whole
                    + "' is not a column position; positions start at #1");
        }
        return n;
    }

    boolean isRange() {
        return from > 0;
    }
}
