package org.psephos.forensics.spikes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden files of the R package spikes 1.1 under {@code src/test/resources/reference/spikes} (commands,
 * versions and contents in the README there): the synthetic inputs and what R's code computed on them.
 */
final class SpikesGolden {
    /** The synthetic inputs. */
    static final String[] INPUTS = {"clean", "coarse"};

    private SpikesGolden() {
    }

    /** A CSV as rows of named cells; "NA" and blank cells become NaN when read as numbers. */
    record Table(List<String> header, List<String[]> rows) {
        double num(int row, String column) {
            String s = rows.get(row)[index(column)].trim();
            return s.equals("NA") || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        }

        String text(int row, String column) {
            return rows.get(row)[index(column)].trim();
        }

        double[] column(String column) {
            double[] out = new double[rows.size()];
            for (int r = 0; r < out.length; r++) {
                out[r] = num(r, column);
            }
            return out;
        }

        int size() {
            return rows.size();
        }

        private int index(String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + header);
            }
            return i;
        }

        /** @return the rows whose cells in the columns equal the values */
        List<Integer> where(Map<String, String> cells) {
            List<Integer> out = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                boolean all = true;
                for (Map.Entry<String, String> c : cells.entrySet()) {
                    all &= text(r, c.getKey()).equals(c.getValue());
                }
                if (all) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    /**
     * @param path a path under reference/spikes, e.g. {@code "clean/grid.csv"}
     * @return the table
     */
    static Table table(String path) {
        try (InputStream in = SpikesGolden.class.getResourceAsStream("/reference/spikes/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no golden file reference/spikes/" + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = List.of(r.readLine().split(","));
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return new Table(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {N, t, v} of an input */
    static int[][] ntv(String input) {
        Table t = table(input + ".csv");
        int[][] out = new int[3][t.size()];
        for (int i = 0; i < t.size(); i++) {
            out[0][i] = (int) t.num(i, "N");
            out[1][i] = (int) t.num(i, "t");
            out[2][i] = (int) t.num(i, "v");
        }
        return out;
    }

    /** @return the key-value pairs of a two-column CSV (summary.csv) */
    static Map<String, String> summary(String path) {
        Table t = table(path);
        Map<String, String> m = new LinkedHashMap<>();
        for (int r = 0; r < t.size(); r++) {
            m.put(t.text(r, "key"), t.text(r, "value"));
        }
        return m;
    }

    /**
     * @param path     a fit_final.csv or fit_trace.csv
     * @param cells    the rows to take, e.g. variable = t, stage = final
     * @return the mixture in those rows, in component order
     */
    static BetaBinomialMixture mixture(String path, Map<String, String> cells) {
        Table t = table(path);
        List<Integer> rows = t.where(cells);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows " + cells + " in " + path);
        }
        double[] a = new double[rows.size()];
        double[] b = new double[rows.size()];
        double[] w = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            a[k] = t.num(rows.get(k), "alpha");
            b[k] = t.num(rows.get(k), "beta");
            w[k] = t.num(rows.get(k), "w");
        }
        return new BetaBinomialMixture(a, b, w);
    }
}
