package org.psephos.forensics.spikes;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The posterior draws of the package's {@code confInt} ({@code bupdate}): a Metropolis-within-Gibbs chain over a
 * mixture's parameters, started at the fit. One step:
 * <ol>
 *   <li>component labels: each unit's label drawn from its posterior component probabilities, redrawn until every
 *       component has a unit (the package's {@code update.k});</li>
 *   <li>shapes: a proposal \( \theta' \sim N(\theta, V) \) on the log scale, \( V = (-H)^{-1} \) from the fit's
 *       last M-step, accepted with probability \( \min(1, e^{\ell(\theta' \mid k) - \ell(\theta \mid k)}) \), where
 *       \( \ell(\theta \mid k) = \sum_i \ln \mathrm{BB}(y_i \mid n_i, \alpha_{k_i}, \beta_{k_i}) \) (no prior, no
 *       bounds);</li>
 *   <li>weights: \( w \sim \mathrm{Dirichlet}(\text{units per label} + 1) \).</li>
 * </ol>
 * Two departures, both where the package's code fails: where it would redraw labels forever (a component with
 * almost no posterior mass), this chain stops after {@value #LABEL_TRIES} tries and goes on with the labels drawn;
 * and for a one-component mixture the package's {@code update.k} never draws (its label vector starts as the
 * single value L − 1 = 0, which already has L distinct values), so {@code lpost} indexes the shapes with 0, sums
 * an empty vector, and every proposal is accepted: a random walk that drifts from the fit (checked with the
 * package: 200 of 200 accepted, the shapes moving from 40 and 60 to 17.6 and 17.6). Here every unit gets the label
 * 1 and the step is a proper Metropolis step. Not thread-safe (scratch arrays).
 */
final class PosteriorChain {
    /** Label redraws before going on with an empty component. */
    static final int LABEL_TRIES = 1000;

    private final BinomialCounts data;
    private final BetaBinomialEm em;
    private final RealMatrix root;
    private final int[] labels;
    private final double[] kernel;
    private int accepted;
    private int steps;

    /**
     * @param data the counts
     * @param fit  the fit whose Hessian sets the proposal
     * @throws IllegalArgumentException if −H is not positive definite (the fit sits on a bound or a flat ridge)
     */
    PosteriorChain(BinomialCounts data, MixtureFit fit) {
        this.data = data;
        this.em = new BetaBinomialEm(data);
        RealMatrix h = MatrixUtils.createRealMatrix(fit.hessian()).scalarMultiply(-1);
        try {
            RealMatrix v = new CholeskyDecomposition(h, 1e-12, 1e-300).getSolver().getInverse();
            v = v.add(v.transpose()).scalarMultiply(0.5);
            root = new CholeskyDecomposition(v, 1e-12, 1e-300).getL();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            throw new IllegalArgumentException("the fit's Hessian is not negative definite, so it gives no proposal "
                    + "covariance: " + e.getMessage(), e);
        }
        labels = new int[data.size];
        kernel = new double[data.size];
    }

    /** @return the share of proposals accepted so far */
    double acceptance() {
        return steps == 0 ? Double.NaN : (double) accepted / steps;
    }

    /**
     * One step of the chain.
     *
     * @param theta the current mixture
     * @param rng   the generator
     * @return the next mixture
     */
    BetaBinomialMixture step(BetaBinomialMixture theta, UniformRandomProvider rng) {
        int l = theta.components();
        em.expectation(theta);
        double[][] p = em.posterior();
        int[] count = new int[l];
        for (int tries = 0; tries < LABEL_TRIES; tries++) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < data.size; i++) {
                double u = rng.nextDouble();
                int k = 0;
                double c = p[0][i];
                while (k < l - 1 && u > c) {
                    k++;
                    c += p[k][i];
                }
                labels[i] = k;
                count[k]++;
            }
            boolean all = true;
            for (int c : count) {
                all &= c > 0;
            }
            if (all) {
                break;
            }
        }
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] z = new double[2 * l];
        for (int j = 0; j < z.length; j++) {
            z[j] = normal.sample();
        }
        double[] shift = root.operate(z);
        double[] alpha = theta.alpha();
        double[] beta = theta.beta();
        double[] ca = new double[l];
        double[] cb = new double[l];
        for (int k = 0; k < l; k++) {
            ca[k] = Math.exp(Math.log(alpha[k]) + shift[k]);
            cb[k] = Math.exp(Math.log(beta[k]) + shift[l + k]);
        }
        double diff = labelled(ca, cb) - labelled(alpha, beta);
        steps++;
        if (rng.nextDouble() < Math.exp(Math.min(0, diff))) {
            alpha = ca;
            beta = cb;
            accepted++;
        }
        double[] w = new double[l];
        double sum = 0;
        for (int k = 0; k < l; k++) {
            w[k] = org.psephos.simulation.Gamma.sample(rng, normal, count[k] + 1);
            sum += w[k];
        }
        for (int k = 0; k < l; k++) {
            w[k] /= sum;
        }
        return new BetaBinomialMixture(alpha, beta, BetaBinomialEm.normalised(w));
    }

    /** @return \( \sum_i \ln \mathrm{BB}(y_i \mid n_i, \alpha_{k_i}, \beta_{k_i}) \) without the log-choose terms */
    private double labelled(double[] alpha, double[] beta) {
        double s = 0;
        for (int k = 0; k < alpha.length; k++) {
            if (!(alpha[k] > 0 && beta[k] > 0 && alpha[k] < Double.POSITIVE_INFINITY
                    && beta[k] < Double.POSITIVE_INFINITY)) {
                return Double.NEGATIVE_INFINITY;
            }
            em.logKernel(alpha[k], beta[k], kernel);
            for (int i = 0; i < data.size; i++) {
                if (labels[i] == k) {
                    s += kernel[i];
                }
            }
        }
        return s;
    }
}
