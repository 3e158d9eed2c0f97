package org.psephos.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.psephos.data.Election;
import org.psephos.data.UnitFilter;
import org.psephos.estimation.Estimators;
import org.psephos.estimation.KlimekFit;
import org.psephos.estimation.Shpilkin;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/** The Shpilkin curve and the Klimek fit chart, drawn from the battery's estimator rows on a simulated fraud. */
class EstimatorChartsTest {
    private static Election kept;
    private static BatteryResult result;
    private static Map<String, Chart<?, ?>> charts;

    @BeforeAll
    static void run() {
        ElectorateModel electorate = ElectorateModel.of(3_000, new SizeDistribution.Uniform(500, 1500),
                ProportionDistribution.normal(0.5, 0.1), ProportionDistribution.normal(0.55, 0.08));
        SimulationModel model = SimulationModel.clean(electorate).with(FraudModel.Klimek.of(0.3, 0.4, 2, 0.03));
        Election e = MonteCarloEngine.run(model, 11, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE,
                Progress.NONE).units().orElseThrow();
        BatteryOptions options = BatteryOptions.defaults().withReplicates(50).withSeed(5).withThreads(2);
        result = Battery.withDefaults().withTests(Estimators.registry().select(List.of(Shpilkin.ID, KlimekFit.ID)))
                .run(e, options, Progress.NONE);
        kept = UnitFilter.standard().apply(e).election();
        charts = AnalysisReport.moreCharts(kept, result);
    }

    private static TestResult row(String id) {
        return result.results().stream().filter(r -> r.id().equals(id) && TestInput.NATIONAL.equals(r.level()))
                .findFirst().orElseThrow();
    }

    private static XYSeries series(XYChart c, String prefix) {
        return c.getSeriesMap().entrySet().stream().filter(en -> en.getKey().startsWith(prefix)
                && !en.getKey().endsWith("(band)")).findFirst()
                .orElseThrow(() -> new AssertionError(prefix + " not in " + c.getSeriesMap().keySet())).getValue();
    }

    private static void writesPngAndSvg(Chart<?, ?> c, Path dir, String name) throws Exception {
        ChartImages.write(c, dir, name);
        byte[] png = Files.readAllBytes(dir.resolve(name + ".png"));
        assertTrue(png.length > 1000, name);
        assertTrue(Arrays.equals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                Arrays.copyOf(png, 8)), "PNG magic bytes: " + name);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        String root = f.newDocumentBuilder().parse(dir.resolve(name + ".svg").toFile()).getDocumentElement()
                .getNodeName();
        assertTrue(root.equals("svg") || root.endsWith(":svg"), "SVG parses as XML with an svg root: " + root);
        assertTrue(c.getTitle().contains(kept.name()), "the title names the election: " + c.getTitle());
    }

    @Test
    void shpilkinChartPlotsTheEstimatorsExcess(@TempDir Path dir) throws Exception {
        XYChart c = (XYChart) charts.get("shpilkin");
        assertTrue(c != null, "drawn when Shpilkin ran: " + charts.keySet());
        writesPngAndSvg(c, dir, "shpilkin");
        double excess = ((Number) row(Shpilkin.ID).details().get("excess_votes")).doubleValue();
        assertTrue(excess > 10_000, "the fraud leaves an excess: " + excess);
        XYSeries leader = series(c, kept.leaderName());
        XYSeries clean = series(c, ShpilkinChart.CLEAN);
        double peak = clean.getXData()[0];
        double plotted = 0;
        double[] lx = leader.getXData();
        double[] ly = leader.getYData();
        for (int k = 0; k < lx.length; k++) {
            if (lx[k] > peak) {
                int j = Arrays.binarySearch(clean.getXData(), lx[k]);
                plotted += ly[k] - clean.getYData()[j];
            }
        }
        assertEquals(excess, plotted, 1e-6 * Math.abs(excess), "shaded area = the estimator's excess_votes");
        assertTrue(c.getTitle().contains(ShpilkinChart.votes(excess)), c.getTitle());
        assertTrue(c.getSeriesMap().keySet().stream().anyMatch(k -> k.startsWith("Clean peak t* = ")),
                "peak marked");
    }

    /**
     * The sensitivity chart is the Shpilkin row's: its line is the row's F against t*, the chosen peak's line stands
     * at the row's clean turnout, one point per automatic rule; the report's fragility section quotes the reason.
     */
    @Test
    void shpilkinSensitivityChartIsTheRowsTable(@TempDir Path dir) throws Exception {
        XYChart c = (XYChart) charts.get("shpilkin_sensitivity");
        assertTrue(c != null, "drawn when Shpilkin ran: " + charts.keySet());
        writesPngAndSvg(c, dir, "shpilkin_sensitivity");
        Map<String, Object> d = row(Shpilkin.ID).details();
        List<?> grid = (List<?>) d.get("sensitivity");
        XYSeries f = series(c, ShpilkinSensitivityChart.EXCESS);
        assertEquals(grid.size(), f.getYData().length);
        for (int k = 0; k < grid.size(); k++) {
            Map<?, ?> g = (Map<?, ?>) grid.get(k);
            assertEquals(100 * ((Number) g.get("clean_turnout")).doubleValue(), f.getXData()[k], 1e-9);
            assertEquals(((Number) g.get("excess_votes")).doubleValue(), f.getYData()[k], 0);
        }
        XYSeries chosen = series(c, ShpilkinSensitivityChart.CHOSEN);
        assertEquals(100 * ((Number) d.get("clean_turnout")).doubleValue(), chosen.getXData()[0], 1e-9);
        assertTrue(chosen.getName().contains("(first rule)"), chosen.getName());
        for (String rule : List.of("others", "height", "smoothed", "first")) {
            series(c, rule + " rule: ");
        }
        String text = EstimatorFragility.sections(result).stream().filter(x -> x instanceof HtmlReport.Paragraph)
                .map(x -> ((HtmlReport.Paragraph) x).text()).findFirst().orElseThrow();
        assertEquals("Shpilkin: " + d.get("peak_reason"), text);
    }

    @Test
    void klimekFitChartShowsTheFittedModelCloserThanTheFairOne(@TempDir Path dir) throws Exception {
        XYChart c = (XYChart) charts.get("klimek_fit");
        assertTrue(c != null, "drawn when KlimekFit ran: " + charts.keySet());
        writesPngAndSvg(c, dir, "klimek_fit");
        double[] obs = series(c, "Observed").getYData();
        double[] fit = series(c, "Fitted model").getYData();
        double[] fair = series(c, "Fair model").getYData();
        assertEquals(kept.size(), Arrays.stream(obs).sum(), 1e-9, "every unit in the observed histogram");
        assertEquals(kept.size(), Arrays.stream(fit).sum(), 1e-9, "simulated with the same units");
        double dFit = 0;
        double dFair = 0;
        for (int k = 0; k < obs.length; k++) {
            dFit += Math.abs(fit[k] - obs[k]);
            dFair += Math.abs(fair[k] - obs[k]);
        }
        assertTrue(dFit < 0.7 * dFair, "fitted " + dFit + " vs fair " + dFair);
        double fi = ((Number) row(KlimekFit.ID).details().get("f_i")).doubleValue();
        assertTrue(series(c, "Fitted model").getName().contains(String.format(java.util.Locale.ROOT, "%.3f", fi)));
    }

    @Test
    void estimatorChartsOnlyWhenTheEstimatorsRan() {
        BatteryResult none = new BatteryResult(List.of(), result.filter(), result.summary(), null, result.settings());
        Map<String, Chart<?, ?>> m = AnalysisReport.moreCharts(kept, none);
        assertFalse(m.containsKey("shpilkin") || m.containsKey("klimek_fit")
                || m.containsKey("shpilkin_sensitivity"), m.keySet().toString());
        assertTrue(EstimatorFragility.sections(none).isEmpty());
    }
}
