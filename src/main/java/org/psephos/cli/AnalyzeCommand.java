package org.psephos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.psephos.Psephos;
import org.psephos.data.DataException;
import org.psephos.data.Election;
import org.psephos.data.UnitFilter;
import org.psephos.estimation.Estimators;
import org.psephos.estimation.FraudMixture;
import org.psephos.estimation.KlimekFit;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.IntegerPercentTest;
import org.psephos.report.AnalysisCharts;
import org.psephos.report.AnalysisReport;
import org.psephos.report.BatteryReport;
import org.psephos.spark.SparkNullRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psephos analyze}: runs the forensic test battery on a results file and prints the table; optionally
 * writes the JSON contract, a CSV, a Markdown table, the charts and a self-contained HTML report. Parses options and delegates to {@link Battery} and {@link BatteryReport}.
 */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Runs the forensic tests (digit tests, distribution tests, turnout-share tests) on turnout and "
                + "every option, nationally and per group of --level, and prints the election-level verdict "
                + "(anomalous or no anomaly detected) first, then the table. By default each test is judged "
                + "against a calibrated null built from the data (expected value, 95%% range and p-value from "
                + "resampled elections or clean twins), rows are flagged by Benjamini-Hochberg q-value, and the "
                + "verdict is Holm's procedure over the national rows (docs/verdict-method.md). With --engine spark "
                + "the IntegerPercent Monte Carlo null of --null reference runs on Apache Spark, the other tests "
                + "on this machine."},
        footer = {"", Main.EXIT_CODES})
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

    @Mixin
    InputColumns input;

    @Option(names = "--tests", split = ",", paramLabel = "ID",
            description = "Tests to run (default: every test except the estimators KlimekFit, Shpilkin, "
                    + "FraudMixture and Spikes, which run only when named): ${COMPLETION-CANDIDATES}.",
            completionCandidates = TestIds.class)
    List<String> tests;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "1000",
            description = "Null replicates: the resampled elections of the calibrated nulls (the shape tests use a "
                    + "tenth as many clean twins, at least 40); also the bootstrap replicates where an interval is bootstrapped (Shpilkin's estimate, and every test's "
                    + "interval under --null reference) and the Monte Carlo replicates of IntegerPercent under "
                    + "--null reference (default ${DEFAULT-VALUE}).")
    int replicates;

    @Mixin
    AnalysisSettings settings;

    @Mixin
    NullOptions nulls;

    @Mixin
    EngineOptions engine;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the results as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write the results as CSV.")
    Path csv;

    @Option(names = "--charts", paramLabel = "DIR", description = "Write the fingerprint (turnout x leader's share, "
            + "1%% bins) and the 0.1%% turnout and share histograms as PNG, SVG and CSV into DIR, and the cumulative "
            + "votes curve and the leader's second- and last-digit charts as PNG and SVG; with --tests Shpilkin "
            + "or KlimekFit also shpilkin.png/.svg (the Shpilkin curve), shpilkin_sensitivity.png/.svg (its excess "
            + "votes against the clean-peak turnout) and klimek_fit.png/.svg (the fit).")
    Path charts;

    @Option(names = "--report", paramLabel = "OUT.html", description = "Write a self-contained HTML report (summary, "
            + "tests with flags and q-values, per-group table, charts, what each test detects): one file that "
            + "opens offline.")
    Path report;

    @Option(names = "--markdown", paramLabel = "OUT.md", description = "Write the results as a Markdown table.")
    Path markdown;

    @Option(names = "--units-csv", paramLabel = "OUT", description = "With --tests FraudMixture: write each unit's "
            + "posterior class probabilities (clean, incremental, extreme), modal class and expected manufactured "
            + "and stolen votes under the national mixture fit as CSV.")
    Path unitsCsv;

    @Option(names = "--klimek-sensitivity", description = "With --tests KlimekFit: also refit f_i, f_e and alpha "
            + "with each clean-peak moment (tau, nu, sigma_tau, sigma_nu) moved by 2 sd, with the peak rule's "
            + "moments and with the extreme-fraud width at 0.05 and 0.10, and report how they move (JSON details "
            + "'sensitivity', a table in --report; costs about 0.8 of the fit's time; not under --conventions "
            + "eftoolkit). Shpilkin always reports its sensitivity to the clean peak.")
    boolean klimekSensitivity;

    @Mixin
    QuietOption quiet;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    private final Loader loader;

    /** The command as the command line builds it. */
    AnalyzeCommand() {
        this(InputColumns::load);
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
        Path file = input.file;
        MappingOptions mapping = input.mapping;
        OutputFiles.requireNotInput(List.of(file), json, csv, markdown, report, unitsCsv);
        if (charts != null) {
            for (String name : List.of("fingerprint.csv", "turnout_hist.csv", "share_hist.csv")) {
                OutputFiles.requireNotInput(List.of(file), charts.resolve(name));
            }
        }
        BatteryOptions options;
        if (mapping.levels.size() > 1) {
            throw new UsageException("analyze runs per group of one --level at a time; got " + mapping.levels);
        }
        String level = mapping.levels.isEmpty() ? null : mapping.levels.get(0);
        Battery battery = Battery.withDefaults().withLevel(level);
        try {
            BatteryOptions asked = BatteryOptions.defaults().withReplicates(replicates).withSeed(settings.seed)
                    .withThreads(settings.threads.resolve()).withConventions(settings.conventions.resolve());
            options = nulls.apply(asked, asked.conventions());
            engine.check("analyze");
            if (tests != null) {
                battery = battery.withTests(Estimators.registry().select(tests.stream().map(String::trim)
                        .filter(t -> !t.isEmpty()).toList()));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (klimekSensitivity) {
            if (battery.tests().stream().noneMatch(t -> t instanceof KlimekFit)) {
                throw new UsageException("--klimek-sensitivity refits KlimekFit: add KlimekFit to --tests");
            }
            battery = battery.withTests(battery.tests().stream().map(t -> t instanceof KlimekFit k
                    ? (ForensicTest) k.withSensitivity(true) : t).toList());
        }
        if (unitsCsv != null && !battery.tests().stream().anyMatch(t -> t.id().equals(FraudMixture.ID))) {
            throw new UsageException("--units-csv writes the FraudMixture fit per unit: add FraudMixture to --tests");
        }
        Election election = ConventionsOption.withShareBase(loader.load(file, mapping), mapping,
                options.conventions());
        if (level != null) {
            level = mapping.levelName(election); // '#5' names the grouping of the fifth column
            battery = battery.withLevel(level);
        }
        MappingOptions.requireGrouping(election, level);
        Battery local = battery;
        BatteryResult result = quiet.run(spec.commandLine().getErr(), "analysing", progress -> engine.spark()
                ? SparkNullRunner.withRunner(engine.master, r -> local.withTests(local.tests().stream()
                        .map(t -> t instanceof IntegerPercentTest ip ? ip.withNullRunner(r) : t).toList())
                        .run(election, options, progress))
                : local.run(election, options, progress));
        BatteryReport report = BatteryReport.of(result, file.getFileName().toString());
        if (json != null) {
            report.writeJson(json);
        }
        if (csv != null) {
            report.writeCsv(csv);
        }
        if (markdown != null) {
            report.writeMarkdown(markdown);
        }
        // The units the battery used; the unit table, the report and the chart files all show these.
        Election kept = unitsCsv != null || this.report != null || charts != null
                ? UnitFilter.standard().apply(election).election() : null;
        if (unitsCsv != null) {
            MixtureUnitsCsv.write(kept, unitsCsv, options.threads());
        }
        AnalysisCharts drawn = this.report != null || charts != null ? AnalysisCharts.of(kept, result) : null;
        if (this.report != null) {
            AnalysisReport.report(election, result, drawn, file.getFileName().toString(), Psephos.version(),
                    commandLine()).write(this.report);
        }
        if (charts != null) {
            drawn.write(charts);
        }
        spec.commandLine().getOut().print(report.text());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /** @return the command line as typed, arguments with spaces or quotes single-quoted */
    private String commandLine() {
        return TypedCommandLine.of(spec, "analyze", TypedCommandLine::shellQuoted);
    }
}
