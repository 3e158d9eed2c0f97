package org.psephos.estimation;

import org.psephos.forensics.TurnoutBins;

/**
 * The clean-peak rules of {@link Shpilkin} on the votes per 1% turnout bin: a turnout given by hand, the leader's
 * highest bin ({@link Shpilkin.PeakRule#HEIGHT}) and the automatic rules on the other options' votes. Package-private,
 * stateless.
 *
 * <ul>
 *   <li>{@link Shpilkin.PeakRule#OTHERS}: the bin with the most votes of the other options (the earliest of equal
 *       bins).</li>
 *   <li>{@link Shpilkin.PeakRule#SMOOTHED}: the maximum of the curve smoothed by {@link #smooth}: a running median
 *       over {@value #WINDOW} bins, which removes spikes one or two bins wide (units that report a whole or round
 *       turnout, the 100% bin), then a running mean over {@value #WINDOW} bins, which removes the count noise.</li>
 *   <li>{@link Shpilkin.PeakRule#FIRST_PEAK}: scanning the smoothed curve s from low turnout up, the first bin b at
 *       least {@value #MIN_HEIGHT} of the curve's maximum that the next {@value #AHEAD} bins do not exceed by more
 *       than {@value #RISE} of its height (max s_{b..b+5} ≤ 1.1·s_b): the curve has stopped rising, at a local
 *       maximum or at a shoulder after which a second, higher pile begins. The peak is the highest of the bins
 *       b..b+{@value #AHEAD}. Ballot stuffing moves whole units, with their other options' votes, to higher
 *       turnout; where most units are stuffed towards similar targets they pile up into a higher peak of the other
 *       options' votes than the clean one, which is then the first one from below (Russia 2024).</li>
 * </ul>
 * The height floor is the one of {@link KlimekFit}'s KDE peaks (a small low-turnout bump, such as a city that
 * votes less, is not the country's clean peak). On the flank of a clean normal turnout curve with an sd of σ points
 * the 5 bins that end at the mode rise by exp(25/(2σ²)) − 1: 13% at σ = 10, 11% at σ = 11 (Russia's and Canada's
 * clean flanks have σ of 7 to 10 points, {@link KlimekFit}), so for σ up to 11 points the rule stops within 5 bins
 * below the mode and the window b..b+5 holds it. The threshold was chosen by simulation ({@code ShpilkinPeakStudy},
 * docs/validation.md section 7): 3% and 5% missed most shoulders of widespread stuffing, 12% and 15% began to stop
 * below the mode of clean elections with regional heterogeneity; 10% kept the clean round trips within their
 * noise.
 *
 * <p><b>Why FIRST_PEAK is the default</b> ({@code ShpilkinPeakStudy}, 50 seeds of 20,000 units; docs/validation.md
 * section 7): on clean elections with regional, size and urban heterogeneity and on Klimek fraud at f_i 0.05 and 0.3
 * its error in F is within the noise of OTHERS' (mean |error| larger by 4k to 35k votes, 0.3 to 1.5 standard errors,
 * where the errors' sd is 27k to 270k; 83k, 2 se, on an urban/rural electorate where every rule is biased by +0.4M to
 * +0.7M); on widespread stuffing where O peaks inside the fraud it cuts the error from −2.2M to −0.16M (homogeneous,
 * half the units stuffed) and from −3.4M to −0.56M (heterogeneous), and on round turnout targets by 37k to 181k votes.
 * Where the pile swallows the clean peak no rule finds it.
 */
final class ShpilkinPeaks {
    /** Bins of the running median and of the running mean. */
    static final int WINDOW = 5;
    /** A first peak must reach this fraction of the smoothed curve's maximum. */
    static final double MIN_HEIGHT = 0.25;
    /** Bins looked ahead by the first-peak rule. */
    static final int AHEAD = 5;
    /** The first-peak rule stops where the next {@value #AHEAD} bins rise by at most this fraction. */
    static final double RISE = 0.10;

    /** The automatic peak rules, in the order of {@link ShpilkinSensitivity#rules()}. */
    static final Shpilkin.PeakRule[] AUTOMATIC = {Shpilkin.PeakRule.OTHERS, Shpilkin.PeakRule.HEIGHT,
        Shpilkin.PeakRule.SMOOTHED, Shpilkin.PeakRule.FIRST_PEAK};

    private ShpilkinPeaks() {
    }

    /** @return the peak bin of the estimator's rule (and manual turnout) on per-bin sums */
    static int peak(Shpilkin by, double[] leader, double[] others) {
        return peak(by.peakRule(), by.manualTurnout, leader, others);
    }

    /**
     * @return the peak bin of a rule on per-bin sums (a manual turnout t is bin ⌊100t⌋,
     *         {@link TurnoutBins#percentBin(double)}); the smoothed rules fall back to OTHERS where their bin holds no
     *         votes of the other options (a few units spread over the bins, whose running median is 0)
     */
    static int peak(Shpilkin.PeakRule r, double manual, double[] leader, double[] others) {
        int b = switch (r) {
            case MANUAL -> TurnoutBins.percentBin(manual);
            case HEIGHT -> TurnoutBins.peak(leader);
            case OTHERS -> TurnoutBins.peak(others);
            case SMOOTHED -> TurnoutBins.peak(smooth(others));
            case FIRST_PEAK -> firstPeak(smooth(others));
        };
        boolean smoothed = r == Shpilkin.PeakRule.SMOOTHED || r == Shpilkin.PeakRule.FIRST_PEAK;
        return smoothed && !(others[b] > 0) ? TurnoutBins.peak(others) : b;
    }

    /**
     * @param x a curve per bin
     * @return its running median over {@value #WINDOW} bins (windows cut at the ends), then the running mean over
     *         {@value #WINDOW} bins of that (the same windows)
     */
    static double[] smooth(double[] x) {
        int n = x.length;
        int h = WINDOW / 2;
        double[] med = new double[n];
        double[] win = new double[WINDOW];
        for (int b = 0; b < n; b++) {
            int from = Math.max(0, b - h);
            int to = Math.min(n - 1, b + h);
            int m = to - from + 1;
            System.arraycopy(x, from, win, 0, m);
            java.util.Arrays.sort(win, 0, m);
            med[b] = m % 2 == 1 ? win[m / 2] : (win[m / 2 - 1] + win[m / 2]) / 2;
        }
        double[] out = new double[n];
        for (int b = 0; b < n; b++) {
            int from = Math.max(0, b - h);
            int to = Math.min(n - 1, b + h);
            double s = 0;
            for (int j = from; j <= to; j++) {
                s += med[j];
            }
            out[b] = s / (to - from + 1);
        }
        return out;
    }

    /**
     * @param s a smoothed curve
     * @return the first peak from below (see the class comment), or the maximum
     */
    static int firstPeak(double[] s) {
        int n = s.length;
        int top = TurnoutBins.peak(s);
        double floor = MIN_HEIGHT * s[top];
        for (int b = 0; b < n; b++) {
            if (!(s[b] >= floor) || !(s[b] > 0)) {
                continue;
            }
            int best = b;
            for (int j = b + 1; j <= Math.min(n - 1, b + AHEAD); j++) {
                if (s[j] > s[best]) {
                    best = j;
                }
            }
            if (s[best] <= (1 + RISE) * s[b]) {
                return best;
            }
        }
        return top;
    }
}
