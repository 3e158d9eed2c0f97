/**
 * Election data: the immutable columnar result model, loading and validation of result files, unit filters that
 * report what they drop; published national and regional aggregates ({@link org.psephos.data.AggregateResults}) and
 * the arithmetic audit of both ({@link org.psephos.data.ArithmeticAudit}); small CSV tables read whole with lines
 * and errors as for results files ({@link org.psephos.data.CsvTable}). Depends on nothing else in Psephos.
 */
package org.psephos.data;
