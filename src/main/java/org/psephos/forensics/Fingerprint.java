package org.psephos.forensics;

import static org.psephos.forensics.FingerprintCsv.num;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import org.psephos.data.Election;
import org.psephos.simulation.RandomStreams;

/**
 * The election fingerprint: the 2-D histogram of turnout × leader's share (Klimek, Yegorov, Hanel and Thurner
 * 2012, "Statistical detection of systematic election irregularities", PNAS 109(41):16469–16473,
 * doi:10.1073/pnas.1210722109), and the 1-D histograms of turnout and of the leader's share at 0.1% resolution
 * (Kobak, Shpilkin and Pshenichnikov 2016, Ann. Appl. Stat. 10(1):54–73, doi:10.1214/16-AOAS904).
 *
 * <p>Per unit: turnout \( 100\,B_i/N_i \) and leader's share \( 100\,W_i/R_i \) in percent, where R is the
 * election's share denominator. Units with \( N_i \le 0 \), \( R_i \le 0 \), a missing count,
 * \( B_i &gt; N_i \), \( W_i &gt; R_i \) (a share above 100%) or \( W_i &gt; N_i \) (more votes than voters) are
 * skipped and counted in {@code skipped()}, never clamped into an end bin. Each unit adds its weight: 1 (units, Klimek's default), registered
 * voters (Kobak's {@code weights = voters}), ballots or the leader's votes.
 *
 * <p>Bins. The 2-D histogram has square bins of width {@code binWidth} (default 1%) from 0 to 100, each
 * half-open \( [a, a + w) \) except the last, which also holds 100% (as numpy's {@code histogram2d}). The 1-D
 * histograms are centred on multiples of the fine width w (default 0.1): bin k holds \( [(k - \frac12) w,
 * (k + \frac12) w) \), k = 0..100/w: the bins Kobak's edges {@code arange(-w/2, 100 + w/2, w)} intend, a whole
 * percentage being the centre of its own bin. (In floating point numpy's {@code arange} stops at 99.95 for w = 0.1,
 * so the reference histograms have 1000 bins and silently drop units at exactly 100%; here the bin centred on 100%
 * is kept, and bins are assigned in exact integer arithmetic when there is no noise.)
 *
 * <p>De-aliasing noise (optional, Kobak's Significance 2016/2018 setting): \( U(-\frac12, \frac12) \) is added to
 * the numerators B and W before dividing, which spreads the spurious peaks at simple fractions (1/2, 2/3...) of
 * small units. The noise comes from the supplied {@link RandomStreams} (one stream per numerator, in unit order),
 * so it is reproducible. Values that noise pushes below 0% or above 100% fall in the end bins.
 *
 * <p>Immutable and thread-safe; results are immutable records. The units counted are {@link FingerprintPoints}. The
 * class stays at about 300 lines because its result records {@link Grid} and {@link Histogram} (half of it) are
 * named as {@code Fingerprint.Grid} and {@code Fingerprint.Histogram} by {@code report}.
 *
 * @since 0.1
 */
public final class Fingerprint {
    /** The resolution of the 1-D histograms, in percentage points. */
    public static final double FINE_BIN_WIDTH = 0.1;

    /** What each unit contributes to its bin. */
    public enum Weighting {
        /** 1 per unit. */
        UNITS,
        /** The unit's registered voters. */
        REGISTERED,
        /** The unit's ballots cast. */
        BALLOTS,
        /** The leader's votes in the unit. */
        LEADER_VOTES
    }

    private final double binWidth;
    private final double fineBinWidth;
    private final Weighting weighting;
    private final RandomStreams noise;

    private Fingerprint(double binWidth, double fineBinWidth, Weighting weighting, RandomStreams noise) {
        this.binWidth = binWidth;
        this.fineBinWidth = fineBinWidth;
        this.weighting = weighting;
        this.noise = noise;
    }

    /** @return 1% bins for the 2-D histogram, 0.1% for the 1-D ones, unit weights, no noise */
    public static Fingerprint withDefaults() {
        return new Fingerprint(1.0, FINE_BIN_WIDTH, Weighting.UNITS, null);
    }

    /**
     * @param width the 2-D bin width in percentage points; 100 / width must be a whole number
     * @return a copy with that width
     * @throws IllegalArgumentException if the width does not divide 100 or is not in (0, 100]
     */
    public Fingerprint withBinWidth(double width) {
        return new Fingerprint(checkWidth("bin width", width), fineBinWidth, weighting, noise);
    }

    /**
     * @param width the 1-D bin width in percentage points; 100 / width must be a whole number
     * @return a copy with that width
     * @throws IllegalArgumentException if the width does not divide 100 or is not in (0, 100]
     */
    public Fingerprint withFineBinWidth(double width) {
        return new Fingerprint(binWidth, checkWidth("fine bin width", width), weighting, noise);
    }

    /** @param w the weighting @return a copy with it */
    public Fingerprint withWeighting(Weighting w) {
        return new Fingerprint(binWidth, fineBinWidth, Objects.requireNonNull(w, "weighting"), noise);
    }

    /**
     * @param streams where the de-aliasing noise comes from
     * @return a copy that adds U(−0.5, 0.5) to the numerators
     */
    public Fingerprint withNoise(RandomStreams streams) {
        return new Fingerprint(binWidth, fineBinWidth, weighting, Objects.requireNonNull(streams, "streams"));
    }

    private static double checkWidth(String what, double w) {
        double bins = 100.0 / w;
        if (!(w > 0 && w <= 100) || Math.abs(bins - Math.rint(bins)) > 1e-9 * bins) {
            throw new IllegalArgumentException(what + " does not divide 100 into whole bins: " + w);
        }
        return w;
    }
    private FingerprintPoints points(Election e) {
        return FingerprintPoints.of(e, weighting, noise);
    }


    /**
     * @param e the units
     * @return the 2-D histogram of turnout × leader's share
     */
    public Grid grid(Election e) {
        FingerprintPoints p = points(e);
        int bins = (int) Math.rint(100.0 / binWidth);
        double[][] cells = new double[bins][bins];
        for (int i = 0; i < p.size(); i++) {
            int t = coarse(p.tNum()[i], p.tDen()[i], bins);
            int s = coarse(p.sNum()[i], p.sDen()[i], bins);
            cells[t][s] += p.weight()[i];
        }
        return new Grid(e.name(), e.leaderName(), binWidth, weighting, p.size(), p.skipped(), cells);
    }

    /**
     * @param e the units
     * @return the 1-D histogram of turnout at the fine resolution
     */
    public Histogram turnoutHistogram(Election e) {
        FingerprintPoints p = points(e);
        return fine(e, "turnout", p.tNum(), p.tDen(), p);
    }

    /**
     * @param e the units
     * @return the 1-D histogram of the leader's share at the fine resolution
     */
    public Histogram shareHistogram(Election e) {
        FingerprintPoints p = points(e);
        return fine(e, "leader_share", p.sNum(), p.sDen(), p);
    }

    /*
     * Implementation note. Without noise the numerators are whole numbers and the bin of num / den is found exactly
     * (TurnoutBins), so that values on a bin edge (41.75% = 167 / 400) go to the bin the half-open convention
     * names, whatever the rounding of a naive floating-point division would do. With K bins per 100%: coarse bin
     * floor(K num / den); fine bin (centred) floor(K num / den + 1/2).
     */
    private Histogram fine(Election e, String variable, double[] num, int[] den, FingerprintPoints p) {
        int last = (int) Math.rint(100.0 / fineBinWidth);
        double[] h = new double[last + 1];
        for (int i = 0; i < num.length; i++) {
            int k = noise == null ? TurnoutBins.centredBin((long) num[i], den[i], last)
                    : TurnoutBins.centredBin(num[i], den[i], last);
            h[k] += p.weight()[i];
        }
        return new Histogram(e.name(), variable, fineBinWidth, weighting, num.length, p.skipped(), h);
    }

    private int coarse(double num, int den, int bins) {
        return noise == null ? TurnoutBins.bin((long) num, den, bins) : TurnoutBins.bin(num, den, bins);
    }

    /**
     * A 2-D histogram of turnout × leader's share.
     *
     * @param election  the election's name
     * @param leader    the leader's name
     * @param binWidth  the bin width in percentage points
     * @param weighting what each unit adds
     * @param units     the units counted
     * @param skipped   the units skipped (no registered voters, no share base, missing counts, B &gt; N, W &gt; R,
     *                  W &gt; N)
     * @param cells     the weights, {@code cells[turnoutBin][shareBin]}; bin k covers [k w, (k + 1) w)
     */
    public record Grid(String election, String leader, double binWidth, Weighting weighting, int units,
                       int skipped, double[][] cells) {
        /** Copies the cells. */
        public Grid {
            cells = deepCopy(cells);
        }

        /** @return a copy of the cells */
        @Override
        public double[][] cells() {
            return deepCopy(cells);
        }

        private static double[][] deepCopy(double[][] c) {
            double[][] out = new double[c.length][];
            for (int i = 0; i < c.length; i++) {
                out[i] = c[i].clone();
            }
            return out;
        }

        /** @return bins per axis */
        public int bins() {
            return cells.length;
        }

        /**
         * @param turnoutBin a turnout bin
         * @param shareBin   a share bin
         * @return that cell's weight
         */
        public double cell(int turnoutBin, int shareBin) {
            return cells[turnoutBin][shareBin];
        }

        /** @return the sum of all cells */
        public double total() {
            double s = 0;
            for (double[] row : cells) {
                for (double v : row) {
                    s += v;
                }
            }
            return s;
        }

        /**
         * Writes every cell, zero or not, as CSV with the header
         * {@code turnout_low,turnout_high,share_low,share_high,weight}; atomically (temporary file and rename).
         *
         * @param path the file
         * @throws UncheckedIOException if it cannot be written
         */
        public void writeCsv(Path path) {
            FingerprintCsv.write(path, out -> {
                out.write("turnout_low,turnout_high,share_low,share_high,weight\n");
                for (int t = 0; t < cells.length; t++) {
                    for (int s = 0; s < cells.length; s++) {
                        out.write(num(t * binWidth) + "," + num((t + 1) * binWidth) + ","
                                + num(s * binWidth) + "," + num((s + 1) * binWidth) + ","
                                + num(cells[t][s]) + "\n");
                    }
                }
            });
        }
    }

    /**
     * A 1-D histogram at fine resolution, with bins centred on multiples of the bin width.
     *
     * @param election  the election's name
     * @param variable  {@code "turnout"} or {@code "leader_share"}
     * @param binWidth  the bin width in percentage points
     * @param weighting what each unit adds
     * @param units     the units counted
     * @param skipped   the units skipped
     * @param weights   the weights; bin k is centred on k · binWidth
     */
    public record Histogram(String election, String variable, double binWidth, Weighting weighting, int units,
                            int skipped, double[] weights) {
        /** Copies the weights. */
        public Histogram {
            weights = weights.clone();
        }

        /** @return a copy of the weights */
        @Override
        public double[] weights() {
            return weights.clone();
        }

        /** @return the number of bins */
        public int bins() {
            return weights.length;
        }

        /** @param k a bin @return its centre in percent */
        public double centre(int k) {
            return k * binWidth;
        }

        /** @param k a bin @return its weight */
        public double weight(int k) {
            return weights[k];
        }

        /**
         * Writes the bins as CSV with the header {@code bin_low,bin_high,centre,weight}; atomically.
         *
         * @param path the file
         * @throws UncheckedIOException if it cannot be written
         */
        public void writeCsv(Path path) {
            FingerprintCsv.write(path, out -> {
                out.write("bin_low,bin_high,centre,weight\n");
                for (int k = 0; k < weights.length; k++) {
                    out.write(num((k - 0.5) * binWidth) + "," + num((k + 0.5) * binWidth) + ","
                            + num(k * binWidth) + "," + num(weights[k]) + "\n");
                }
            });
        }
    }
}
