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
                        .replace("[0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70]", "[0.45, 0.6]")
                        .replace("\"steps\": 6", "\"steps\": 2").replace("\"trials\": 2000", "\"trials\": 50")
                        .replace("\"testReplicates\": 20", "\"testReplicates\": 5");
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
            "scenario_b_minima.csv", "observer_sample_sizes.png", "regions_2022.csv", "solutions.csv"}) {
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
        assertEquals(4, json.get("d").get("powerResults").size());
        assertEquals(10, json.get("e").get("observer").get("sizes").size());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"));
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
