/**
 * Election data: the immutable columnar result model, loading and validation of result files, unit filters that report what they drop. Depends on nothing else in Psephos.
 */
package org.psephos.data;
