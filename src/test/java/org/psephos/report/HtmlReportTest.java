package org.psephos.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.Election;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.TestRegistry;
import org.psephos.simulation.Progress;

class HtmlReportTest {
    @Test
    void everyTextIsEscapedAndNothingIsLoaded() {
        String evil = "<script>alert('x')</script> & \"q\"";
        HtmlReport r = HtmlReport.builder(evil).heading(evil).paragraph(evil)
                .add(new HtmlReport.KeyValues(List.of(Map.entry(evil, evil))))
                .add(new HtmlReport.Table(evil, List.of(evil), List.of(List.of(evil)), List.of(0), List.of("flag")))
                .provenance(evil, evil).build();
        String html = r.html();
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
        assertTrue(html.contains("Content-Security-Policy"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no network address in the document");
    }

    @Test
    void aNoteIsSetOffAndTextIsNot() {
        String html = HtmlReport.builder("t").add(HtmlReport.Paragraph.note("aside"))
                .add(HtmlReport.Paragraph.text("running")).paragraph("built").build().html();
        assertTrue(html.contains("<p class=\"note\">aside</p>"), html);
        assertTrue(html.contains("<p>running</p>"), html);
        assertTrue(html.contains("<p>built</p>"), html);
        assertEquals(HtmlReport.Paragraph.Kind.NOTE, HtmlReport.Paragraph.note("x").kind());
        assertThrows(NullPointerException.class, () -> new HtmlReport.Paragraph("x", null));
    }

    @Test
    void rejectsRaggedTablesAndNonPngFigures() {
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport.Table("c", List.of("a", "b"),
                List.of(List.of("1")), List.of(), List.of("")));
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport.Figure(new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
                "alt", "caption"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport.Heading(1, "h", null));
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport.Heading(2, "h", "bad id\""));
    }

    @Test
    void analysisReportHasSummaryTablesChartsAndTestTexts(@TempDir Path dir) throws Exception {
        Election e = ReportFixtures.hostileElection();
        BatteryResult r = Battery.withDefaults().withLevel("region").run(e, BatteryOptions.defaults()
                .withReplicates(20).withThreads(1), Progress.NONE);
        Path out = dir.resolve("r.html");
        AnalysisReport.report(e, r, "in<put>.csv", "0.1-test", "psephos analyze 'x y.csv' --seed 42").write(out);
        String html = Files.readString(out);
        assertFalse(html.contains(ReportFixtures.HOSTILE_OPTION), "option name must be escaped");
        assertFalse(html.contains("<img src=x"), "region name must be escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("in&lt;put&gt;.csv"));
        assertTrue(html.indexOf("Summary") < html.indexOf("Forensic tests, whole election"));
        assertTrue(html.indexOf("Forensic tests, whole election") < html.indexOf("Tests per region"));
        assertTrue(html.indexOf("Tests per region") < html.indexOf("<figure"));
        assertEquals(6, html.split("<figure", -1).length - 1);
        for (String id : TestRegistry.standard().ids()) {
            TestGuide.Entry t = TestGuide.of(id).orElseThrow(() -> new AssertionError("no text for " + id));
            assertTrue(html.contains(Html.escape(t.source())), id);
        }
        assertTrue(html.contains("Seed</dt><dd>42"));
        assertTrue(html.contains("0.1-test"));
        assertTrue(html.contains("psephos analyze &#39;x y.csv&#39; --seed 42"));
    }

    @Test
    void everyRegisteredTestHasAGuideEntry() {
        for (String id : TestRegistry.standard().ids()) {
            assertTrue(TestGuide.of(id).isPresent(), id);
        }
        assertEquals(TestRegistry.standard().ids(), List.copyOf(TestGuide.all().keySet()));
    }
}
