package org.psephos.estimation;

import org.psephos.data.Election;

/**
 * Shpilkin's estimate as EFToolkit computes it ({@code kkalininMI/EFToolkit}, {@code R/helper_functions.R},
 * {@code estimate_fraud} with {@code mode_search$pick_by = "height"} and {@code peak_search_basic}), reproducing R's
 * arithmetic, for {@link Shpilkin} under EFToolkit's conventions. Package-private.
 *
 * <p>Per unit, NValid = the share base (EFToolkit's {@code TotalVotes}; ballots under its conventions), NVoters =
 * registered, Votes = the leader's votes, turnout t = NValid/NVoters in doubles (NaN where a count is missing or
 * 0/0). Bins: R's ruler {@code seq(0, 1.01, .01)}, whose edges are the doubles e_j = j·0.01 (on which whole-percent
 * turnouts sit above or below by the last bit), and bin k = 1..101 holds e_{k−1} &lt; t ≤ e_k (R's
 * {@code turnout > ruler[i] & turnout <= ruler[i+1]}); t ≤ 0, t &gt; 1.01 and NaN fall in no bin. Bin k is
 * labelled by {@code ruler[-101]}: (k − 1)·0.01 for k ≤ 100 (its lower edge) and 1.01 for bin 101. Per bin, W_k and
 * V_k sum the leader's votes and NValid ({@code na.rm = TRUE}); the others O_k = V_k − W_k.
 *
 * <p>Peak ({@code height}): over the bins with V_k &gt; 0 (those whose support W/V is not NA) and a label below the
 * official turnout T = ΣNValid/ΣNVoters (all such bins if none is below), the series of W_k, compressed; its peaks
 * by {@code pracma::findpeaks}' rule (a run of rises followed by a run of falls, plateaus break it; the peak is the
 * first maximum of the run); the highest (the earliest among equal heights); without any peak, the largest W_k. A
 * manual turnout x picks the bin labelled x. The estimate: r = W_p/O_p, F = Σ_{k ≥ p} (W_k − r·O_k), the clean
 * turnout t* = the label of p, the clean share W_p/V_p (EFToolkit prints it rounded to a whole percent), stuffing =
 * round((T − t*)·ΣNVoters) (not floored at 0), replaced by round(F) when it exceeds F, switching = F − stuffing.
 */
final class EftoolkitShpilkin {
    /** Bins 1..101; index 0 is unused. */
    static final int BINS = 101;

    private EftoolkitShpilkin() {
    }

    /** @return the upper edge of bin k, R's {@code seq(0, 1.01, .01)[k + 1]} */
    static double edge(int k) {
        return k * 0.01;
    }

    /** @return bin k's label, {@code ruler[-101][k]} */
    static double label(int k) {
        return k <= 100 ? (k - 1) * 0.01 : 1.01;
    }

    /** @return the bin of turnout t (1..101), or 0 if in none (R's cut, kept apart from TurnoutBins for parity) */
    static int bin(double t) {
        if (!(t > 0) || !(t <= edge(BINS))) {
            return 0;
        }
        int k = Math.max(1, Math.min(BINS, (int) Math.ceil(t * 100)));
        while (k > 1 && !(t > edge(k - 1))) {
            k--;
        }
        while (k < BINS && !(t <= edge(k))) {
            k++;
        }
        return k;
    }

    /**
     * The per-unit columns of {@code estimate_fraud}: NaN where the election's count is missing.
     *
     * @param voters NVoters
     * @param valid  NValid
     * @param votes  Votes, the leader's
     * @param bin    each unit's bin (0: none)
     */
    record Columns(double[] voters, double[] valid, double[] votes, int[] bin) {
        static Columns of(Election e) {
            int n = e.size();
            int lead = e.leader();
            if (lead < 0) {
                throw new IllegalArgumentException("election has no leader: " + e.name());
            }
            double[] voters = new double[n];
            double[] valid = new double[n];
            double[] votes = new double[n];
            int[] bin = new int[n];
            for (int i = 0; i < n; i++) {
                voters[i] = count(e.registered(i));
                valid[i] = count(e.shareDenominator(i));
                votes[i] = count(e.votes(lead, i));
                bin[i] = EftoolkitShpilkin.bin(valid[i] / voters[i]);
            }
            return new Columns(voters, valid, votes, bin);
        }

        private static double count(int c) {
            return c < 0 ? Double.NaN : c;
        }
    }

    /**
     * Sums over the units, or over a resample of them.
     *
     * @param w         W_k
     * @param v         V_k
     * @param sumValid  ΣNValid (na.rm)
     * @param sumVoters ΣNVoters (na.rm)
     */
    record Sums(double[] w, double[] v, double sumValid, double sumVoters) {
        static Sums of(Columns c, int[] units) {
            double[] w = new double[BINS + 1];
            double[] v = new double[BINS + 1];
            double sv = 0;
            double sn = 0;
            int n = units == null ? c.voters().length : units.length;
            for (int j = 0; j < n; j++) {
                int i = units == null ? j : units[j];
                if (!Double.isNaN(c.valid()[i])) {
                    sv += c.valid()[i];
                }
                if (!Double.isNaN(c.voters()[i])) {
                    sn += c.voters()[i];
                }
                int k = c.bin()[i];
                if (k > 0) {
                    if (!Double.isNaN(c.votes()[i])) {
                        w[k] += c.votes()[i];
                    }
                    if (!Double.isNaN(c.valid()[i])) {
                        v[k] += c.valid()[i];
                    }
                }
            }
            return new Sums(w, v, sv, sn);
        }
    }

    /**
     * @param s      the sums
     * @param manual a turnout to use as the peak's label, or NaN for the {@code height} rule
     * @return the peak bin p (1..101)
     * @throws IllegalArgumentException where EFToolkit finds no peak (NA) or the manual turnout labels no bin
     */
    static int peak(Sums s, double manual) {
        if (!Double.isNaN(manual)) {
            int p = (int) Math.round(manual * 100) + 1;
            if (p < 1 || p > BINS || Math.abs(label(p) - manual) > 1e-9) {
                throw new IllegalArgumentException("no turnout bin is labelled " + manual);
            }
            return p;
        }
        double official = s.sumValid() / s.sumVoters();
        int[] rows = new int[BINS];
        int m = 0;
        for (int k = 1; k <= BINS; k++) {
            if (supported(s, k) && label(k) < official) {
                rows[m++] = k;
            }
        }
        if (m == 0) {
            for (int k = 1; k <= BINS; k++) {
                if (supported(s, k)) {
                    rows[m++] = k;
                }
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("no unit falls in a turnout bin");
        }
        double[] x = new double[m];
        for (int j = 0; j < m; j++) {
            x[j] = s.w()[rows[j]];
        }
        int best = highestPeak(x);
        int p = rows[best];
        if (!(label(p) < official)) {
            throw new IllegalArgumentException("no clean peak found with turnout below the official turnout");
        }
        return p;
    }

    /** @return whether bin k's support W/V is not NA (R's 0/0 is NaN, a positive count over 0 is Inf) */
    private static boolean supported(Sums s, int k) {
        return !(s.v()[k] == 0 && s.w()[k] == 0);
    }

    /**
     * {@code pracma::findpeaks(x, npeaks = 5, sortstr = TRUE, minpeakdistance = 1)} and the highest of its peaks,
     * or {@code which.max(x)} when it finds none.
     *
     * @return the index of the peak
     */
    static int highestPeak(double[] x) {
        int n = x.length;
        int best = -1;
        int j = 0; // position in the sign string, sign j = sign(x[j + 1] - x[j])
        while (j < n - 1) {
            if (!(x[j + 1] > x[j])) {
                j++;
                continue;
            }
            int start = j;
            while (j < n - 1 && x[j + 1] > x[j]) {
                j++;
            }
            int falls = j;
            while (j < n - 1 && x[j + 1] < x[j]) {
                j++;
            }
            if (j == falls) {
                continue; // rises not followed by a fall: no match starts in this run
            }
            int p = start;
            for (int i = start + 1; i <= j; i++) {
                if (x[i] > x[p]) {
                    p = i;
                }
            }
            if (best < 0 || x[p] > x[best]) {
                best = p;
            }
        }
        if (best >= 0) {
            return best;
        }
        int max = 0;
        for (int i = 1; i < n; i++) {
            if (x[i] > x[max]) {
                max = i;
            }
        }
        return max;
    }

    /**
     * @param s      the sums
     * @param manual a manual peak label, or NaN
     * @return {p, r, F, stuffing, switching, clean share}
     * @throws IllegalArgumentException where EFToolkit gives no estimate
     */
    static double[] estimate(Sums s, double manual) {
        int p = peak(s, manual);
        if (p == BINS) {
            throw new IllegalArgumentException("the clean peak is the last bin (above 100% turnout)");
        }
        double w = s.w()[p];
        double o = s.v()[p] - w;
        if (!(o > 0)) {
            throw new IllegalArgumentException("the clean-peak bin holds no votes of the other options");
        }
        double r = w / o;
        double leader = 0;
        double clean = 0;
        for (int k = p; k <= BINS; k++) {
            leader += s.w()[k];
            clean += (s.v()[k] - s.w()[k]) * r;
        }
        double f = leader - clean;
        double official = s.sumValid() / s.sumVoters();
        double stuffing = Math.rint((official - label(p)) * s.sumVoters());
        if (stuffing > f) {
            stuffing = Math.rint(f);
        }
        return new double[] {p, r, f, stuffing, f - stuffing, w / s.v()[p]};
    }
}
