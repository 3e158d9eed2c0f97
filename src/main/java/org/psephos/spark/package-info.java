/**
 * Runs the engine's sweeps on Apache Spark: {@link org.psephos.spark.SparkPowerRunner} ships the
 * {@link org.psephos.estimation.PowerTask}s of a power analysis, {@link org.psephos.spark.SparkNullRunner} the
 * replicate blocks of the integer-percentage null and {@link org.psephos.spark.SparkScenarioRunner} the
 * {@link org.psephos.scenarios.ScenarioTask}s of each round of a scenario file to the executors, and the driver
 * reduces their small results with the same code as the local engine, so a Spark run and a local run of the same
 * seed give the same result. Spark is a {@code provided} dependency: only this package uses it, and nothing below
 * depends on it (the command line calls it only with {@code --engine spark}, after checking that Spark is on the
 * class path).
 */
package org.psephos.spark;
