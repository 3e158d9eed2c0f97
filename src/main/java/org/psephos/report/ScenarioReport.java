package org.psephos.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.psephos.scenarios.ScenarioResult;

/**
 * The HTML report of any scenario file ({@code psephos scenarios FILE --report OUT.html}): the scenario's own
 * description, the answers it asks for (the intensity that reaches a target share, the smallest fraud that avoids a
 * runoff), the leader's share and turnout against fraud intensity per fraud family with their 95% replicate bands,
 * and a table of every simulated point. Stateless.
 *
 * @since 0.1
 */
public final class ScenarioReport {
    private ScenarioReport() {
    }

    /**
     * @param r a scenario's result
     * @return the report
     */
    public static HtmlReport html(ScenarioResult r) {
        HtmlReport.Builder h = HtmlReport.builder(r.name());
        h.paragraph(r.description());
        h.paragraph(String.format(Locale.ROOT, "Electorate %s: %,d stations; %d replicates per point; seed %d.",
                r.electorate(), r.stations(), r.replicates(), r.seed()));
        if (!r.solutions().isEmpty()) {
            h.heading("Fraud that reaches the target share");
            solutions(h, r);
        }
        if (!r.minima().isEmpty()) {
            h.heading("Smallest fraud that carries the rule");
            h.add(minima(r));
        }
        if (!r.points().isEmpty()) {
            h.heading("Leader's share and turnout against fraud intensity");
            h.figure(chart(r, Measure.LEADER_SHARE),
                    "Leader's share of valid votes (mean and 95% replicate band) per fraud family.");
            h.figure(chart(r, Measure.TURNOUT), "Reported turnout (mean and 95% replicate band) per fraud family.");
            List<List<String>> rows = new ArrayList<>();
            for (ScenarioResult.Point p : r.points()) {
                rows.add(List.of(p.family(), pct(p.cleanShare()), num(p.intensity(), 4), pct(p.leaderShare().mean()),
                        pct(p.leaderShare().q025()) + " to " + pct(p.leaderShare().q975()), pct(p.turnout().mean()),
                        num(p.pNoRunoff(), 2)));
            }
            h.add(table("Every simulated point", List.of("fraud", "clean support", "intensity", "leader share",
                    "95% band", "turnout", "P(no runoff)"), rows));
        }
        h.provenance("Scenario", r.name());
        h.provenance("Seed", Long.toString(r.seed()));
        h.provenance("Replicates per point", Integer.toString(r.replicates()));
        return h.build();
    }

    /** What a chart plots against fraud intensity. */
    private enum Measure {
        /** The leader's share of valid votes. */
        LEADER_SHARE("Leader's share", "Leader's share of valid votes (%)"),
        /** The reported turnout. */
        TURNOUT("Turnout", "Turnout (%)");

        final String title;
        final String axis;

        Measure(String title, String axis) {
            this.title = title;
            this.axis = axis;
        }
    }

    private static XYChart chart(ScenarioResult r, Measure measure) {
        XYChart c = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(measure.title + " against fraud intensity: " + r.name())
                .xAxisTitle("Fraud intensity").yAxisTitle(measure.axis)
                .build();
        ChartStyle.apply(c.getStyler());
        c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        int i = 0;
        for (String family : families(r)) {
            List<Double> xs = new ArrayList<>();
            List<Double> mean = new ArrayList<>();
            List<Double> low = new ArrayList<>();
            List<Double> high = new ArrayList<>();
            for (ScenarioResult.Point p : r.points()) {
                var d = measure == Measure.LEADER_SHARE ? p.leaderShare() : p.turnout();
                if (p.family().equals(family) && Double.isFinite(d.mean())) {
                    xs.add(p.intensity());
                    mean.add(100 * d.mean());
                    low.add(100 * d.q025());
                    high.add(100 * d.q975());
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            String name = ChartStyle.shorten(family, 60);
            XYSeries m = c.addSeries(name, xs, mean);
            m.setLineColor(ChartStyle.colour(i));
            m.setMarkerColor(ChartStyle.colour(i));
            for (List<Double> band : List.of(low, high)) {
                XYSeries b = c.addSeries(name + (band == low ? " 2.5%" : " 97.5%"), xs, band);
                b.setMarker(SeriesMarkers.NONE);
                b.setLineColor(ChartStyle.translucent(ChartStyle.colour(i), 110));
                b.setShowInLegend(false);
            }
            i++;
        }
        return c;
    }

    /**
     * One sentence per solved question: the intensity that turns the clean share into the target, its band, and the
     * turnout that results (and the turnout without stuffed ballots where the scenario holds reported turnout).
     *
     * @param h the report being built
     * @param r the scenario's result
     */
    public static void solutions(HtmlReport.Builder h, ScenarioResult r) {
        for (ScenarioResult.Solution s : r.solutions()) {
            if (!s.reached()) {
                double best = Double.NaN;
                for (ScenarioResult.Point p : r.points()) {
                    if (p.family().equals(s.family())) {
                        best = p.leaderShare().mean();
                    }
                }
                h.paragraph(String.format(Locale.ROOT, "%s: cannot reach %s within the swept range (at most %s of valid "
                        + "votes).", s.family(), pct(s.target().value()), pct(best)));
            } else {
                boolean share = s.target().target() == org.psephos.scenarios.ScenarioSpec.Target.LEADER_SHARE;
                StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%s: intensity %.3f ± %s (Monte Carlo "
                                + "standard error; the replicates' 2.5%%-97.5%% band, clean-election variation: %.3f-%s) "
                                + "%s %s; reported turnout then %s (the replicates' 2.5%%-97.5%% band %s-%s; Monte Carlo "
                                + "error %s points).", s.family(), s.intensity(), num(s.intensityError(), 3),
                        s.intensityLow(), num(s.intensityHigh(), 3), share ? "turns a clean " + pct(s.cleanShare())
                                + " into" : "brings the turnout without the stuffed ballots down to",
                        pct(s.target().value()), pct(s.turnout()), pct(s.turnoutLow()), pct(s.turnoutHigh()),
                        num(100 * s.turnoutError(), 2)));
                if (share && Double.isFinite(s.cleanTurnout())) {
                    t.append(String.format(Locale.ROOT, " Turnout without the stuffed ballots: %s ± %s points; P(at "
                            + "most the threshold) = %.2f.", pct(s.cleanTurnout()), num(100 * s.shareError(), 2),
                            s.pCleanTurnoutAtMost()));
                }
                h.paragraph(t.toString());
            }
        }
    }

    /**
     * @param r a scenario's result with minima
     * @return the table of its smallest sufficient frauds, one row per (fraud, clean support, rule and base)
     */
    public static HtmlReport.Table minima(ScenarioResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioResult.Minimum m : r.minima()) {
            rows.add(List.of(m.family(), pct(m.cleanShare()), rule(m), m.reached() ? num(m.intensity(), 4)
                    : "not reached", num(m.intensityError(), 4), num(m.pPass(), 2) + " ± " + num(m.pPassError(), 2),
                    pct(m.turnout()), pct(m.leaderShare()), num(100 * m.figureError(), 2)));
        }
        return table("Smallest intensity with which the rule holds with at least the required probability (± its "
                + "Monte Carlo standard error)", List.of("fraud", "clean support", "rule (base)", "smallest intensity",
                "± (MC)", "P(rule holds)", "turnout", "leader share on the base", "± (MC, points)"), rows);
    }

    /** @return the rule and base of a minimum as a reader reads it */
    static String rule(ScenarioResult.Minimum m) {
        String base = m.base() + (m.againstAll().isEmpty() ? "" : ", against all " + m.againstAll());
        return m.rule().equals("NO_RUNOFF") ? "no runoff (" + base + ")" : "majority in enough regions (" + base
                + ")";
    }

    /** @param r a scenario's result @return its fraud families, in order of first appearance */
    public static List<String> families(ScenarioResult r) {
        List<String> out = new ArrayList<>();
        for (ScenarioResult.Point p : r.points()) {
            if (!out.contains(p.family())) {
                out.add(p.family());
            }
        }
        return out;
    }

    static HtmlReport.Table table(String caption, List<String> header, List<List<String>> rows) {
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            final int col = i;
            if (rows.stream().allMatch(row -> row.get(col).matches("-?[0-9.,]+%?|n/a|not reached"))) {
                numeric.add(i);
            }
        }
        return new HtmlReport.Table(caption, header, rows, numeric, Collections.nCopies(rows.size(), ""));
    }

    /** @param p a proportion @return it as a percentage with two decimals, "n/a" if not finite */
    public static String pct(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.2f%%", 100 * p) : "n/a";
    }

    /** @param v a number @param decimals decimals shown @return it so, "n/a" if not finite */
    public static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }
}
