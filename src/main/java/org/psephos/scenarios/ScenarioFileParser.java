package org.psephos.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.estimation.FraudSpec;

/**
 * Turns a scenario file's JSON into a {@link ScenarioSpec}: the top-level fields (name, seed, replicates, clean
 * shares, held turnout), the observer sampling and the fraud families here, the electorate through
 * {@link ScenarioFileElectorate} and what the file asks through {@link ScenarioFileQuestions}. Fields are read in
 * the file's documented order, so the first invalid one is the one reported. The format is in
 * {@link ScenarioFiles}. Stateless.
 */
final class ScenarioFileParser {
    private ScenarioFileParser() {
    }

    /**
     * @param f       the file's fields
     * @param root    the file's JSON
     * @param presets the presets its electorate may name
     * @return the scenario
     * @throws org.psephos.data.DataException naming the field if a value is invalid
     */
    static ScenarioSpec parse(ScenarioFields f, JsonNode root, ScenarioPresets presets) {
        if (!root.isObject()) {
            throw f.error("(root)", "the scenario file is not a JSON object", null);
        }
        String name = f.text(root, "name", f.file().getFileName().toString());
        long seed = (long) f.number(root, "seed", "", 1);
        double reps = f.whole(f.number(root, "replicates", "", 100), "replicates", "", 1, 1_000_000);
        ScenarioFileElectorate electorate = ScenarioFileElectorate.read(f, f.required(root, "electorate", ""),
                presets);
        List<Double> cleanShares = f.numbers(root, "cleanShares", "");
        for (int i = 0; i < cleanShares.size(); i++) {
            double v = cleanShares.get(i);
            if (!(v > 0 && v < 1)) {
                throw f.error("cleanShares[" + i + "]", "a clean share is not in (0, 1)", v);
            }
        }
        ScenarioSpec.Observer observer = root.has("observer") ? observer(f, root.get("observer")) : null;
        JsonNode fams = root.has("families") || observer == null ? f.required(root, "families", "")
                : JsonNodeFactory.instance.arrayNode();
        if (!fams.isArray() || (fams.isEmpty() && observer == null)) {
            throw f.error("families", "families is not a non-empty list", null);
        }
        List<ScenarioSpec.Family> families = new ArrayList<>();
        for (int i = 0; i < fams.size(); i++) {
            families.add(family(f, fams.get(i), "families[" + i + "]."));
        }
        double hold = f.probability(root, "holdReportedTurnout", "", Double.NaN);
        if (!Double.isNaN(hold)) {
            for (int i = 0; i < families.size(); i++) {
                if (!families.get(i).model().equals("ballot-stuffing")) {
                    throw f.error("families[" + i + "].model",
                            "holdReportedTurnout needs ballot-stuffing families", families.get(i).model());
                }
            }
        }
        ScenarioFileQuestions asks = ScenarioFileQuestions.read(f, root, electorate.electorate(), hold, reps);
        return new ScenarioSpec(name, f.text(root, "description", ""), f.file().toString(), seed, (int) reps,
                electorate.electorate(), electorate.label(), cleanShares, families, hold, asks.questions(),
                asks.solve(), asks.minimal(), asks.power(), observer, electorate.againstAll());
    }

    /** The observer sampling: turnout inflations, alpha, power and trials. */
    private static ScenarioSpec.Observer observer(ScenarioFields f, JsonNode o) {
        List<Double> ks = f.numbers(o, "inflations", "observer.");
        if (ks.isEmpty() || !(ks.get(0) > 0)) {
            throw f.error("observer.inflations", "inflations is not a list of positive turnout points", null);
        }
        double alpha = f.probability(o, "alpha", "observer.", 0.05);
        double pw = f.probability(o, "power", "observer.", 0.95);
        if (!(alpha > 0 && alpha < 0.5) || !(pw > 0.5 && pw < 1)) {
            throw f.error("observer", "alpha is not in (0, 0.5) or power not in (0.5, 1)", null);
        }
        double trials = f.whole(f.number(o, "trials", "observer.", 1000), "trials", "observer.", 1, 1_000_000);
        return new ScenarioSpec.Observer(ks, alpha, pw, (int) trials);
    }

    /** One fraud family: its model, fixed parameters, swept parameter and values, each value checked. */
    private static ScenarioSpec.Family family(ScenarioFields f, JsonNode fam, String path) {
        String model = f.required(fam, "model", path).asText().toLowerCase(Locale.ROOT);
        List<String> allowed;
        try {
            allowed = List.copyOf(FraudSpec.defaults(model).keySet());
        } catch (IllegalArgumentException ex) {
            throw f.error(path + "model", "unknown fraud model (use one of " + String.join(", ", FraudSpec.names())
                    + ")", model);
        }
        Map<String, Double> params = new LinkedHashMap<>();
        JsonNode p = fam.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> en = it.next();
            if (!allowed.contains(en.getKey())) {
                throw f.error(path + "params." + en.getKey(), "not a parameter of " + model + " (use "
                        + String.join(", ", allowed) + ")", null);
            }
            if (!en.getValue().isNumber()) {
                throw f.error(path + "params." + en.getKey(), "the parameter is not a number", en.getValue());
            }
            params.put(en.getKey(), en.getValue().doubleValue());
        }
        String sweep = f.required(fam, "sweep", path).asText();
        if (!allowed.contains(sweep)) {
            throw f.error(path + "sweep", "not a parameter of " + model + " (use " + String.join(", ", allowed)
                    + ")", sweep);
        }
        List<Double> values = f.numbers(fam, "values", path);
        if (values.isEmpty()) {
            throw f.error(path + "values", "the family has no values to sweep", null);
        }
        ScenarioSpec.Family out = new ScenarioSpec.Family(f.text(fam, "label", model + " by " + sweep),
                new FraudSpec(model, params), sweep, values);
        for (int i = 0; i < values.size(); i++) {
            try {
                out.at(values.get(i));
            } catch (IllegalArgumentException ex) {
                throw f.error(path + "values[" + i + "]", "invalid fraud parameters: " + ex.getMessage(),
                        values.get(i));
            }
        }
        return out;
    }
}
