package org.psephos.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 tokenizer for the aggregate results format: UTF-8 with or without BOM, comma, semicolon or tab
 * (detected from the header line), quoted fields with embedded delimiters, doubled quotes and newlines. Each record
 * keeps the 1-based line number on which it starts (header = line 1), so that error messages point at the file.
 * Blank lines are skipped. Holds the whole file in memory: aggregate files are small (per-unit files go through
 * the streaming loader).
 */
final class AggregateCsv {

    /**
     * One record.
     *
     * @param line   the 1-based line on which the record starts
     * @param fields the fields, unquoted, not trimmed
     */
    record Row(long line, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    private AggregateCsv() {
    }

    /**
     * Reads a whole file as UTF-8 text and splits it into records.
     *
     * @param file the file
     * @return the records, header first; empty if the file holds no record
     * @throws DataException if the file cannot be read, is not UTF-8 or has an unterminated quoted field
     */
    static List<Row> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw DataException.of("no such file").file(file).fix("check the path").cause(e).build();
        } catch (IOException e) {
            throw DataException.of("cannot read the file (" + e.getMessage() + ")").file(file)
                    .fix("check that it is a readable file").cause(e).build();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw DataException.of("the file is not UTF-8 text").file(file)
                    .fix("save it as UTF-8 (CSV UTF-8 in spreadsheet programs)").cause(e).build();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text, detectDelimiter(text), file);
    }

    /**
     * @param text the whole text
     * @return the delimiter (comma, semicolon or tab) that occurs most often in the first line outside quotes;
     *         comma when none occurs
     */
    static char detectDelimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                comma++;
            } else if (!quoted && c == ';') {
                semicolon++;
            } else if (!quoted && c == '\t') {
                tab++;
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }

    static List<Row> parse(String text, char delimiter, Path file) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long line = 1;
        long start = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(rows, fields, field, wasQuoted, start);
                wasQuoted = false;
                line++;
                start = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw DataException.of("a quoted field is not closed").file(file).line(start)
                    .fix("add the closing double quote (a quote inside a field is written twice: \"\")").build();
        }
        endRecord(rows, fields, field, wasQuoted, start);
        return rows;
    }

    private static void endRecord(List<Row> rows, List<String> fields, StringBuilder field, boolean wasQuoted,
                                  long start) {
        boolean blank = fields.isEmpty() && field.length() == 0 && !wasQuoted;
        if (!blank) {
            fields.add(field.toString());
            rows.add(new Row(start, fields));
        }
        fields.clear();
        field.setLength(0);
    }
}
