package org.psephos.forensics.nulls;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.psephos.simulation.Quantiles;

/**
 * The slope of a line through binned points, as the clean-twin fit uses it for the size slopes ({@link ComponentFit})
 * and the turnout–support association ({@link TurnoutSupportSlope}): the units, in the order of their x, cut into
 * ten bins of equal count; per bin the centre of x and of y (medians, or means); the least-squares line through the
 * bins' centres weighted by their counts. Package-private; stateless.
 */
final class BinnedLine {
    /** Bins of the line. */
    static final int BINS = 10;

    /** Which centre of a bin's values the line goes through. */
    enum Centre {
        /** The bin's medians: an upper tail that moves every bin alike leaves the slope alone. */
        MEDIAN,
        /** The bin's means: the least-squares slope, up to the binning. */
        MEAN
    }

    private BinnedLine() {
    }

    /**
     * @param order  the units' indices sorted by x (the first n are used)
     * @param n      how many
     * @param x      per unit index, the abscissa
     * @param y      per unit index, the ordinate
     * @param centre which centre of each bin
     * @return the slope, 0 without spread in the bins' x
     */
    static double slope(Integer[] order, int n, IntToDoubleFunction x, IntToDoubleFunction y, Centre centre) {
        double sw = 0;
        double swx = 0;
        double swy = 0;
        double swxx = 0;
        double swxy = 0;
        for (int b = 0; b < BINS; b++) {
            int from = (int) ((long) n * b / BINS);
            int to = (int) ((long) n * (b + 1) / BINS);
            double[] yb = new double[to - from];
            double[] xb = new double[to - from];
            for (int j = from; j < to; j++) {
                int i = order[j];
                yb[j - from] = y.applyAsDouble(i);
                xb[j - from] = x.applyAsDouble(i);
            }
            Arrays.sort(yb);
            Arrays.sort(xb);
            boolean mean = centre == Centre.MEAN;
            double mx = mean ? mean(xb) : Quantiles.type7(xb, xb.length, 0.5);
            double my = mean ? mean(yb) : Quantiles.type7(yb, yb.length, 0.5);
            double w = yb.length;
            sw += w;
            swx += w * mx;
            swy += w * my;
            swxx += w * mx * mx;
            swxy += w * mx * my;
        }
        double var = swxx - swx * swx / sw;
        return var > 1e-12 ? (swxy - swx * swy / sw) / var : 0;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
