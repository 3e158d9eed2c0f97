package org.psephos.data;

import java.util.Arrays;

/**
 * The fields of the record {@link CsvRecords} is reading: their characters in one growing buffer and the end of
 * each field, read back as strings, compared in place or parsed as counts without creating strings. Reused from
 * record to record; not thread-safe.
 */
final class CsvFields {
    private char[] text = new char[256];
    private int textLength;
    private int[] ends = new int[64];
    private int fields;
    private final Slice slice = new Slice();

    /** Empties the buffer for the next record. */
    void clear() {
        textLength = 0;
        fields = 0;
    }

    /** @return the number of fields ended */
    int size() {
        return fields;
    }

    /** @return false, adding nothing, if the record already holds {@link CsvRecords#MAX_RECORD_CHARS} characters */
    boolean append(char c) {
        if (textLength == CsvRecords.MAX_RECORD_CHARS) {
            return false;
        }
        if (textLength == text.length) {
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = c;
        return true;
    }

    /** @return false, ending nothing, if the record already holds {@link CsvRecords#MAX_FIELDS} fields */
    boolean endField() {
        if (fields == CsvRecords.MAX_FIELDS) {
            return false;
        }
        if (fields == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        ends[fields++] = textLength;
        return true;
    }

    /** Drops what the current field holds so far (the blanks before an opening quote). */
    void restartField() {
        textLength = fields == 0 ? 0 : ends[fields - 1];
    }

    /** @param i a field @return its text */
    String text(int i) {
        int start = i == 0 ? 0 : ends[i - 1];
        return new String(text, start, ends[i] - start);
    }

    /** @param i a field @param value a text @return whether the field, blanks trimmed, is that text */
    boolean textEquals(int i, String value) {
        int start = i == 0 ? 0 : ends[i - 1];
        int end = ends[i];
        while (start < end && text[start] <= ' ') {
            start++;
        }
        while (end > start && text[end - 1] <= ' ') {
            end--;
        }
        if (end - start != value.length()) {
            return false;
        }
        for (int k = 0; k < value.length(); k++) {
            if (text[start + k] != value.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** @param i a field @param thousands the thousands separator @return the field as {@link CountCell} parses it */
    long count(int i, Thousands thousands) {
        slice.start = i == 0 ? 0 : ends[i - 1];
        slice.end = ends[i];
        return CountCell.parse(slice, thousands);
    }

    /** A reusable view of one field, so that counts are parsed without creating strings. */
    private final class Slice implements CharSequence {
        private int start;
        private int end;

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            return text[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(text, start + from, to - from);
        }

        @Override
        public String toString() {
            return new String(text, start, end - start);
        }
    }
}
