/**
 * Scenario files and sweeps: what fraud changes an outcome, calibrated to aggregate results. Depends on {@code estimation} and below.
 */
package org.psephos.scenarios;
