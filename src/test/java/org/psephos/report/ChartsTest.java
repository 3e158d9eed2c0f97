package org.psephos.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.psephos.forensics.BenfordSecondDigit;

class ChartsTest {
    @Test
    void digitChartHasObservedAndExpectedWithIntervals(@TempDir Path dir) {
        long[] f = {120, 114, 109, 104, 100, 97, 93, 90, 88, 85};
        CategoryChart c = DigitCharts.of(f, BenfordSecondDigit.probabilities(), "Test: second digits", "Second digit");
        assertEquals(2, c.getSeriesMap().size());
        assertTrue(c.getSeriesMap().keySet().stream().anyMatch(k -> k.contains("n = 1,000")));
        ChartImages.write(c, dir, "digits");
        assertTrue(Files.exists(dir.resolve("digits.png")) && Files.exists(dir.resolve("digits.svg")));
        assertThrows(IllegalArgumentException.class, () -> DigitCharts.of(new long[9], new double[10], "t", "d"));
        assertThrows(IllegalArgumentException.class, () -> DigitCharts.of(new long[] {-1, 0, 0, 0, 0, 0, 0, 0, 0,
            0}, new double[10], "t", "d"));
    }

    @Test
    void timeSeriesAndBandChartsDrawFromPlainArrays() throws Exception {
        XYChart t = TimeSeriesChart.of("Kazakhstan: leader's share", "Share of valid votes (%)", List.of(
                new TimeSeriesChart.Series("leader", new double[] {1999, 2005, 2011}, new double[] {79.8, 91.2,
                    95.6}),
                new TimeSeriesChart.Series("turnout", new double[] {1999, 2005, 2011}, new double[] {87, 77, 90})));
        assertEquals(2, t.getSeriesMap().size());
        assertTrue(FingerprintChartsTest.xTickLabels(t).contains("2005"), "years without separators");
        double[] x = {0, 0.1, 0.2, 0.3};
        XYChart b = BandChart.of("Power of 2BL", "Stuffed share (%)", "Detection rate (%)", List.of(
                BandChart.Line.withBand("2BL", x, new double[] {5, 20, 60, 90}, new double[] {3, 15, 52, 85},
                        new double[] {8, 26, 67, 94}),
                BandChart.Line.of("LastC", x, new double[] {5, 6, 8, 10})));
        assertEquals(4, b.getSeriesMap().size(), "one band polygon, an invisible tick anchor and two lines");
        double[] grid = java.util.stream.IntStream.rangeClosed(0, 200).mapToDouble(k -> k * 0.5).toArray();
        XYChart g = BandChart.of("Grid", "Turnout (%)", "y", List.of(BandChart.Line.of("g", grid, grid)));
        List<String> ticks = FingerprintChartsTest.xTickLabels(g);
        assertTrue(ticks.contains("50") && !ticks.contains("3"), "numeric ticks, not every data point: " + ticks);
        assertTrue(ChartImages.png(b).length > 1000);
        assertThrows(IllegalArgumentException.class, () -> BandChart.Line.withBand("x", x, x, x, null));
        assertThrows(IllegalArgumentException.class, () -> new TimeSeriesChart.Series("x", x, new double[1]));
    }

    @Test
    void longNamesKeepTheirDistinguishingEnd() {
        String s = ChartStyle.shorten("4. Политическая партия \"Коммунистическая партия Российской Федерации\"", 45);
        assertTrue(s.startsWith("4. Политическая") && s.endsWith("Российской Федерации\""), s);
        assertTrue(s.length() <= 50, s);
        assertEquals("Short name", ChartStyle.shorten("Short name", 45));
    }
}
