/**
 * Fraud estimators (Klimek fit, Shpilkin excess votes, fraud mixture) and detection power. Depends on {@code forensics}, {@code simulation}, {@code data}.
 */
package org.psephos.estimation;
