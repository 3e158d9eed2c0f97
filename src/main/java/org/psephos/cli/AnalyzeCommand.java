package org.psephos.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.psephos.data.DataException;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.TestRegistry;
import org.psephos.report.BatteryReport;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code psephos analyze}: runs the forensic test battery on a results file and prints the table; optionally
 * writes the JSON contract and a CSV. Parses options and delegates to {@link Battery} and {@link BatteryReport}.
 */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Runs the forensic tests (digit tests, distribution tests, turnout-share tests) on turnout and "
                + "every option, nationally and per group of --level, with bootstrap intervals, p-values and "
                + "Benjamini-Hochberg q-values."},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage error, 3 data error."})
final class AnalyzeCommand implements Callable<Integer> {

    /** Loads the election a command analyses. */
    @FunctionalInterface
    interface Loader {
        /**
         * @param file    the results file
         * @param mapping the column mapping, or {@code null}
         * @param level   the grouping column asked for, or {@code null}
         * @return the election
         * @throws DataException if the file cannot be read or holds invalid values
         */
        Election load(Path file, String mapping, String level);
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Results per unit (CSV).")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MAPPING",
            description = "Column mapping of FILE (needs the CSV loader).")
    String mapping;

    @Option(names = "--level", paramLabel = "COL", description = "Also run per group of this column.")
    String level;

    @Option(names = "--tests", split = ",", paramLabel = "ID",
            description = "Tests to run (default all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = TestIds.class)
    List<String> tests;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "1000",
            description = "Bootstrap replicates (default ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all processors; results "
            + "do not depend on it).")
    Integer threads;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the results as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write the results as CSV.")
    Path csv;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    private final Loader loader;

    /** The command as the command line builds it. */
    AnalyzeCommand() {
        this(AnalyzeCommand::readMinimalCsv);
    }

    /** @param loader how to load the file (tests pass elections built in memory) */
    AnalyzeCommand(Loader loader) {
        this.loader = loader;
    }

    /** The test ids, for the help text. */
    static final class TestIds extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        TestIds() {
            super(TestRegistry.standard().ids());
        }
    }

    @Override
    public Integer call() {
        BatteryOptions options;
        Battery battery = Battery.withDefaults().withLevel(level);
        try {
            options = BatteryOptions.defaults().withReplicates(replicates).withSeed(seed)
                    .withThreads(threads == null ? Parallel.defaultThreads() : threads);
            if (tests != null) {
                battery = battery.withTests(TestRegistry.standard().select(tests.stream().map(String::trim)
                        .filter(t -> !t.isEmpty()).toList()));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Election election = loader.load(file, mapping, level);
        if (level != null && election.grouping(level).isEmpty()) {
            throw new UsageException("--level " + level + ": the file has no such grouping column; groupings are "
                    + election.groupings().stream().map(Grouping::name).toList());
        }
        BatteryResult result = battery.run(election, options, progress());
        BatteryReport report = BatteryReport.of(result, file.getFileName().toString());
        try {
            if (json != null) {
                report.writeJson(json);
            }
            if (csv != null) {
                report.writeCsv(csv);
            }
        } catch (UncheckedIOException e) {
            throw DataException.of("cannot write the output").value(e.getMessage()).cause(e).build();
        }
        spec.commandLine().getOut().print(report.text());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /** @return a one-line counter on standard error when it is a terminal, else nothing */
    private Progress progress() {
        if (System.console() == null) {
            return Progress.NONE;
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        return (done, total) -> {
            synchronized (err) {
                err.print("\rpsephos: analysed " + done + " of " + total + " group variables");
                if (done == total) {
                    err.print("\r" + " ".repeat(60) + "\r");
                }
                err.flush();
            }
        };
    }

    /**
     * TEMPORARY, until the CSV loader ({@code ColumnMapping}, the reader and the {@code MappingOptions} mixin) is
     * merged: reads a comma-separated file whose header names the columns {@code registered}, {@code ballots}
     * (case-insensitive), optionally the {@code level} column, and every other column as an option's votes.
     * Empty and {@code NA} cells are missing counts. No quoting rules beyond stripping surrounding double quotes.
     */
    private static Election readMinimalCsv(Path file, String mapping, String level) {
        if (mapping != null) {
            throw new UsageException("column mappings need the CSV loader, which this build does not have yet; "
                    + "give a file with the columns registered, ballots and one column per option");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DataException.of("cannot read the file").file(file).value(String.valueOf(e.getMessage()))
                    .cause(e).build();
        }
        if (lines.isEmpty()) {
            throw DataException.of("the file is empty").file(file).build();
        }
        String[] header = split(lines.get(0));
        int reg = -1;
        int bal = -1;
        int lvl = -1;
        List<Integer> optionCols = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            String h = header[j].toLowerCase(Locale.ROOT);
            if (h.equals("registered")) {
                reg = j;
            } else if (h.equals("ballots")) {
                bal = j;
            } else if (header[j].equals(level)) {
                lvl = j;
            } else {
                optionCols.add(j);
            }
        }
        if (reg < 0 || bal < 0) {
            throw DataException.of("the header has no registered and ballots columns").file(file).line(1)
                    .value(lines.get(0)).fix("Name them 'registered' and 'ballots'").build();
        }
        if (level != null && lvl < 0) {
            throw new UsageException("--level " + level + ": the header of " + file.getFileName()
                    + " has no such column");
        }
        List<String> body = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        int n = body.size();
        int[] registered = new int[n];
        int[] ballots = new int[n];
        int[][] votes = new int[optionCols.size()][n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            String[] cells = split(body.get(i));
            if (cells.length != header.length) {
                throw DataException.of("the row has " + cells.length + " cells, the header " + header.length)
                        .file(file).line(i + 2L).build();
            }
            registered[i] = count(cells[reg], file, i + 2L, header[reg]);
            ballots[i] = count(cells[bal], file, i + 2L, header[bal]);
            for (int k = 0; k < optionCols.size(); k++) {
                int c = optionCols.get(k);
                votes[k][i] = count(cells[c], file, i + 2L, header[c]);
            }
            labels[i] = lvl < 0 ? "" : cells[lvl];
        }
        Election.Builder b = Election.builder(file.getFileName().toString()).registered(registered)
                .ballots(ballots);
        for (int k = 0; k < optionCols.size(); k++) {
            b.option(header[optionCols.get(k)], votes[k]);
        }
        if (lvl >= 0) {
            b.grouping(Grouping.ofLabels(level, labels));
        }
        return b.build();
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].trim();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            cells[i] = c;
        }
        return cells;
    }

    private static int count(String cell, Path file, long line, String column) {
        if (cell.isEmpty() || cell.equalsIgnoreCase("NA")) {
            return Election.MISSING;
        }
        try {
            int v = Integer.parseInt(cell);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw DataException.of("not a count (a whole number, 0 or more)").file(file).line(line).column(column)
                    .value(cell).build();
        }
    }
}
