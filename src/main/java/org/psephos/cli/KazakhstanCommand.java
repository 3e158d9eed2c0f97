package org.psephos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.psephos.cases.kazakhstan.KazakhstanCase;
import org.psephos.cases.kazakhstan.KazakhstanReport;
import org.psephos.scenarios.ScenarioResult;
import org.psephos.scenarios.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psephos kazakhstan --out DIR}: the Kazakhstan case study ({@link KazakhstanCase}) written by
 * {@link KazakhstanReport}. No statistics here.
 */
@Command(name = "kazakhstan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "The Kazakhstan case study: the law (the winner's share on three bases, turnout rules), the",
            "presidential history with a predictive check of 2019 and 2022, a synthetic Kazakhstan calibrated",
            "region by region (2019, 2022, referendums 2022 and 2024), the referendums' rules, election-day",
            "turnout by region, observers' counts, the scenarios of DATASET/scenarios/ (fraud to the reported",
            "share, no-runoff fraud, referendum turnout and regional rules, detection power, observer sample",
            "sizes) and their sensitivity to the station-level assumptions. Writes results.json, CSV tables,",
            "PNG/SVG charts and report.html into DIR. With --engine spark the scenarios' tasks run on Apache",
            "Spark (same results)."},
        footer = {"", "Example: psephos kazakhstan --out kz-report"})
final class KazakhstanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path out;

    @Option(names = "--dataset", paramLabel = "DIR", defaultValue = "datasets/kazakhstan",
            description = "The Kazakhstan dataset directory (default: ${DEFAULT-VALUE}).")
    Path dataset;

    @Mixin
    ThreadsOption threads;

    @Mixin
    RunOptions run = new RunOptions(ScenarioRunner.BLOCK);

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        int t = threads.resolve();
        run.check("kazakhstan");
        // The outputs include exit_polls.csv, a name the dataset also uses: never write into the dataset.
        OutputFiles.requireNotInput(java.util.List.of(dataset), out);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UsageException("cannot create " + out + " (" + (Files.exists(out) ? "a file of that name exists"
                    : org.psephos.data.AtomicFiles.reason(e)) + ")", e);
        }
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        KazakhstanCase.Result r = run.engine.withScenarioEngine(t, e -> KazakhstanCase.run(dataset, e, run.blockSize,
                label -> quiet.bar(err, label), ProgressBar::close));
        KazakhstanReport.write(r, out);
        PrintWriter o = spec.commandLine().getOut();
        for (ScenarioResult s : r.scenarios()) {
            ScenariosCommand.print(o, s);
        }
        ScenarioResult.Precision p = r.precision();
        o.printf(Locale.ROOT, "largest Monte Carlo error: %.3f points (share or turnout), %.4f (probability or "
                + "power)%n", 100 * p.shareOrTurnout(), p.probability());
        o.printf(Locale.ROOT, "wrote %s (report.html, results.json, CSV tables, PNG/SVG charts)%n", out);
        if (!quiet.quiet) {
            err.printf(Locale.ROOT, "psephos kazakhstan: %.1f s on %s%n", (System.nanoTime() - t0) / 1e9,
                    run.engine.spark() ? "Spark" : t + " threads");
        }
        return Main.OK;
    }
}
