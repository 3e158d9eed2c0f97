package org.psephos.forensics;

/**
 * Hartigan's dip statistic \( D_n \) of a sorted sample, computed exactly by algorithm AS 217 (P. M. Hartigan 1985,
 * Appl. Statist. 34(3):320–325, doi:10.2307/2347485) as ported from Maechler's C translation in the R package
 * {@code diptest}: the arithmetic of {@link DipTest} and of the clean-twin null's dip. Package-private, stateless; the
 * work arrays are the caller's {@link DipTest.Scratch}.
 */
final class DipStatistic {
    private DipStatistic() {
    }

    /*
     * Implementation note. A port of diptst() in diptest's src/dip.c (AS 217 as translated by f2c and edited by
     * Maechler). Arrays are used 1-based, as there, so that the index arithmetic (which enters the distances)
     * stays visibly the same; the work is done in units of n * dip and divided by 2n at the end. Floating-point
     * expressions keep the C evaluation order so that the statistic agrees with R to the last bits.
     */
    /**
     * @param sorted  the first n values are the sample, in increasing order, without NaN
     * @param n       the sample size
     * @param loHi    receives the modal interval's indices
     * @param scratch work arrays of capacity at least n
     * @return the dip statistic, as {@link DipTest#dip(double[], int[])}
     */
    static double dip(double[] sorted, int n, int[] loHi, DipTest.Scratch scratch) {
        loHi[0] = 0;
        loHi[1] = Math.max(n - 1, 0);
        if (n == 0) {
            return 0.0;
        }
        if (n < 2 || sorted[n - 1] == sorted[0]) {
            return 1.0 / (2 * n); // diptest: 2n·dip starts at 1 and these samples return at once
        }
        double[] x = scratch.x;
        System.arraycopy(sorted, 0, x, 1, n);
        int[] mn = scratch.mn;
        int[] mj = scratch.mj;
        int[] gcm = scratch.gcm;
        int[] lcm = scratch.lcm;

        // Indices over which combination is necessary for the convex minorant fit.
        mn[1] = 1;
        for (int j = 2; j <= n; j++) {
            mn[j] = j - 1;
            while (true) {
                int mnj = mn[j];
                int mnmnj = mn[mnj];
                if (mnj == 1 || (x[j] - x[mnj]) * (mnj - mnmnj) < (x[mnj] - x[mnmnj]) * (j - mnj)) {
                    break;
                }
                mn[j] = mnmnj;
            }
        }
        // ... and for the concave majorant fit.
        mj[n] = n;
        for (int k = n - 1; k >= 1; k--) {
            mj[k] = k + 1;
            while (true) {
                int mjk = mj[k];
                int mjmjk = mj[mjk];
                if (mjk == n || (x[k] - x[mjk]) * (mjk - mjmjk) < (x[mjk] - x[mjmjk]) * (k - mjk)) {
                    break;
                }
                mj[k] = mjmjk;
            }
        }

        int low = 1;
        int high = n;
        double dip = 1.0;
        while (true) {
            // Change points of the GCM from high to low, and of the LCM from low to high.
            int ic = 1;
            gcm[1] = high;
            while (gcm[ic] > low) {
                gcm[ic + 1] = mn[gcm[ic]];
                ic++;
            }
            int icx = ic;
            ic = 1;
            lcm[1] = low;
            while (lcm[ic] < high) {
                lcm[ic + 1] = mj[lcm[ic]];
                ic++;
            }
            int icv = ic;

            int ig = icx;
            int ih = icv;
            int ix = icx - 1;
            int iv = 2;
            double d = 0.0;
            if (icx != 2 || icv != 2) {
                do {
                    int gcmix = gcm[ix];
                    int lcmiv = lcm[iv];
                    if (gcmix > lcmiv) {
                        // The next point of either the GCM or LCM is from the LCM.
                        int gcmi1 = gcm[ix + 1];
                        double dx = (lcmiv - gcmi1 + 1)
                                - (x[lcmiv] - x[gcmi1]) * (gcmix - gcmi1) / (x[gcmix] - x[gcmi1]);
                        iv++;
                        if (dx >= d) {
                            d = dx;
                            ig = ix + 1;
                            ih = iv - 1;
                        }
                    } else {
                        // The next point is from the GCM.
                        int lcmiv1 = lcm[iv - 1];
                        double dx = (x[gcmix] - x[lcmiv1]) * (lcmiv - lcmiv1) / (x[lcmiv] - x[lcmiv1])
                                - (gcmix - lcmiv1 - 1);
                        ix--;
                        if (dx >= d) {
                            d = dx;
                            ig = ix + 1;
                            ih = iv;
                        }
                    }
                    if (ix < 1) {
                        ix = 1;
                    }
                    if (iv > icv) {
                        iv = icv;
                    }
                } while (gcm[ix] != lcm[iv]);
            } else {
                d = 1.0;
            }
            if (d < dip) {
                break;
            }

            // The dips of the convex minorant and of the concave majorant for the current low and high.
            double dipL = 0.0;
            for (int j = ig; j <= icx - 1; j++) {
                double temp = 1.0;
                int jb = gcm[j + 1];
                int je = gcm[j];
                if (je - jb > 1 && x[je] != x[jb]) {
                    double c = (je - jb) / (x[je] - x[jb]);
                    for (int jr = jb; jr <= je; jr++) {
                        double t = (jr - jb + 1) - (x[jr] - x[jb]) * c;
                        if (temp < t) {
                            temp = t;
                        }
                    }
                }
                if (dipL < temp) {
                    dipL = temp;
                }
            }
            double dipU = 0.0;
            for (int k = ih; k <= icv - 1; k++) {
                double temp = 1.0;
                int kb = lcm[k];
                int ke = lcm[k + 1];
                if (ke - kb > 1 && x[ke] != x[kb]) {
                    double c = (ke - kb) / (x[ke] - x[kb]);
                    for (int kr = kb; kr <= ke; kr++) {
                        double t = (x[kr] - x[kb]) * c - (kr - kb - 1);
                        if (temp < t) {
                            temp = t;
                        }
                    }
                }
                if (dipU < temp) {
                    dipU = temp;
                }
            }
            double dipNew = Math.max(dipU, dipL);
            if (dip < dipNew) {
                dip = dipNew;
            }
            // Without this check (Maechler 1994) unimodal data can loop forever.
            if (low == gcm[ig] && high == lcm[ih]) {
                break;
            }
            low = gcm[ig];
            high = lcm[ih];
        }
        loHi[0] = low - 1;
        loHi[1] = high - 1;
        return dip / (2 * n);
    }
}
