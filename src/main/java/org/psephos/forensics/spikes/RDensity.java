package org.psephos.forensics.spikes;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * R's kernel density estimate {@code density(x, bw = bw, n = points, from = from, to = to, kernel = "gaussian")}
 * as R 4.2.2 computes it ({@code src/library/stats/R/density.R} and {@code BinDist} in
 * {@code src/library/stats/src/massdist.c}), ported step by step because its numbers are not those of the exact
 * kernel sum when the bandwidth is far below the binning grid's spacing, as in Rozenas's {@code spikes}
 * (bandwidth 0.0001, grid spacing about 0.001):
 * <ol>
 *   <li>Binning grid: \( m = \max(512, \text{points}) \), raised to a power of two; \( lo = from - 4\,bw \),
 *       \( up = to + 4\,bw \), spacing \( \delta = (up - lo)/(m - 1) \).</li>
 *   <li>Linear binning ({@code BinDist}): a point x with weight w (1/n for n finite points) at
 *       \( p = (x - lo)/\delta \), \( i = \lfloor p \rfloor \), \( f = p - i \) adds \( (1 - f) w \) to cell i and
 *       \( f w \) to cell i + 1 (cells 0 … m − 1; a point just outside gives its inner share only), in an array of
 *       length 2m whose upper half stays zero.</li>
 *   <li>Kernel on 2m points \( k_j = \varphi(d_j / bw)/bw \) with \( d_j = j \cdot 2(up - lo)/(2m - 1) \) for
 *       \( j \le m \) and \( d_j = -d_{2m-j} \) above (R's {@code kords}: note the spacing \( 2(up-lo)/(2m-1) \),
 *       not δ, which R 4.4 changed under {@code old.coords = FALSE}); φ as R's {@code dnorm}.</li>
 *   <li>Circular convolution by FFT: \( \max(0, \mathrm{Re}\,\mathrm{FFT}^{-1}(\mathrm{FFT}(y)\,
 *       \overline{\mathrm{FFT}(k)}))/(2m) \), the first m values, at \( lo + j\delta \).</li>
 *   <li>Linear interpolation ({@code approx}, R's bisection and its exact-hit rules) to the output grid
 *       {@code seq(from, to, length.out = points)}.</li>
 * </ol>
 * The FFT is commons-math's radix-2 transform, R's is Singleton's mixed-radix one: the two differ by rounding only
 * (about 1e-16 of the largest value), which can move values that are zero in exact arithmetic to tiny positive
 * numbers, as in R.
 *
 * <p>Immutable and thread-safe; the scratch arrays of {@link #workspace()} belong to one thread.
 */
final class RDensity {
    /** 1/sqrt(2π), R's {@code M_1_SQRT_2PI}. */
    private static final double ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
    /** R's dnorm: beyond this |x| the density underflows to 0. */
    private static final double DNORM_ZERO = Math.sqrt(-2 * 0.693147180559945309417232121458 * (-1021 + 1 - 53));

    private final int points;
    private final int cells;
    private final double lo;
    private final double delta;
    private final double[] grid;
    private final double[] kernelRe;
    private final double[] kernelIm;
    private final int[] left;
    private final double[] fraction;
    private final byte[] hit;

    /**
     * @param bw     the bandwidth (R's {@code bw}, the kernel's standard deviation), positive
     * @param points output points (R's {@code n}), at least 2
     * @param from   first output point
     * @param to     last output point, above {@code from}
     */
    RDensity(double bw, int points, double from, double to) {
        if (!(bw > 0) || points < 2 || !(to > from)) {
            throw new IllegalArgumentException("density needs bw > 0, at least 2 points and from < to: bw " + bw
                    + ", points " + points + ", from " + from + ", to " + to);
        }
        this.points = points;
        int m = Math.max(points, 512);
        if (m > 512) {
            m = Integer.highestOneBit(m - 1) << 1; // 2^ceiling(log2(m))
        }
        this.cells = m;
        this.lo = from - 4 * bw;
        double up = to + 4 * bw;
        this.delta = (up - lo) / (m - 1);
        double[] xords = seqLength(lo, up, m);
        double[] kords = seqLength(0, 2 * (up - lo), 2 * m);
        for (int j = m + 1; j < 2 * m; j++) {
            kords[j] = -kords[2 * m - j];
        }
        double[][] k = new double[2][2 * m];
        for (int j = 0; j < 2 * m; j++) {
            k[0][j] = dnorm(kords[j], bw);
        }
        FastFourierTransformer.transformInPlace(k, DftNormalization.STANDARD, TransformType.FORWARD);
        kernelRe = k[0];
        kernelIm = k[1];
        for (int j = 0; j < 2 * m; j++) {
            kernelIm[j] = -kernelIm[j]; // Conj(fft(kords))
        }
        grid = seqLength(from, to, points);
        left = new int[points];
        fraction = new double[points];
        hit = new byte[points];
        for (int i = 0; i < points; i++) {
            double v = grid[i];
            int a = 0;
            int b = m - 1;
            while (a < b - 1) { // R's approx1 bisection: xords[a] <= v <= xords[b]
                int ij = (a + b) / 2;
                if (v < xords[ij]) {
                    b = ij;
                } else {
                    a = ij;
                }
            }
            left[i] = a;
            if (v == xords[b]) {
                hit[i] = 2;
            } else if (v == xords[a]) {
                hit[i] = 1;
            } else {
                fraction[i] = (v - xords[a]) / (xords[b] - xords[a]);
            }
        }
    }

    /**
     * R's {@code seq.int(from, to, length.out = n)} for non-integer ends or step: from + i·by, the last exactly to.
     *
     * @return the sequence
     */
    static double[] seqLength(double from, double to, int n) {
        double[] s = new double[n];
        s[0] = from;
        if (n > 1) {
            s[n - 1] = to;
        }
        if (n > 2) {
            double by = (to - from) / (n - 1);
            for (int i = 1; i < n - 1; i++) {
                s[i] = from + i * by;
            }
        }
        return s;
    }

    /** R's {@code dnorm(x, 0, sd)} (nmath/dnorm.c, not the fast variant). */
    static double dnorm(double x, double sd) {
        double z = Math.abs(x / sd);
        if (z < 5) {
            return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * z * z) / sd;
        }
        if (z > DNORM_ZERO) {
            return 0;
        }
        double z1 = Math.rint(z * 65536) / 65536;
        double z2 = z - z1;
        return ONE_OVER_SQRT_2PI / sd * (Math.exp(-0.5 * z1 * z1) * Math.exp((-0.5 * z2 - z1) * z2));
    }

    /** @return the output grid, {@code seq(from, to, length.out = points)} (a copy) */
    double[] grid() {
        return grid.clone();
    }

    /** @return the number of output points */
    int points() {
        return points;
    }

    /** @return scratch arrays for one thread: the binned masses (length 2m) and the FFT's imaginary parts */
    Workspace workspace() {
        return new Workspace(new double[2 * cells], new double[2 * cells]);
    }

    /**
     * Scratch of one thread.
     *
     * @param binned the binned masses, filled by {@link #bin}, consumed by {@link #estimate}
     * @param imag   the FFT's imaginary parts
     */
    record Workspace(double[] binned, double[] imag) {
        /** Zeroes the binned masses for the next sample. */
        void clear() {
            java.util.Arrays.fill(binned, 0);
        }
    }

    /**
     * Adds one point to the binned masses, as {@code BinDist} does.
     *
     * @param x      the point (non-finite points are skipped, as R skips them)
     * @param weight its weight, 1/n for a density of n points
     * @param binned the masses (length 2m)
     */
    void bin(double x, double weight, double[] binned) {
        double xpos = (x - lo) / delta;
        if (!(xpos <= Integer.MAX_VALUE && xpos >= Integer.MIN_VALUE)) {
            return;
        }
        int ix = (int) Math.floor(xpos);
        double fx = xpos - ix;
        if (ix >= 0 && ix <= cells - 2) {
            binned[ix] += (1 - fx) * weight;
            binned[ix + 1] += fx * weight;
        } else if (ix == -1) {
            binned[0] += fx * weight;
        } else if (ix == cells - 1) {
            binned[ix] += (1 - fx) * weight;
        }
    }

    /**
     * The density on the output grid from binned masses. Overwrites the workspace.
     *
     * @param ws  the workspace holding the binned masses
     * @param out the density at each output point (length {@link #points()})
     */
    void estimate(Workspace ws, double[] out) {
        double[] re = ws.binned();
        double[] im = ws.imag();
        java.util.Arrays.fill(im, 0);
        double[][] data = {re, im};
        FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int j = 0; j < re.length; j++) {
            double a = re[j];
            double b = im[j];
            re[j] = a * kernelRe[j] - b * kernelIm[j];
            im[j] = a * kernelIm[j] + b * kernelRe[j];
        }
        // STANDARD inverse divides by the length, as R's Re(fft(., inverse = TRUE)) / length(y)
        FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.INVERSE);
        for (int i = 0; i < points; i++) {
            int a = left[i];
            double ya = Math.max(0, re[a]);
            double yb = Math.max(0, re[a + 1]);
            out[i] = hit[i] == 2 ? yb : hit[i] == 1 ? ya : ya + (yb - ya) * fraction[i];
        }
    }

    /**
     * @param x the sample; non-finite values are skipped and the others weigh 1/(number of finite values)
     * @return the density on the output grid
     */
    double[] density(double[] x) {
        int finite = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                finite++;
            }
        }
        if (finite == 0) {
            throw new IllegalArgumentException("density of no finite values");
        }
        double w = 1.0 / finite;
        Workspace ws = workspace();
        for (double v : x) {
            if (Double.isFinite(v)) {
                bin(v, w, ws.binned());
            }
        }
        double[] out = new double[points];
        estimate(ws, out);
        return out;
    }
}
