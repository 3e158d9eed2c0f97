package org.psephos.forensics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The null quantiles of the dip, {@code diptest}'s table {@code qDiptab} (\( \sqrt{n} D_n \) of uniform samples, per
 * tabulated n), read from the resource {@code qDiptab.txt}, and {@code dip.test}'s interpolation in it: the p-value
 * table of {@link DipTest}. Package-private, immutable.
 */
final class DipTable {
    static final DipTable INSTANCE = load();

    private final int[] sizes;
    private final double[] probs;
    private final double[][] quantiles;

    private DipTable(int[] sizes, double[] probs, double[][] quantiles) {
        this.sizes = sizes;
        this.probs = probs;
        this.quantiles = quantiles;
    }

    private static DipTable load() {
        try (InputStream in = DipTest.class.getResourceAsStream("qDiptab.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource qDiptab.txt is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            double[] probs = null;
            List<Integer> sizes = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("\\s+");
                double[] v = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = Double.parseDouble(f[i]);
                }
                if (probs == null) {
                    probs = v;
                } else {
                    sizes.add(Integer.parseInt(f[0]));
                    rows.add(v);
                }
            }
            return new DipTable(sizes.stream().mapToInt(Integer::intValue).toArray(), probs,
                    rows.toArray(new double[0][]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read qDiptab.txt", e);
        }
    }

    /*
     * Implementation note: dip.test's
     *   y <- y.0 + f.n * (y.1 - y.0);  P <- 1 - approx(y, P.s, rule = 2, xout = sqrt(n) * D)$y
     * where approx's default ties = mean first collapses equal abscissae to the mean of their ordinates
     * (small n have many equal quantiles), and rule = 2 extrapolates by the end values.
     */
    double cdf(double dip, int n) {
        int last = sizes.length - 1;
        int i0;
        int i1;
        double f;
        if (n >= sizes[last]) {
            i0 = last;
            i1 = last;
            f = 0.0;
        } else {
            i0 = 0;
            while (i0 + 1 <= last && sizes[i0 + 1] <= n) {
                i0++;
            }
            i1 = i0 + 1;
            f = (double) (n - sizes[i0]) / (sizes[i1] - sizes[i0]);
        }
        double s0 = Math.sqrt(sizes[i0]);
        double s1 = Math.sqrt(sizes[i1]);
        int m = probs.length;
        double[] xs = new double[m];
        for (int j = 0; j < m; j++) {
            double y0 = s0 * quantiles[i0][j];
            double y1 = s1 * quantiles[i1][j];
            xs[j] = y0 + f * (y1 - y0);
        }
        return approxTiesMean(xs, probs, Math.sqrt(n) * dip);
    }

    /** R's approx(x, y, xout = v, rule = 2, ties = mean) for x already non-decreasing. */
    static double approxTiesMean(double[] x, double[] y, double v) {
        double[] ux = new double[x.length];
        double[] uy = new double[x.length];
        int u = 0;
        for (int j = 0; j < x.length;) {
            int k = j;
            double sum = 0;
            while (k < x.length && x[k] == x[j]) {
                sum += y[k];
                k++;
            }
            ux[u] = x[j];
            uy[u] = sum / (k - j);
            u++;
            j = k;
        }
        if (v <= ux[0]) {
            return uy[0];
        }
        if (v >= ux[u - 1]) {
            return uy[u - 1];
        }
        int i = 0;
        int j = u - 1;
        while (i < j - 1) {
            int mid = (i + j) >>> 1;
            if (v < ux[mid]) {
                j = mid;
            } else {
                i = mid;
            }
        }
        if (v == ux[j]) {
            return uy[j];
        }
        if (v == ux[i]) {
            return uy[i];
        }
        return uy[i] + (uy[j] - uy[i]) * ((v - ux[i]) / (ux[j] - ux[i]));
    }
}
