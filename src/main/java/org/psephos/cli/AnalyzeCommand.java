package org.psephos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.psephos.data.DataException;
import org.psephos.data.Election;
import org.psephos.data.ElectionCsv;
import org.psephos.data.Grouping;
import org.psephos.estimation.Estimators;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.report.BatteryReport;
import org.psephos.report.FingerprintCharts;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
         * @param mapping the column mapping options
         * @return the election
         * @throws DataException if the file cannot be read or holds invalid values
         */
        Election load(Path file, MappingOptions mapping);
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Results per unit (CSV).")
    Path file;

    @Mixin
    MappingOptions mapping;

    @Option(names = "--tests", split = ",", paramLabel = "ID",
            description = "Tests to run (default: every test except the estimators KlimekFit, Shpilkin and "
                    + "FraudMixture, which run only when named): ${COMPLETION-CANDIDATES}.",
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

    @Option(names = "--charts", paramLabel = "DIR", description = "Write the fingerprint (turnout x leader's share, "
            + "1% bins) and the 0.1% turnout and share histograms as PNG, SVG and CSV into DIR.")
    Path charts;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    private final Loader loader;

    /** The command as the command line builds it. */
    AnalyzeCommand() {
        this(AnalyzeCommand::loadCsv);
    }

    /** @param loader how to load the file (tests pass elections built in memory) */
    AnalyzeCommand(Loader loader) {
        this.loader = loader;
    }

    /** The test ids, for the help text. */
    static final class TestIds extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        TestIds() {
            super(Estimators.registry().ids());
        }
    }

    @Override
    public Integer call() {
        BatteryOptions options;
        if (mapping.levels.size() > 1) {
            throw new UsageException("analyze runs per group of one --level at a time; got " + mapping.levels);
        }
        String level = mapping.levels.isEmpty() ? null : mapping.levels.get(0);
        Battery battery = Battery.withDefaults().withLevel(level);
        try {
            options = BatteryOptions.defaults().withReplicates(replicates).withSeed(seed)
                    .withThreads(threads == null ? Parallel.defaultThreads() : threads);
            if (tests != null) {
                battery = battery.withTests(Estimators.registry().select(tests.stream().map(String::trim)
                        .filter(t -> !t.isEmpty()).toList()));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Election election = loader.load(file, mapping);
        if (level != null && election.grouping(level).isEmpty()) {
            throw new UsageException("--level " + level + ": the file has no such grouping column; groupings are "
                    + election.groupings().stream().map(Grouping::name).toList());
        }
        BatteryResult result = battery.run(election, options, progress());
        BatteryReport report = BatteryReport.of(result, file.getFileName().toString());
        if (json != null) {
            report.writeJson(json);
        }
        if (csv != null) {
            report.writeCsv(csv);
        }
        if (charts != null) {
            FingerprintCharts.writeAll(election, charts, election.name());
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

    /** Reads FILE with the column mapping options (see {@code docs/loading.md}). */
    private static Election loadCsv(Path file, MappingOptions mapping) {
        try {
            return ElectionCsv.load(file, mapping.mapping(), mapping.charset()).election();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
