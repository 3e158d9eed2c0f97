package org.psephos.data;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads the long-format aggregate results file that {@link AggregateResults} documents. One use per file. */
final class AggregateReader {
    private static final String FORMAT_HELP = "see the format in the javadoc of AggregateResults or "
            + "datasets/kazakhstan/README.md";

    private final Path file;
    private final Charset charset;
    private final Map<String, Integer> columns = new HashMap<>();
    private final Map<String, Accumulator> byKey = new LinkedHashMap<>();
    private List<String> header;

    AggregateReader(Path file, Charset charset) {
        this.file = file;
        this.charset = charset;
    }

    /** @return the lower-cased, trimmed names of the file's first line */
    static List<String> header(Path file, java.nio.charset.Charset charset) {
        List<String> out = new ArrayList<>();
        for (String name : CsvTable.header(file, charset).fields()) {
            out.add(name.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    AggregateResults read() {
        CsvTable table = CsvTable.read(file, charset);
        List<String> ignored = readHeader(table.header());
        if (table.rows().isEmpty()) {
            throw DataException.of("the file has a header but no rows").file(file).line(table.header().line())
                    .fix("add one row per election and option").build();
        }
        for (CsvTable.Row row : table.rows()) {
            readRow(row);
        }
        List<AggregateResult> results = new ArrayList<>();
        for (Accumulator a : byKey.values()) {
            results.add(a.build());
        }
        return new AggregateResults(file.toString(), results, ignored);
    }

    private List<String> readHeader(CsvTable.Row row) {
        header = row.fields();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (columns.containsKey(name)) {
                throw DataException.of("the column name appears twice").file(file).line(row.line()).column(describe(i))
                        .fix("rename or remove one of the two columns").build();
            }
            if (!name.isEmpty()) {
                columns.put(name, i);
            }
            if (!AggregateResults.COLUMNS.contains(name)) {
                ignored.add(header.get(i));
            }
        }
        if (!columns.containsKey("election")) {
            throw DataException.of("missing column 'election'").file(file).line(row.line()).value(String.join(",", header))
                    .fix("the aggregate format needs an election column; " + FORMAT_HELP).build();
        }
        return ignored;
    }

    private String describe(int index) {
        return "'" + header.get(index).trim() + "' (#" + (index + 1) + ")";
    }

    private void readRow(CsvTable.Row row) {
        if (row.fields().size() != header.size()) {
            throw DataException.of("the row has " + row.fields().size() + " fields but the header has "
                            + header.size()).file(file).line(row.line()).value(String.join(",", row.fields()))
                    .fix("quote fields that contain the delimiter, and give every row as many fields as the header")
                    .build();
        }
        Cells cells = new Cells(row);
        String election = cells.text("election");
        if (election.isEmpty()) {
            throw cells.error("election", "the election is empty", "give every row its election identifier");
        }
        String area = cells.text("area");
        if (area.isEmpty()) {
            area = AggregateResult.NATIONAL;
        }
        String key = election + '\u0000' + area.toLowerCase(Locale.ROOT);
        Accumulator acc = byKey.computeIfAbsent(key, k -> new Accumulator(election, row.line()));
        acc.area = acc.area == null ? area : acc.area;
        acc.date = agree(acc.date, cells.date(), acc, cells, "date");
        acc.kind = agree(acc.kind, cells.text("kind"), acc, cells, "kind");
        acc.registered = agree(acc.registered, cells.count("registered"), acc, cells, "registered");
        acc.ballots = agree(acc.ballots, cells.count("ballots"), acc, cells, "ballots");
        acc.valid = agree(acc.valid, cells.count("valid"), acc, cells, "valid");
        acc.invalid = agree(acc.invalid, cells.count("invalid"), acc, cells, "invalid");
        acc.turnout = agree(acc.turnout, cells.percent("turnout_percent"), acc, cells, "turnout_percent");
        acc.turnoutAlt = agree(acc.turnoutAlt, cells.percent("turnout_percent_alt"), acc, cells,
                "turnout_percent_alt");
        acc.turnoutAsOf = agree(acc.turnoutAsOf, cells.text("turnout_as_of"), acc, cells, "turnout_as_of");
        String source = cells.text("source");
        if (!source.isEmpty()) {
            acc.sources.add(source);
        }
        String option = cells.text("option");
        if (!option.isEmpty()) {
            if (!acc.optionNames.add(option.toLowerCase(Locale.ROOT))) {
                throw cells.error("option", "the option is listed twice for the same election and area",
                        "give each option one row per election and area");
            }
            acc.options.add(new AggregateOption(option, cells.text("party"), cells.count("votes"),
                    cells.percent("percent"), cells.percent("percent_alt"), cells.count("seats"), source,
                    row.line()));
        } else if (!cells.text("votes").isEmpty() || !cells.text("percent").isEmpty()) {
            throw cells.error("option", "votes or a percentage without an option name",
                    "name the option, or move the figures to the row of the option they belong to");
        }
    }

    /** Merges a figure repeated on every row of one election and area: an empty cell agrees with anything. */
    private <T> T agree(T kept, T now, Accumulator acc, Cells cells, String column) {
        if (isEmpty(now)) {
            return kept;
        }
        if (kept == null || isEmpty(kept)) {
            acc.firstLineOf.put(column, cells.row.line());
            return now;
        }
        if (!kept.equals(now)) {
            throw cells.error(column, "differs from line " + acc.firstLineOf.get(column)
                            + " of the same election and area (" + show(kept) + ")",
                    "repeat the same figure on every row of an election, or leave the cell empty");
        }
        return kept;
    }

    private static boolean isEmpty(Object v) {
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof OptionalLong o) {
            return o.isEmpty();
        }
        return v instanceof Optional<?> o && o.isEmpty();
    }

    private static String show(Object v) {
        if (v instanceof OptionalLong o) {
            return Long.toString(o.getAsLong());
        }
        return v instanceof Optional<?> o ? String.valueOf(o.get()) : String.valueOf(v);
    }

    /** The cells of one row, parsed with errors that name the file, line, column and value. */
    private final class Cells {
        private final CsvTable.Row row;

        Cells(CsvTable.Row row) {
            this.row = row;
        }

        String raw(String column) {
            Integer i = columns.get(column);
            return i == null ? "" : row.fields().get(i).trim();
        }

        String text(String column) {
            String v = raw(column);
            return v.equalsIgnoreCase("NA") ? "" : v;
        }

        OptionalLong count(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                return OptionalLong.empty();
            }
            if (v.startsWith("-") && v.substring(1).matches("\\d+")) {
                throw error(column, "negative count", "counts are zero or more; leave the cell empty where the "
                        + "source publishes no figure (some sources write -1 for unknown)");
            }
            if (!v.matches("\\d+")) {
                throw error(column, "not a whole number", "write counts as plain digits without thousands "
                        + "separators (8788726), or leave the cell empty where no figure is published");
            }
            if (v.length() > 15) {
                throw error(column, "number too large", "counts above 10^15 are not election counts; "
                        + "check the column");
            }
            return OptionalLong.of(Long.parseLong(v));
        }

        Optional<PrintedPercent> percent(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(PrintedPercent.parse(v));
            } catch (NumberFormatException e) {
                throw error(column, "not a percentage", "write the percentage as printed, with a dot as decimal "
                        + "separator and without %, keeping trailing zeros (2.60)");
            } catch (IllegalArgumentException e) {
                throw error(column, "percentage above 100", "check the column: percentages are in [0, 100]");
            }
        }

        String date() {
            String v = text("date");
            if (!v.isEmpty()) {
                try {
                    LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    throw error("date", "not an ISO date", "write dates as yyyy-mm-dd (2019-06-09)");
                }
            }
            return v;
        }

        DataException error(String column, String problem, String fix) {
            int i = Objects.requireNonNull(columns.get(column), column);
            return DataException.of(problem).file(file).line(row.line()).column(describe(i))
                    .value(row.fields().get(i)).fix(fix).build();
        }
    }

    /** Collects the rows of one election and area. */
    private static final class Accumulator {
        final String election;
        final long line;
        final Map<String, Long> firstLineOf = new HashMap<>();
        final List<AggregateOption> options = new ArrayList<>();
        final Set<String> optionNames = new LinkedHashSet<>();
        final Set<String> sources = new LinkedHashSet<>();
        String area;
        String date = "";
        String kind = "";
        String turnoutAsOf = "";
        OptionalLong registered = OptionalLong.empty();
        OptionalLong ballots = OptionalLong.empty();
        OptionalLong valid = OptionalLong.empty();
        OptionalLong invalid = OptionalLong.empty();
        Optional<PrintedPercent> turnout = Optional.empty();
        Optional<PrintedPercent> turnoutAlt = Optional.empty();

        Accumulator(String election, long line) {
            this.election = election;
            this.line = line;
        }

        AggregateResult build() {
            return new AggregateResult(election, date, kind, area, registered, ballots, valid, invalid, turnout,
                    turnoutAlt, turnoutAsOf, options, new ArrayList<>(sources), line);
        }
    }
}
