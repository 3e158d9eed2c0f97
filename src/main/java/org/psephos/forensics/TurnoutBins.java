package org.psephos.forensics;

/**
 * Turnout and vote-share bins: the one home of the binning rules that the fingerprint ({@link Fingerprint}), Kobak's
 * regional screen, Klimek's fit and Shpilkin's estimator share, and of the peak bin of a histogram.
 *
 * <p>A fraction num/den of counts (ballots over registered voters, a leader's votes over the share base) is located
 * exactly, so a value on a bin edge (65% = 13/20, 41.75% = 167/400) lands in the bin the convention names, whatever
 * a naive floating-point division (100 × (29/100.0) = 28.999999999999996) would round it to. With K bins per whole:
 * <ul>
 *   <li>{@link #bin(long, long, int)}: K bins over [0, 1], bin k holding [k/K, (k+1)/K), the last also 1 (numpy's
 *       {@code histogram}); ⌊K·num/den⌋ clamped to 0..K−1. The fingerprint's 2-D bins and Klimek's 1% bins.</li>
 *   <li>{@link #percentBin(long, long)}: 101 bins of 1%, bin 100 holding exactly 100%; ⌊100·num/den⌋ clamped to
 *       0..100. Shpilkin's turnout bins, with centres {@link #percentCentre(int)}.</li>
 *   <li>{@link #centredBin(long, long, int)}: K + 1 bins centred on the multiples of 1/K, bin k holding
 *       [(k − ½)/K, (k + ½)/K); ⌊K·num/den + ½⌋ clamped to 0..K. The fingerprint's fine 1-D histograms and Kobak's
 *       0.1% bins, where a whole percentage is the centre of its own bin.</li>
 * </ul>
 * For non-negative counts below 2³¹ and K ≤ 2²⁰, ⌊K·num/den⌋ equals the floating-point
 * {@code (int) (K * (double) num / den)}, which {@link #bin(long, long, int)} uses there: K·num is exact in a double,
 * a whole quotient is exact, and one that is not whole lies at least 1/den below the next integer, more than the
 * division's rounding error (at most (K·num/den)·2⁻⁵³, and K·num + den &lt; 2⁵³).
 * Numerators with de-aliasing noise are not whole: the {@code double} overloads take ⌊·⌋ of the floating-point
 * quotient, as Kobak's numpy code does. The reference tools' own bins are kept apart, for parity: R's {@code cut}
 * and {@code hist} on R's floating-point edges (EFToolkit's Shpilkin bins, {@code EftoolkitShpilkin}; its Klimek
 * fitter, {@code EftoolkitKlimek}; Rozenas's share bins, {@code spikes.ShareBins}) and the published Klimek
 * fitter's histogram on edges x₀ + k·h, which drops the values outside ({@code KlimekPeaks}).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TurnoutBins {
    /** Shpilkin's 1% bins: 0%, 1%, …, 100%. */
    public static final int PERCENT_BINS = 101;

    private TurnoutBins() {
    }

    /**
     * @param num  the numerator, e.g. ballots
     * @param den  the denominator, positive, e.g. registered voters
     * @param bins K, the number of bins over [0, 1], at most 2²⁰
     * @return ⌊K·num/den⌋ clamped to 0..K−1: bin k holds [k/K, (k+1)/K), the last bin also 1 and above
     */
    public static int bin(long num, long den, int bins) {
        if ((num | den) >>> 31 == 0) {
            // counts in [0, 2^31): the floating-point quotient has the same floor (see the class comment), and is
            // faster in the fits' inner loops than a 64-bit integer division
            return Math.min(bins - 1, (int) (bins * (double) num / den));
        }
        return (int) Math.max(0, Math.min(bins - 1, Math.floorDiv(bins * num, den)));
    }

    /**
     * {@link #bin(long, long, int)} for a numerator with de-aliasing noise, in floating point.
     *
     * @param num  the numerator
     * @param den  the denominator, positive
     * @param bins K
     * @return ⌊K·num/den⌋ clamped to 0..K−1
     */
    public static int bin(double num, double den, int bins) {
        return (int) Math.max(0, Math.min(bins - 1, (long) Math.floor(bins * num / den)));
    }

    /**
     * @param num      the numerator
     * @param den      the denominator, positive
     * @param perWhole K, bins per whole: the bin centres are 0, 1/K, …, 1
     * @return ⌊K·num/den + ½⌋ = ⌊(2K·num + den) / 2den⌋ clamped to 0..K: bin k holds [(k − ½)/K, (k + ½)/K)
     */
    public static int centredBin(long num, long den, int perWhole) {
        return (int) Math.max(0, Math.min(perWhole, Math.floorDiv(2L * perWhole * num + den, 2L * den)));
    }

    /**
     * {@link #centredBin(long, long, int)} for a numerator with de-aliasing noise, in floating point.
     *
     * @param num      the numerator
     * @param den      the denominator, positive
     * @param perWhole K
     * @return ⌊K·num/den + ½⌋ clamped to 0..K
     */
    public static int centredBin(double num, double den, int perWhole) {
        return (int) Math.max(0, Math.min(perWhole, (long) Math.floor(perWhole * num / den + 0.5)));
    }

    /**
     * @param num the numerator, e.g. ballots
     * @param den the denominator, positive, e.g. registered voters
     * @return the 1% bin, ⌊100·num/den⌋ clamped to 0..100: bin b holds [b%, (b+1)%), bin 100 exactly 100% (and
     *         above)
     */
    public static int percentBin(long num, long den) {
        return (int) Math.max(0, Math.min(PERCENT_BINS - 1, Math.floorDiv(100 * num, den)));
    }

    /**
     * The 1% bin of a turnout given as a number, such as a typed clean-peak turnout or a bin's centre.
     *
     * @param t a turnout in [0, 1]
     * @return ⌊100t + 10⁻⁹⌋ clamped to 0..100: a typed 0.29 is bin 29 although 100 × 0.29 is a hair below 29 in
     *         floating point; NaN gives 0
     */
    public static int percentBin(double t) {
        return Math.max(0, Math.min(PERCENT_BINS - 1, (int) Math.floor(100 * t + 1e-9)));
    }

    /**
     * @param b a 1% bin, 0..100
     * @return its centre as a turnout, (b + ½)/100, and 1 for the 100% bin
     */
    public static double percentCentre(int b) {
        return Math.min(1, (b + 0.5) / 100);
    }

    /**
     * A histogram weighted by counts: per bin, the sum of the weights of the units in it (e.g. the leader's votes
     * per turnout bin), added in unit order.
     *
     * @param bin    each unit's bin, 0..bins−1
     * @param weight each unit's weight
     * @param bins   the number of bins
     * @return the sums per bin
     */
    public static double[] sums(int[] bin, int[] weight, int bins) {
        double[] h = new double[bins];
        for (int i = 0; i < bin.length; i++) {
            h[bin[i]] += weight[i];
        }
        return h;
    }

    /**
     * @param h a histogram (or any curve over a grid), not empty
     * @return the peak bin: the index of the largest value, the earliest of equal values (comparisons with NaN are
     *         false: a NaN is never chosen over an earlier value)
     */
    public static int peak(double[] h) {
        int best = 0;
        for (int k = 1; k < h.length; k++) {
            if (h[k] > h[best]) {
                best = k;
            }
        }
        return best;
    }
}
