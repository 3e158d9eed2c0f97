package org.psephos.data;

/**
 * Parses one count cell without creating a string. The number-format policy, documented in {@code docs/loading.md}:
 * <ul>
 *   <li>a plain non-negative integer, surrounding spaces and tabs trimmed ({@code " 42 "});</li>
 *   <li>an integral decimal ({@code 123.0}, {@code 123.00}), as pandas writes a column that holds NA;</li>
 *   <li>an empty cell, {@code NA}, {@code N/A} (any case) is a missing value, {@link Election#MISSING};</li>
 *   <li>rejected: fractions ({@code 12.5}), scientific notation ({@code 1e5}), thousands separators ({@code 1,234},
 *       {@code 1 234}), signs other than a minus (which is reported as negative), {@code NaN}, {@code Inf} and
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
        while (i < end && isDigit(s.charAt(i))) {
            v = Math.min(v * 10 + (s.charAt(i) - '0'), (long) Integer.MAX_VALUE + 1);
            i++;
            digits++;
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
        {"thousands separators are not accepted", "Write the plain integer without thousands separators (1234,"
                + " not 1,234 or 1 234)"},
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
}
