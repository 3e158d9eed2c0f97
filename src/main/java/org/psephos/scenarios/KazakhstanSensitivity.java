package org.psephos.scenarios;

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

/**
 * The sensitivity of the case study's answers to its station-level assumptions: each of the station sd (turnout and
 * support alike), the log-sd of station size and the regional sd of support is varied alone around its calibrated
 * value ({@link KazakhstanModel.Params#DEFAULT}), the electorates are recalibrated, and reduced forms of scenarios
 * a–e are rerun on each variant and on the calibrated values with the same reduced settings, as
 * {@code scenarios/sensitivity.json} says (replicates, families, values, clean shares, tests, observer samples).
 * Detection power (d) is rerun only where a station-level parameter changes: the regional sd enters its
 * engine-native electorate only as one more spread of the regions. Immutable results.
 *
 * @since 0.1
 */
public final class KazakhstanSensitivity {
    private static final ObjectMapper JSON = new ObjectMapper();

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
     * One variant.
     *
     * @param parameter   {@code calibrated}, {@code stationSd}, {@code sizeSigma} or {@code regionShareSd}
     * @param value       the parameter's value (NaN for the calibrated row)
     * @param params      all the station-level parameters of the variant
     * @param residual    modelled − official national turnout of the 2022 calibration
     * @param figures     its answers
     */
    public record Variant(String parameter, double value, KazakhstanModel.Params params, double residual,
                          List<Figure> figures) {
        /** Copies the list. */
        public Variant {
            figures = List.copyOf(figures);
        }
    }

    /**
     * @param description the sensitivity file's description
     * @param variants    the calibrated row first, then one row per varied value
     * @param precision   the largest Monte Carlo errors of the figures reported (shares and probabilities; the
     *                    intensities carry their own errors)
     */
    public record Result(String description, List<Variant> variants, ScenarioResult.Precision precision) {
        /** Copies the list. */
        public Result {
            variants = List.copyOf(variants);
        }
    }

    /** One run of the file: a scenario file and its reductions. */
    private record Run(String file, JsonNode reduce) {
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
        KazakhstanModel.Params base = KazakhstanModel.Params.DEFAULT;
        List<String> names = new ArrayList<>();
        List<KazakhstanModel.Params> params = new ArrayList<>();
        names.add("calibrated");
        params.add(base);
        for (String key : List.of("stationSd", "sizeSigma", "regionShareSd")) {
            JsonNode values = root.path(key);
            if (!values.isArray()) {
                throw DataException.of("the sensitivity file lacks a list of values").file(file).column(key).build();
            }
            for (JsonNode v : values) {
                double x = v.asDouble();
                try {
                    params.add(switch (key) {
                        case "stationSd" -> new KazakhstanModel.Params(base.sizeSigma(), x, x, base.regionShareSd());
                        case "sizeSigma" -> new KazakhstanModel.Params(x, base.stationTurnoutSd(), base.stationShareSd(),
                                base.regionShareSd());
                        default -> new KazakhstanModel.Params(base.sizeSigma(), base.stationTurnoutSd(),
                                base.stationShareSd(), x);
                    });
                } catch (IllegalArgumentException e) {
                    throw DataException.of(e.getMessage()).file(file).column(key).value(v.asText()).build();
                }
                names.add(key);
            }
        }
        List<Run> runs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("runs").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> en = it.next();
            runs.add(new Run(en.getKey(), en.getValue()));
        }
        List<Variant> out = new ArrayList<>();
        double share = 0;
        double prob = 0;
        for (int i = 0; i < params.size(); i++) {
            KazakhstanModel.Params p = params.get(i);
            Map<String, KazakhstanModel.Calibration> cal = new LinkedHashMap<>();
            BiFunction<Path, String, KazakhstanModel.Calibration> calibrations = (dir, election) ->
                    cal.computeIfAbsent(election, e -> KazakhstanModel.calibrate(data, e, p));
            List<Figure> figures = new ArrayList<>();
            for (Run run : runs) {
                String letter = run.file().substring(0, 1);
                boolean power = run.reduce().has("tests");
                if (power && names.get(i).equals("regionShareSd")) {
                    continue;
                }
                ScenarioSpec spec = reduce(ScenarioFiles.read(dataset.resolve("scenarios").resolve(run.file()),
                        calibrations), run.reduce(), file, run.file());
                ScenarioResult r = runner.apply(spec);
                for (Figure f : figures(letter, r)) {
                    figures.add(f);
                    if (Double.isFinite(f.error()) && f.kind() == Kind.SHARE) {
                        share = Math.max(share, f.error());
                    } else if (Double.isFinite(f.error()) && f.kind() == Kind.PROBABILITY) {
                        prob = Math.max(prob, f.error());
                    }
                }
            }
            double value = switch (names.get(i)) {
                case "stationSd" -> p.stationTurnoutSd();
                case "sizeSigma" -> p.sizeSigma();
                case "regionShareSd" -> p.regionShareSd();
                default -> Double.NaN;
            };
            out.add(new Variant(names.get(i), value, p,
                    calibrations.apply(dataset, "kz-2022-presidential").residual(), figures));
        }
        return new Result(root.path("description").asText(""), out, new ScenarioResult.Precision(share, prob));
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
                    100 * m.cleanShare()) + ", " + m.base() + ": smallest intensity", m.intensity(),
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
                s.solve(), s.minimal(), power, observer, s.againstAllShare());
    }
}
