package org.psephos.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;

/**
 * The delimiter of a CSV file, found before its header is read: the one an Excel {@code sep=;} first line declares
 * (that line is consumed), else the one of comma, semicolon and tab that occurs most often outside quotes in the
 * header line (comma when none does; nothing is consumed).
 *
 * @param delimiter the delimiter
 * @param declared  whether a {@code sep=} line declared it (the header is then on line 2)
 */
record CsvDelimiter(char delimiter, boolean declared) {
    /** The delimiters the loader detects: comma, semicolon, tab. */
    static final char[] DELIMITERS = {',', ';', '\t'};

    /**
     * @param name    the file's name, for errors
     * @param r       the file, positioned at its start; must support {@link Reader#mark(int)}
     * @param charset its encoding, for errors
     * @return the delimiter
     * @throws DataException if the file cannot be read or decoded
     */
    static CsvDelimiter read(String name, Reader r, Charset charset) {
        char declared = excelSeparatorLine(name, r, charset);
        return declared != 0 ? new CsvDelimiter(declared, true)
                : new CsvDelimiter(detectDelimiter(name, r, charset), false);
    }

    /**
     * Skips the {@code sep=;} line that Excel writes (and reads) before the header to name the delimiter.
     *
     * @return the declared delimiter, or 0 if the first line is not such a line (nothing is consumed then)
     */
    private static char excelSeparatorLine(String name, Reader r, Charset charset) {
        try {
            r.mark(8);
            StringBuilder head = new StringBuilder(5);
            for (int c = r.read(); c >= 0; c = head.length() < 5 ? r.read() : -1) {
                head.append((char) c);
            }
            boolean sep = head.length() == 5 && head.substring(0, 4).equalsIgnoreCase("sep=")
                    && head.charAt(4) != '\n' && head.charAt(4) != '\r';
            int end = sep ? r.read() : -1;
            if (!sep || end >= 0 && end != '\n' && end != '\r') {
                r.reset();
                return 0;
            }
            if (end == '\r') {
                r.mark(1);
                if (r.read() != '\n') {
                    r.reset();
                }
            }
            return head.charAt(4);
        } catch (CharacterCodingException e) {
            throw CsvInput.encodingError(name, 1, charset, e);
        } catch (IOException e) {
            throw CsvRecords.ioError(name, 1, e);
        }
    }

    private static char detectDelimiter(String name, Reader r, Charset charset) {
        int[] counts = new int[DELIMITERS.length];
        try {
            r.mark(1 << 22);
            boolean quoted = false;
            int scanned = 0;
            for (int c = r.read(); c >= 0 && scanned < (1 << 22) - 1; c = r.read(), scanned++) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted) {
                    for (int k = 0; k < DELIMITERS.length; k++) {
                        if (c == DELIMITERS[k]) {
                            counts[k]++;
                        }
                    }
                }
            }
            r.reset();
        } catch (CharacterCodingException e) {
            throw CsvInput.encodingError(name, 1, charset, e);
        } catch (IOException e) {
            throw CsvRecords.ioError(name, 1, e);
        }
        int best = 0;
        for (int k = 1; k < DELIMITERS.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return DELIMITERS[best];
    }
}
