package org.psephos.forensics;

/**
 * The sums a bootstrap replicate of {@link Resample} needs, weighted by how many times each unit is drawn: the
 * central moments of one array ({@link MomentData}) and the cross products of two ({@link CrossData}), each
 * finished by {@link Moments}' formulas. Prepared once per array, deviations from the array's center kept, so
 * every replicate is one pass without allocation but its result. Package-private.
 */
final class WeightedSums {
    private WeightedSums() {
    }

    /**
     * One moment array prepared for weighted passes: the used units (null if all are used) and their deviations
     * from the center.
     */
    static final class MomentData {
        private final double[] d;
        private final int[] units;

        MomentData(Resample.Moment m) {
            double[] x = m.x();
            int used = 0;
            for (double v : x) {
                used += Double.isNaN(v) ? 0 : 1;
            }
            d = new double[used];
            units = used == x.length ? null : new int[used];
            int k = 0;
            for (int i = 0; i < x.length; i++) {
                if (!Double.isNaN(x[i])) {
                    d[k] = x[i] - m.center();
                    if (units != null) {
                        units[k] = i;
                    }
                    k++;
                }
            }
        }

        /**
         * @param times how many times each unit is in the resample
         * @return {count, m2, m3, m4} of the used units in the resample (count 0: all 0)
         */
        double[] sums(int[] times) {
            // Two interleaved sets of sums (even and odd units) halve the loop-carried dependency chains.
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double u1 = 0;
            double u2 = 0;
            double u3 = 0;
            double u4 = 0;
            long count = 0;
            int len = d.length;
            int k = 0;
            for (; k + 1 < len; k += 2) {
                int t = units == null ? times[k] : times[units[k]];
                int t1 = units == null ? times[k + 1] : times[units[k + 1]];
                double v = d[k];
                double v1 = d[k + 1];
                double wv = t * v;
                double wv1 = t1 * v1;
                double wv2 = wv * v;
                double wv21 = wv1 * v1;
                s1 += wv;
                u1 += wv1;
                s2 += wv2;
                u2 += wv21;
                s3 += wv2 * v;
                u3 += wv21 * v1;
                s4 += wv2 * v * v;
                u4 += wv21 * v1 * v1;
                count += t + t1;
            }
            if (k < len) {
                int t = units == null ? times[k] : times[units[k]];
                double v = d[k];
                double wv = t * v;
                double wv2 = wv * v;
                s1 += wv;
                s2 += wv2;
                s3 += wv2 * v;
                s4 += wv2 * v * v;
                count += t;
            }
            return count == 0 ? new double[4]
                    : Moments.centralFromSums((int) count, s1 + u1, s2 + u2, s3 + u3, s4 + u4);
        }
    }

    /** Two arrays prepared for weighted cross-product passes: deviations from their centers. */
    static final class CrossData {
        private final double[] dx;
        private final double[] dy;
        private final double cy;

        CrossData(Resample.Cross c) {
            dx = new double[c.x().length];
            dy = new double[c.x().length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = c.x()[i] - c.cx();
                dy[i] = c.y()[i] - c.cy();
            }
            cy = c.cy();
        }

        /**
         * @param times how many times each unit is in the resample
         * @return {r, slope, mean of y} of the resample
         */
        double[] sums(int[] times) {
            // Two interleaved sets of sums (even and odd units) halve the loop-carried dependency chains.
            double sx = 0;
            double sy = 0;
            double rxx = 0;
            double ryy = 0;
            double rxy = 0;
            double ux = 0;
            double uy = 0;
            double uxx = 0;
            double uyy = 0;
            double uxy = 0;
            long count = 0;
            int len = dx.length;
            int i = 0;
            for (; i + 1 < len; i += 2) {
                double w = times[i];
                double w1 = times[i + 1];
                double x = dx[i];
                double y = dy[i];
                double x1 = dx[i + 1];
                double y1 = dy[i + 1];
                double wx = w * x;
                double wy = w * y;
                double wx1 = w1 * x1;
                double wy1 = w1 * y1;
                sx += wx;
                ux += wx1;
                sy += wy;
                uy += wy1;
                rxx += wx * x;
                uxx += wx1 * x1;
                ryy += wy * y;
                uyy += wy1 * y1;
                rxy += wx * y;
                uxy += wx1 * y1;
                count += times[i] + times[i + 1];
            }
            if (i < len) {
                double w = times[i];
                double wx = w * dx[i];
                double wy = w * dy[i];
                sx += wx;
                sy += wy;
                rxx += wx * dx[i];
                ryy += wy * dy[i];
                rxy += wx * dy[i];
                count += times[i];
            }
            return Moments.crossFromSums(count, sx + ux, sy + uy, rxx + uxx, ryy + uyy, rxy + uxy, cy);
        }
    }
}
