package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KazakhstanCommandTest {
    @TempDir
    Path dir;

    /** Copies the dataset with the scenario files cut down (2 replicates, fewer points) to keep the test fast. */
    private Path smallDataset() throws IOException {
        Path data = dir.resolve("kz");
        Files.createDirectories(data.resolve("scenarios"));
        try (Stream<Path> files = Files.list(Path.of("datasets/kazakhstan"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(Path.of("datasets/kazakhstan/scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                String t = Files.readString(f).replaceAll("\"replicates\": \\d+", "\"replicates\": 2")
                        .replace("[0.35, 0.40, 0.45, 0.50]", "[0.45]").replace("[0.40, 0.45, 0.50, 0.55]", "[0.5]")
                        .replace("\"trials\": 2000", "\"trials\": 50").replace("\"trials\": 500", "\"trials\": 50")
                        .replace("\"testReplicates\": 20", "\"testReplicates\": 5")
                        .replaceAll("\"grids\": \\[\\s*\\{[^}]*\\}\\s*\\]",
                                "\"grids\": [{\"stationSd\": [0.05, 0.08], \"sizeSigma\": [0.6, 0.8]}]");
                Files.writeString(data.resolve("scenarios").resolve(f.getFileName()), t);
            }
        }
        return data;
    }

    @Test
    void writesTheReportTablesChartsAndJson() throws IOException {
        Path data = smallDataset();
        Path out = dir.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[] {"kazakhstan", "--out", out.toString(), "--dataset", data.toString(),
            "--threads", "2", "--quiet"}, new PrintWriter(o), new PrintWriter(e));
        assertEquals(0, code, e.toString());
        for (String f : new String[] {"report.html", "results.json", "history.csv", "history.png", "history.svg",
            "scenario_b_minima.csv", "scenario_f_minima.csv", "observer_sample_sizes.png", "calibration.csv",
            "solutions.csv", "runoff_bases.csv", "referendum_rules.csv", "intraday_increments.csv",
            "intraday_kz-2022-presidential.png", "sensitivity.csv", "sensitivity_d.png", "observer_evidence.csv"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(7, json.get("history").get("elections").size());
        // The 2019 effective number of parties from the shipped dataset: 1 / sum(p^2) = 1.8722790660694024 (python3,
        // as in HistoryModelTest), and Tokayev's 70.96% (CEC) as the leader's share.
        JsonNode e2019 = json.get("history").get("elections").get(5);
        assertEquals(2019, e2019.get("year").asInt());
        assertEquals(1.8722790660694024, e2019.get("enp").asDouble(), 1e-12);
        assertEquals(70.96, e2019.get("leaderShare").asDouble(), 1e-9);
        assertEquals(3, json.get("d").get("powerResults").size());
        assertEquals(10, json.get("e").get("observer").get("sizes").size());
        assertEquals(4, json.get("calibrations").size());
        assertEquals(4, json.get("intraday").size());
        // The three readings of the first-round base on the 2022 official counts.
        JsonNode bases = json.get("shares").get(1).get("shares");
        assertEquals(0.8131, Math.round(1e4 * bases.get("valid").asDouble()) / 1e4, 0);
        assertEquals(0.7779, Math.round(1e4 * bases.get("ballots").asDouble()) / 1e4, 0);
        assertEquals(0.8632, Math.round(1e4 * bases.get("candidates").asDouble()) / 1e4, 0);
        // The grid cut to 2 x 2 cells, the calibrated one among them and first.
        JsonNode cells = json.get("sensitivity").get("variants");
        assertEquals(4, cells.size(), "2 x 2 cells");
        assertTrue(cells.get(0).get("calibrated").asBoolean());
        assertEquals(0.08, cells.get(0).get("params").get("stationTurnoutSd").asDouble(), 0);
        assertEquals(0.6, cells.get(0).get("params").get("sizeSigma").asDouble(), 0);
        // Where the reduction keeps the main run's seed, replicates and clean share (scenario b, stuffing, 45%), the
        // calibrated cell reproduces the main figures exactly, on each base; a wrong cell (another electorate, seed
        // or "against all" rule) would not.
        int compared = 0;
        for (JsonNode m : json.get("b").get("minima")) {
            if (!m.get("family").asText().startsWith("ballot stuffing") || m.get("cleanShare").asDouble() != 0.45) {
                continue;
            }
            String label = m.get("family").asText() + ", clean 45%, " + m.get("base").asText()
                    + (m.get("againstAll").asText().isEmpty() ? "" : " (against all " + m.get("againstAll").asText()
                    + ")") + ": smallest intensity";
            JsonNode f = null;
            for (JsonNode g : cells.get(0).get("figures")) {
                if (g.get("scenario").asText().equals("b") && g.get("label").asText().equals(label)) {
                    f = g;
                }
            }
            assertTrue(f != null, label);
            assertEquals(m.get("intensity").asDouble(), f.get("value").asDouble(), 0, label);
            compared++;
        }
        assertEquals(4, compared, "valid, ballots, candidates held, candidates proportional");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"));
        for (String section : new String[] {"1. The law", "81.31%", "77.79%", "86.32%", "3. The synthetic Kazakhstan",
            "5. Referendums", "6. Election-day turnout", "7. What observers published", "8. Sensitivity",
            "9. Monte Carlo precision"}) {
            assertTrue(html.contains(section), section);
        }
        assertFalse(html.matches("(?s).*[Ii]ssue [0-9].*"), "no report names an issue");
        assertTrue(html.contains("opponents&#39; votes"), "text is escaped");
        assertFalse(html.contains("<script"));
        assertTrue(o.toString().contains("power, ballot-stuffing"), o.toString());
        assertEquals("", e.toString(), "--quiet leaves standard error empty (no timing line)");
    }

    @Test
    void aMissingDatasetIsADataError() {
        StringWriter e = new StringWriter();
        int code = Main.run(new String[] {"kazakhstan", "--out", dir.resolve("o").toString(), "--dataset",
            dir.resolve("nothing").toString(), "--quiet"}, new PrintWriter(new StringWriter()), new PrintWriter(e));
        assertEquals(Main.DATA, code, e.toString());
    }
}
