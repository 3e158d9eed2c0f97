package org.psephos.forensics.spikes;

import java.util.List;

/**
 * The fitted latent density of one count (turnout t of N, or votes v of t) with the record of how it was found:
 * the chosen mixture, its log-likelihood, the Hessian of the last M-step (the proposal covariance of the posterior
 * draws) and, for every number of components tried, the outcome of every start. Immutable.
 *
 * @param mixture       the fitted mixture
 * @param logLikelihood its log-likelihood \( \sum_i \ln \sum_k w_k \mathrm{BB}(y_i \mid n_i, \alpha_k, \beta_k) \)
 * @param hessian       the Hessian of the last M-step's weighted log-likelihood in
 *                      (ln α_1 … ln α_L, ln β_1 … ln β_L), as R's {@code optim(hessian = TRUE)} returns it
 * @param levels        one entry per number of components tried, in order
 * @since 0.1
 */
public record MixtureFit(BetaBinomialMixture mixture, double logLikelihood, double[][] hessian, List<Level> levels) {

    /** Copies the arrays and the list. */
    public MixtureFit {
        hessian = copy(hessian);
        levels = List.copyOf(levels);
    }

    @Override
    public double[][] hessian() {
        return copy(hessian);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** @return the number of components of the fitted mixture */
    public int components() {
        return mixture.components();
    }

    /**
     * The starts at one number of components.
     *
     * @param components     L
     * @param logLikelihoods each start's log-likelihood after its EM run, in start order
     * @param emIterations   each start's EM iterations
     * @param converged      whether each start's EM reached the correlation 0.99 within the iteration limit
     * @param best           the start kept (largest log-likelihood, the first on ties)
     * @param lambda         the correlation of the kept latent density with the previous level's (NaN for the
     *                       first level): the package stops adding components when it reaches 0.99
     * @param agreement      each start's latent density correlated with the kept one's (1 for the kept start)
     * @param distinctStarts the number of distinct initialisations (starts that found the same one share their EM
     *                       run and its numbers)
     */
    public record Level(int components, double[] logLikelihoods, int[] emIterations, boolean[] converged, int best,
                        double lambda, double[] agreement, int distinctStarts) {
        /** Copies the arrays. */
        public Level {
            logLikelihoods = logLikelihoods.clone();
            emIterations = emIterations.clone();
            converged = converged.clone();
            agreement = agreement.clone();
        }

        @Override
        public double[] logLikelihoods() {
            return logLikelihoods.clone();
        }

        @Override
        public int[] emIterations() {
            return emIterations.clone();
        }

        @Override
        public boolean[] converged() {
            return converged.clone();
        }

        @Override
        public double[] agreement() {
            return agreement.clone();
        }

        /** @return the largest log-likelihood minus the smallest, over the starts */
        public double logLikelihoodSpread() {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : logLikelihoods) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return hi - lo;
        }
    }

    /** @return the level of the fitted mixture (the last one tried) */
    public Level chosen() {
        return levels.get(levels.size() - 1);
    }
}
