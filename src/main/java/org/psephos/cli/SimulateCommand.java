package org.psephos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.psephos.data.ColumnMapping;
import org.psephos.data.DataException;
import org.psephos.data.Election;
import org.psephos.data.ElectionCsv;
import org.psephos.data.LoadReport;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Heterogeneity;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.ReplicateDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SimulationResult;
import org.psephos.simulation.SimulationSummary;
import org.psephos.simulation.SizeDistribution;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psephos simulate}: parses the model from options, runs {@link MonteCarloEngine} and writes the summary
 * (stdout, {@code --json}) and the first replicate's units ({@code --out}). No statistics here.
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
    Sizes sizes = new Sizes();

    /** The mutually exclusive ways to size units. */
    static final class Sizes {
        @Option(names = "--size", paramLabel = "MIN:MAX",
                description = "Registered voters per unit ~ uniform on MIN..MAX (default 500:2000).")
        String uniform;

        @Option(names = "--size-lognormal", paramLabel = "MU:SIGMA",
                description = "Registered voters per unit ~ round(exp(N(MU, SIGMA))).")
        String logNormal;

        @Option(names = "--sizes-from", paramLabel = "FILE",
                description = "Registered voters per unit from a CSV column (see --sizes-column), recycled in order.")
        Path file;
    }

    @Option(names = "--sizes-column", paramLabel = "COL", defaultValue = "registered",
            description = "Column of --sizes-from holding registered voters: a header name, #N or a sum A+B "
                    + "(default: ${DEFAULT-VALUE}). Units whose count is missing or zero are skipped and counted.")
    String sizesColumn;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Encoding of --sizes-from, e.g. windows-1251 (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--thousands", paramLabel = "SEP",
            description = "Thousands separator of --sizes-from's counts: . , or space (default: none).")
    String thousands;

    @Option(names = "--regions", paramLabel = "K", defaultValue = "1",
            description = "Number of regions, contiguous runs of units (default: ${DEFAULT-VALUE}).")
    int regions;

    @Option(names = "--region-sd", paramLabel = "T[:S]", defaultValue = "0",
            description = "Sd of regional turnout (T) and support (S, default T) centres on the logit scale, "
                    + "drawn afresh in every replicate (default: 0; e.g. 0.4 for realistic regional "
                    + "heterogeneity).")
    String regionSd;

    @Option(names = "--size-effect", paramLabel = "T[:S]",
            description = "Logit change of turnout (T) and support (S, default 0) per unit of ln(registered), "
                    + "around the mean log size: T < 0 makes small (rural) units vote more, as in many clean "
                    + "elections (e.g. -0.3). Default: none.")
    String sizeEffect;

    @Option(names = "--urban", paramLabel = "F:T:S[:SIZE]",
            description = "Two populations: each unit is urban with probability F (the same units in every "
                    + "replicate), with logit turnout and support shifted by T and S and SIZE times the registered "
                    + "voters (default 1); --turnout and --share then give the rural centres. --out gets a "
                    + "'settlement' column (rural, urban). Default: none.")
    String urban;

    @Option(names = "--turnout", paramLabel = "MEAN:SD", defaultValue = "0.7:0.1",
            description = "Clean turnout per unit (default: ${DEFAULT-VALUE}).")
    String turnout;

    @Option(names = "--share", paramLabel = "MEAN:SD", defaultValue = "0.6:0.1",
            description = "Clean leader support per unit, of valid votes (default: ${DEFAULT-VALUE}).")
    String share;

    @Option(names = "--distribution", paramLabel = "SHAPE", defaultValue = "normal",
            description = "normal (truncated to [0,1]), logit-normal (MEAN = median, SD on the logit scale) "
                    + "or beta (default: ${DEFAULT-VALUE}).")
    String distribution;

    @Option(names = "--options", paramLabel = "K", defaultValue = "2",
            description = "Number of options, the leader first (default: ${DEFAULT-VALUE}).")
    int options;

    @Option(names = "--concentration", paramLabel = "C", defaultValue = "20",
            description = "Dirichlet concentration of the other options' split (default: ${DEFAULT-VALUE}).")
    double concentration;

    @Option(names = "--invalid", paramLabel = "RATE", defaultValue = "0",
            description = "Probability that a ballot is invalid (default: ${DEFAULT-VALUE}).")
    double invalid;

    @Option(names = "--incremental", paramLabel = "F_I", defaultValue = "0",
            description = "Klimek incremental fraud: share of units (default: ${DEFAULT-VALUE}).")
    double incremental;

    @Option(names = "--theta", paramLabel = "THETA", defaultValue = "0.4",
            description = "Klimek incremental intensity x = |N(0, THETA)| (default: ${DEFAULT-VALUE}).")
    double theta;

    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "2",
            description = "Klimek stealing exponent: stolen ~ Bin(opposition, x^ALPHA) (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--extreme", paramLabel = "F_E", defaultValue = "0",
            description = "Klimek extreme fraud: share of units, x = 1 - |N(0, 0.075)| (default: ${DEFAULT-VALUE}).")
    double extreme;

    @Option(names = "--stuffing", paramLabel = "FRACTION:SHARE",
            description = "Ballot stuffing of SHARE of non-voters in FRACTION of units.")
    String stuffing;

    @Option(names = "--switching", paramLabel = "FRACTION:SHARE",
            description = "Vote switching of SHARE of other options' votes to the leader in FRACTION of units.")
    String switching;

    @Option(names = "--carousel", paramLabel = "FRACTION:RATE",
            description = "Carousel voting: RATE repeat ballots per voter for the leader in FRACTION of units.")
    String carousel;

    @Option(names = "--invalidated", paramLabel = "FRACTION:SHARE",
            description = "SHARE of other options' ballots declared invalid in FRACTION of units.")
    String invalidated;

    @Option(names = "--inflated", paramLabel = "FRACTION:RATE:TURNOUT",
            description = "Inflated register: RATE phantoms per voter, TURNOUT of them vote for the leader.")
    String inflated;

    @Option(names = "--invented", paramLabel = "FRACTION",
            description = "Invented results rounded up to whole percentages in FRACTION of units.")
    Double invented;

    @Option(names = "--invented-digits", paramLabel = "FRACTION",
            description = "Invented digits: in FRACTION of units every digit of the leader's count after the first is "
                    + "redrawn with human preferences (0 and 5 favoured), the ballots moving with it.")
    Double inventedDigits;

    @Option(names = "--invented-target", paramLabel = "WHAT", defaultValue = "both",
            description = "turnout, share or both (default: ${DEFAULT-VALUE}).")
    String inventedTarget;

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
        if (sizes != null && sizes.file != null) {
            OutputFiles.requireNotInput(List.of(sizes.file), out, json);
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
            OutputFiles.writeJson(json, SimulationJson.of(s, names, sizes.file == null ? null : sizes.file.toString()));
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
            ProportionDistribution.Shape shape = ProportionDistribution.Shape.parse(distribution);
            double[] t = ColonNumbers.parse("--turnout", turnout, 2, 2);
            double[] v = ColonNumbers.parse("--share", share, 2, 2);
            double[] rs = ColonNumbers.parse("--region-sd", regionSd, 1, 2);
            ElectorateModel e = new ElectorateModel(units, sizeDistribution(), regions, rs[0],
                    rs.length > 1 ? rs[1] : rs[0],
                    option("--turnout", () -> new ProportionDistribution(shape, t[0], t[1])),
                    option("--share", () -> new ProportionDistribution(shape, v[0], v[1])),
                    options, concentration, invalid, heterogeneity());
            SimulationModel m = SimulationModel.clean(e);
            if (incremental > 0 || extreme > 0) {
                m = m.with(FraudModel.Klimek.of(incremental, theta, alpha, extreme));
            }
            m = withFraud(m, "--stuffing", stuffing, 2, p -> new FraudModel.BallotStuffing(p[0], p[1]));
            m = withFraud(m, "--switching", switching, 2, p -> new FraudModel.VoteSwitching(p[0], p[1]));
            m = withFraud(m, "--carousel", carousel, 2, p -> new FraudModel.CarouselVoting(p[0], p[1]));
            m = withFraud(m, "--invalidated", invalidated, 2, p -> new FraudModel.InvalidatedOpposition(p[0], p[1]));
            m = withFraud(m, "--inflated", inflated, 3, p -> new FraudModel.InflatedRegister(p[0], p[1], p[2]));
            if (invented != null) {
                m = m.with(new FraudModel.InventedResults(invented,
                        FraudModel.InventedResults.Target.parse(inventedTarget)));
            }
            if (inventedDigits != null) {
                m = m.with(new FraudModel.InventedDigits(inventedDigits));
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private Heterogeneity heterogeneity() {
        Heterogeneity h = Heterogeneity.NONE;
        if (sizeEffect != null) {
            double[] p = ColonNumbers.parse("--size-effect", sizeEffect, 1, 2);
            h = option("--size-effect", () -> Heterogeneity.NONE.withSizeEffect(p[0], p.length > 1 ? p[1] : 0));
        }
        if (urban != null) {
            double[] p = ColonNumbers.parse("--urban", urban, 3, 4);
            Heterogeneity base = h;
            h = option("--urban", () -> base.withUrban(p[0], p[1], p[2], p.length > 3 ? p[3] : 1));
        }
        return h;
    }

    /**
     * Adds the fraud model of an option of {@code count} colon-separated numbers, when the option is given.
     *
     * @param m      the model so far
     * @param option the option's name, for the message of a malformed value
     * @param value  the option's value, or null when it is not given
     * @param count  how many numbers the value holds
     * @param make   the fraud model of the numbers
     * @return the model with the fraud, or {@code m}
     */
    private static SimulationModel withFraud(SimulationModel m, String option, String value, int count,
                                             java.util.function.Function<double[], FraudModel> make) {
        return value == null ? m : m.with(make.apply(ColonNumbers.parse(option, value, count, count)));
    }

    /** @return what {@code make} builds, an invalid value reported as a usage error naming {@code option} */
    private static <T> T option(String option, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage(), e);
        }
    }

    private SizeDistribution sizeDistribution() {
        if (sizes == null) {
            sizes = new Sizes();
        }
        if (sizes.file != null) {
            return new SizeDistribution.Listed(sizesFromFile(sizes.file, sizesColumn,
                    MappingOptions.charset(encoding)));
        }
        if (sizes.logNormal != null) {
            double[] p = ColonNumbers.parse("--size-lognormal", sizes.logNormal, 2, 2);
            return new SizeDistribution.LogNormal(p[0], p[1]);
        }
        int[] p = ColonNumbers.wholePair("--size", sizes.uniform == null ? "500:2000" : sizes.uniform);
        return new SizeDistribution.Uniform(p[0], p[1]);
    }

    /**
     * Reads the registered voters of every unit of a results file through the loader (same formats, encodings
     * and located error messages as {@code psephos load}); units with a missing or zero count are skipped and the
     * number skipped is said on standard error.
     */
    private int[] sizesFromFile(Path file, String column, java.nio.charset.Charset charset) {
        LoadReport report;
        try {
            report = ElectionCsv.load(file, ColumnMapping.builder().registered(column).ballots(column)
                    .thousands(MappingOptions.thousands(thousands)).build(), charset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sizes-column: " + e.getMessage(), e);
        }
        Election e = report.election();
        int[] sizes = new int[e.size()];
        int k = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.registered(i) > 0) {
                sizes[k++] = e.registered(i);
            }
        }
        if (k == 0) {
            throw DataException.of("no unit has a positive count of registered voters").file(file)
                    .column(column).fix("Name the registered-voters column with --sizes-column").build();
        }
        if (k < sizes.length) {
            spec.commandLine().getErr().println("psephos: --sizes-from " + file + ": " + (sizes.length - k)
                    + " of " + sizes.length + " units skipped (registered voters missing or zero)");
        }
        return java.util.Arrays.copyOf(sizes, k);
    }
}
