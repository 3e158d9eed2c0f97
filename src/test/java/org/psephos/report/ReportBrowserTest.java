package org.psephos.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.Election;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.simulation.Progress;

/**
 * End to end: a generated {@code analyze} report (with hostile names in the input) opens in headless Chromium
 * with no console error, no failed load and no CSP violation, every figure has decoded and has a non-zero rendered
 * size, and the names appear as text, not markup. Chromium is found on the PATH ({@code .ci/run} installs the
 * Debian packages {@code chromium} and {@code chromium-driver}); without it the test fails when {@code CI} is set
 * and is skipped otherwise.
 */
class ReportBrowserTest {
    /** Every figure image: [decoded width, rendered width, rendered height]; plus inline SVGs the same way. */
    static final String FIGURES_JS = "Array.from(document.querySelectorAll('figure img, figure svg')).map(e => {"
            + " const r = e.getBoundingClientRect();"
            + " return [e.naturalWidth === undefined ? r.width : e.naturalWidth, r.width, r.height]; })";

    @Test
    void reportRendersWithEveryChartVisibleAndNoConsoleErrors(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        if (chromium.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("Chromium is not installed: .ci/run installs it with "
                        + "'apt-get install -y chromium chromium-driver'; the browser check cannot run");
            }
            Assumptions.abort("Chromium not on the PATH (set CI=true to make this a failure)");
        }
        Election e = ReportFixtures.hostileElection();
        BatteryResult r = Battery.withDefaults().withLevel("region").run(e, BatteryOptions.defaults()
                .withReplicates(50).withThreads(1), Progress.NONE);
        Path html = dir.resolve("report.html");
        AnalysisReport.report(e, r, "<b>file</b>.csv", "test", "psephos analyze x.csv").write(html);
        try (HeadlessChromium c = new HeadlessChromium(chromium.get())) {
            c.open(html);
            JsonNode figures = c.evaluate(FIGURES_JS);
            assertEquals(6, figures.size(), "figures: " + figures);
            for (JsonNode f : figures) {
                assertTrue(f.get(0).asDouble() > 0 && f.get(1).asDouble() > 100 && f.get(2).asDouble() > 100,
                        "a figure is not visible: " + figures);
            }
            assertEquals(0, c.evaluate("document.querySelectorAll('script, link, iframe, object').length").asInt());
            JsonNode names = c.evaluate("document.body.innerText.includes('<script>alert(1)</script>')");
            assertTrue(names.asBoolean(), "the hostile option name should show as text");
            Thread.sleep(200);
            assertTrue(c.errors().isEmpty(), "browser errors: " + c.errors());
        }
        assertTrue(Files.size(html) > 10_000);
    }
}
