package org.psephos.forensics;

/**
 * The details of an estimator's row (a fraud fraction with its uncertainty, e.g. {@code FraudMixture}). The records
 * live in {@code org.psephos.estimation} next to the estimators they describe, which the package arrows put above
 * {@code forensics}; a sealed interface cannot permit records of another package outside a named module, so this
 * family alone is open.
 *
 * @since 0.1
 */
public non-sealed interface EstimatorDetails extends ResultDetails {
}
