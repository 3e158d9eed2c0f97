package org.psephos.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A streaming CSV tokenizer (RFC 4180 plus common practice). The delimiter is the one of comma, semicolon and tab
 * that occurs most often outside quotes in the header line (comma when none does). Quoted fields may hold
 * delimiters, doubled quotes and line breaks, and may follow blanks ({@code a, "b"}); {@link #line()} is the physical line where the record starts, so
 * errors after a multi-line field still point at the right line. Empty lines are skipped and counted. Only the
 * current record is held in memory, in {@link CsvFields}. The delimiter is found by {@link CsvDelimiter}.
 */
final class CsvRecords implements RecordSource {
    /** The longest record text kept (characters): more means a quote never closed or a file that is not CSV. */
    static final int MAX_RECORD_CHARS = 1 << 24;
    /** The most fields in one record. */
    static final int MAX_FIELDS = 1 << 16;

    private final String name;
    private final Charset charset;
    private final Reader in;
    private final char delimiter;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private long physicalLine = 1;
    private final long headerLine;
    private long recordLine;
    private int blankLines;
    private final CsvFields fields = new CsvFields();
    private final List<String> header;
    private boolean[] retained;

    CsvRecords(String name, Reader in, Charset charset) {
        this.name = name;
        this.in = in;
        this.charset = charset;
        CsvDelimiter found = CsvDelimiter.read(name, in, charset);
        this.delimiter = found.delimiter();
        if (found.declared()) {
            physicalLine = 2;
        }
        if (!readRecord()) {
            throw DataException.of("the file is empty").file(name)
                    .fix("A results file needs a header line and at least one row of figures").build();
        }
        headerLine = recordLine; // after any sep= line and blank lines
        List<String> h = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            h.add(text(i).trim());
        }
        this.header = Collections.unmodifiableList(h);
    }

    char delimiter() {
        return delimiter;
    }

    /** @return the error for a failed read of file {@code name} at {@code line} */
    static DataException ioError(String name, long line, IOException e) {
        return DataException.of("cannot read the file (" + CsvInput.reason(e) + ")").file(name).line(line)
                .cause(e).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long headerLine() {
        return headerLine;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean next() {
        return readRecord();
    }

    @Override
    public int fieldCount() {
        return fields.size();
    }

    @Override
    public long line() {
        return recordLine;
    }

    @Override
    public String text(int i) {
        return fields.text(i);
    }

    @Override
    public boolean textEquals(int i, String value) {
        return fields.textEquals(i, value);
    }

    @Override
    public long count(int i, Thousands thousands) {
        return fields.count(i, thousands);
    }

    @Override
    public void retain(boolean[] columns) {
        this.retained = columns.clone();
    }

    @Override
    public int blankLines() {
        return blankLines;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw ioError(name, physicalLine, e);
        }
    }

    private int read() {
        if (pos == limit) {
            try {
                limit = in.read(buf, 0, buf.length);
            } catch (CharacterCodingException e) {
                throw CsvInput.encodingError(name, physicalLine, charset, e);
            } catch (IOException e) {
                throw ioError(name, physicalLine, e);
            }
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() {
        int c = read();
        if (c >= 0) {
            pos--;
        }
        return c;
    }

    /** Reads one record into {@code fields}; skips empty lines. @return false at end of input */
    private boolean readRecord() {
        while (true) {
            recordLine = physicalLine;
            fields.clear();
            int c = read();
            if (c < 0) {
                return false;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                blankLines++;
                continue;
            }
            readFields(c);
            return true;
        }
    }

    private void readFields(int first) {
        int c = first;
        boolean quoted = false;
        boolean fieldStart = true;
        boolean keep = keep(0);
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw DataException.of("a quoted field is not closed before the end of the file").file(name)
                            .line(recordLine).fix("Add the closing quote (\") or remove the opening one").build();
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        if (keep) {
                            append('"');
                        }
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && peek() != '\n')) {
                        physicalLine++;
                    }
                    if (keep) {
                        append((char) c);
                    }
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                endField();
                endOfLine(c);
                return;
            } else if (c == delimiter) {
                endField();
                keep = keep(fields.size());
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '"' && fieldStart) {
                // Blanks before an opening quote (a, "b") are layout, not content.
                fields.restartField();
                quoted = true;
            } else if (keep) {
                append((char) c);
            }
            fieldStart &= c == ' ' || c == '\t' && delimiter != '\t';
            c = read();
        }
    }

    private boolean keep(int field) {
        return retained == null || field >= retained.length || retained[field];
    }

    private void endOfLine(int c) {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        if (c >= 0) {
            physicalLine++;
        }
    }

    private void append(char c) {
        if (!fields.append(c)) {
            throw DataException.of("a record runs on for more than " + MAX_RECORD_CHARS + " characters").file(name)
                    .line(recordLine).fix("Look for a quote (\") that is never closed on or after this line, or check"
                            + " that the file is a CSV table").build();
        }
    }

    private void endField() {
        if (!fields.endField()) {
            throw DataException.of("a record has more than " + MAX_FIELDS + " fields").file(name).line(recordLine)
                    .fix("Check that the file is a results table with one unit per line").build();
        }
    }
}
