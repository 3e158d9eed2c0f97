package org.psephos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.psephos.data.Election;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.ReplicateDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SimulationResult;
import org.psephos.simulation.SimulationSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psephos simulate}: parses the model from options, runs {@link MonteCarloEngine} and writes the summary
 * (stdout, {@code --json}) and the first replicate's units ({@code --out}). No statistics here. The electorate's options
 * are in {@link ElectorateOptions}, the fraud options in {@link FraudOptions}.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Simulates elections: synthetic units, clean turnout and support, optional fraud models.",
            "%nA synthetic electorate with clean turnout and leader support per unit (Klimek et al. 2012) and "
                    + "exact binomial counts, optional fraud models, R seeded replicates. Prints the national "
                    + "summary; --out writes the first replicate's units with their true fraud class, --json the "
                    + "summary over replicates. The same --seed gives byte-identical output for any --threads.%n"},
        footer = {"", "Example: psephos simulate --units 10000 --seed 42 --incremental 0.1 --extreme 0.01 --json s.json",
            "",
            "Clean heterogeneity (the calibration scenarios): regional centres --regions 40 --region-sd 0.4; "
                    + "small units voting more --size-lognormal 6.5:0.7 --size-effect -0.3; an urban and a rural "
                    + "population --urban 0.4:-0.6:-0.5:2. Use --distribution logit-normal to keep every "
                    + "spread on the logit scale."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--units", required = true, paramLabel = "N", description = "Number of units (polling stations).")
    int units;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ElectorateOptions.Sizes sizes = new ElectorateOptions.Sizes();

    @Mixin
    ElectorateOptions electorate;

    @Mixin
    FraudOptions fraud;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Run seed (required).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "1000",
            description = "Replicates (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the first replicate's units.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the summary over replicates as JSON.")
    Path json;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        Path sizesFile = sizes == null ? null : sizes.file;
        if (sizesFile != null) {
            OutputFiles.requireNotInput(List.of(sizesFile), out, json);
        }
        SimulationModel model = model();
        int t = threads.resolve();
        if (replicates < 1) {
            throw new UsageException("--replicates is not positive: " + replicates);
        }
        SimulationResult result = quiet.run(spec.commandLine().getErr(), "simulating", progress ->
                MonteCarloEngine.run(model, seed, t, replicates, out == null
                        ? MonteCarloEngine.UnitOutput.NONE : MonteCarloEngine.UnitOutput.FIRST_REPLICATE, progress));
        SimulationSummary s = result.summary();
        List<String> names = optionNames(model.electorate().options());
        if (out != null) {
            Election units = result.units().orElseThrow();
            OutputFiles.writeText(out, w -> UnitsCsv.write(units, w));
        }
        if (json != null) {
            OutputFiles.writeJson(json, SimulationJson.of(s, names, sizesFile == null ? null : sizesFile.toString()));
        }
        printSummary(spec.commandLine().getOut(), s, names);
        return Main.OK;
    }

    private static List<String> optionNames(int k) {
        List<String> names = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            names.add(i == 0 ? "leader" : "option" + (i + 1));
        }
        return names;
    }

    private static void printSummary(PrintWriter w, SimulationSummary s, List<String> names) {
        w.printf(Locale.ROOT, "%d replicates, seed %d: mean [2.5%%, 97.5%%]%n", s.replicates().size(), s.seed());
        line(w, "turnout", s.turnout());
        line(w, "leader_share", s.leaderShare());
        line(w, "margin", s.margin());
        for (int k = 1; k < names.size(); k++) {
            line(w, names.get(k), s.shares().get(k));
        }
        w.printf(Locale.ROOT, "%-16s %.4f%n", "runoff_prob", s.runoffProbability());
        w.printf(Locale.ROOT, "%-16s %.4f%n", "low_turnout_prob", s.lowTurnoutProbability());
    }

    private static void line(PrintWriter w, String name, ReplicateDistribution d) {
        w.printf(Locale.ROOT, "%-16s %.4f [%.4f, %.4f]%n", name, d.mean(), d.q025(), d.q975());
    }

    /** Builds the model from the options, turning invalid values into usage errors. */
    SimulationModel model() {
        try {
            return fraud.addTo(SimulationModel.clean(electorate.electorate(units, sizes, spec.commandLine().getErr())));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
