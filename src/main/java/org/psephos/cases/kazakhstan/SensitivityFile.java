package org.psephos.cases.kazakhstan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.psephos.data.DataException;
import org.psephos.scenarios.ScenarioSpec;

/**
 * The sensitivity file, {@code scenarios/sensitivity.json}, as read: its description, the cells of its grids (the
 * calibrated cell first, each once) and its runs (a scenario file and the reductions to apply to it). Reading and
 * checking it is this class's one job; {@link KazakhstanSensitivity} runs it.
 *
 * @param file        the file's path, for errors
 * @param description the file's description
 * @param cells       the grids' cells
 * @param runs        the runs, in the file's order
 */
record SensitivityFile(Path file, String description, List<KazakhstanModel.Params> cells, List<Run> runs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run of the file: a scenario file and its reductions. */
    record Run(String file, JsonNode reduce) {
    }

    /**
     * @param dataset the dataset directory (with {@code scenarios/sensitivity.json})
     * @return the file as read
     * @throws DataException naming the file and field if the file cannot be read or its grids are malformed
     */
    static SensitivityFile read(Path dataset) {
        Path file = dataset.resolve("scenarios").resolve("sensitivity.json");
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw DataException.of("cannot read the sensitivity file (" + e.getMessage() + ")").file(file).cause(e)
                    .build();
        }
        List<KazakhstanModel.Params> cells = cells(root, file);
        List<Run> runs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("runs").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> en = it.next();
            runs.add(new Run(en.getKey(), en.getValue()));
        }
        return new SensitivityFile(file, root.path("description").asText(""), List.copyOf(cells), List.copyOf(runs));
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
        LinkedHashSet<KazakhstanModel.Params> out = new LinkedHashSet<>();
        out.add(base);
        for (int g = 0; g < grids.size(); g++) {
            JsonNode grid = grids.get(g);
            for (Iterator<String> it = grid.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (!KazakhstanSensitivity.PARAMETERS.contains(key)) {
                    throw DataException.of("not a grid parameter (use " + String.join(", ", KazakhstanSensitivity.PARAMETERS) + ")")
                            .file(file).column("grids[" + g + "]." + key).build();
                }
            }
            List<KazakhstanModel.Params> cells = List.of(base);
            for (String key : KazakhstanSensitivity.PARAMETERS) {
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

    /** The reductions of a scenario: replicates, families, values, clean shares, tests, observer samples. */
    /**
     * @param s   the scenario as its file gives it
     * @param run the run that names the file and its reductions
     * @return the reduced scenario
     * @throws DataException naming the field if a reduction names a family the scenario lacks
     */
    ScenarioSpec reduce(ScenarioSpec s, Run run) {
        JsonNode r = run.reduce();
        int reps = r.path("replicates").asInt(s.replicates());
        List<ScenarioSpec.Family> families = s.families();
        if (r.has("families")) {
            families = new ArrayList<>();
            for (JsonNode i : r.get("families")) {
                int k = i.asInt(-1);
                if (k < 0 || k >= s.families().size()) {
                    throw DataException.of("no such family in " + run.file()).file(file)
                            .column("runs." + run.file() + ".families")
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
