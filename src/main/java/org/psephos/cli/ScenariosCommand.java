package org.psephos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.psephos.scenarios.ScenarioFiles;
import org.psephos.scenarios.ScenarioJson;
import org.psephos.scenarios.ScenarioResult;
import org.psephos.scenarios.ScenarioRunner;
import org.psephos.scenarios.ScenarioSpec;
import org.psephos.report.ScenarioReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code psephos scenarios FILE}: reads a scenario file ({@link ScenarioFiles}), runs it ({@link ScenarioRunner})
 * and prints the answers; {@code --json} writes every point. No statistics here.
 */
@Command(name = "scenarios",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Runs a scenario file: an electorate, fraud families swept over an intensity, and the questions asked",
            "(runoff, turnout and leader-share probabilities; the intensity reaching a reported share; the smallest",
            "fraud that avoids a runoff). Works for any country; see datasets/kazakhstan/scenarios/ for examples.",
            "The same --seed gives byte-identical JSON for any --threads, --block-size and --engine."},
        footer = {"", "Example: psephos scenarios datasets/kazakhstan/scenarios/a-fraud-to-reported.json "
                + "--json a.json",
            "On Spark: spark-submit --class org.psephos.cli.Main --master local[2] psephos.jar scenarios FILE "
                + "--engine spark --json a.json"})
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (JSON).")
    Path file;

    @Option(names = "--seed", paramLabel = "S", description = "Run seed (default: the file's).")
    Long seed;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--replicates", paramLabel = "R", description = "Replicates per point (default: the file's).")
    Integer replicates;

    @Mixin
    RunOptions run = new RunOptions(ScenarioRunner.BLOCK);

    @Option(names = "--json", paramLabel = "FILE", description = "Write every point and answer as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write a self-contained HTML report: the answers, the curves and every simulated point.")
    Path report;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        int t = threads.resolve();
        if (replicates != null && replicates < 1) {
            throw new UsageException("--replicates is not positive: " + replicates);
        }
        run.check("scenarios");
        OutputFiles.requireNotInput(java.util.List.of(file), json, report);
        ScenarioSpec s = override(ScenarioFiles.read(file), seed, replicates);
        ScenarioResult result = quiet.run(spec.commandLine().getErr(), s.name(),
                progress -> run.engine.withScenarioEngine(t, e -> ScenarioRunner.run(s, e, run.blockSize, progress)));
        if (json != null) {
            String doc = ScenarioJson.write(result);
            OutputFiles.writeText(json, w -> w.write(doc));
        }
        if (report != null) {
            ScenarioReport.html(result).write(report);
        }
        print(spec.commandLine().getOut(), result);
        return Main.OK;
    }

    static ScenarioSpec override(ScenarioSpec s, Long seed, Integer replicates) {
        return s.with(seed == null ? s.seed() : seed, replicates == null ? s.replicates() : replicates);
    }

    static void print(PrintWriter out, ScenarioResult r) {
        out.printf(Locale.ROOT, "%s: %d stations, %d replicates per point, seed %d%n", r.name(), r.stations(),
                r.replicates(), r.seed());
        for (ScenarioResult.Solution s : r.solutions()) {
            String what = s.target().target() == org.psephos.scenarios.ScenarioSpec.Target.LEADER_SHARE ? "leader"
                    : "clean turnout";
            if (s.reached()) {
                out.printf(Locale.ROOT, "  %s (clean %.2f%%): %s %.2f%% at %.4f +- %.4f [%.4f, %.4f]; turnout "
                                + "%.2f%% [%.2f, %.2f] +- %.2f%n", s.family(), 100 * s.cleanShare(), what,
                        100 * s.target().value(), s.intensity(), s.intensityError(), s.intensityLow(),
                        s.intensityHigh(), 100 * s.turnout(), 100 * s.turnoutLow(), 100 * s.turnoutHigh(),
                        100 * s.turnoutError());
            } else {
                out.printf(Locale.ROOT, "  %s (clean %.2f%%): %s %.2f%% not reached within the swept values%n",
                        s.family(), 100 * s.cleanShare(), what, 100 * s.target().value());
            }
        }
        for (ScenarioResult.Minimum m : r.minima()) {
            String rule = m.rule().equals("NO_RUNOFF") ? "P(no runoff, " + m.base()
                    + (m.againstAll().isEmpty() ? "" : ", against all " + m.againstAll()) + ")"
                    : "P(regional majority)";
            if (m.reached()) {
                out.printf(Locale.ROOT, "  %s (clean %.2f%%): %s >= %.2f from %.4f%s; turnout %.2f%%%n",
                        m.family(), 100 * m.cleanShare(), rule, m.probability(), m.intensity(),
                        Double.isFinite(m.bracketLow()) ? String.format(Locale.ROOT, " (above %.4f)", m.bracketLow())
                                : Double.isFinite(m.intensityError()) ? String.format(Locale.ROOT, " +- %.4f",
                                m.intensityError()) : "", 100 * m.turnout());
            } else {
                out.printf(Locale.ROOT, "  %s (clean %.2f%%): %s >= %.2f not reached%n", m.family(),
                        100 * m.cleanShare(), rule, m.probability());
            }
        }
        if (r.solutions().isEmpty() && r.minima().isEmpty()) {
            for (ScenarioResult.Point p : r.points()) {
                out.printf(Locale.ROOT, "  %s %.4f (clean %.2f%%): leader %.2f%%, turnout %.2f%%, P(runoff) %.3f%n",
                        p.family(), p.intensity(), 100 * p.cleanShare(), 100 * p.leaderShare().mean(),
                        100 * p.turnout().mean(), p.pRunoff());
            }
        }
        if (r.observer() != null) {
            for (org.psephos.scenarios.ObserverSampling.SampleSize z : r.observer().sizes()) {
                out.printf(Locale.ROOT, "  observers: %.0f-point turnout inflation needs %d stations (Monte Carlo "
                        + "power %.3f, level %.3f)%n", z.k(), z.n(), z.powerMc(), z.levelMc());
            }
        }
        for (org.psephos.estimation.PowerResult pr : r.powerResults()) {
            for (org.psephos.estimation.PowerResult.Point p : pr.points()) {
                StringBuilder line = new StringBuilder("  power, " + pr.fraud() + " " + p.values() + ":");
                for (org.psephos.estimation.PowerResult.TestPower t : p.tests()) {
                    line.append(String.format(Locale.ROOT, " %s %.2f", t.test(), t.power()));
                }
                out.println(line);
            }
        }
    }
}
