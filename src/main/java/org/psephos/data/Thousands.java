package org.psephos.data;

/**
 * The thousands separator a results file writes in its counts, if any ({@code psephos load --thousands}). With a
 * separator a count is a group of one to three digits followed by groups of exactly three digits, each after one
 * separator ({@code 1.413}, {@code 1.413.200}); anything else is read as without one, so {@code 123.0} with
 * {@link #POINT} is still the integral decimal 123, {@code 1.41} a fraction (an error) and {@code 123.000} the count
 * 123000. {@link #NONE} (the default) accepts no separator: a cell such as {@code 1,234} is an error whose fix names
 * the option. Some official files (e.g. {@code ;}-separated ones) write the separator in a few rows only.
 *
 * @since 0.1
 */
public enum Thousands {
    /** No separator. */
    NONE,
    /** A point between groups: {@code 1.413}. */
    POINT,
    /** A comma between groups: {@code 1,234}. */
    COMMA,
    /** A space between groups: {@code 1 234}, also the no-break spaces U+00A0 and U+202F. */
    SPACE;

    /**
     * @param c a character
     * @return whether it separates thousands under this setting
     */
    boolean separates(char c) {
        return switch (this) {
            case NONE -> false;
            case POINT -> c == '.';
            case COMMA -> c == ',';
            case SPACE -> c == ' ' || c == '\u00A0' || c == '\u202F';
        };
    }

    /**
     * Parses the command-line spelling: {@code .}, {@code ,} or {@code space} (any case), or {@code none}.
     *
     * @param text the spelling
     * @return the setting
     * @throws IllegalArgumentException if the text names no separator
     */
    public static Thousands parse(String text) {
        String t = text.trim();
        if (t.isEmpty() && !text.isEmpty()) {
            return SPACE; // "--thousands ' '"
        }
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "." -> POINT;
            case "," -> COMMA;
            case "space" -> SPACE;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("thousands separator is not . , or space: '" + text + "'");
        };
    }
}
