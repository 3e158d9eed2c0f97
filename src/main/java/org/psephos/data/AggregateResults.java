package org.psephos.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * National or regional results read from a long-format CSV file: one row per election × area × option, in the
 * format of {@code datasets/kazakhstan/national_results.csv}. Works for any country's published aggregates.
 *
 * <h2>Format</h2>
 * A header line, then one row per option. Column names are matched case-insensitively, in any order; only
 * {@code election} is required. Comma, semicolon or tab; UTF-8 with or without BOM; RFC 4180 quoting.
 * <ul>
 *   <li>{@code election}: identifier; rows with the same identifier (and area) form one {@link AggregateResult}.</li>
 *   <li>{@code date} (ISO {@code yyyy-mm-dd}), {@code kind}: descriptive.</li>
 *   <li>{@code area}: {@code national} (the default when the column or cell is empty) or a region's name.</li>
 *   <li>{@code option}, {@code party}: the option's name and nominating party. A row with an empty option
 *       carries only the election's figures (e.g. a regional turnout).</li>
 *   <li>{@code votes}, {@code seats}: whole numbers, plain digits without separators.</li>
 *   <li>{@code percent}, {@code percent_alt}: the option's percentage as printed by the main source and by another
 *       source; dot as decimal separator, no {@code %}, trailing zeros kept as printed ({@code 2.60}) because the
 *       number of decimals sets the rounding tolerance.</li>
 *   <li>{@code registered}, {@code ballots} (voters who took part), {@code valid}, {@code invalid}: counts of
 *       the election and area, repeated on each of its rows; rows may leave them empty but must not contradict
 *       each other.</li>
 *   <li>{@code turnout_percent}, {@code turnout_percent_alt}: printed turnout (main and other source);
 *       {@code turnout_as_of}: when it was taken.</li>
 *   <li>{@code percent_base_stated}: the base of the percentages if a source states it (text, informative).</li>
 *   <li>{@code source}: citations and URLs.</li>
 * </ul>
 * Empty cells and {@code NA} are missing: the figure was not published. Other columns are kept out of the model and
 * listed by {@link #ignoredColumns()}.
 *
 * @param file           the file as the user named it
 * @param results        the results in order of first appearance
 * @param ignoredColumns header names that are not part of the format, in file order
 * @since 0.1
 */
public record AggregateResults(String file, List<AggregateResult> results, List<String> ignoredColumns) {

    /** The column names of the format, lower case. */
    public static final Set<String> COLUMNS = Set.of("election", "date", "kind", "area", "option", "party", "votes",
            "seats", "percent", "percent_alt", "percent_base_stated", "registered", "ballots", "valid", "invalid",
            "turnout_percent", "turnout_percent_alt", "turnout_as_of", "source");

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if an argument is null
     */
    public AggregateResults {
        Objects.requireNonNull(file, "file");
        results = List.copyOf(results);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /**
     * Reads a long-format aggregate results file.
     *
     * @param file the file
     * @return its results
     * @throws DataException naming the file, line, column, value and a fix, if the file cannot be read, has no
     *                       {@code election} column, a ragged row, a count that is not a whole non-negative number,
     *                       a percentage that is not a plain decimal in [0, 100], a bad date, an option listed twice
     *                       for the same election and area, or rows of one election that contradict each other
     */
    public static AggregateResults read(Path file) {
        return read(file, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param file    a long-format aggregate results file
     * @param charset its encoding (UTF-8 unless the file says otherwise)
     * @return its results
     * @throws DataException if the file cannot be read or holds invalid data
     */
    public static AggregateResults read(Path file, java.nio.charset.Charset charset) {
        return new AggregateReader(file, charset).read();
    }

    /**
     * Tells an aggregate long-format file from a per-unit (polling-station) results file by its header alone.
     *
     * @param file the file
     * @return whether its header has an {@code election} column and an {@code option} or {@code turnout_percent}
     *         column
     * @throws DataException if the file cannot be read or is empty
     */
    public static boolean isAggregateFormat(Path file) {
        return isAggregateFormat(file, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * As {@link #isAggregateFormat(Path)} for a file in the given encoding.
     *
     * @param file    the file
     * @param charset its encoding
     * @return whether its header has an {@code election} column and an {@code option} or {@code turnout_percent}
     *         column
     * @throws DataException if the file cannot be read, is empty or is not valid in the charset
     */
    public static boolean isAggregateFormat(Path file, java.nio.charset.Charset charset) {
        List<String> header = AggregateReader.header(file, charset);
        return header.contains("election") && (header.contains("option") || header.contains("turnout_percent"));
    }
}
