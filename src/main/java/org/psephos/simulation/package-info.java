/**
 * Simulation: seeded samplers, synthetic electorates, fraud models and the parallel Monte Carlo engine. Depends on {@code data}.
 */
package org.psephos.simulation;
