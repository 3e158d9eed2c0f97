package org.psephos.estimation;

/**
 * A fitted mixture of {@link MixtureEm} (clean family) or {@link FraudMixtureEm} (fraud family): per-class mixing
 * weights, means, covariances (packed), responsibilities (flat, unit-major).
 * A clean fit has K classes; a fraud fit has 2K + 1: clean populations 0..K−1, their incremental copies K..2K−1
 * and the extreme class 2K, with weights π_clean·w_k, π_incremental·w_k and π_extreme.
 */
final class MixtureFit {
    /** Which family of mixture a fit belongs to. */
    enum Family {
        /** K clean populations with one common covariance. */
        CLEAN,
        /** eforensics' {@code bl} classes: K clean populations, their incremental copies, one extreme class. */
        FRAUD
    }

    final int populations;
    final Family family;
    final int classes;
    final double[] pi;
    final double[][] mean;
    final double[][] cov;
    /** Responsibilities r[j·classes + z]. */
    final double[] r;
    /** (π_clean, π_incremental, π_extreme) of a fraud fit. */
    final double[] share = new double[3];
    double logLikelihood;
    int iterations;
    /** Incremental rates (fraud fits only). */
    double iotaM;
    double iotaS;

    MixtureFit(int populations, Family family, int n) {
        this.populations = populations;
        this.family = family;
        classes = isFraud() ? 2 * populations + 1 : populations;
        pi = new double[classes];
        mean = new double[classes][2];
        cov = new double[classes][3];
        r = new double[n * classes];
    }

    /** @return whether this is a fit of the fraud family */
    boolean isFraud() {
        return family == Family.FRAUD;
    }

    /** @return the number of free parameters: K − 1 weights, 2K means, one covariance; fraud adds 9 */
    int parameters() {
        // fraud: 2 class proportions, two rates, the extreme class's mean and covariance
        return (populations - 1) + 2 * populations + 3 + (isFraud() ? 9 : 0);
    }

    /** @return the Bayesian information criterion, −2 log L + p log n */
    double bic(int n) {
        return -2 * logLikelihood + parameters() * Math.log(n);
    }

    /** @return the weighted centre of the clean populations */
    double[] cleanCentre() {
        double[] c = new double[2];
        double s = 0;
        for (int z = 0; z < populations; z++) {
            double q = isFraud() ? pi[z] + pi[populations + z] : pi[z];
            c[0] += q * mean[z][0];
            c[1] += q * mean[z][1];
            s += q;
        }
        c[0] /= s;
        c[1] /= s;
        return c;
    }
}
