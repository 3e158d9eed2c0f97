package org.psephos.data;

/**
 * Parses one count cell without creating a string. The number-format policy, documented in {@code docs/loading.md}:
 * <ul>
 *   <li>a plain non-negative integer, surrounding spaces and tabs trimmed ({@code " 42 "});</li>
 *   <li>an integral decimal ({@code 123.0}, {@code 123.00}), as pandas writes a column that holds NA;</li>
 *   <li>an empty cell, {@code NA}, {@code N/A} (any case) is a missing value, {@link Election#MISSING};</li>
 *   <li>with a {@link Thousands} separator chosen, digit groups: one to three digits, then groups of exactly three
 *       after one separator each ({@code 1.413}, {@code 1 234 567}); a cell that does not group so is read as
 *       without the separator;</li>
 *   <li>rejected: fractions ({@code 12.5}), scientific notation ({@code 1e5}), thousands separators not chosen
 *       ({@code 1,234}, {@code 1 234}; the fix names {@code --thousands}, and for {@code 1.413}, a "fraction" of
 *       three digits, too), signs other than a minus (which is reported as negative), {@code NaN}, {@code Inf} and
 *       {@code Infinity} (any case, any sign: never taken for a text column, since they mean a failed formula),
 *       and numbers above {@link Integer#MAX_VALUE}.</li>
 * </ul>
 * {@link #parse} returns the count, or one of the negative codes below; the caller, which knows the file, line and
 * column, turns a code into a {@link DataException} with {@link #problem(long)} and {@link #fix(long)}.
 */
final class CountCell {
    static final long MISSING = Election.MISSING;
    static final long NOT_NUMBER = -2;
    static final long NEGATIVE = -3;
    static final long TOO_LARGE = -4;
    static final long FRACTION = -5;
    static final long SEPARATOR = -6;
    static final long SCIENTIFIC = -7;
    static final long NOT_FINITE = -8;

    private CountCell() {
    }

    static long parse(CharSequence s) {
        return parse(s, Thousands.NONE);
    }

    /**
     * @param s         the cell
     * @param thousands the separator between digit groups, if any
     * @return the count, or a negative code
     */
    static long parse(CharSequence s, Thousands thousands) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        if (start == end || isMissingToken(s, start, end)) {
            return MISSING;
        }
        if (isNonFiniteToken(s, start, end)) {
            return NOT_FINITE;
        }
        boolean negative = s.charAt(start) == '-';
        int i = negative ? start + 1 : start;
        if (i == end) {
            return NOT_NUMBER;
        }
        long v = 0;
        int digits = 0;
        int group = 0;
        boolean grouped = false;
        while (i < end) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                v = Math.min(v * 10 + (c - '0'), (long) Integer.MAX_VALUE + 1);
                i++;
                digits++;
                group++;
            } else if (thousands.separates(c) && group > 0 && (grouped ? group == 3 : group <= 3)
                    && threeDigitsAt(s, i + 1, end)) {
                grouped = true;
                group = 0;
                i++;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return NOT_NUMBER;
        }
        if (i < end) {
            long code = tail(s, i, end);
            if (code != 0) {
                return code;
            }
        }
        if (negative && v > 0) {
            return NEGATIVE;
        }
        return v > Integer.MAX_VALUE ? TOO_LARGE : v;
    }

    /** @return 0 if the rest after the digits is an integral fraction {@code .0...}, else the error code */
    private static long tail(CharSequence s, int i, int end) {
        char c = s.charAt(i);
        if (c == '.') {
            boolean zeros = i + 1 < end;
            boolean digitsOnly = i + 1 < end;
            for (int j = i + 1; j < end; j++) {
                char d = s.charAt(j);
                if (d == 'e' || d == 'E') {
                    return SCIENTIFIC;
                }
                digitsOnly &= isDigit(d);
                zeros &= d == '0';
            }
            return zeros ? 0 : digitsOnly ? FRACTION : NOT_NUMBER;
        }
        if (c == 'e' || c == 'E') {
            return SCIENTIFIC;
        }
        if ((c == ',' || c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\'') && i + 1 < end
                && isDigit(s.charAt(i + 1))) {
            return SEPARATOR;
        }
        return NOT_NUMBER;
    }

    /** @return whether s[i, i + 3) are digits and s[i + 3] is not (a group of exactly three) */
    private static boolean threeDigitsAt(CharSequence s, int i, int end) {
        return i + 3 <= end && isDigit(s.charAt(i)) && isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2))
                && (i + 3 == end || !isDigit(s.charAt(i + 3)));
    }

    private static boolean isMissingToken(CharSequence s, int start, int end) {
        int n = end - start;
        if (n == 2) {
            return Character.toUpperCase(s.charAt(start)) == 'N' && Character.toUpperCase(s.charAt(start + 1)) == 'A';
        }
        return n == 3 && Character.toUpperCase(s.charAt(start)) == 'N' && s.charAt(start + 1) == '/'
                && Character.toUpperCase(s.charAt(start + 2)) == 'A';
    }

    /** @return whether the cell is {@code NaN}, {@code Inf} or {@code Infinity}, with an optional sign, any case */
    private static boolean isNonFiniteToken(CharSequence s, int start, int end) {
        int i = start;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            i++;
        }
        return matches(s, i, end, "nan") || matches(s, i, end, "inf") || matches(s, i, end, "infinity");
    }

    /** @return whether s[i, end) is the lower-case word, ignoring case, without allocating (most cells are digits) */
    private static boolean matches(CharSequence s, int i, int end, String word) {
        if (end - i != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase(s.charAt(i + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Problem and fix per code, indexed by {@code -code - 2}. */
    private static final String[][] MESSAGES = {
        {"not a count", "Write a whole number, or NA (or an empty cell) for a missing value; if this column is not"
                + " a count, map the counts explicitly (see psephos load --help)"},
        {"negative count", "Counts cannot be negative: correct the cell, or write NA (or leave it empty) if it is"
                + " unknown"},
        {"count too large (above " + Integer.MAX_VALUE + ")", "A unit's count must fit in " + Integer.MAX_VALUE
                + ": check that this is a count of one unit"},
        {"not a whole number", "Counts are whole numbers: check that this is a count and not a percentage or a"
                + " weight"},
        {"thousands separators are not accepted without --thousands", "If the file writes thousands with a"
                + " separator (1,234 or 1 234 for 1234), load it with --thousands , (or --thousands space);"
                + " otherwise write the plain integer"},
        {"scientific notation is not accepted", "Write the plain integer (100000, not 1e5); in pandas, save with"
                + " float_format='%.0f'"},
        {"NaN or infinity is not a count", "It usually means a spreadsheet formula or a conversion failed: correct"
                + " the cell, or write NA (or leave it empty) if the count is unknown"},
    };

    static String problem(long code) {
        return MESSAGES[(int) (-code - 2)][0];
    }

    static String fix(long code) {
        return MESSAGES[(int) (-code - 2)][1];
    }

    /**
     * @param code the cell's code
     * @param cell the cell's text
     * @return the fix, which for a "fraction" of digit groups of three after points ({@code 1.413}) names
     *         {@code --thousands .}
     */
    static String fix(long code, String cell) {
        if (code == FRACTION && cell.trim().matches("\\d{1,3}(\\.\\d{3})+")) {
            return "If the file writes thousands with a point (1.413 for 1413), load it with --thousands . ;"
                    + " otherwise counts are whole numbers: check that this is a count and not a percentage or a"
                    + " weight";
        }
        return fix(code);
    }
}
