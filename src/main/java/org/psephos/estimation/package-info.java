/**
 * Fraud estimators and detection power. Depends on {@code forensics}, {@code simulation}, {@code data}.
 *
 * <ul>
 *   <li>{@link org.psephos.estimation.KlimekFit}: the Klimek et al. (2012) fraud model, clean-peak moments and a
 *       fingerprint fit of (f_i, f_e, α) against engine simulations with the same unit sizes;
 *       {@link org.psephos.estimation.CumulativeVotes} is the paper's cumulative-votes curve.</li>
 *   <li>{@link org.psephos.estimation.Shpilkin}: the clean-peak extrapolation of the leader's anomalous votes,
 *       national, per group and per unit.</li>
 *   <li>{@link org.psephos.estimation.FraudMixture}: a three-class (no fraud, incremental, extreme) mixture in the
 *       manner of eforensics' {@code bl} on top of several clean populations, fitted by EM and chosen by BIC against
 *       clean populations alone, with per-unit posteriors and expected manufactured and stolen votes.</li>
 *   <li>{@link org.psephos.estimation.PowerAnalysis}: detection power and estimator bias over a grid of injected
 *       fraud, cut into pure {@link org.psephos.estimation.PowerTask}s (and the power of the election-level verdict,
 *       {@link org.psephos.estimation.PowerAnalysis#VERDICT}).</li>
 *   <li>{@link org.psephos.estimation.Calibration}: the battery and its verdict on K clean elections per
 *       heterogeneity scenario (or clean twins of a file) and K per fraud
 *       ({@link org.psephos.estimation.CalibrationScenarios}): false-positive rates and power with Clopper–Pearson
 *       intervals ({@link org.psephos.estimation.BinomialRate}) and the labels they give the tests.</li>
 * </ul>
 *
 * <p>The three estimators are {@link org.psephos.forensics.ForensicTest}s (ids {@code KlimekFit}, {@code Shpilkin},
 * {@code FraudMixture}) listed by {@link org.psephos.estimation.Estimators}, outside the default battery.
 */
package org.psephos.estimation;
