package org.psephos.estimation;

/**
 * The fitted fraud mixture (see {@link FraudMixture}). Class order everywhere: 0 = no fraud, 1 = incremental,
 * 2 = extreme. When the no-fraud family wins (BIC), π = (1, 0, 0), every unit is clean and every fraud count is 0.
 * Immutable: arrays are copied in and out.
 *
 * @param pi                 mixing proportions π
 * @param cleanTurnout       μτ, the clean class's mean turnout
 * @param cleanSupport       μν, the clean class's mean leader votes per ballot
 * @param manufactured       ι_m and χ_m: the share of abstainers turned into leader ballots, per fraud class
 *                           (index 0 holds 0)
 * @param stolen             ι_s and χ_s: the share of opposition votes moved to the leader, per class (index 0
 *                           holds 0)
 * @param means              per class, the mean (turnout, leader votes / ballots)
 * @param posterior          per unit, the posterior probability of each class, flat: posterior[3·j + z]
 * @param unitManufactured   per unit, the expected manufactured votes (eforensics' {@code Manufactured})
 * @param unitStolen         per unit, the expected stolen votes (eforensics' {@code Stolen})
 * @param manufacturedVotes  Σ unitManufactured
 * @param manufacturedSd     sd of the manufactured total over the units' class draws, given the fitted parameters
 * @param stolenVotes        Σ unitStolen
 * @param stolenSd           sd of the stolen total over the units' class draws, given the fitted parameters
 * @param cleanComponents    clean populations of the best no-fraud fit (BIC, 1 to
 *                           {@value FraudMixture#MAX_CLEAN_COMPONENTS})
 * @param logLikelihood      the maximised log-likelihood of the reported fit
 * @param cleanLogLikelihood the log-likelihood of the one-population (no fraud) fit
 * @param bicFraud           BIC of the three-class fraud mixture
 * @param bicClean           BIC of the best no-fraud mixture
 * @param iterations         EM iterations of the reported fit
 * @since 0.1
 */
public record FraudMixtureResult(double[] pi, double cleanTurnout, double cleanSupport, double[] manufactured,
                                 double[] stolen, double[][] means, double[] posterior, double[] unitManufactured,
                                 double[] unitStolen, double manufacturedVotes, double manufacturedSd,
                                 double stolenVotes, double stolenSd, int cleanComponents, double logLikelihood,
                                 double cleanLogLikelihood, double bicFraud, double bicClean, int iterations) {
    /** Copies the arrays. */
    public FraudMixtureResult {
        pi = pi.clone();
        manufactured = manufactured.clone();
        stolen = stolen.clone();
        means = copy(means);
        posterior = posterior.clone();
        unitManufactured = unitManufactured.clone();
        unitStolen = unitStolen.clone();
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

    /** @return a copy of the flat posterior, posterior[3·j + z] */
    @Override
    public double[] posterior() {
        return posterior.clone();
    }

    @Override
    public double[] unitManufactured() {
        return unitManufactured.clone();
    }

    @Override
    public double[] unitStolen() {
        return unitStolen.clone();
    }

    /** @return the number of units */
    public int units() {
        return posterior.length / 3;
    }

    /**
     * @param unit  a unit index
     * @param klass 0 no fraud, 1 incremental, 2 extreme
     * @return the posterior probability of the class for the unit
     */
    public double posterior(int unit, int klass) {
        return posterior[3 * unit + klass];
    }

    /**
     * @param unit a unit index
     * @return the unit's modal class (highest posterior, eforensics' {@code k.hat})
     */
    public int modalClass(int unit) {
        int best = 0;
        for (int z = 1; z < 3; z++) {
            if (posterior[3 * unit + z] > posterior[3 * unit + best]) {
                best = z;
            }
        }
        return best;
    }

    /** @return units per modal class */
    public int[] modalCounts() {
        int[] c = new int[3];
        for (int j = 0, n = units(); j < n; j++) {
            c[modalClass(j)]++;
        }
        return c;
    }

    /** @return 2 (log L − log L_clean), the likelihood-ratio statistic against the one-population fit */
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
