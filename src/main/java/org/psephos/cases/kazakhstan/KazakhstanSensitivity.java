package org.psephos.cases.kazakhstan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.psephos.data.DataException;
import org.psephos.estimation.PowerResult;
import org.psephos.scenarios.ObserverSampling;
import org.psephos.scenarios.ReplicateEstimate;
import org.psephos.scenarios.ScenarioFiles;
import org.psephos.scenarios.ScenarioResult;
import org.psephos.scenarios.ScenarioSpec;

/**
 * The sensitivity of the case study's answers to its station-level assumptions, over a grid: the station sd (of
 * clean turnout and support alike), the log-sd of station size and the regional sd of support take the values of
 * {@code scenarios/sensitivity.json}'s grids (each grid crosses the values it lists, the parameters it leaves out
 * keep their calibrated values, {@link KazakhstanModel.Params#DEFAULT}; the union of the grids' cells is run, each
 * once, the calibrated cell first), the electorates are recalibrated on every cell (every region still reproduces
 * its published turnout), and reduced forms of scenarios a–e, detection power included, are rerun on each as the
 * file says (replicates, families, values, clean shares, tests, observer samples). Each figure is then summarised
 * over the grid: its value on the calibrated cell, its lowest and highest values, and the main effect of each
 * parameter (the range of the figure's mean at each of the parameter's values, the mean taken over the cells with
 * that value; on a full factorial grid the classical main effect). Immutable results.
 *
 * @since 0.1
 */
public final class KazakhstanSensitivity {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The grid parameters, as the sensitivity file names them. */
    public static final List<String> PARAMETERS = List.of("stationSd", "sizeSigma", "regionShareSd");

    private KazakhstanSensitivity() {
    }

    /**
     * One answer on one variant.
     *
     * @param scenario the scenario file's letter
     * @param label    what the figure is
     * @param value    the figure (a proportion for shares, turnouts, intensities and powers; stations for e)
     * @param error    its Monte Carlo standard error (NaN where there is none)
     * @param kind     what kind of figure it is (which precision bound applies)
     */
    public record Figure(String scenario, String label, double value, double error, Kind kind) {
    }

    /** The kinds of figure: fraud intensity, share or turnout, probability or power, other (e.g. a count). */
    public enum Kind {
        /** a fraud intensity */
        INTENSITY,
        /** a share or turnout (proportion) */
        SHARE,
        /** a probability or power */
        PROBABILITY,
        /** anything else */
        OTHER
    }

    /**
     * One cell of the grid.
     *
     * @param calibrated whether it is the calibrated cell
     * @param params     the station-level parameters of the cell
     * @param residual   modelled − official national turnout of the 2022 calibration
     * @param regionalDifference the largest |modelled − published| regional turnout of the cell's calibrations,
     *                   percentage points
     * @param figures    its answers
     */
    public record Variant(boolean calibrated, KazakhstanModel.Params params, double residual,
                          double regionalDifference, List<Figure> figures) {
        /** Copies the list. */
        public Variant {
            figures = List.copyOf(figures);
        }

        /**
         * @param parameter one of {@link #PARAMETERS}
         * @return the cell's value of it
         */
        public double value(String parameter) {
            return KazakhstanSensitivity.value(params, parameter);
        }

        /**
         * @param scenario the scenario's letter
         * @param label    what the figure is
         * @return the cell's figure of that label, or null if the cell has none
         */
        public Figure figure(String scenario, String label) {
            return figures.stream().filter(f -> f.scenario().equals(scenario) && f.label().equals(label)).findFirst()
                    .orElse(null);
        }
    }

    /**
     * One figure over the grid.
     *
     * @param scenario    the scenario's letter
     * @param label       what the figure is
     * @param kind        its kind
     * @param calibrated  its value on the calibrated cell
     * @param calibratedError that value's Monte Carlo error (NaN where there is none)
     * @param lowest      its lowest value over the cells
     * @param lowestAt    the index of the cell where it is lowest (first such)
     * @param highest     its highest value
     * @param highestAt   the index of the cell where it is highest
     * @param effects     per parameter of {@link #PARAMETERS} that the grid varies, the main effect: the range of
     *                    the figure's mean at each of the parameter's values
     * @param largestError the largest Monte Carlo error of the figure over the cells (NaN where there is none)
     */
    public record Summary(String scenario, String label, Kind kind, double calibrated, double calibratedError,
                          double lowest, int lowestAt, double highest, int highestAt, Map<String, Double> effects,
                          double largestError) {
        /** Copies the map. */
        public Summary {
            effects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(effects));
        }
    }

    /**
     * @param description the sensitivity file's description
     * @param values      per parameter of {@link #PARAMETERS}, the values the grids give it (increasing; the
     *                    calibrated value alone where no grid varies it)
     * @param variants    the cells, the calibrated one first
     * @param summaries   every figure over the grid, in the order of the calibrated cell's figures
     * @param precision   the largest Monte Carlo errors of the figures reported (shares and probabilities; the
     *                    intensities carry their own errors)
     */
    public record Result(String description, Map<String, List<Double>> values, List<Variant> variants,
                         List<Summary> summaries, ScenarioResult.Precision precision) {
        /** Copies the lists. */
        public Result {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            variants = List.copyOf(variants);
            summaries = List.copyOf(summaries);
        }

        /** @return the parameters the grids vary, in the order of {@link #PARAMETERS} */
        public List<String> varied() {
            return PARAMETERS.stream().filter(p -> values.get(p).size() > 1).toList();
        }
    }

    /** One run of the file: a scenario file and its reductions. */
    private record Run(String file, JsonNode reduce) {
    }

    /**
     * @param params    the station-level parameters
     * @param parameter one of {@link #PARAMETERS}
     * @return the parameter's value
     */
    static double value(KazakhstanModel.Params params, String parameter) {
        return switch (parameter) {
            case "stationSd" -> params.stationTurnoutSd();
            case "sizeSigma" -> params.sizeSigma();
            case "regionShareSd" -> params.regionShareSd();
            default -> throw new IllegalArgumentException("not a grid parameter: " + parameter);
        };
    }

    /** @return the calibrated parameters with one grid parameter set to a value */
    private static KazakhstanModel.Params with(KazakhstanModel.Params p, String parameter, double x) {
        return switch (parameter) {
            case "stationSd" -> new KazakhstanModel.Params(p.sizeSigma(), x, x, p.regionShareSd());
            case "sizeSigma" -> new KazakhstanModel.Params(x, p.stationTurnoutSd(), p.stationShareSd(),
                    p.regionShareSd());
            default -> new KazakhstanModel.Params(p.sizeSigma(), p.stationTurnoutSd(), p.stationShareSd(), x);
        };
    }

    /**
     * The cells of the file's grids, the calibrated cell first, each once.
     *
     * @param root the sensitivity file
     * @param file its path, for errors
     * @return the cells
     */
    static List<KazakhstanModel.Params> cells(JsonNode root, Path file) {
        KazakhstanModel.Params base = KazakhstanModel.Params.DEFAULT;
        JsonNode grids = root.path("grids");
        if (!grids.isArray() || grids.isEmpty()) {
            throw DataException.of("the sensitivity file lacks a non-empty list of grids").file(file).column("grids")
                    .build();
        }
        java.util.LinkedHashSet<KazakhstanModel.Params> out = new java.util.LinkedHashSet<>();
        out.add(base);
        for (int g = 0; g < grids.size(); g++) {
            JsonNode grid = grids.get(g);
            for (Iterator<String> it = grid.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (!PARAMETERS.contains(key)) {
                    throw DataException.of("not a grid parameter (use " + String.join(", ", PARAMETERS) + ")")
                            .file(file).column("grids[" + g + "]." + key).build();
                }
            }
            List<KazakhstanModel.Params> cells = List.of(base);
            for (String key : PARAMETERS) {
                JsonNode values = grid.path(key);
                if (values.isMissingNode()) {
                    continue;
                }
                if (!values.isArray() || values.isEmpty()) {
                    throw DataException.of("the grid's values are not a non-empty list").file(file)
                            .column("grids[" + g + "]." + key).build();
                }
                List<KazakhstanModel.Params> next = new ArrayList<>();
                for (KazakhstanModel.Params c : cells) {
                    for (JsonNode v : values) {
                        try {
                            if (!v.isNumber()) {
                                throw new IllegalArgumentException("a grid value is not a number");
                            }
                            next.add(with(c, key, v.asDouble()));
                        } catch (IllegalArgumentException e) {
                            throw DataException.of(e.getMessage()).file(file).column("grids[" + g + "]." + key)
                                    .value(v.asText()).build();
                        }
                    }
                }
                cells = next;
            }
            out.addAll(cells);
        }
        return new ArrayList<>(out);
    }

    /**
     * @param dataset the dataset directory (with {@code scenarios/sensitivity.json})
     * @param data    the dataset's files
     * @param runner  runs a scenario (with progress) on the engine
     * @return the sensitivity
     * @throws DataException naming the file and field if the sensitivity file is malformed
     */
    static Result run(Path dataset, KazakhstanModel.Dataset data, Function<ScenarioSpec, ScenarioResult> runner) {
        Path file = dataset.resolve("scenarios").resolve("sensitivity.json");
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw DataException.of("cannot read the sensitivity file (" + e.getMessage() + ")").file(file).cause(e)
                    .build();
        }
        List<KazakhstanModel.Params> params = cells(root, file);
        List<Run> runs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("runs").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> en = it.next();
            runs.add(new Run(en.getKey(), en.getValue()));
        }
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            KazakhstanModel.Params p = params.get(i);
            Map<String, KazakhstanModel.Calibration> cal = new LinkedHashMap<>();
            BiFunction<Path, String, KazakhstanModel.Calibration> calibrations = (dir, election) ->
                    cal.computeIfAbsent(election, e -> KazakhstanModel.calibrate(data, e, p));
            List<Figure> figures = new ArrayList<>();
            for (Run run : runs) {
                ScenarioSpec spec = reduce(ScenarioFiles.read(dataset.resolve("scenarios").resolve(run.file()),
                        KazakhstanPresets.of(calibrations)), run.reduce(), file, run.file());
                figures.addAll(figures(run.file().substring(0, 1), runner.apply(spec)));
            }
            double residual = calibrations.apply(dataset, "kz-2022-presidential").residual();
            out.add(new Variant(i == 0, p, residual, cal.values().stream()
                    .mapToDouble(KazakhstanModel.Calibration::largestRegionalDifference).max().orElse(0), figures));
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String key : PARAMETERS) {
            values.put(key, params.stream().map(x -> value(x, key)).distinct().sorted().toList());
        }
        double share = 0;
        double prob = 0;
        for (Variant v : out) {
            for (Figure f : v.figures()) {
                if (Double.isFinite(f.error()) && f.kind() == Kind.SHARE) {
                    share = Math.max(share, f.error());
                } else if (Double.isFinite(f.error()) && f.kind() == Kind.PROBABILITY) {
                    prob = Math.max(prob, f.error());
                }
            }
        }
        return new Result(root.path("description").asText(""), values, out, summaries(out, values),
                new ScenarioResult.Precision(share, prob));
    }

    /** Every figure of the calibrated cell over the grid: its range and the main effect of each varied parameter. */
    static List<Summary> summaries(List<Variant> variants, Map<String, List<Double>> values) {
        List<Summary> out = new ArrayList<>();
        for (Figure f : variants.get(0).figures()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int loAt = -1;
            int hiAt = -1;
            double err = Double.NaN;
            for (int i = 0; i < variants.size(); i++) {
                Figure g = variants.get(i).figure(f.scenario(), f.label());
                if (g == null || !Double.isFinite(g.value())) {
                    continue;
                }
                if (g.value() < lo) {
                    lo = g.value();
                    loAt = i;
                }
                if (g.value() > hi) {
                    hi = g.value();
                    hiAt = i;
                }
                if (Double.isFinite(g.error())) {
                    err = Double.isNaN(err) ? g.error() : Math.max(err, g.error());
                }
            }
            Map<String, Double> effects = new LinkedHashMap<>();
            for (String key : PARAMETERS) {
                if (values.get(key).size() < 2) {
                    continue;
                }
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double x : values.get(key)) {
                    double sum = 0;
                    int n = 0;
                    for (Variant v : variants) {
                        Figure g = v.figure(f.scenario(), f.label());
                        if (v.value(key) == x && g != null && Double.isFinite(g.value())) {
                            sum += g.value();
                            n++;
                        }
                    }
                    if (n > 0) {
                        min = Math.min(min, sum / n);
                        max = Math.max(max, sum / n);
                    }
                }
                effects.put(key, max >= min ? max - min : Double.NaN);
            }
            out.add(new Summary(f.scenario(), f.label(), f.kind(), f.value(), f.error(),
                    loAt < 0 ? Double.NaN : lo, loAt, hiAt < 0 ? Double.NaN : hi, hiAt, effects, err));
        }
        return out;
    }

    /** The answers of a reduced run, by scenario. */
    private static List<Figure> figures(String letter, ScenarioResult r) {
        List<Figure> out = new ArrayList<>();
        for (ScenarioResult.Solution s : r.solutions()) {
            out.add(new Figure(letter, s.family() + ": intensity", s.intensity(), s.intensityError(),
                    Kind.INTENSITY));
            if (s.target().target() == ScenarioSpec.Target.CLEAN_TURNOUT) {
                out.add(new Figure(letter, s.family() + ": reported yes share at it", s.leaderShareBallots(),
                        s.shareError(), Kind.SHARE));
            }
        }
        for (ScenarioResult.Minimum m : r.minima()) {
            out.add(new Figure(letter, m.family() + ", clean " + String.format(java.util.Locale.ROOT, "%.0f%%",
                    100 * m.cleanShare()) + ", " + m.base() + (m.againstAll().isEmpty() ? ""
                    : " (against all " + m.againstAll() + ")") + ": smallest intensity", m.intensity(),
                    m.intensityError(), Kind.INTENSITY));
        }
        for (PowerResult pr : r.powerResults()) {
            for (PowerResult.Point p : pr.points()) {
                for (PowerResult.TestPower t : p.tests()) {
                    out.add(new Figure(letter, pr.fraud() + " " + p.values().values().iterator().next() + ": "
                            + t.test() + " power", t.power(),
                            ReplicateEstimate.probabilityError(t.power(), r.replicates()), Kind.PROBABILITY));
                }
            }
        }
        if (r.observer() != null) {
            out.add(new Figure(letter, "station-level residual sd of turnout", r.observer().sigma(), Double.NaN,
                    Kind.OTHER));
            for (ObserverSampling.SampleSize z : r.observer().sizes()) {
                out.add(new Figure(letter, String.format(java.util.Locale.ROOT, "stations for a %.0f-point inflation",
                        z.k()), z.n(), Double.NaN, Kind.OTHER));
            }
        }
        return out;
    }

    /** The reductions of a scenario: replicates, families, values, clean shares, tests, observer samples. */
    private static ScenarioSpec reduce(ScenarioSpec s, JsonNode r, Path file, String run) {
        int reps = r.path("replicates").asInt(s.replicates());
        List<ScenarioSpec.Family> families = s.families();
        if (r.has("families")) {
            families = new ArrayList<>();
            for (JsonNode i : r.get("families")) {
                int k = i.asInt(-1);
                if (k < 0 || k >= s.families().size()) {
                    throw DataException.of("no such family in " + run).file(file).column("runs." + run + ".families")
                            .value(i.asText()).build();
                }
                ScenarioSpec.Family f = s.families().get(k);
                if (r.has("values")) {
                    List<Double> v = new ArrayList<>();
                    r.get("values").forEach(x -> v.add(x.asDouble()));
                    f = new ScenarioSpec.Family(f.label(), f.fraud(), f.sweep(), v);
                }
                families.add(f);
            }
        }
        List<Double> shares = s.cleanShares();
        if (r.has("cleanShares")) {
            shares = new ArrayList<>();
            for (JsonNode x : r.get("cleanShares")) {
                shares.add(x.asDouble());
            }
        }
        ScenarioSpec.PowerSpec power = s.power();
        if (power != null && r.has("tests")) {
            List<String> tests = new ArrayList<>();
            r.get("tests").forEach(x -> tests.add(x.asText()));
            power = new ScenarioSpec.PowerSpec(tests, power.alpha(), power.testReplicates(), power.note());
        }
        ScenarioSpec.Observer observer = s.observer();
        if (observer != null && r.has("trials")) {
            observer = new ScenarioSpec.Observer(observer.inflations(), observer.alpha(), observer.power(),
                    r.get("trials").asInt());
        }
        return new ScenarioSpec(s.name() + " (sensitivity)", s.description(), s.file(), s.seed(), reps,
                s.electorate(), s.electorateLabel(), shares, families, s.holdReportedTurnout(), s.questions(),
                s.solve(), s.minimal(), power, observer, s.againstAll());
    }
}
