package org.psephos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.psephos.data.Election;
import org.psephos.data.UnitFilter;
import org.psephos.estimation.Calibration;
import org.psephos.estimation.CalibrationResult;
import org.psephos.estimation.CalibrationScenario;
import org.psephos.estimation.CalibrationScenarios;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.TestRegistry;
import org.psephos.forensics.nulls.CleanTwins;
import org.psephos.report.CalibrationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psephos calibrate}: builds the scenarios from the options and delegates to {@link Calibration}; prints the
 * tables and writes JSON, CSV, charts and the label table ({@link CalibrationReport}).
 */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Calibration study: runs the battery, with its calibrated nulls and the same verdict as "
                + "analyze, on K simulated clean elections of named heterogeneity scenarios (or on K clean twins of a "
                + "real file, --like) and on K elections per fraud model, and prints per test and for the verdict the "
                + "false-positive rate and the power at 5%% with 95%% Clopper-Pearson intervals. A test whose "
                + "false-positive rate is significantly above 5%% is labelled descriptive, one without power against "
                + "the fraud it targets no-power; --labels writes the labels as a table that analyze --calibration "
                + "applies. The same --seed gives the same result for any --threads."},
        footer = {"", "Scenarios: homogeneous, regions, size, urban, small-counts, minor-options, logit-normal",
            "(docs/calibration.md).",
            "Frauds: klimek-incremental, klimek-extreme, ballot-stuffing, vote-switching,",
            "invented-percent, invented-digits, or MODEL:PARAM=V,... with the models of",
            "psephos power, e.g. klimek:incremental=0.1.",
            "",
            "Examples:",
            "  psephos calibrate --elections 200 --json cal.json --chart fpr.png",
            "  psephos calibrate --like results.csv --level region --labels labels.csv",
            "", Main.EXIT_CODES})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--elections", paramLabel = "K", defaultValue = "200",
            description = "Elections per scenario (default ${DEFAULT-VALUE}).")
    int elections;

    @Option(names = "--units", paramLabel = "N", defaultValue = "10000",
            description = "Polling stations per simulated election (default ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
            description = "Clean scenarios, or none (default: homogeneous,regions,size,urban,small-counts,"
                    + "minor-options; none with --like).")
    List<String> scenarios;

    @Option(names = "--fraud", paramLabel = "FRAUD",
            description = "A fraud scenario (repeatable), or none (default: the six built-in frauds; none with "
                    + "--like).")
    List<String> frauds;

    @Option(names = "--fraud-base", paramLabel = "SCENARIO", defaultValue = CalibrationScenarios.DEFAULT_FRAUD_BASE,
            description = "The clean scenario the frauds are applied to (default ${DEFAULT-VALUE}).")
    String fraudBase;

    @Option(names = "--like", paramLabel = "FILE", description = "Calibrate on clean twins of this results file "
            + "(read with the column mapping options, as analyze); the built-in scenarios and frauds then run only "
            + "when named. --level runs the battery per group (and fits the twins by group) in every election that "
            + "has the grouping: simulated ones have 'region', and 'settlement' with an urban population.")
    Path like;

    @Mixin
    MappingOptions mapping;

    @Option(names = "--tests", split = ",", paramLabel = "ID",
            description = "Tests to run (default: the battery of analyze; the estimators and Spikes when named).")
    List<String> tests;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "200",
            description = "Null replicates of each battery run (default ${DEFAULT-VALUE}; analyze uses 1000).")
    int replicates;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Run seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Mixin
    NullOptions nulls;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write one row per scenario, test and variable.")
    Path csv;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "Write the false-positive rates as a chart (.png, else SVG).")
    Path chart;

    @Option(names = "--power-chart", paramLabel = "FILE", description = "Write the power as a chart (.png, else SVG).")
    Path powerChart;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Write the labels measured as a calibration table (analyze --calibration FILE applies it).")
    Path labels;

    @Mixin
    QuietOption quiet;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() {
        if (like != null) {
            OutputFiles.requireNotInput(List.of(like), json, csv, chart, powerChart, labels);
        }
        if (mapping.levels.size() > 1) {
            throw new UsageException("calibrate runs per group of one --level at a time; got " + mapping.levels);
        }
        int t = threads.resolve();
        if (units < 1) {
            throw new UsageException("--units is not positive: " + units);
        }
        Calibration calibration;
        try {
            BatteryOptions options = nulls.apply(BatteryOptions.defaults(), Conventions.PSEPHOS);
            if (options.nulls().kind() != NullKind.CALIBRATED) {
                throw new UsageException("calibrate measures the calibrated nulls and the verdict; --null reference "
                        + "has no verdict");
            }
            List<CalibrationScenario> all = new ArrayList<>();
            List<String> clean = scenarios != null ? scenarios
                    : like != null ? List.of() : CalibrationScenarios.DEFAULT_CLEAN;
            for (String name : clean) {
                if (!name.trim().equalsIgnoreCase("none")) {
                    all.add(CalibrationScenarios.clean(name.trim(), units));
                }
            }
            // --level: the grouping the battery runs per group of (and the twins are fitted by) in every election
            // that has it (simulated elections have 'region', and 'settlement' with an urban population)
            String level = mapping.levels.isEmpty() ? null : mapping.levels.get(0).trim();
            if (like != null) {
                Election e = ConventionsOption.withShareBase(InputColumns.load(like, mapping), mapping,
                        Conventions.PSEPHOS);
                level = mapping.levelName(e);
                MappingOptions.requireGrouping(e, level);
                Election kept = UnitFilter.standard().apply(e).election();
                CleanTwins twins = CleanTwins.of(kept, level, options.nulls().twins());
                all.add(new CalibrationScenario.Twins("twins of " + like.getFileName(), String.format(
                        java.util.Locale.ROOT, "clean twins of %s (%d units after the unit filter%s)", like, kept.size(),
                        level == null ? "" : ", fitted per " + level), twins));
            }
            List<String> fraudList = frauds != null ? frauds
                    : like != null ? List.of() : CalibrationScenarios.DEFAULT_FRAUDS;
            for (String f : fraudList) {
                if (!f.trim().equalsIgnoreCase("none")) {
                    all.add(CalibrationScenarios.fraud(f, fraudBase.trim(), units));
                }
            }
            if (all.isEmpty()) {
                throw new UsageException("no scenario: name --scenarios, --fraud or --like");
            }
            List<String> ids = tests == null ? TestRegistry.standard().ids()
                    : tests.stream().map(String::trim).filter(x -> !x.isEmpty()).toList();
            calibration = Calibration.of(all, ids).withElections(elections).withReplicates(replicates).withSeed(seed)
                    .withNulls(options.nulls()).withFdr(options.fdr()).withGrouping(level);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Calibration planned = calibration;
        CalibrationResult result = quiet.run(spec.commandLine().getErr(), "calibrating",
                progress -> planned.run(t, progress));
        if (json != null) {
            OutputFiles.writeJson(json, result);
        }
        if (csv != null) {
            CalibrationReport.writeCsv(result, csv);
        }
        if (chart != null) {
            CalibrationReport.writeChart(result, "clean", chart);
        }
        if (powerChart != null) {
            CalibrationReport.writeChart(result, "fraud", powerChart);
        }
        if (labels != null) {
            // the arguments as typed, unquoted (as the label tables written so far have them)
            String comment = TypedCommandLine.of(spec, "calibrate", java.util.function.UnaryOperator.identity());
            OutputFiles.writeText(labels, w -> result.labelTable(comment).write(w, comment));
        }
        spec.commandLine().getOut().print(CalibrationReport.text(result));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
