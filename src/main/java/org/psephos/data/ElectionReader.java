package org.psephos.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of a {@link RecordSource} into the int columns of an {@link Election}, following a
 * {@link LoadPlan}. Every cell of a mapped column is checked; the first bad cell stops the load with a
 * {@link DataException} naming the file, line, column and value. Missing cells (empty, {@code NA}) are stored as
 * {@link Election#MISSING}; a sum with a missing term is missing. Repeated unit ids are counted as a warning.
 */
final class ElectionReader {
    private final RecordSource src;
    private final LoadPlan plan;
    private final Thousands thousands;
    private final List<Count> counts = new ArrayList<>();
    private final List<AutoColumn> auto = new ArrayList<>();
    private final List<LevelColumn> levels = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    /** The line of each row (clamped to int), for the duplicate-id example. */
    private final IntArrayBuilder lines = new IntArrayBuilder();

    private ElectionReader(RecordSource src, LoadPlan plan, Thousands thousands) {
        this.src = src;
        this.plan = plan;
        this.thousands = thousands;
    }

    /**
     * @param src     the rows
     * @param mapping the column mapping
     * @param format  the encoding and delimiter, for the report
     * @return the election and the load report
     * @throws DataException if the data are invalid
     */
    static LoadReport read(RecordSource src, ColumnMapping mapping, String format) {
        LoadPlan plan = new LoadPlan(src.name(), src.header(), src.headerLine(), mapping);
        ElectionReader r = new ElectionReader(src, plan, mapping.thousands());
        return r.run(mapping, format);
    }

    private LoadReport run(ColumnMapping mapping, String format) {
        for (LoadPlan.Count c : new LoadPlan.Count[] {plan.registered, plan.ballots, plan.valid, plan.invalid}) {
            counts.add(c == null ? null : new Count(c));
        }
        plan.options.forEach(o -> counts.add(new Count(o)));
        plan.autoOptions.forEach(c -> auto.add(new AutoColumn(c)));
        plan.levels.forEach(c -> levels.add(new LevelColumn(c)));
        int width = plan.header.size();
        src.retain(plan.readColumns());
        int rows = 0;
        while (src.next()) {
            if (src.fieldCount() != width) {
                throw DataException.of("ragged row: expected " + width + " fields as in the header, found "
                                + src.fieldCount()).file(src.name()).line(src.line())
                        .fix("Check for a missing or extra delimiter, or an unquoted field that holds one").build();
            }
            readRow();
            rows++;
        }
        if (rows == 0) {
            throw DataException.of("the file has a header but no data rows").file(src.name()).line(src.headerLine() + 1)
                    .fix("A results file needs one line per unit after the header").build();
        }
        return report(mapping, format, rows);
    }

    private void readRow() {
        for (Count c : counts) {
            if (c != null) {
                c.values.add(sum(c.role));
            }
        }
        for (AutoColumn a : auto) {
            a.accept();
        }
        for (LevelColumn l : levels) {
            l.accept();
        }
        if (plan.id >= 0) {
            String id = src.text(plan.id).trim();
            lines.add((int) Math.min(src.line(), Integer.MAX_VALUE));
            ids.add(id);
        }
    }

    private int sum(LoadPlan.Count role) {
        long s = 0;
        boolean missing = false;
        for (int col : role.columns()) {
            long v = src.count(col, thousands);
            if (v == CountCell.MISSING) {
                missing = true;
            } else if (v < 0) {
                throw cellError(col, v);
            } else {
                s += v;
            }
        }
        if (missing) {
            return Election.MISSING;
        }
        if (s > Integer.MAX_VALUE) {
            throw DataException.of("count too large (above " + Integer.MAX_VALUE + ")").file(src.name())
                    .line(src.line()).column(role.role() + " = " + String.join(" + ", plan.labels(role.columns())))
                    .value(Long.toString(s)).fix("A unit's count must fit in " + Integer.MAX_VALUE
                            + ": check that the summed columns are counts of one unit").build();
        }
        return (int) s;
    }

    private DataException cellError(int col, long code) {
        return DataException.of(CountCell.problem(code)).file(src.name()).line(src.line())
                .column(plan.resolver.label(col)).value(src.text(col)).fix(CountCell.fix(code, src.text(col)))
                .build();
    }

    private LoadReport report(ColumnMapping mapping, String format, int rows) {
        Election.Builder b = Election.builder(src.name())
                .registered(counts.get(0).values.toArray()).ballots(counts.get(1).values.toArray());
        if (counts.get(2) != null) {
            b.valid(counts.get(2).values.toArray());
        }
        if (counts.get(3) != null) {
            b.invalid(counts.get(3).values.toArray());
        }
        List<String> optionNames = new ArrayList<>();
        List<int[]> optionColumns = new ArrayList<>();
        for (Count c : counts.subList(4, counts.size())) {
            optionNames.add(c.role.name());
            optionColumns.add(c.role.columns());
            b.option(c.role.name(), c.values.toArray());
        }
        List<IgnoredColumn> ignored = new ArrayList<>(plan.ignored);
        for (AutoColumn a : auto) {
            String name = plan.header.get(a.column);
            if (a.textValue == null) {
                String unique = optionNames.contains(name) ? name + " #" + (a.column + 1) : name;
                optionNames.add(unique);
                optionColumns.add(new int[] {a.column});
                b.option(unique, a.values.toArray());
            } else {
                String kind = CountCell.parse(a.textValue, thousands) == CountCell.FRACTION
                        ? "decimal numbers, not counts"
                        : "text column";
                ignored.add(new IgnoredColumn(a.column + 1, name, kind + " (line " + a.textLine + ": '"
                        + shorten(a.textValue) + "')"));
            }
        }
        ignored.sort(java.util.Comparator.comparingInt(IgnoredColumn::position));
        levels.forEach(l -> b.grouping(l.grouping()));
        if (plan.id >= 0) {
            b.unitIds(ids.toArray(new String[0]));
        }
        if (plan.leader != null) {
            b.leader(leaderIndex(optionColumns));
        }
        Map<String, List<String>> described = new java.util.LinkedHashMap<>(plan.described);
        described.put("options", optionColumns.stream().map(c -> String.join(" + ", plan.labels(c))).toList());
        ShareBase base = mapping.shareOf();
        if (base == null) {
            base = ShareBase.defaultFor(optionNames.size(), counts.get(2) != null, counts.get(3) != null);
            described.put("share of", List.of(base.name().toLowerCase(java.util.Locale.ROOT)
                    + (base == ShareBase.BALLOTS ? " (" + ShareBase.SINGLE_OPTION_DEFAULT + ")" : "")));
        }
        Election e = b.shareBase(base).build();
        described.put("leader", e.leader() < 0 ? List.of() : List.of(e.leaderName()));
        List<String> warnings = new ArrayList<>();
        if (plan.id >= 0) {
            // A unit id need only be unique within its groups (Russian station numbers restart in each region).
            List<int[]> codes = levels.stream().map(l -> l.values.toArray()).toList();
            DuplicateIds.Found d = DuplicateIds.find(ids, codes);
            if (d.count() > 0) {
                int[] line = lines.toArray();
                warnings.add(d.count() + " rows repeat a unit id already seen (first: '" + ids.get(d.repeatRow())
                        + "' on lines " + line[d.firstRow()] + " and " + line[d.repeatRow()]
                        + (levels.isEmpty() ? "" : " within the same groups") + "); the units are kept as separate"
                        + " units");
            }
        }
        if (src.blankLines() > 0) {
            warnings.add(src.blankLines() + " empty lines skipped");
        }
        return new LoadReport(src.name(), format, e, described, ignored, rows, warnings);
    }

    private int leaderIndex(List<int[]> optionColumns) {
        for (int k = 0; k < optionColumns.size(); k++) {
            if (java.util.Arrays.equals(optionColumns.get(k), plan.leader)) {
                return k;
            }
        }
        throw DataException.of("--leader: the column is not one of the options").file(src.name()).line(src.headerLine())
                .column(String.join(" + ", plan.labels(plan.leader)))
                .fix("Name one of the candidate columns, or add it with --candidate").build();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /** One count role and its values. */
    private static final class Count {
        final LoadPlan.Count role;
        final IntArrayBuilder values = new IntArrayBuilder();

        Count(LoadPlan.Count role) {
            this.role = role;
        }
    }

    /**
     * A left-over column: an option if its first non-empty cell is a whole number; excluded (and reported) if that
     * cell is text or a decimal such as a percentage; any later bad cell is an error.
     */
    private final class AutoColumn {
        final int column;
        final IntArrayBuilder values = new IntArrayBuilder();
        boolean decided;
        String textValue;
        long textLine;

        AutoColumn(int column) {
            this.column = column;
        }

        void accept() {
            if (textValue != null) {
                return;
            }
            long v = src.count(column, thousands);
            if (!decided && (v == CountCell.NOT_NUMBER || v == CountCell.FRACTION)) {
                textValue = src.text(column).trim();
                textLine = src.line();
                return;
            }
            if (v == CountCell.MISSING) {
                values.add(Election.MISSING);
                return;
            }
            decided = true;
            if (v < 0) {
                throw cellError(column, v);
            }
            values.add((int) v);
        }
    }

    /** A grouping column, coded as it is read. */
    private final class LevelColumn {
        final int column;
        final Map<String, Integer> codes = new HashMap<>();
        final List<String> labels = new ArrayList<>();
        final IntArrayBuilder values = new IntArrayBuilder();
        int last;

        LevelColumn(int column) {
            this.column = column;
        }

        void accept() {
            if (!labels.isEmpty() && src.textEquals(column, labels.get(last))) {
                values.add(last);
                return;
            }
            String label = src.text(column).trim();
            Integer code = codes.get(label);
            if (code == null) {
                code = labels.size();
                codes.put(label, code);
                labels.add(label);
            }
            values.add(code);
            last = code;
        }

        Grouping grouping() {
            return new Grouping(plan.header.get(column), labels.toArray(new String[0]), values.toArray());
        }
    }
}
