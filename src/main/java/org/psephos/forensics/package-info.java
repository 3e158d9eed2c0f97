/**
 * Forensic tests and their null distributions: digit tests, distribution tests, fingerprints, the integer-percentage test. Depends on {@code data} and {@code simulation}.
 */
package org.psephos.forensics;
