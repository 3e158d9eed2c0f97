package org.psephos.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What loading a file produced: the election, the mapping actually used (each role with its resolved columns as
 * {@code 'name' (#N)}), every column not used and why, the number of data rows and the warnings (duplicate unit ids,
 * skipped blank lines). Units are not filtered here: apply a {@link UnitFilter} for that. Immutable.
 *
 * @param file     the file as the user named it
 * @param format   the detected encoding and delimiter, e.g. {@code "UTF-8, comma-separated"}
 * @param election the units, one per data row, in file order
 * @param mapping  role ({@code registered}, {@code ballots}, {@code valid}, {@code invalid}, {@code options},
 *                 {@code leader}, {@code levels}, {@code id}, {@code share of}) to the columns used, in order
 * @param ignored  the columns not used, with reasons
 * @param rows     data rows read (= units)
 * @param warnings problems that did not stop the load
 * @since 0.1
 */
public record LoadReport(String file, String format, Election election, Map<String, List<String>> mapping,
                         List<IgnoredColumn> ignored, int rows, List<String> warnings) {

    /** Copies the collections so that the record stays immutable. */
    public LoadReport {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        mapping.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        mapping = Collections.unmodifiableMap(copy);
        ignored = List.copyOf(ignored);
        warnings = List.copyOf(warnings);
    }
}
