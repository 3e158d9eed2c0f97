/**
 * The library's front door: {@link org.psephos.Psephos} loads a results file, runs the forensic battery and
 * simulates elections in one call each, over immutable records ({@link org.psephos.AnalysisOptions},
 * {@link org.psephos.Analysis}). This package sits above {@code report} (it depends on every package, as the
 * command line does, and nothing depends on it), so the entry point can hand back reports without the lower
 * packages knowing about it.
 */
package org.psephos;
