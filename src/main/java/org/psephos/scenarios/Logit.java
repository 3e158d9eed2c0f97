package org.psephos.scenarios;

/**
 * The logit and expit of the scenario models and the common logit shift that moves a set of (weighted)
 * proportions to a target mean. One copy, so that the Kazakhstan calibration, the scenarios' held turnout, the
 * engine-native electorate and the history model compute them the same way. Stateless.
 */
final class Logit {
    private Logit() {
    }

    /** @return log(p / (1 − p)), not clamped */
    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** @return the logit of p clamped to [0.001, 0.999] (finite for any p in [0, 1]) */
    static double clamped(double p) {
        double q = Math.min(0.999, Math.max(0.001, p));
        return Math.log(q / (1 - q));
    }

    /** @return 1 / (1 + e^−z) */
    static double expit(double z) {
        return expit(z, 1);
    }

    /** @return scale / (1 + e^−z), e.g. scale 100 for a percentage */
    static double expit(double z, double scale) {
        return scale / (1 + Math.exp(-z));
    }

    /**
     * The common shift δ with Σ w_i expit(l_i + δ) / Σ w_i = target, by 200 bisection steps on [−bound, bound].
     *
     * @param logits  the logits l_i
     * @param weights their weights w_i, or null for equal weights
     * @param target  the target mean, a proportion
     * @param bound   the half-width of the search interval
     * @return δ
     */
    static double shiftTo(double[] logits, double[] weights, double target, double bound) {
        double lo = -bound;
        double hi = bound;
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            double m = 0;
            double ws = 0;
            for (int i = 0; i < logits.length; i++) {
                double w = weights == null ? 1 : weights[i];
                m += expit(logits[i] + mid, w);
                ws += w;
            }
            if (m / ws < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
