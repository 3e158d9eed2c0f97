package org.psephos.data;

/**
 * A column of a loaded file that holds no count the election uses, with the reason, so that nothing is hidden.
 *
 * @param position the 1-based column position
 * @param name     the header name (empty for an unnamed column)
 * @param reason   why it is not used (a text column, the unit id, not mapped...)
 * @since 0.1
 */
public record IgnoredColumn(int position, String name, String reason) {
}
