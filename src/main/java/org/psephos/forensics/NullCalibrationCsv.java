package org.psephos.forensics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reader of {@link NullCalibration}'s table format (UTF-8 CSV, {@code #} comments, the header
 * {@code test,variable,label,reason}, RFC 4180 quotes; the format is described in {@link NullCalibration}), with
 * messages that name the line. Package-private, stateless.
 */
final class NullCalibrationCsv {
    private NullCalibrationCsv() {
    }

    /**
     * @param reader the table
     * @param name   where it came from, for messages
     * @return its labels; the source is the first comment line, else the name
     * @throws IllegalArgumentException naming the line if it is malformed
     */
    static NullCalibration parse(Reader reader, String name) {
        BufferedReader b = new BufferedReader(reader);
        List<NullCalibration.Entry> list = new ArrayList<>();
        String source = null;
        boolean header = false;
        int lineNo = 0;
        try {
            for (String line = b.readLine(); line != null; line = b.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    if (source == null) {
                        source = line.substring(1).trim();
                    }
                    continue;
                }
                List<String> cells = cells(line);
                if (!header) {
                    if (!cells.equals(List.of("test", "variable", "label", "reason"))) {
                        throw new IllegalArgumentException(name + " line " + lineNo
                                + ": the header is not test,variable,label,reason: " + line);
                    }
                    header = true;
                    continue;
                }
                if (cells.size() != 4) {
                    throw new IllegalArgumentException(name + " line " + lineNo + ": 4 cells expected, found "
                            + cells.size() + ": " + line);
                }
                try {
                    list.add(new NullCalibration.Entry(cells.get(0).trim(), NullCalibration.Role.parse(cells.get(1)),
                            NullCalibration.Label.parse(cells.get(2)),
                            cells.get(3).trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + " line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!header) {
            throw new IllegalArgumentException(name + ": no header test,variable,label,reason");
        }
        return new NullCalibration(source == null ? name : source, list);
    }

    /** Splits one CSV line (RFC 4180 quotes, no line breaks inside cells). */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

}
