package org.psephos.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.psephos.data.DataException;

/**
 * Reads one column of registered-voter counts from a comma-separated file for {@code simulate --sizes-from}.
 *
 * <p>Stopgap: a minimal reader (header row, comma separator, optional double quotes without embedded commas)
 * used until the project's column-mapped CSV loader is on this branch; {@code SimulateCommand} calls only
 * {@link #read(Path, String)}, so switching to the loader replaces this class alone.
 */
final class SizesFile {
    private SizesFile() {
    }

    /**
     * @param file   the CSV file
     * @param column the header of the registered column
     * @return the counts, in file order
     * @throws DataException if the file cannot be read, lacks the column, or holds a value that is not a
     *                       non-negative whole number
     */
    static int[] read(Path file, String column) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw DataException.of("the file is empty").file(file).build();
            }
            String[] names = split(stripBom(header));
            int col = -1;
            for (int c = 0; c < names.length; c++) {
                if (names[c].equals(column)) {
                    col = c;
                }
            }
            if (col < 0) {
                throw DataException.of("no column named '" + column + "'").file(file).line(1)
                        .fix("Name the registered-voters column with --sizes-column").build();
            }
            int[] out = new int[1024];
            int n = 0;
            long line = 1;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                String[] cells = split(s);
                String v = col < cells.length ? cells[col] : "";
                int value;
                try {
                    value = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    value = -1;
                }
                if (value < 0) {
                    throw DataException.of("not a non-negative whole number").file(file).line(line)
                            .column("'" + column + "' (#" + (col + 1) + ")").value(v).build();
                }
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = value;
            }
            if (n == 0) {
                throw DataException.of("the file has no data rows").file(file).build();
            }
            return java.util.Arrays.copyOf(out, n);
        } catch (NoSuchFileException e) {
            throw DataException.of("no such file").file(file).build();
        } catch (IOException e) {
            throw DataException.of("cannot read the file").file(file).cause(e).fix(e.getMessage()).build();
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].trim();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            cells[i] = c;
        }
        return cells;
    }
}
