package org.psephos.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of a loaded file that {@code psephos load} prints and writes as JSON: units read and dropped by
 * reason under a {@link UnitFilter}, totals over all units read (missing cells skipped), national turnout over all
 * units and over the kept ones, each option's votes and share (sorted by votes, leader marked), the number of groups
 * per level, the mapping used and the ignored columns. Immutable.
 *
 * @param file        the file
 * @param format      encoding and delimiter
 * @param unitsRead   data rows read
 * @param unitsKept   units the filter kept
 * @param dropped     units dropped per reason label, in reason order
 * @param registered  registered voters, all units
 * @param ballots     ballots cast, all units
 * @param valid       valid ballots, all units (the options' sum where there is no valid column)
 * @param invalid     invalid ballots, all units, or -1 where there is no invalid column
 * @param turnout     ballots / registered, all units
 * @param turnoutKept ballots / registered over the kept units
 * @param shareOf     the share denominator
 * @param options     options by votes, descending
 * @param groups      level name to its number of groups
 * @param mapping     the mapping used
 * @param ignored     columns not used, with reasons
 * @param warnings    problems that did not stop the load
 * @since 0.1
 */
public record LoadSummary(String file, String format, int unitsRead, int unitsKept, Map<String, Integer> dropped,
                          long registered, long ballots, long valid, long invalid, double turnout,
                          double turnoutKept, String shareOf, List<OptionLine> options, Map<String, Integer> groups,
                          Map<String, List<String>> mapping, List<IgnoredColumn> ignored, List<String> warnings) {

    /** Copies the collections. */
    public LoadSummary {
        dropped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
        options = List.copyOf(options);
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        ignored = List.copyOf(ignored);
        warnings = List.copyOf(warnings);
    }

    /**
     * One option's result.
     *
     * @param name   the option
     * @param votes  its votes, all units
     * @param share  votes / the share denominator total, all units (NaN if that is zero)
     * @param leader whether it is the election's leader
     */
    public record OptionLine(String name, long votes, double share, boolean leader) {
    }

    /**
     * @param report a load report
     * @param filter the filter whose drops to report
     * @return the summary
     */
    public static LoadSummary of(LoadReport report, UnitFilter filter) {
        Election e = report.election();
        ElectionTotals all = e.totals();
        UnitFilter.Filtered f = filter.apply(e);
        List<OptionLine> lines = new ArrayList<>();
        long[] votes = all.optionVotes();
        for (int k = 0; k < e.optionCount(); k++) {
            lines.add(new OptionLine(e.options().get(k), votes[k], all.share(k), k == e.leader()));
        }
        lines.sort(Comparator.comparingLong(OptionLine::votes).reversed());
        Map<String, Integer> groups = new LinkedHashMap<>();
        e.groupings().forEach(g -> groups.put(g.name(), g.levelCount()));
        return new LoadSummary(report.file(), report.format(), e.size(), f.report().kept(),
                f.report().droppedByLabel(), all.registered(), all.ballots(), all.valid(), all.invalid(),
                all.turnout(), f.election().totals().turnout(), e.shareBase().name().toLowerCase(java.util.Locale.ROOT),
                lines, groups, report.mapping(), report.ignored(), report.warnings());
    }
}
