package org.psephos.estimation;

/**
 * The fitted fraud mixture (see {@link FraudMixture}). Class order everywhere: 0 = no fraud, 1 = incremental,
 * 2 = extreme. Immutable: arrays are copied in and out.
 *
 * @param pi               mixing proportions π
 * @param cleanTurnout     μτ, the clean class's mean turnout
 * @param cleanSupport     μν, the clean class's mean leader votes per ballot
 * @param manufactured     ι_m and χ_m: the share of abstainers turned into leader ballots, per fraud class
 *                         (index 0 holds 0)
 * @param stolen           ι_s and χ_s: the stolen-vote rate in eforensics' parametrisation, per class (index 0
 *                         holds 0)
 * @param means            per class, the mean (turnout, leader votes / ballots)
 * @param posterior        per unit, the posterior probability of each class: posterior[j][z]
 * @param logLikelihood    the maximised log-likelihood
 * @param cleanLogLikelihood the log-likelihood of the one-class (no fraud) Gaussian fit
 * @param iterations       EM iterations used
 * @since 0.1
 */
public record FraudMixtureResult(double[] pi, double cleanTurnout, double cleanSupport, double[] manufactured,
                                 double[] stolen, double[][] means, double[][] posterior, double logLikelihood,
                                 double cleanLogLikelihood, int iterations) {
    /** Copies the arrays. */
    public FraudMixtureResult {
        pi = pi.clone();
        manufactured = manufactured.clone();
        stolen = stolen.clone();
        means = copy(means);
        posterior = copy(posterior);
    }

    @Override
    public double[] pi() {
        return pi.clone();
    }

    @Override
    public double[] manufactured() {
        return manufactured.clone();
    }

    @Override
    public double[] stolen() {
        return stolen.clone();
    }

    @Override
    public double[][] means() {
        return copy(means);
    }

    @Override
    public double[][] posterior() {
        return copy(posterior);
    }

    /** @return units per modal class (the class of highest posterior, eforensics' {@code k.hat}) */
    public int[] modalCounts() {
        int[] c = new int[3];
        for (double[] p : posterior) {
            int best = 0;
            for (int z = 1; z < 3; z++) {
                if (p[z] > p[best]) {
                    best = z;
                }
            }
            c[best]++;
        }
        return c;
    }

    /** @return 2 (log L − log L_clean), the likelihood-ratio statistic against the no-fraud fit */
    public double likelihoodRatio() {
        return 2 * (logLikelihood - cleanLogLikelihood);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
