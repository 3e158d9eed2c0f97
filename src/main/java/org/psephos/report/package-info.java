/**
 * Reports people read: tables, charts, JSON, CSV and a self-contained HTML report. Depends on {@code scenarios} and below.
 */
package org.psephos.report;
