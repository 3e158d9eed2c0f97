package org.psephos.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, from the header and a {@link ColumnMapping}, which columns feed which role: explicit references are
 * resolved, the rest is recognised by {@link HeaderNames}. Columns left over become candidate options only when no
 * candidate was mapped; then unnamed columns (a row index), extra id columns and the {@code fraud} label are
 * excluded, and a column whose first non-empty cell is not a number is excluded as text while reading.
 */
final class LoadPlan {
    /** A count role: the columns it sums. */
    record Count(String role, String name, int[] columns) {
    }

    final String file;
    final ColumnResolver resolver;
    final List<String> header;
    final Count registered;
    final Count ballots;
    final Count valid;
    final Count invalid;
    final List<Count> options = new ArrayList<>();
    /** Columns that become options if their first non-empty cell is a number (only without explicit candidates). */
    final List<Integer> autoOptions = new ArrayList<>();
    final List<Integer> levels = new ArrayList<>();
    final int id;
    final int[] leader;
    final List<IgnoredColumn> ignored = new ArrayList<>();
    final Map<String, List<String>> described = new LinkedHashMap<>();
    private final Set<Integer> used = new HashSet<>();

    private final long headerLine;

    LoadPlan(String file, List<String> header, long headerLine, ColumnMapping m) {
        this.file = file;
        this.header = header;
        this.headerLine = headerLine;
        this.resolver = new ColumnResolver(file, header, headerLine);
        registered = count("registered", m.registered(), HeaderNames.REGISTERED, "N", Presence.REQUIRED);
        ballots = count("ballots", m.ballots(), HeaderNames.BALLOTS, "t", Presence.REQUIRED);
        valid = count("valid", m.valid(), HeaderNames.VALID, null, Presence.OPTIONAL);
        invalid = count("invalid", m.invalid(), HeaderNames.INVALID, null, Presence.OPTIONAL);
        id = m.id() != null ? single("--id", m.id()) : HeaderNames.find(HeaderNames.IDS, null, header);
        if (id >= 0) {
            used.add(id);
        }
        if (!m.levels().isEmpty()) {
            m.levels().forEach(l -> levels.add(single("--level", l)));
        } else {
            for (int c = 0; c < header.size(); c++) {
                if (HeaderNames.is(HeaderNames.LEVELS, header.get(c)) && !used.contains(c)) {
                    levels.add(c);
                }
            }
        }
        used.addAll(levels);
        for (String ref : m.candidates()) {
            explicitOption(ref);
        }
        leader = m.leader() == null ? null : resolver.resolve("--leader", ColumnRef.parse("--leader", m.leader()));
        describe(m);
        for (int c = 0; c < header.size(); c++) {
            if (!used.contains(c)) {
                leftOver(c, !m.candidates().isEmpty());
            }
        }
    }

    /** Whether a count column must be found when the mapping does not name it. */
    private enum Presence {
        /** A file without it is refused (registered voters, ballots). */
        REQUIRED,
        /** Its count is absent without it (valid, invalid). */
        OPTIONAL
    }

    private Count count(String role, String ref, Set<String> names, String exact, Presence presence) {
        int[] cols;
        if (ref != null) {
            cols = resolver.resolve("--" + role, ColumnRef.parse("--" + role, ref));
        } else {
            int c = HeaderNames.find(names, exact, header);
            if (c < 0 && presence == Presence.REQUIRED) {
                throw DataException.of("no " + role + " column: none of the recognised names "
                                + new java.util.TreeSet<>(names) + " is in the header").file(file)
                        .line(headerLine).fix("Name it with --" + role + " COL (a header name, #N, or A+B+C). Available columns: "
                                + resolver.available()).build();
            }
            cols = c < 0 ? null : new int[] {c};
        }
        if (cols == null) {
            return null;
        }
        Arrays.stream(cols).forEach(used::add);
        return new Count(role, nameOf(cols), cols);
    }

    private int single(String role, String ref) {
        int[] cols = resolver.resolve(role, ColumnRef.parse(role, ref));
        if (cols.length != 1) {
            throw new IllegalArgumentException(role + " takes one column, not a sum: '" + ref + "' names "
                    + cols.length + " columns");
        }
        return cols[0];
    }

    private void explicitOption(String ref) {
        ColumnRef r = ColumnRef.parse("--candidate", ref);
        int[] cols = resolver.resolve("--candidate", r);
        if (r.isRange()) {
            for (int c : cols) {
                addOption(new Count("option", nameOf(new int[] {c}), new int[] {c}));
            }
        } else {
            addOption(new Count("option", nameOf(cols), cols));
        }
        Arrays.stream(cols).forEach(used::add);
    }

    private void addOption(Count option) {
        if (options.stream().anyMatch(o -> o.name().equals(option.name()))) {
            throw new IllegalArgumentException("--candidate: the option '" + option.name() + "' is given twice");
        }
        options.add(option);
    }

    private String nameOf(int[] cols) {
        List<String> names = new ArrayList<>();
        for (int c : cols) {
            names.add(header.get(c).isEmpty() ? "#" + (c + 1) : header.get(c));
        }
        return String.join("+", names);
    }

    private void leftOver(int c, boolean candidatesGiven) {
        String h = header.get(c);
        Count role = countRoleName(h);
        if (candidatesGiven) {
            ignored.add(new IgnoredColumn(c + 1, h, "not mapped (candidates were given explicitly)"));
        } else if (h.isEmpty()) {
            ignored.add(new IgnoredColumn(c + 1, h, "unnamed column (such as a row index)"));
        } else if (HeaderNames.is(HeaderNames.IDS, h)) {
            ignored.add(new IgnoredColumn(c + 1, h, "an identifier column (the unit id is "
                    + resolver.label(id) + ")"));
        } else if (HeaderNames.is(HeaderNames.LABELS, h)) {
            ignored.add(new IgnoredColumn(c + 1, h, "the simulated-fraud label of a toolkit output file"));
        } else if (role != null) {
            // A second 'registered' (or 'voters', 'ballots', ...) is not an option: its counts would be read as votes.
            ignored.add(new IgnoredColumn(c + 1, h, "named like a " + role.role() + " column, and the " + role.role()
                    + " column is " + String.join(" + ", labels(role.columns())) + "; give --" + role.role()
                    + " or --candidate to use this one"));
        } else {
            autoOptions.add(c);
        }
    }

    /** @return the mapped count role whose recognised names include this header, or null */
    private Count countRoleName(String h) {
        if (registered != null && HeaderNames.is(HeaderNames.REGISTERED, h)) {
            return registered;
        }
        if (ballots != null && HeaderNames.is(HeaderNames.BALLOTS, h)) {
            return ballots;
        }
        if (valid != null && HeaderNames.is(HeaderNames.VALID, h)) {
            return valid;
        }
        return invalid != null && HeaderNames.is(HeaderNames.INVALID, h) ? invalid : null;
    }

    private void describe(ColumnMapping m) {
        for (Count r : new Count[] {registered, ballots, valid, invalid}) {
            if (r != null) {
                described.put(r.role(), labels(r.columns()));
            }
        }
        described.put("levels", levels.stream().map(resolver::label).toList());
        described.put("id", id < 0 ? List.of() : List.of(resolver.label(id)));
        // resolved by the reader once the options are known; put here for its place in the order
        described.put("share of", List.of(m.shareOf() == null ? "default"
                : m.shareOf().name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** @return whether each column is read: mapped counts, options, levels, id and candidate options */
    boolean[] readColumns() {
        boolean[] read = new boolean[header.size()];
        used.forEach(c -> read[c] = true);
        autoOptions.forEach(c -> read[c] = true);
        if (leader != null) {
            Arrays.stream(leader).forEach(c -> read[c] = true);
        }
        return read;
    }

    List<String> labels(int[] cols) {
        return Arrays.stream(cols).mapToObj(resolver::label).toList();
    }
}
