package org.psephos.cases.kazakhstan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.psephos.report.ChartStyle;

/**
 * The charts of the sensitivity grid ({@link KazakhstanSensitivity}): one per scenario, every figure over the grid's
 * cells; and the names the report gives the grid's parameters and cells. Stateless.
 */
final class SensitivityCharts {
    private SensitivityCharts() {
    }

    /**
     * One chart per scenario (a–e; e: the sample sizes of the smallest and largest inflation): every figure of the
     * scenario (one line each) over the cells of the grid, in the
     * order of the report's tables.
     */
    static Map<String, Chart<?, ?>> charts(KazakhstanSensitivity.Result s) {
        Map<String, Chart<?, ?>> out = new LinkedHashMap<>();
        List<KazakhstanSensitivity.Variant> cells = s.variants();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            labels.add(variantLabel(i, cells.get(i), s.varied()));
        }
        // Scenario e: the smallest and the largest inflation's sample sizes (one scale: stations).
        List<KazakhstanSensitivity.Summary> sizes = s.summaries().stream().filter(m -> m.scenario().equals("e")
                && m.label().startsWith("stations")).toList();
        for (String k : List.of("a", "b", "c", "d", "e")) {
            CategoryChart c = null;
            for (KazakhstanSensitivity.Summary m : s.summaries()) {
                if (!m.scenario().equals(k) || k.equals("c") && m.label().contains("yes share")
                        || k.equals("e") && (sizes.isEmpty() || m != sizes.get(0) && m != sizes.get(sizes.size() - 1))) {
                    continue;
                }
                List<Double> y = new ArrayList<>();
                for (KazakhstanSensitivity.Variant v : cells) {
                    KazakhstanSensitivity.Figure f = v.figure(m.scenario(), m.label());
                    y.add(f == null ? Double.NaN : f.value());
                }
                if (!y.stream().allMatch(Double::isFinite)) {
                    continue;
                }
                if (c == null) {
                    c = KazakhstanCharts.category("Scenario " + k + " on each cell of the grid (" + String.join(" / ",
                            s.varied().stream().map(SensitivityCharts::parameterName).toList()) + ")", "Cell",
                            k.equals("d") ? "Power" : k.equals("e") ? "Stations" : "Intensity", ChartStyle.HEIGHT + 160);
                    c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
                    c.getStyler().setDefaultSeriesRenderStyle(
                            CategorySeries.CategorySeriesRenderStyle.Line);
                }
                String name = ChartStyle.shorten(m.label(), 70);
                if (!c.getSeriesMap().containsKey(name)) {
                    c.addSeries(name, labels, y);
                }
            }
            if (c != null) {
                out.put("sensitivity_" + k, c);
            }
        }
        return out;
    }

    /** @return a grid parameter's name as the report prints it */
    static String parameterName(String parameter) {
        return switch (parameter) {
            case "stationSd" -> "station sd";
            case "sizeSigma" -> "size log-sd";
            default -> "regional sd";
        };
    }

    /** @return a cell's label: its number and the values of the varied parameters */
    static String variantLabel(int i, KazakhstanSensitivity.Variant v, List<String> varied) {
        return (i + 1) + ": " + String.join("/", varied.stream().map(p -> String.format(Locale.ROOT, "%.3f",
                v.value(p)).replaceAll("0+$", "").replaceAll("\\.$", "")).toList());
    }
}
