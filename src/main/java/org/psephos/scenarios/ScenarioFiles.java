package org.psephos.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.psephos.data.DataException;
import org.psephos.estimation.FraudSpec;

/**
 * Reads scenario files (JSON). Every error is a {@link DataException} naming the file and the field (a JSON path
 * such as {@code families[1].values}). This class reads the file and its JSON; the package-private
 * {@code ScenarioFileParser} turns the JSON into a {@link ScenarioSpec}, with the electorate section in
 * {@code ScenarioFileElectorate}, what the file asks in {@code ScenarioFileQuestions} and the typed fields with
 * their errors in {@code ScenarioFields}.
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
        return ScenarioFileParser.parse(new ScenarioFields(file), root, presets);
    }
}
