package org.psephos.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.Election;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.RandomStreams;
import org.w3c.dom.Document;

class FingerprintChartsTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static Election simulated() {
        UniformRandomProvider rng = RandomStreams.seeded(11).stream(0);
        int n = 2000;
        int[] reg = new int[n];
        int[] bal = new int[n];
        int[] lead = new int[n];
        int[] other = new int[n];
        for (int i = 0; i < n; i++) {
            reg[i] = 200 + rng.nextInt(1500);
            bal[i] = BinomialSampler.sample(rng, reg[i], 0.45 + 0.3 * rng.nextDouble());
            lead[i] = BinomialSampler.sample(rng, bal[i], 0.4 + 0.3 * rng.nextDouble());
            other[i] = bal[i] - lead[i];
        }
        return Election.builder("simulated").registered(reg).ballots(bal).option("Leader", lead)
                .option("Other", other).build();
    }

    @Test
    void writeAllWritesValidPngSvgAndCsv(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("charts");
        FingerprintCharts.writeAll(simulated(), out, "Simulated election");
        for (String base : new String[] {"fingerprint", "turnout_hist", "share_hist"}) {
            byte[] png = Files.readAllBytes(out.resolve(base + ".png"));
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8), base + ".png is a PNG");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // the SVG names the W3C DTD; do not fetch it (CI has no network)
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document svg = f.newDocumentBuilder().parse(out.resolve(base + ".svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getLocalName(), base + ".svg is SVG");
            String text = Files.readString(out.resolve(base + ".svg"));
            assertTrue(text.contains("Simulated election"), base + " names the election");
            assertTrue(Files.size(out.resolve(base + ".csv")) > 100);
        }
        try (var s = Files.list(out)) {
            assertEquals(9, s.count());
        }
    }

    /** XChart internals (Chart.getAxisPair, Axis.getAxisTickCalculator) read by reflection: the labels drawn. */
    @SuppressWarnings("unchecked")
    static java.util.List<String> xTickLabels(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart)
            throws Exception {
        ChartImages.png(chart);
        java.lang.reflect.Method pair = org.knowm.xchart.internal.chartpart.Chart.class
                .getDeclaredMethod("getAxisPair");
        pair.setAccessible(true);
        Object axisPair = pair.invoke(chart);
        Object xAxis = axisPair.getClass().getMethod("getXAxis").invoke(axisPair);
        java.lang.reflect.Method calc = xAxis.getClass().getDeclaredMethod("getAxisTickCalculator");
        calc.setAccessible(true);
        Object c = calc.invoke(xAxis);
        return (java.util.List<String>) c.getClass().getMethod("getTickLabels").invoke(c);
    }

    @Test
    void histogramTicksEveryTenPoints() throws Exception {
        org.psephos.forensics.Fingerprint fp = org.psephos.forensics.Fingerprint.withDefaults();
        java.util.List<String> labels = xTickLabels(FingerprintCharts.histogram(fp.turnoutHistogram(simulated()),
                "Simulated"));
        assertTrue(labels.containsAll(java.util.List.of("0", "10", "50", "90", "100")), labels.toString());
        assertTrue(!labels.contains("5") && !labels.contains("2"), labels.toString());
    }
}
