package org.psephos.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.data.DataException;
import org.psephos.estimation.FraudSpec;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;

/**
 * Reads scenario files (JSON). Every error is a {@link DataException} naming the file and the field (a JSON path
 * such as {@code families[1].values}).
 *
 * <pre>
 * {
 *   "name": "…", "description": "…", "seed": 1, "replicates": 100,
 *   "electorate": {                                  // a preset …
 *     "preset": "kazakhstan-2022", "dataset": "..", // dataset directory, relative to this file; presets:
 *                                                    // those of ScenarioPresets.installed() (country cases:
 *                                                    // org.psephos.cases.kazakhstan has kazakhstan-2019, -2022,
 *                                                    // -2022-referendum, -2024-referendum)
 *     "cleanShare": 0.7096,                          // optional override of the clean leader support (expected)
 *     "againstAll": "held"                           // "against all" at its official share of the clean valid
 *                                                    // votes (default), or "proportional": at its official
 *                                                    // fraction of the votes not cast for the leader (AgainstAll)
 *   },
 *   "electorate": {                                  // … or explicit
 *     "stations": 10000,
 *     "sizes": {"distribution": "lognormal", "mean": 1200, "sigma": 0.6},   // or "mu"; or uniform min/max
 *     "turnout": {"shape": "normal", "mean": 0.7, "sd": 0.08},
 *     "share":   {"shape": "normal", "mean": 0.6, "sd": 0.08},
 *     "regions": [{"name": "North", "weight": 2, "turnout": 0.75, "share": 0.6}, …],  // optional
 *     "regionShareSd": 0.15, "options": 2, "concentration": 20, "invalidRate": 0.01,
 *     "againstAllShare": 0.31                        // optional: "against all" as a fraction of the votes not
 *                                                    // cast for the leader (proportional rule), or
 *     "againstAllOfValid": 0.058                     // "against all" as a share of the clean valid votes (held
 *                                                    // rule; see AgainstAll)
 *   },
 *   "cleanShares": [0.35, 0.40],                     // optional sweep of clean support
 *   "holdReportedTurnout": 0.6944,                   // optional, ballot-stuffing families only
 *   "families": [{"label": "…", "model": "ballot-stuffing", "params": {"fraction": 1},
 *                 "sweep": "share", "values": [0, 0.1, 0.2]}],
 *   "questions": {"runoffAtMost": 0.5, "runoffBase": "valid", // or "ballots", "candidates" (FirstRoundBase)
 *                 "turnoutAtMost": 0.5, "leaderAtLeast": 0.8131, "cleanTurnoutAtMost": 0.5,
 *                 "regionsMajorityAtLeast": 12},
 *   "solve": {"leaderShare": 0.8131},                 // or {"cleanTurnout": 0.5}
 *   "minimal": {"probability": 0.95, "steps": 6},     // bisection; or {"probability": 0.95, "method": "crossing",
 *                                                     //   "rule": "no-runoff" | "regional-majority"}
 *   "power": {"tests": ["Shpilkin", "Sobyanin"], "alpha": 0.05, "testReplicates": 100},
 *   "observer": {"inflations": [1, 2, 5], "alpha": 0.05, "power": 0.95, "trials": 1000}  // families optional
 * }
 * </pre>
 *
 * Fraud models and their parameters, with the value a parameter takes when the file does not set it
 * ({@link FraudSpec#defaults(String)}, the same as {@code psephos power}): {@code ballot-stuffing} (fraction 0,
 * share 0.5), {@code vote-switching} (fraction 0, share 0.3), {@code carousel-voting} (fraction 0, rate 0.1),
 * {@code invalidated-opposition} (fraction 0, share 0.3), {@code inflated-register} (fraction 0, rate 0.1,
 * turnout 1), {@code klimek} (incremental 0, extreme 0, theta 0.4, alpha 2, extremeSd 0.075),
 * {@code invented-results} (fraction 0), as in {@link org.psephos.simulation.FraudModel}. The swept parameter
 * takes each of the family's values; the detection power uses the same models.
 *
 * @since 0.1
 */
public final class ScenarioFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioFiles() {
    }

    /**
     * @param file a scenario file
     * @return the scenario
     * @throws DataException naming the file and field if the file cannot be read or a value is invalid
     */
    public static ScenarioSpec read(Path file) {
        return read(file, ScenarioPresets.installed());
    }

    /**
     * {@link #read(Path)} with the electorate presets {@code presets} (e.g. ones whose calibrations are already
     * computed) instead of {@link ScenarioPresets#installed()}.
     *
     * @param file    a scenario file
     * @param presets the presets its electorate may name
     * @return the scenario
     * @throws DataException naming the file and field if the file cannot be read or a value is invalid
     */
    public static ScenarioSpec read(Path file, ScenarioPresets presets) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw DataException.of("the scenario file does not exist").file(file).build();
        } catch (IOException e) {
            throw DataException.of("cannot read the scenario file (" + e.getMessage() + ")").file(file).cause(e)
                    .build();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw DataException.of("the scenario file is not valid JSON: " + e.getOriginalMessage()).file(file)
                    .line(e.getLocation() == null ? 0 : e.getLocation().getLineNr()).build();
        }
        return new Parser(file, root, presets).parse();
    }

    /** Parses one file; fields are reported as JSON paths. */
    private static final class Parser {
        private final Path file;
        private final JsonNode root;
        private final ScenarioPresets presets;
        private AgainstAll againstAll = AgainstAll.NONE;

        Parser(Path file, JsonNode root, ScenarioPresets presets) {
            this.file = file;
            this.root = root;
            this.presets = presets;
        }

        DataException error(String field, String problem, Object value) {
            DataException.Builder b = DataException.of(problem).file(file).column(field);
            if (value != null) {
                b.value(String.valueOf(value));
            }
            return b.build();
        }

        JsonNode required(JsonNode n, String key, String path) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                throw error(path + key, "the scenario file lacks a required field", null);
            }
            return v;
        }

        double number(JsonNode n, String key, String path, double dflt) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return dflt;
            }
            if (!v.isNumber()) {
                throw error(path + key, "the field is not a number", v);
            }
            return v.doubleValue();
        }

        double requiredNumber(JsonNode n, String key, String path) {
            JsonNode v = required(n, key, path);
            if (!v.isNumber()) {
                throw error(path + key, "the field is not a number", v);
            }
            return v.doubleValue();
        }

        double probability(JsonNode n, String key, String path, double dflt) {
            double v = number(n, key, path, dflt);
            if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
                throw error(path + key, "the field is not in [0, 1]", v);
            }
            return v;
        }

        String text(JsonNode n, String key, String dflt) {
            JsonNode v = n.get(key);
            return v == null || v.isNull() ? dflt : v.asText();
        }

        List<Double> numbers(JsonNode n, String key, String path) {
            JsonNode v = n.get(key);
            List<Double> out = new ArrayList<>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isArray()) {
                throw error(path + key, "the field is not a list of numbers", v);
            }
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isNumber()) {
                    throw error(path + key + "[" + i + "]", "the value is not a number", v.get(i));
                }
                double x = v.get(i).doubleValue();
                if (!out.isEmpty() && !(x > out.get(out.size() - 1))) {
                    throw error(path + key + "[" + i + "]", "the values are not increasing", x);
                }
                out.add(x);
            }
            return out;
        }

        ScenarioSpec parse() {
            if (!root.isObject()) {
                throw error("(root)", "the scenario file is not a JSON object", null);
            }
            String name = text(root, "name", file.getFileName().toString());
            long seed = (long) number(root, "seed", "", 1);
            double reps = number(root, "replicates", "", 100);
            if (!(reps >= 1 && reps <= 1_000_000) || reps != Math.rint(reps)) {
                throw error("replicates", "replicates is not a whole number in [1, 1000000]", reps);
            }
            JsonNode e = required(root, "electorate", "");
            String[] label = new String[1];
            RegionalElectorate electorate = electorate(e, label);
            List<Double> cleanShares = numbers(root, "cleanShares", "");
            for (int i = 0; i < cleanShares.size(); i++) {
                double v = cleanShares.get(i);
                if (!(v > 0 && v < 1)) {
                    throw error("cleanShares[" + i + "]", "a clean share is not in (0, 1)", v);
                }
            }
            ScenarioSpec.Observer observer = null;
            if (root.has("observer")) {
                JsonNode o = root.get("observer");
                List<Double> ks = numbers(o, "inflations", "observer.");
                if (ks.isEmpty() || !(ks.get(0) > 0)) {
                    throw error("observer.inflations", "inflations is not a list of positive turnout points", null);
                }
                double alpha = probability(o, "alpha", "observer.", 0.05);
                double pw = probability(o, "power", "observer.", 0.95);
                if (!(alpha > 0 && alpha < 0.5) || !(pw > 0.5 && pw < 1)) {
                    throw error("observer", "alpha is not in (0, 0.5) or power not in (0.5, 1)", null);
                }
                double trials = number(o, "trials", "observer.", 1000);
                if (!(trials >= 1 && trials <= 1e6) || trials != Math.rint(trials)) {
                    throw error("observer.trials", "trials is not a whole number in [1, 1000000]", trials);
                }
                observer = new ScenarioSpec.Observer(ks, alpha, pw, (int) trials);
            }
            JsonNode fams = root.has("families") || observer == null ? required(root, "families", "")
                    : JSON.createArrayNode();
            if (!fams.isArray() || (fams.isEmpty() && observer == null)) {
                throw error("families", "families is not a non-empty list", null);
            }
            List<ScenarioSpec.Family> families = new ArrayList<>();
            for (int i = 0; i < fams.size(); i++) {
                families.add(family(fams.get(i), "families[" + i + "]."));
            }
            double hold = probability(root, "holdReportedTurnout", "", Double.NaN);
            if (!Double.isNaN(hold)) {
                for (int i = 0; i < families.size(); i++) {
                    if (!families.get(i).model().equals("ballot-stuffing")) {
                        throw error("families[" + i + "].model",
                                "holdReportedTurnout needs ballot-stuffing families", families.get(i).model());
                    }
                }
            }
            JsonNode q = root.path("questions");
            FirstRoundBase base;
            try {
                base = FirstRoundBase.parse(text(q, "runoffBase", "valid"));
            } catch (IllegalArgumentException ex) {
                throw error("questions.runoffBase", "runoffBase is not 'valid', 'ballots' or 'candidates'",
                        text(q, "runoffBase", ""));
            }
            double k = number(q, "regionsMajorityAtLeast", "questions.", 0);
            if (!(k >= 0 && k <= electorate.regions().size()) || k != Math.rint(k)) {
                throw error("questions.regionsMajorityAtLeast", "regionsMajorityAtLeast is not a whole number between"
                        + " 0 and the number of regions (" + electorate.regions().size() + ")", k);
            }
            ScenarioSpec.Questions questions = new ScenarioSpec.Questions(
                    probability(q, "runoffAtMost", "questions.", 0.5), base,
                    probability(q, "turnoutAtMost", "questions.", Double.NaN),
                    probability(q, "leaderAtLeast", "questions.", Double.NaN),
                    probability(q, "cleanTurnoutAtMost", "questions.", Double.NaN), (int) k);
            ScenarioSpec.Solve solve = null;
            if (root.has("solve")) {
                JsonNode sv = root.get("solve");
                double share = probability(sv, "leaderShare", "solve.", Double.NaN);
                double turnout = probability(sv, "cleanTurnout", "solve.", Double.NaN);
                if (Double.isNaN(share) == Double.isNaN(turnout)) {
                    throw error("solve", "solve needs exactly one of leaderShare and cleanTurnout", null);
                }
                if (!Double.isNaN(turnout) && Double.isNaN(questions.cleanTurnoutAtMost())
                        && Double.isNaN(hold)) {
                    throw error("solve.cleanTurnout", "solving for the clean turnout needs holdReportedTurnout or "
                            + "questions.cleanTurnoutAtMost (the clean turnout is computed only then)", turnout);
                }
                solve = Double.isNaN(turnout) ? new ScenarioSpec.Solve(ScenarioSpec.Target.LEADER_SHARE, share)
                        : new ScenarioSpec.Solve(ScenarioSpec.Target.CLEAN_TURNOUT, turnout);
            }
            ScenarioSpec.Minimal minimal = null;
            if (root.has("minimal")) {
                JsonNode m = root.get("minimal");
                double p = probability(m, m.has("probability") ? "probability" : "noRunoffProbability", "minimal.",
                        0.95);
                double steps = number(m, "steps", "minimal.", 6);
                if (!(steps >= 0 && steps <= 30) || steps != Math.rint(steps)) {
                    throw error("minimal.steps", "steps is not a whole number in [0, 30]", steps);
                }
                String method = text(m, "method", "bisection");
                if (!method.equals("bisection") && !method.equals("crossing")) {
                    throw error("minimal.method", "method is not 'bisection' or 'crossing'", method);
                }
                String rule = text(m, "rule", "no-runoff");
                if (!rule.equals("no-runoff") && !rule.equals("regional-majority")) {
                    throw error("minimal.rule", "rule is not 'no-runoff' or 'regional-majority'", rule);
                }
                if (rule.equals("regional-majority") && (questions.regionsMajorityAtLeast() == 0
                        || method.equals("bisection"))) {
                    throw error("minimal.rule", "the regional-majority rule needs method 'crossing' and "
                            + "questions.regionsMajorityAtLeast", rule);
                }
                minimal = new ScenarioSpec.Minimal(p, (int) steps, method.equals("crossing")
                        ? ScenarioSpec.Method.CROSSING : ScenarioSpec.Method.BISECTION,
                        rule.equals("no-runoff") ? ScenarioSpec.Rule.NO_RUNOFF : ScenarioSpec.Rule.REGIONAL_MAJORITY);
            }
            ScenarioSpec.PowerSpec power = null;
            if (root.has("power")) {
                JsonNode p = root.get("power");
                List<String> tests = new ArrayList<>();
                for (JsonNode t : p.path("tests")) {
                    tests.add(t.asText());
                }
                if (tests.isEmpty()) {
                    throw error("power.tests", "power.tests is not a non-empty list of test ids", null);
                }
                try {
                    org.psephos.estimation.Estimators.registry().select(tests);
                } catch (IllegalArgumentException ex) {
                    throw error("power.tests", ex.getMessage(), null);
                }
                double tr = number(p, "testReplicates", "power.", 100);
                if (!(tr >= 2 && tr <= 100_000) || tr != Math.rint(tr)) {
                    throw error("power.testReplicates", "testReplicates is not a whole number in [2, 100000]", tr);
                }
                if (!(reps >= 2)) {
                    throw error("replicates", "detection power needs at least 2 replicates", reps);
                }
                power = new ScenarioSpec.PowerSpec(tests, probability(p, "alpha", "power.", 0.05), (int) tr,
                        "detection power (PowerAnalysis) on the engine-native form of the electorate, one axis per "
                        + "family; flags calibrated to the false-positive rate on clean replicates");
            }
            return new ScenarioSpec(name, text(root, "description", ""), file.toString(), seed, (int) reps,
                    electorate, label[0], cleanShares, families, hold, questions, solve, minimal, power, observer,
                    againstAll);
        }

        ScenarioSpec.Family family(JsonNode f, String path) {
            String model = required(f, "model", path).asText().toLowerCase(Locale.ROOT);
            List<String> allowed;
            try {
                allowed = List.copyOf(FraudSpec.defaults(model).keySet());
            } catch (IllegalArgumentException ex) {
                throw error(path + "model", "unknown fraud model (use one of " + String.join(", ", FraudSpec.names())
                        + ")", model);
            }
            Map<String, Double> params = new LinkedHashMap<>();
            JsonNode p = f.path("params");
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> en = it.next();
                if (!allowed.contains(en.getKey())) {
                    throw error(path + "params." + en.getKey(), "not a parameter of " + model + " (use "
                            + String.join(", ", allowed) + ")", null);
                }
                if (!en.getValue().isNumber()) {
                    throw error(path + "params." + en.getKey(), "the parameter is not a number", en.getValue());
                }
                params.put(en.getKey(), en.getValue().doubleValue());
            }
            String sweep = required(f, "sweep", path).asText();
            if (!allowed.contains(sweep)) {
                throw error(path + "sweep", "not a parameter of " + model + " (use " + String.join(", ", allowed)
                        + ")", sweep);
            }
            List<Double> values = numbers(f, "values", path);
            if (values.isEmpty()) {
                throw error(path + "values", "the family has no values to sweep", null);
            }
            ScenarioSpec.Family fam = new ScenarioSpec.Family(text(f, "label", model + " by " + sweep),
                    new FraudSpec(model, params), sweep, values);
            for (int i = 0; i < values.size(); i++) {
                try {
                    fam.at(values.get(i));
                } catch (IllegalArgumentException ex) {
                    throw error(path + "values[" + i + "]", "invalid fraud parameters: " + ex.getMessage(),
                            values.get(i));
                }
            }
            return fam;
        }

        RegionalElectorate electorate(JsonNode e, String[] label) {
            String preset = text(e, "preset", null);
            RegionalElectorate out;
            try {
                if (preset != null) {
                    ScenarioPresets.Preset named = presets.get(preset);
                    if (named == null) {
                        throw error("electorate.preset", "unknown preset (use one of "
                                + String.join(", ", presets.names()) + ")", preset);
                    }
                    Path dir = file.toAbsolutePath().getParent().resolve(text(e, "dataset", ".")).normalize();
                    ScenarioPresets.Calibrated c = named.calibrate(dir);
                    out = c.electorate();
                    String rule = text(e, "againstAll", AgainstAll.Rule.HELD.id());
                    try {
                        againstAll = c.againstAll().apply(AgainstAll.Rule.parse(rule));
                    } catch (IllegalArgumentException ex) {
                        throw error("electorate.againstAll", "againstAll is not 'held' or 'proportional'", rule);
                    }
                    label[0] = preset;
                } else {
                    out = explicit(e);
                    label[0] = ScenarioSpec.EXPLICIT;
                    againstAll = explicitAgainstAll(e);
                }
                double clean = number(e, "cleanShare", "electorate.", Double.NaN);
                if (!Double.isNaN(clean)) {
                    if (!(clean > 0 && clean < 1)) {
                        throw error("electorate.cleanShare", "cleanShare is not in (0, 1)", clean);
                    }
                    out = preset != null ? out.withExpectedShare(clean) : out.withShare(clean);
                }
            } catch (IllegalArgumentException ex) {
                throw error("electorate", "invalid electorate: " + ex.getMessage(), null);
            }
            return out;
        }

        /**
         * "against all" of an explicit electorate: {@code againstAllShare}, a fraction of the votes not cast for the
         * leader (proportional rule), or {@code againstAllOfValid}, a share of the clean valid votes (held rule).
         */
        AgainstAll explicitAgainstAll(JsonNode e) {
            double others = number(e, "againstAllShare", "electorate.", Double.NaN);
            double valid = number(e, "againstAllOfValid", "electorate.", Double.NaN);
            if (!Double.isNaN(others) && !Double.isNaN(valid)) {
                throw error("electorate.againstAllOfValid", "give againstAllShare or againstAllOfValid, not both",
                        valid);
            }
            if (!Double.isNaN(others) && !(others >= 0 && others <= 1)) {
                throw error("electorate.againstAllShare", "againstAllShare is not in [0, 1]", others);
            }
            if (!Double.isNaN(valid) && !(valid >= 0 && valid < 1)) {
                throw error("electorate.againstAllOfValid", "againstAllOfValid is not in [0, 1)", valid);
            }
            return !Double.isNaN(valid) ? new AgainstAll(AgainstAll.Rule.HELD, valid, Double.NaN)
                    : Double.isNaN(others) ? AgainstAll.NONE
                    : new AgainstAll(AgainstAll.Rule.PROPORTIONAL, Double.NaN, others);
        }

        RegionalElectorate explicit(JsonNode e) {
            String p = "electorate.";
            double stations = requiredNumber(e, "stations", p);
            if (!(stations >= 1 && stations <= 10_000_000) || stations != Math.rint(stations)) {
                throw error(p + "stations", "stations is not a whole number in [1, 10000000]", stations);
            }
            JsonNode s = required(e, "sizes", p);
            String dist = text(s, "distribution", "lognormal");
            SizeDistribution sizes;
            if (dist.equals("lognormal")) {
                double sigma = number(s, "sigma", p + "sizes.", 0.5);
                double mu = s.has("mean") ? Math.log(requiredNumber(s, "mean", p + "sizes.")) - sigma * sigma / 2
                        : requiredNumber(s, "mu", p + "sizes.");
                sizes = new SizeDistribution.LogNormal(mu, sigma);
            } else if (dist.equals("uniform")) {
                sizes = new SizeDistribution.Uniform((int) requiredNumber(s, "min", p + "sizes."),
                        (int) requiredNumber(s, "max", p + "sizes."));
            } else {
                throw error(p + "sizes.distribution", "unknown size distribution (use lognormal or uniform)", dist);
            }
            ProportionDistribution turnout = proportion(required(e, "turnout", p), p + "turnout.");
            ProportionDistribution share = proportion(required(e, "share", p), p + "share.");
            List<RegionalElectorate.Region> regions = new ArrayList<>();
            JsonNode rs = e.get("regions");
            int n = (int) stations;
            if (rs == null || rs.isNull() || rs.isEmpty()) {
                regions.add(new RegionalElectorate.Region("all", n, sizes, turnout, share));
            } else {
                double[] w = new double[rs.size()];
                double sum = 0;
                for (int i = 0; i < w.length; i++) {
                    w[i] = number(rs.get(i), "weight", p + "regions[" + i + "].", 1);
                    if (!(w[i] > 0)) {
                        throw error(p + "regions[" + i + "].weight", "the weight is not positive", w[i]);
                    }
                    sum += w[i];
                }
                int given = 0;
                for (int i = 0; i < w.length; i++) {
                    JsonNode r = rs.get(i);
                    String rp = p + "regions[" + i + "].";
                    int units = i == w.length - 1 ? n - given : (int) Math.round(n * w[i] / sum);
                    given += units;
                    if (units < 1) {
                        throw error(rp + "weight", "the region gets no station", w[i]);
                    }
                    double t = probability(r, "turnout", rp, turnout.mean());
                    double v = probability(r, "share", rp, share.mean());
                    regions.add(new RegionalElectorate.Region(text(r, "name", "R" + (i + 1)), units, sizes,
                            new ProportionDistribution(turnout.shape(), t, turnout.sd()),
                            new ProportionDistribution(share.shape(), v, share.sd())));
                }
            }
            return new RegionalElectorate(regions, number(e, "regionShareSd", p, 0),
                    (int) number(e, "options", p, 2),
                    number(e, "concentration", p, ElectorateModel.DEFAULT_CONCENTRATION),
                    probability(e, "invalidRate", p, 0));
        }

        ProportionDistribution proportion(JsonNode n, String path) {
            String shape = text(n, "shape", "normal");
            try {
                return new ProportionDistribution(ProportionDistribution.Shape.parse(shape),
                        requiredNumber(n, "mean", path), number(n, "sd", path, 0.08));
            } catch (IllegalArgumentException ex) {
                throw error(path.substring(0, path.length() - 1), ex.getMessage(), null);
            }
        }
    }
}
