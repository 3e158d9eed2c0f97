package org.psephos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psephos.data.ElectionCsv;
import org.psephos.data.IgnoredColumn;
import org.psephos.data.LoadReport;
import org.psephos.data.LoadSummary;
import org.psephos.data.ShareBase;
import org.psephos.data.UnitFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psephos load FILE}: loads a results file and prints what it holds, what was dropped and why. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads a results file (CSV, .csv.gz or .csv.zip) and prints a summary: units read and dropped"
                + " by reason, totals, turnout, each option's votes and share, groups, the column mapping used and"
                + " the columns ignored.",
                "Empty and NA cells are missing values: such units are kept and counted as dropped"
                        + " (\"missing value\") by the standard filter."})
final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The results file.")
    Path file;

    @Mixin
    MappingOptions mapping;

    @Option(names = "--min-registered", paramLabel = "N", defaultValue = "0",
            description = "Count units with fewer registered voters as dropped (too small). Default: ${DEFAULT-VALUE}.")
    int minRegistered;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the summary as JSON to this file.")
    Path json;

    @Option(names = "--verbose", description = "Show a stack trace on an internal error.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        if (minRegistered < 0) {
            throw new UsageException("--min-registered is negative: " + minRegistered);
        }
        OutputFiles.requireNotInput(java.util.List.of(file), json);
        LoadReport report;
        try {
            report = ElectionCsv.load(file, mapping.mapping(), mapping.charset());
        } catch (IllegalArgumentException e) {
            // A mapping that parses but does not fit the header: a sum for --id or --level, a candidate twice.
            throw new UsageException(e.getMessage(), e);
        }
        LoadSummary s = LoadSummary.of(report, new UnitFilter(minRegistered));
        print(s, spec.commandLine().getOut());
        if (json != null) {
            OutputFiles.writeJson(json, s);
            spec.commandLine().getOut().println("Summary written to " + json);
        }
        return Main.OK;
    }

    static void print(LoadSummary s, PrintWriter out) {
        out.printf(Locale.ROOT, "File: %s (%s)%n", s.file(), s.format());
        out.printf(Locale.ROOT, "Units read: %,d; kept by the standard filter: %,d; dropped: %,d%n", s.unitsRead(),
                s.unitsKept(), s.unitsRead() - s.unitsKept());
        s.dropped().forEach((reason, n) -> out.printf(Locale.ROOT, "  dropped, %s: %,d%n", reason, n));
        out.printf(Locale.ROOT, "Totals over all units read (missing cells skipped):%n");
        out.printf(Locale.ROOT, "  registered %,d  ballots %,d  valid %,d  invalid %s%n", s.registered(),
                s.ballots(), s.valid(), s.invalid() < 0 ? "(no column)" : String.format(Locale.ROOT, "%,d",
                        s.invalid()));
        out.printf(Locale.ROOT, "  turnout %s (kept units: %s)%n", pct(s.turnout()), pct(s.turnoutKept()));
        boolean byRule = s.mapping().getOrDefault("share of", List.of()).stream()
                .anyMatch(m -> m.contains(ShareBase.SINGLE_OPTION_DEFAULT));
        out.printf(Locale.ROOT, "Options (share of %s%s):%n", s.shareOf(), byRule
                ? ": " + ShareBase.SINGLE_OPTION_DEFAULT + "; --share-of to change" : "");
        for (LoadSummary.OptionLine o : s.options()) {
            out.printf(Locale.ROOT, "  %s %14s  %7s  %s%n", o.leader() ? "*" : " ",
                    String.format(Locale.ROOT, "%,d", o.votes()), pct(o.share()), o.name());
        }
        if (s.options().isEmpty()) {
            out.println("  (none)");
        }
        out.println("Groups: " + (s.groups().isEmpty() ? "(no level)" : joined(s.groups())));
        out.println("Mapping used:");
        for (Map.Entry<String, List<String>> m : s.mapping().entrySet()) {
            out.printf("  %-10s %s%n", m.getKey(), m.getValue().isEmpty() ? "-" : String.join(", ", m.getValue()));
        }
        if (!s.ignored().isEmpty()) {
            out.println("Columns ignored:");
            for (IgnoredColumn c : s.ignored()) {
                out.printf(Locale.ROOT, "  #%d '%s': %s%n", c.position(), c.name(), c.reason());
            }
        }
        s.warnings().forEach(w -> out.println("Warning: " + w));
    }

    private static String joined(Map<String, Integer> groups) {
        StringBuilder b = new StringBuilder();
        groups.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }

    private static String pct(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * x);
    }
}
