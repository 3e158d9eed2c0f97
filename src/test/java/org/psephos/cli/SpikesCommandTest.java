package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.forensics.Spikes;

/**
 * {@code psephos analyze FILE --tests Spikes} on a file in the spikes package's form (N, t, v: the golden input
 * with 5% coarse shares): the estimate and its interval on stdout, the JSON details, the chart file and the chart
 * in the HTML report.
 */
class SpikesCommandTest {
    @TempDir
    Path dir;

    @Test
    void analyzePrintsTheEstimateWithItsIntervalAndDrawsTheChart() throws IOException {
        Path csv = dir.resolve("coarse.csv");
        try (InputStream in = getClass().getResourceAsStream("/reference/spikes/coarse.csv")) {
            Files.copy(in, csv);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"analyze", csv.toString(), "--registered", "N", "--ballots", "t",
            "--candidate", "v", "--share-of", "ballots", "--tests", "Spikes", "--replicates", "300", "--threads", "2",
            "--quiet", "--json", dir.resolve("a.json").toString(), "--charts", dir.resolve("charts").toString(),
            "--report", dir.resolve("a.html").toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        String row = out.toString().lines().filter(l -> l.startsWith("Spikes") && l.contains(" v "))
                .findFirst().orElseThrow(() -> new AssertionError(out.toString()));
        // under the default calibrated nulls: the estimate, the clean twins' mean and 95% range, the twins' p-value
        // (issue 17 item 5); the coarse file's spikes are far above every twin
        assertTrue(row.matches("Spikes\\s+v\\s+national\\s+0\\.0\\d{3}\\s+0\\.0\\d{3}\\s+\\[0\\.0\\d{3}, 0\\.0\\d{3}\\]"
                + "\\s+\\d\\.\\de-\\d\\d\\s+.*FLAG\\s+clean twins of its own fitted mixtures"), row);
        JsonNode t = new ObjectMapper().readTree(dir.resolve("a.json").toFile()).get("tests").get(1);
        JsonNode d = t.get("details");
        double f = d.get("fraud_percent").asDouble();
        assertTrue(f > 3.5 && f < 7, "F = " + f);
        double mean = d.get("conf_int").get("mean_percent").asDouble();
        assertEquals(mean / 100, t.get("value").asDouble(), 1e-12);
        // the posterior-draw interval of the estimate moves to details.reference; the row's is the twins'
        JsonNode ref = d.get("reference");
        assertTrue(ref.get("ci_low").asDouble() <= t.get("value").asDouble()
                && t.get("value").asDouble() <= ref.get("ci_high").asDouble());
        assertTrue(t.get("ci_high").asDouble() < t.get("value").asDouble(), "the estimate is above the twins' range");
        assertEquals(Spikes.BOOTS, d.get("conf_int").get("boots").asInt());
        assertEquals(ref.get("ci_low").asDouble() * 100, d.get("conf_int").get("low_percent").asDouble(), 1e-9);
        // the table's range is the twins', so stdout gives the estimate's own interval on a line of its own
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Estimate: Spikes on v \\(national\\): "
                + "([0-9.]+)% of the votes \\[([0-9.]+)%, ([0-9.]+)%\\], mean and 2\\.5%-97\\.5% quantiles over "
                + Spikes.BOOTS + " posterior draws").matcher(out.toString());
        assertTrue(m.find(), out.toString());
        assertEquals(mean, Double.parseDouble(m.group(1)), 5e-5);
        assertEquals(d.get("conf_int").get("low_percent").asDouble(), Double.parseDouble(m.group(2)), 5e-5);
        assertEquals(d.get("conf_int").get("high_percent").asDouble(), Double.parseDouble(m.group(3)), 5e-5);
        assertTrue(d.get("spikes").size() >= 4, d.get("spikes").toString());
        assertEquals(1001, d.get("envelope").size());
        assertTrue(d.get("support_fit").get("levels").get(0).get("start_log_likelihoods").size() >= 1);
        assertTrue(Files.size(dir.resolve("charts").resolve("spikes.png")) > 10_000);
        assertTrue(Files.readString(dir.resolve("a.html")).contains("Rozenas"));
    }
}
