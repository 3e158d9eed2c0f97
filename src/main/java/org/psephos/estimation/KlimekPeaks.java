package org.psephos.estimation;

import java.util.Arrays;
import org.psephos.data.Election;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TurnoutBins;
import org.psephos.simulation.SampleMoments;

/**
 * Where Klimek et al.'s clean peak is and how wide it is: the peak rules of {@link KlimekFit.PeakRule} (histogram
 * drops as the published fitter, a kernel density's first peak, Kobak and Pshenichnikov's rule) and the spreads
 * σ_τ, σ_ν and θ around the peak (Klimek, Yegorov, Hanel and Thurner 2012, PNAS 109(41), Supporting Information).
 * Package-private and stateless; {@link KlimekFit} and {@link EftoolkitKlimek} fit from these moments.
 *
 * <p>Step 1 of {@link KlimekFit}, moments of the clean peak. Turnout t = ballots/registered and leader share v = leader
 * / share base per unit. Two peak rules: {@link KlimekFit.PeakRule#SLOPE}, the published fitter's (EFToolkit {@code
 * Estimate()}, port of {@code ElectionFitter.m}): 1% count histograms (bins widened while 0.8·n ≤ 1/h), ν = the first
 * bin from the 10th on after which the count drops by more than the threshold (5, lowered by 0.5 until one is found), τ
 * the same from the 15th bin; and {@link KlimekFit.PeakRule#KDE}, Kobak's: the first local maximum above 0.3 of a
 * Gaussian kernel density (Scott's bandwidth sd·n^(−1/5), on a 0.001 grid), here also at least a quarter as high as the
 * highest maximum (Russia 2024 has a small bump at 0.34 beside its 0.87 mode). Then σ_τ = RMS(t − τ) over units with v
 * &lt; ν and t &lt; τ; σ_ν = √(c·mean((v − ν)²)) over v &lt; ν with c = 2 in {@link KlimekFit.SigmaRule#PUBLISHED} and
 * c = 1 in {@link KlimekFit.SigmaRule#CORRECTED}; θ = (mean((v − v_max)²))^{1/4} over v &gt; v_max, v_max the mode.
 * <b>Default: CORRECTED with KDE peaks.</b> Below a peak the deviations of a normal are half-normal, whose mean square
 * is σ², so the factor 2 inflates σ_ν by √2 (Kobak: "must be a typo"). In the EFToolkit port it offsets the port's own
 * simulator, which divides two shares N(λ, σ) and N(1 − λ, σ) by their sum and so shrinks the share's sd to about σ/√2
 * near λ = 0.5; the engine used here draws the share directly as N(ν, σ_ν). The slope rule on a large sample stops at
 * the first chance drop of 5 counts, which with thousands of units per bin lies anywhere on the rising flank.
 */
final class KlimekPeaks {
    /** A KDE peak must reach this fraction of the highest one (Russia 2024: a bump at 0.34 beside the 0.87 mode). */
    static final double MIN_PEAK_HEIGHT = 0.25;

    private KlimekPeaks() {
    }

    /**
     * The clean peak (τ, ν) and the spreads around it by a peak rule, as {@link KlimekFit#moments} uses them.
     *
     * @param t          turnout per unit
     * @param v          the leader's share per unit
     * @param peakRule   how the peak is found
     * @param sigmaRule  how σ_ν is scaled
     * @return the moments (NaN where a peak cannot be found)
     */
    static KlimekMoments moments(double[] t, double[] v, KlimekFit.PeakRule peakRule,
                                 KlimekFit.SigmaRule sigmaRule) {
        if (peakRule == KlimekFit.PeakRule.KOBAK) {
            return kobakMoments(t, v);
        }
        int n = t.length;
        double tau;
        double nu;
        double vMax;
        if (peakRule == KlimekFit.PeakRule.KDE) {
            double[] kt = kde(t);
            double[] kv = kde(v);
            tau = firstPeakAbove(kt, 0.3);
            nu = firstPeakAbove(kv, 0.3);
            vMax = TurnoutBins.peak(kv) / (double) (kv.length - 1);
        } else {
            double thres = 5;
            while (!(0.8 * n > 100 * thres / 5) && thres > 0.5) {
                thres -= 0.5;
            }
            double h = 0.01 * (5 / thres);
            double x0 = -h / 2;
            int bins = (int) Math.round((1 - 2 * x0) / h);
            double[] hv = counts(v, x0, h, bins);
            double[] ht = counts(t, x0, h, bins);
            vMax = x0 + TurnoutBins.peak(hv) * h;
            double lf = thres;
            int jv = -1;
            while (lf > 1) {
                jv = firstDrop(hv, 9, lf);
                if (jv >= 0) {
                    break;
                }
                lf -= 0.5;
            }
            int jt = firstDrop(ht, 14, lf);
            nu = jv < 0 ? Double.NaN : x0 + jv * h;
            tau = jt < 0 ? Double.NaN : x0 + jt * h;
        }
        return spreads(t, v, tau, nu, vMax, sigmaRule == KlimekFit.SigmaRule.PUBLISHED ? 2 : 1);
    }

    /**
     * The spreads around the clean peak: σ_τ = RMS(t − τ) over v &lt; ν and t &lt; τ, σ_ν = √(c·mean((v − ν)²)) over
     * v &lt; ν, θ = (mean((v − c_θ)²) over v &gt; c_θ)^¼ (Klimek et al.'s double root; c_θ the mode or ν).
     *
     * @param t      turnout per unit
     * @param v      the leader's share per unit
     * @param tau    τ
     * @param nu     ν
     * @param centre c_θ
     * @param c      the factor under σ_ν's root (2 in the published fitter)
     * @return the moments
     */
    static KlimekMoments spreads(double[] t, double[] v, double tau, double nu, double centre, double c) {
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n1 = 0;
        int n2 = 0;
        int n3 = 0;
        for (int i = 0; i < t.length; i++) {
            if (v[i] < nu) {
                double d = v[i] - nu;
                s2 += d * d;
                n2++;
                if (t[i] < tau) {
                    double a = t[i] - tau;
                    s1 += a * a;
                    n1++;
                }
            }
            if (v[i] > centre) {
                double d = v[i] - centre;
                s3 += d * d;
                n3++;
            }
        }
        return new KlimekMoments(tau, nu, Math.sqrt(s1 / n1), Math.sqrt(c * s2 / n2), Math.sqrt(Math.sqrt(s3 / n3)));
    }

    /** Kobak and Pshenichnikov's moments ({@link KlimekFit.PeakRule#KOBAK}); the units must have a positive share base. */
    static KlimekMoments kobakMoments(double[] t, double[] v) {
        double nu = kobakPeak(v);
        return spreads(t, v, kobakPeak(t), nu, nu, 1);
    }

    /**
     * {@code x[np.where((x[:-1] > .3) & (np.diff(gaussian_kde(data).evaluate(x)) < 0))[0][0]]} with
     * {@code x = np.arange(0, 1, .001)}: scipy's kernel density (bandwidth factor n^(−1/5) times the sample sd with
     * divisor n − 1; the sum over the data in data order, as scipy's {@code gaussian_kernel_estimate}; terms whose
     * exponent underflows are skipped, as they add an exact 0).
     *
     * @return the grid point, or NaN if the density never falls above 0.3
     */
    static double kobakPeak(double[] data) {
        int n = data.length;
        int g = 1000;
        double mean = SampleMoments.mean(data, n);
        double ss = SampleMoments.squaredDeviations(data, n, mean);
        double factor = Math.pow(n, -1.0 / 5); // scotts_factor: neff^(-1/(d+4))
        double cov = ss / (n - 1) * (factor * factor);
        double chol = Math.sqrt(cov); // scipy scales by solve_triangular(cho_cov, ...)
        double norm = Math.pow(2 * Math.PI, -0.5) / chol;
        double weight = 1.0 / n;
        double[] grid = new double[g];
        double[] gs = new double[g];
        for (int i = 0; i < g; i++) {
            grid[i] = i * 0.001;
            gs[i] = grid[i] / chol;
        }
        double reach = Math.sqrt(2 * 746.0) * chol; // beyond it exp(-arg/2) is 0 in double
        double[] d = new double[g];
        for (double x : data) {
            double xs = x / chol;
            int lo = Math.max(0, (int) Math.floor((x - reach) * 1000) - 1);
            int hi = Math.min(g - 1, (int) Math.ceil((x + reach) * 1000) + 1);
            for (int i = lo; i <= hi; i++) {
                double r = xs - gs[i];
                d[i] += weight * (Math.exp(-(r * r) / 2) * norm);
            }
        }
        for (int i = 0; i + 1 < g; i++) {
            if (grid[i] > 0.3 && d[i + 1] - d[i] < 0) {
                return grid[i];
            }
        }
        return Double.NaN;
    }

    /** The published fitter's histogram: edges x0 + k·h in floating point, values outside dropped (no clamping). */
    static double[] counts(double[] x, double x0, double h, int bins) {
        double[] c = new double[bins];
        for (double xi : x) {
            int b = (int) Math.floor((xi - x0) / h);
            if (b >= 0 && b < bins) {
                c[b]++;
            }
        }
        return c;
    }

    /** @return the first j ≥ from with c[j+1] − c[j] &lt; −thres, or −1 */
    static int firstDrop(double[] c, int from, double thres) {
        for (int j = from; j + 1 < c.length; j++) {
            if (c[j + 1] - c[j] < -thres) {
                return j;
            }
        }
        return -1;
    }

    /** @return a Gaussian kernel density on the grid 0, 0.001, …, 1, Scott's bandwidth (binned approximation) */
    static double[] kde(double[] x) {
        int g = 1001;
        double[] c = new double[g];
        double s = 0;
        double s2 = 0;
        for (double xi : x) {
            c[Math.max(0, Math.min(g - 1, (int) Math.round(xi * 1000)))]++;
            s += xi;
            s2 += xi * xi;
        }
        int n = x.length;
        double mean = s / n;
        double sd = Math.sqrt(Math.max(1e-12, s2 / n - mean * mean));
        double bw = Math.max(0.002, sd * Math.pow(n, -0.2));
        int rad = (int) Math.ceil(4 * bw * 1000);
        double[] w = new double[rad + 1];
        for (int k = 0; k <= rad; k++) {
            double z = k / 1000.0 / bw;
            w[k] = Math.exp(-0.5 * z * z);
        }
        double[] d = new double[g];
        for (int j = 0; j < g; j++) {
            if (c[j] == 0) {
                continue;
            }
            for (int k = Math.max(0, j - rad); k <= Math.min(g - 1, j + rad); k++) {
                d[k] += c[j] * w[Math.abs(k - j)];
            }
        }
        return d;
    }

    /**
     * @return the grid position of the first local maximum above the level at least {@value #MIN_PEAK_HEIGHT} of
     *         the global maximum high (the global maximum if none)
     */
    static double firstPeakAbove(double[] d, double level) {
        int from = (int) Math.ceil(level * (d.length - 1)) + 1;
        double floor = MIN_PEAK_HEIGHT * d[TurnoutBins.peak(d)];
        for (int k = Math.max(1, from); k + 1 < d.length; k++) {
            if (d[k] > d[k - 1] && d[k] >= d[k + 1] && d[k] >= floor) {
                return k / (double) (d.length - 1);
            }
        }
        return TurnoutBins.peak(d) / (double) (d.length - 1);
    }

    /**
     * @param input the leader's data after Kobak et al.'s unit filter
     * @return the units their Klimek cell uses ({@code received > 0}), with registered voters and ballots present
     */
    static TestInput kobakUnits(TestInput input) {
        Election e = input.election();
        int lead = e.leader();
        int[] keep = new int[e.size()];
        int k = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.shareDenominator(i) > 0 && e.registered(i) > 0 && e.ballots(i) >= 0 && e.votes(lead, i) >= 0) {
                keep[k++] = i;
            }
        }
        Election units = k == e.size() ? e : e.select(Arrays.copyOf(keep, k));
        return new TestInput(units, input.level(), input.variable());
    }
}
