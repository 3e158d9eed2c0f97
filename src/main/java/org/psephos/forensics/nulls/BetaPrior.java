package org.psephos.forensics.nulls;

/**
 * The prior of {@link CountResampler}'s beta-binomial model, fitted by moments (see
 * {@link ResamplingModel.BetaBinomial}): the mean and variance of the units' turnouts and of the largest category's
 * shares, the units' mean shares, and κ = m(1 − m)/v − 1 clamped to [0, 10^6]. Package-private; stateless.
 */
final class BetaPrior {
    private static final double MAX_CONCENTRATION = 1e6;

    private BetaPrior() {
    }

    /** @return {mean, variance} of the turnout of the units whose ballots are redrawn */
    static double[] turnoutMoments(ElectionView v) {
        double s = 0;
        double ss = 0;
        int m = 0;
        for (int i = 0; i < v.units; i++) {
            int reg = v.registered[i];
            int b = v.ballots[i];
            if (b >= 0 && reg > 0 && b <= reg) {
                double t = (double) b / reg;
                s += t;
                ss += t * t;
                m++;
            }
        }
        return moments(s, ss, m);
    }

    /** @return {mean, variance} over units of the share of the largest category */
    static double[] shareMoments(double[][] w, Category[] categories) {
        int options = w.length - 3;
        double[] last = w[largest(w, categories)];
        double s = 0;
        double ss = 0;
        int m = 0;
        for (int i = 0; i < last.length; i++) {
            double total = 0;
            for (double[] r : w) {
                total += r[i];
            }
            if (total > 0) {
                double x = last[i] / total;
                s += x;
                ss += x * x;
                m++;
            }
        }
        return moments(s, ss, m);
    }

    /** @return the row of w of the category with the largest total */
    private static int largest(double[][] w, Category[] categories) {
        int options = w.length - 3;
        int best = categories[0].row(options);
        double bestTotal = -1;
        for (Category q : categories) {
            double total = 0;
            for (double x : w[q.row(options)]) {
                total += x;
            }
            if (total > bestTotal) {
                bestTotal = total;
                best = q.row(options);
            }
        }
        return best;
    }

    /** @return per category in draw order, the mean over units of its share of the unit's categories */
    static double[] meanShares(double[][] w, Category[] categories) {
        int options = w.length - 3;
        double[] mean = new double[categories.length];
        int m = 0;
        for (int i = 0; i < w[0].length; i++) {
            double total = 0;
            for (double[] r : w) {
                total += r[i];
            }
            if (total > 0) {
                for (int q = 0; q < categories.length; q++) {
                    mean[q] += w[categories[q].row(options)][i] / total;
                }
                m++;
            }
        }
        for (int q = 0; q < categories.length; q++) {
            mean[q] = m == 0 ? 1.0 / categories.length : mean[q] / m;
        }
        return mean;
    }

    private static double[] moments(double s, double ss, int m) {
        if (m < 2) {
            return new double[] {m == 1 ? s : 0.5, 0};
        }
        double mean = s / m;
        return new double[] {mean, Math.max(0, (ss - m * mean * mean) / (m - 1))};
    }

    /** κ = m(1 − m)/v − 1 clamped to [0, 10^6], or the model's own κ. */
    static double concentration(ResamplingModel model, double[] meanVar) {
        double given = ((ResamplingModel.BetaBinomial) model).priorConcentration();
        if (!Double.isNaN(given)) {
            return given;
        }
        double m = meanVar[0];
        double v = meanVar[1];
        if (!(v > 0)) {
            return MAX_CONCENTRATION;
        }
        return Math.max(0, Math.min(MAX_CONCENTRATION, m * (1 - m) / v - 1));
    }
}
