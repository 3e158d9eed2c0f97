package org.psephos.estimation;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * A rate measured as x events in n trials (false positives in clean elections, detections in fraudulent ones) with
 * its exact Clopper–Pearson interval and the one-sided exact binomial test of "the rate is above the level".
 *
 * <p>Clopper and Pearson (1934), "The use of confidence or fiducial limits illustrated in the case of the
 * binomial", Biometrika 26(4):404–413: at confidence 1 − γ the interval is
 * [B(γ/2; x, n − x + 1), B(1 − γ/2; x + 1, n − x)] with B(q; a, b) the q-quantile of the Beta(a, b) distribution
 * (lower end 0 when x = 0, upper end 1 when x = n); it is what R's {@code binom.test(x, n)$conf.int} prints. The
 * one-sided p-value of x events against a rate p₀ is P(X ≥ x) for X ~ Binomial(n, p₀), computed as the regularized
 * incomplete beta I_{p₀}(x, n − x + 1) so that very small tails keep their digits (R's
 * {@code binom.test(x, n, p0, alternative = "greater")$p.value}). Immutable.
 *
 * @param events    x, the events counted
 * @param trials    n, the trials (0 gives NaN rate and the interval [0, 1])
 * @param rate      x / n
 * @param low       the lower end of the 95% Clopper–Pearson interval
 * @param high      the upper end
 * @param level     the rate p₀ the one-sided test compares against
 * @param pAbove    P(X ≥ x) for X ~ Binomial(n, level): small when the rate is significantly above the level
 * @since 0.1
 */
public record BinomialRate(int events, int trials, double rate, double low, double high, double level,
                           double pAbove) {
    /** The confidence of the interval. */
    public static final double CONFIDENCE = 0.95;

    /** @throws IllegalArgumentException if the counts are negative or events exceed trials */
    public BinomialRate {
        if (events < 0 || trials < 0 || events > trials) {
            throw new IllegalArgumentException("events and trials are not 0 <= x <= n: " + events + ", " + trials);
        }
    }

    /**
     * @param events x
     * @param trials n
     * @param level  the rate of the one-sided test, in (0, 1)
     * @return the rate with its 95% interval and the test against the level
     * @throws IllegalArgumentException if the counts are out of range or the level is not in (0, 1)
     */
    public static BinomialRate of(int events, int trials, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level is not in (0, 1): " + level);
        }
        if (events < 0 || trials < 0 || events > trials) {
            throw new IllegalArgumentException("events and trials are not 0 <= x <= n: " + events + ", " + trials);
        }
        double[] ci = clopperPearson(events, trials, CONFIDENCE);
        return new BinomialRate(events, trials, trials == 0 ? Double.NaN : (double) events / trials, ci[0], ci[1],
                level, upperTail(events, trials, level));
    }

    /**
     * @param x          events, 0 ≤ x ≤ n
     * @param n          trials
     * @param confidence the confidence, in (0, 1)
     * @return the Clopper–Pearson interval {low, high}; {0, 1} when n = 0
     */
    public static double[] clopperPearson(int x, int n, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence is not in (0, 1): " + confidence);
        }
        if (n == 0) {
            return new double[] {0, 1};
        }
        double g = (1 - confidence) / 2;
        double lo = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1, 1e-14).inverseCumulativeProbability(g);
        double hi = x == n ? 1 : new BetaDistribution(null, x + 1, n - x, 1e-14).inverseCumulativeProbability(1 - g);
        return new double[] {lo, hi};
    }

    /**
     * @param x events
     * @param n trials
     * @param p the success probability
     * @return P(X ≥ x) for X ~ Binomial(n, p): 1 for x ≤ 0, I_p(x, n − x + 1) otherwise
     */
    public static double upperTail(int x, int n, double p) {
        if (x <= 0) {
            return 1;
        }
        if (x > n) {
            return 0;
        }
        return Beta.regularizedBeta(p, x, n - x + 1.0, 1e-15, Integer.MAX_VALUE);
    }

    /**
     * @param alpha the test's level
     * @return whether the rate is significantly above {@link #level()} at alpha (one-sided exact test)
     */
    public boolean above(double alpha) {
        return pAbove < alpha;
    }
}
