package org.psephos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psephos.data.Election;
import org.psephos.data.ElectionCsv;
import org.psephos.data.UnitFilter;
import org.psephos.estimation.FraudSpec;
import org.psephos.estimation.PowerAnalysis;
import org.psephos.estimation.PowerResult;
import org.psephos.report.PowerReport;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;
import org.psephos.spark.SparkPowerRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psephos power}: parses the electorate, the fraud model and its grid, and delegates to
 * {@link PowerAnalysis}; prints the table and writes JSON, CSV and a chart ({@link PowerReport}).
 */
@Command(name = "power",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Detection power: simulates R elections at every point of a grid of a fraud model's parameters, runs the",
            "chosen tests and estimators on each, and reports the share detected at the stated false-positive rate",
            "(threshold calibrated on R clean elections; the tests' own flag rules are reported too) with the bias",
            "and sd of the estimators. The same --seed gives the same result for any --threads."},
        footer = {"", "Example: psephos power --fraud klimek --grid incremental=0:0.3:7 --grid extreme=0:0.02:5 "
                + "--tests Shpilkin,FraudMixture --replicates 200 --seed 1 --chart power.png",
            "", Main.EXIT_CODES})
final class PowerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--fraud", paramLabel = "MODEL", defaultValue = "klimek",
            description = "Fraud model: klimek, ballot-stuffing, vote-switching, carousel-voting, "
                    + "invalidated-opposition, inflated-register, invented-results, invented-digits (default ${DEFAULT-VALUE}).")
    String fraud;

    @Option(names = "--grid", required = true, paramLabel = "PARAM=FROM:TO:COUNT",
            description = "A grid axis (once or twice): COUNT evenly spaced values, or PARAM=V1,V2,...")
    List<String> grid;

    @Option(names = "--set", paramLabel = "PARAM=VALUE", description = "A fixed parameter of the fraud model "
            + "(klimek: theta 0.4, alpha 2; ballot-stuffing: share 0.5; vote-switching: share 0.3; ...).")
    List<String> set = new ArrayList<>();

    @Option(names = "--units", paramLabel = "N", defaultValue = "10000",
            description = "Units per election (default ${DEFAULT-VALUE}; with --sizes-from, the file's units).")
    int units;

    @Option(names = "--size", paramLabel = "MIN:MAX", defaultValue = "500:1500",
            description = "Registered voters per unit ~ uniform (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--sizes-from", paramLabel = "FILE", description = "Take the units' registered voters from a "
            + "results file read with the column mapping options (--registered, --ballots, --candidate, ...).")
    Path sizesFrom;

    @Mixin
    MappingOptions mapping;

    @Option(names = "--turnout", paramLabel = "MEAN:SD", defaultValue = "0.5:0.1",
            description = "Clean turnout ~ Normal(MEAN, SD) truncated to [0, 1] (default ${DEFAULT-VALUE}).")
    String turnout;

    @Option(names = "--share", paramLabel = "MEAN:SD", defaultValue = "0.55:0.08",
            description = "Clean leader support ~ Normal(MEAN, SD) (default ${DEFAULT-VALUE}).")
    String share;

    @Option(names = "--tests", split = ",", paramLabel = "ID", defaultValue = "Shpilkin,FraudMixture,Sobyanin",
            description = "Tests and estimators to run (default ${DEFAULT-VALUE}); Verdict scores the election-level "
                    + "verdict of analyze (the default battery under calibrated nulls, --test-replicates null "
                    + "replicates; costly: one battery per election).")
    List<String> tests;

    @Option(names = "--fpr", paramLabel = "ALPHA", defaultValue = "0.05",
            description = "False-positive rate of the calibrated thresholds (default ${DEFAULT-VALUE}).")
    double fpr;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "200",
            description = "Elections per grid point and clean elections (default ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--test-replicates", paramLabel = "B", defaultValue = "100",
            description = "Bootstrap/redraw replicates inside each test run (default ${DEFAULT-VALUE}).")
    int testReplicates;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Run seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Mixin
    RunOptions run = new RunOptions(PowerAnalysis.BLOCK);

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write one row per grid point and test as CSV.")
    Path csv;

    @Option(names = "--chart", paramLabel = "FILE", description = "Write the power curves (.png, else SVG).")
    Path chart;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write a self-contained HTML report: calibration, power curves and every grid point.")
    Path report;

    @Mixin
    QuietOption quiet;

    @Mixin
    ConventionsOption conventions;

    @Override
    public Integer call() {
        if (sizesFrom != null) {
            OutputFiles.requireNotInput(List.of(sizesFrom), json, csv, chart, report);
        }
        PowerAnalysis analysis;
        int t = threads.resolve();
        run.check("power");
        try {
            Map<String, Double> fixed = new LinkedHashMap<>();
            for (String s : set) {
                String[] kv = s.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("--set is not PARAM=VALUE: " + s);
                }
                fixed.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            }
            List<PowerAnalysis.Axis> axes = grid.stream().map(PowerAnalysis.Axis::parse).toList();
            analysis = PowerAnalysis.of(electorate(), new FraudSpec(fraud, fixed), axes,
                    tests.stream().map(String::trim).filter(x -> !x.isEmpty()).toList())
                    .withReplicates(replicates).withSeed(seed).withFalsePositiveRate(fpr)
                    .withTestReplicates(testReplicates).withConventions(conventions.resolve());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        PowerResult result;
        if (run.engine.spark()) {
            result = SparkPowerRunner.run(analysis, run.engine.master, run.blockSize);
        } else {
            PowerAnalysis planned = analysis;
            result = quiet.run(spec.commandLine().getErr(), "power", progress -> planned.run(t, run.blockSize, progress));
        }
        if (json != null) {
            OutputFiles.writeJson(json, result);
        }
        if (csv != null) {
            PowerReport.writeCsv(result, csv);
        }
        if (chart != null) {
            PowerReport.writeChart(result, chart);
        }
        if (report != null) {
            PowerReport.html(result).write(report);
        }
        spec.commandLine().getOut().print(PowerReport.text(result));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    private ElectorateModel electorate() {
        double[] tv = ColonNumbers.parse("--turnout", turnout, 2, 2);
        double[] sv = ColonNumbers.parse("--share", share, 2, 2);
        SizeDistribution sizes;
        int n = units;
        if (sizesFrom != null) {
            Election e = ElectionCsv.load(sizesFrom, mapping.mapping(), mapping.charset()).election();
            int[] reg = UnitFilter.standard().apply(e).election().registeredColumn();
            sizes = new SizeDistribution.Listed(reg);
            n = reg.length;
        } else {
            int[] mm = ColonNumbers.wholePair("--size", size);
            sizes = new SizeDistribution.Uniform(mm[0], mm[1]);
        }
        if (n < 1) {
            throw new IllegalArgumentException("--units is not positive: " + n);
        }
        return ElectorateModel.of(n, sizes, ProportionDistribution.normal(tv[0], tv[1]),
                ProportionDistribution.normal(sv[0], sv[1]));
    }
}
