package org.psephos.estimation;

import java.util.Arrays;
import org.psephos.data.Election;

/**
 * EFToolkit's {@code Estimate} for {@link EftoolkitKlimek} ({@code kkalininMI/EFToolkit}, {@code
 * R/ComputeKlimekModel.R}: {@code KlData}, {@code ElectionFitter_sim}'s breaks, {@code Estimate}): the units, R's
 * {@code seq} and {@code hist} as EFToolkit calls them, the breaks from {@code thres}, and the clean moments (ν and
 * τ at the first drops of the share and turnout histograms, v_max, σ_τ, σ, θ), with the rules of
 * {@link EftoolkitKlimek}'s class comment. Package-private, stateless.
 */
final class EftoolkitKlimekEstimate {
    private EftoolkitKlimekEstimate() {
    }

    /** {@code Estimate}'s output: ν, τ, σ_τ, θ, σ, with the breaks. */
    record Estimated(double nu, double tau, double stdAtt, double theta, double sigma, double[] breaks) {
        KlimekMoments moments() {
            return new KlimekMoments(tau, nu, stdAtt, sigma, theta);
        }
    }

    /** The units' columns ({@code KlData}). */
    record Units(double[] voters, double[] valid, double[] votes) {
        static Units of(Election e) {
            int lead = e.leader();
            int n = 0;
            int[] keep = new int[e.size()];
            for (int i = 0; i < e.size(); i++) {
                int r = e.registered(i);
                int b = e.shareDenominator(i);
                int w = lead < 0 ? -1 : e.votes(lead, i);
                if (r > 0 && b > 0 && w > 0) {
                    keep[n++] = i;
                }
            }
            double[] voters = new double[n];
            double[] valid = new double[n];
            double[] votes = new double[n];
            for (int j = 0; j < n; j++) {
                voters[j] = e.registered(keep[j]);
                valid[j] = e.shareDenominator(keep[j]);
                votes[j] = e.votes(lead, keep[j]);
            }
            return new Units(voters, valid, votes);
        }

        int size() {
            return voters.length;
        }
    }

    /** @return R's {@code seq(from, to, by)} for by &gt; 0 */
    static double[] seq(double from, double to, double by) {
        int n = (int) ((to - from) / by + 1e-10);
        double[] x = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = Math.min(from + i * by, to);
        }
        return x;
    }

    /**
     * R's {@code hist(x, breaks, plot = FALSE)$counts} (right = TRUE, include.lowest = TRUE): the breaks moved by
     * R's fuzz, non-finite values dropped.
     *
     * @throws IllegalArgumentException where R stops: a finite value outside the breaks
     */
    static double[] hist(double[] x, double[] breaks) {
        int nb = breaks.length;
        double[] diffs = new double[nb - 1];
        for (int i = 0; i + 1 < nb; i++) {
            diffs[i] = breaks[i + 1] - breaks[i];
        }
        Arrays.sort(diffs);
        int m = diffs.length;
        double median = m % 2 == 1 ? diffs[m / 2] : (diffs[m / 2 - 1] + diffs[m / 2]) / 2;
        double fuzz = 1e-7 * median;
        double[] fb = new double[nb];
        fb[0] = breaks[0] - fuzz;
        for (int i = 1; i < nb; i++) {
            fb[i] = breaks[i] + fuzz;
        }
        double[] counts = new double[nb - 1];
        for (double v : x) {
            if (!Double.isFinite(v)) {
                continue;
            }
            if (!(fb[0] <= v && v <= fb[nb - 1])) {
                throw new IllegalArgumentException("some 'x' not counted; maybe 'breaks' do not span range of 'x'");
            }
            int lo = 0;
            int hi = nb - 1;
            while (hi - lo >= 2) {
                int mid = (hi + lo) / 2;
                if (v > fb[mid]) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            counts[lo]++;
        }
        return counts;
    }

    /** @return the breaks of {@code ElectionFitter_sim} for N units from this thres, and the final thres */
    static double[] breaks(int n, double thres) {
        double t = thres;
        double x0;
        double h;
        while (true) {
            x0 = -0.005 * (5 / t);
            h = 0.01 * (5 / t);
            if (0.8 * n > 1 / h) {
                break;
            }
            if (t > 0.5) {
                t -= 0.5;
            } else {
                break;
            }
        }
        double[] b = seq(x0, 1 - x0, 0.01 * (5 / t));
        double[] out = Arrays.copyOf(b, b.length + 1);
        out[b.length] = t;
        return out;
    }

    /**
     * {@code Estimate(bins, thres, Attendance, v)}.
     *
     * @throws IllegalArgumentException where R stops (hist's range, no drop found)
     */
    static Estimated estimate(Units u, double thres) {
        int n = u.size();
        double[] bt = breaks(n, thres);
        double t0 = bt[bt.length - 1];
        double[] x = Arrays.copyOf(bt, bt.length - 1);
        double[] att = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            att[i] = u.valid()[i] / u.voters()[i];
            v[i] = u.votes()[i] / u.valid()[i];
        }
        double[] nv = hist(v, x);
        int mode = 0;
        for (int k = 1; k < nv.length; k++) {
            if (nv[k] > nv[mode]) {
                mode = k;
            }
        }
        double vMax = x[mode];
        double lf = t0;
        double nu = Double.NaN;
        while (lf > 1) {
            int j = firstDrop(nv, 9, lf);
            if (j >= 0) {
                nu = x[j];
                break;
            }
            lf -= 0.5;
        }
        if (Double.isNaN(nu)) {
            throw new IllegalArgumentException("no drop in the share histogram (EFToolkit's Estimate fails)");
        }
        double[] na = hist(att, x);
        int jt = firstDrop(na, 14, lf);
        if (jt < 0) {
            throw new IllegalArgumentException("no drop in the turnout histogram (EFToolkit's Estimate fails)");
        }
        KlimekMoments m = KlimekPeaks.spreads(att, v, x[jt], nu, vMax, 2);
        return new Estimated(nu, m.tau(), m.sigmaTau(), m.theta(), m.sigmaNu(), x);
    }

    /** @return the 0-based index j ≥ from of the first count with c[j+1] − c[j] &lt; −thres, or −1 */
    private static int firstDrop(double[] c, int from, double thres) {
        for (int j = from; j + 1 < c.length; j++) {
            if (c[j + 1] - c[j] < -thres) {
                return j;
            }
        }
        return -1;
    }
}
