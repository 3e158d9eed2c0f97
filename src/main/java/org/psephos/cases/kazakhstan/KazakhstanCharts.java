package org.psephos.cases.kazakhstan;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.psephos.estimation.PowerResult;
import org.psephos.report.ChartStyle;
import org.psephos.report.ScenarioReport;
import org.psephos.scenarios.HistoryModel;
import org.psephos.scenarios.IntradayTurnout;
import org.psephos.scenarios.ObserverSampling;
import org.psephos.scenarios.ScenarioResult;

/**
 * The charts of the Kazakhstan case study (XChart), by file name; every title and reference line is taken from the
 * result. Stateless. The sensitivity grid's charts are in {@link SensitivityCharts}.
 */
final class KazakhstanCharts {
    private static final int W = ChartStyle.WIDTH;
    private static final int H = ChartStyle.HEIGHT;

    private KazakhstanCharts() {
    }

    static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle(x).yAxisTitle(y).build();
        ChartStyle.apply(c.getStyler());
        c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        c.getStyler().setMarkerSize(6);
        return c;
    }

    static void line(XYChart c, String name, List<Double> xs, List<Double> ys) {
        List<Double> fx = new ArrayList<>();
        List<Double> fy = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (Double.isFinite(xs.get(i)) && Double.isFinite(ys.get(i))) {
                fx.add(xs.get(i));
                fy.add(ys.get(i));
            }
        }
        if (!fx.isEmpty() && !c.getSeriesMap().containsKey(name)) {
            c.addSeries(name, fx, fy);
        }
    }

    static void reference(XYChart c, String name, double x0, double x1, double y) {
        XYSeries s = c.addSeries(name, List.of(x0, x1), List.of(y, y));
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.GRAY);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
    }

    static CategoryChart category(String title, String x, String y, int height) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(height).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        ChartStyle.apply(c.getStyler());
        c.getStyler().setXAxisLabelRotation(60);
        return c;
    }

    static String pct(double p) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * p);
    }

    /** @return every chart by file name, in report order */
    static Map<String, Chart<?, ?>> charts(KazakhstanCase.Result r) {
        Map<String, Chart<?, ?>> out = new LinkedHashMap<>();
        out.put("history", history(r));
        for (KazakhstanModel.Calibration c : r.calibrations()) {
            out.put("calibration_" + c.election(), calibration(c));
        }
        scenarioA(r, out);
        out.put("scenario_b", scenarioB(r.b()));
        out.put("scenario_c", scenarioC(r));
        out.put("scenario_f", scenarioF(r.f()));
        for (int i = 0; i < r.d().powerResults().size(); i++) {
            out.put("power_" + i, power(r.d(), i));
        }
        out.put("observer_sample_sizes", observers(r.e()));
        for (IntradayTurnout t : r.intraday()) {
            out.put("intraday_" + t.election(), intraday(t));
        }
        out.putAll(SensitivityCharts.charts(r.sensitivity()));
        return out;
    }

    private static XYChart history(KazakhstanCase.Result r) {
        List<HistoryModel.ElectionRecord> els = r.history().elections();
        XYChart h = xy("Kazakhstan presidential elections " + els.get(0).year() + "-" + els.get(els.size() - 1).year()
                + ": winner's share and turnout (official)", "Year", "Percent");
        List<Double> years = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        List<Double> turnout = new ArrayList<>();
        for (HistoryModel.ElectionRecord e : els) {
            years.add((double) e.year());
            share.add(e.leaderShare());
            turnout.add(e.turnout());
        }
        h.getStyler().setXAxisDecimalPattern("0");
        line(h, "Winner's share", years, share);
        line(h, "Turnout", years, turnout);
        for (HistoryModel.PredictiveCheck c : r.history().checks()) {
            if (c.quantity().equals("leader share") && c.year() == els.get(els.size() - 1).year()) {
                reference(h, "Predictive 2.5% of a new share like " + c.referenceYears(), years.get(0),
                        years.get(years.size() - 1), c.predictiveLow());
                reference(h, "Predictive 97.5%", years.get(0), years.get(years.size() - 1), c.predictiveHigh());
            }
        }
        return h;
    }

    private static CategoryChart calibration(KazakhstanModel.Calibration c) {
        CategoryChart ch = category(c.election() + ": regional turnout, latest published CEC figure and the model's "
                + "expected turnout", "Region", "Turnout, %", H + 120);
        List<String> names = new ArrayList<>();
        List<Double> pub = new ArrayList<>();
        List<Double> mod = new ArrayList<>();
        for (KazakhstanModel.RegionTurnout t : c.regions()) {
            names.add(t.area().replace(" Region", "") + " (" + t.asOf() + ")");
            pub.add(t.published());
            mod.add(t.modelled());
        }
        ch.addSeries("published", names, pub);
        ch.addSeries("modelled (expected)", names, mod);
        return ch;
    }

    private static void scenarioA(KazakhstanCase.Result r, Map<String, Chart<?, ?>> out) {
        ScenarioResult a = r.a();
        double target = a.solutions().isEmpty() ? Double.NaN : a.solutions().get(0).target().value();
        double clean = a.points().get(0).cleanShare();
        XYChart s = xy("Scenario a: leader's share of valid votes by fraud intensity (clean " + pct(clean)
                + ", electorate " + a.electorate() + ")", "Intensity (share of non-voters / of opponents' votes; f_i; f_e)",
                "Leader's share, %");
        XYChart t = xy("Scenario a: reported turnout by fraud intensity", "Intensity", "Turnout, %");
        for (XYChart c : List.of(s, t)) {
            c.getStyler().setXAxisDecimalPattern("0.00");
        }
        double xmax = 0;
        for (String fam : ScenarioReport.families(a)) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> u = new ArrayList<>();
            for (ScenarioResult.Point p : a.points()) {
                if (p.family().equals(fam)) {
                    x.add(p.intensity());
                    y.add(100 * p.leaderShare().mean());
                    u.add(100 * p.turnout().mean());
                    xmax = Math.max(xmax, p.intensity());
                }
            }
            line(s, fam, x, y);
            line(t, fam, x, u);
        }
        reference(s, "Reported " + pct(target), 0, xmax, 100 * target);
        KazakhstanModel.Calibration c22 = r.calibration("kz-2022-presidential");
        reference(t, "Reported " + pct(c22.nationalTurnout()), 0, xmax, 100 * c22.nationalTurnout());
        out.put("scenario_a_share", s);
        out.put("scenario_a_turnout", t);
    }

    private static XYChart scenarioB(ScenarioResult b) {
        XYChart c = xy("Scenario b: smallest fraud with P(no runoff) >= " + b.minima().get(0).probability()
                + ", by clean support and base (electorate " + b.electorate() + ")", "Clean support of the leader, % of valid votes",
                "Smallest intensity");
        c.getStyler().setXAxisDecimalPattern("0");
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (ScenarioResult.Minimum m : b.minima()) {
            series.computeIfAbsent(ChartStyle.shorten(m.family(), 40) + " (" + m.base() + ")", k -> new ArrayList<>())
                    .add(new double[] {100 * m.cleanShare(), m.intensity()});
        }
        series.forEach((name, xy) -> line(c, name, xy.stream().map(v -> v[0]).toList(),
                xy.stream().map(v -> v[1]).toList()));
        return c;
    }

    private static XYChart scenarioC(KazakhstanCase.Result r) {
        XYChart c = xy("Scenario c: referendum turnout without the stuffed ballots (reported turnout held)",
                "Stuffed share of non-voters, every station", "Turnout without stuffing, %");
        c.getStyler().setXAxisDecimalPattern("0.00");
        double xmax = 0;
        for (ScenarioResult s : List.of(r.c(), r.c2024())) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (ScenarioResult.Point p : s.points()) {
                x.add(p.intensity());
                y.add(p.cleanTurnout() == null ? Double.NaN : 100 * p.cleanTurnout().mean());
                xmax = Math.max(xmax, p.intensity());
            }
            line(c, s.name(), x, y);
        }
        reference(c, "Turnout rule: more than " + pct(r.law().referendumTurnoutAbove()), 0, xmax,
                100 * r.law().referendumTurnoutAbove());
        return c;
    }

    private static XYChart scenarioF(ScenarioResult f) {
        XYChart c = xy("Scenario f: smallest fraud for a yes majority in enough regions (electorate " + f.electorate() + ")",
                "Clean yes support, % of valid votes", "Smallest intensity");
        c.getStyler().setXAxisDecimalPattern("0");
        for (String fam : ScenarioReport.families(f)) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (ScenarioResult.Minimum m : f.minima()) {
                if (m.family().equals(fam)) {
                    x.add(100 * m.cleanShare());
                    y.add(m.intensity());
                }
            }
            line(c, fam, x, y);
        }
        return c;
    }

    private static XYChart power(ScenarioResult d, int i) {
        PowerResult pr = d.powerResults().get(i);
        XYChart pc = xy("Scenario d: detection power, " + pr.fraud(), pr.parameters().get(0),
                "Probability of a flag (" + pct(d.power().alpha()) + " false-positive rate)");
        pc.getStyler().setYAxisMin(0.0);
        pc.getStyler().setYAxisMax(1.0);
        for (int t = 0; t < pr.tests().size(); t++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (PowerResult.Point p : pr.points()) {
                xs.add(p.values().values().iterator().next());
                ys.add(p.tests().get(t).power());
            }
            line(pc, pr.tests().get(t), xs, ys);
        }
        return pc;
    }

    private static XYChart observers(ScenarioResult e) {
        ObserverSampling.Result o = e.observer();
        XYChart c = xy("Scenario e: polling stations observers must cover to detect a turnout inflation ("
                + pct(o.power()) + " power, " + pct(o.alpha()) + " level)", "Inflation of the official turnout, points",
                "Stations (random sample)");
        c.getStyler().setYAxisLogarithmic(true);
        List<Double> k = new ArrayList<>();
        List<Double> n = new ArrayList<>();
        for (ObserverSampling.SampleSize z : o.sizes()) {
            k.add(z.k());
            n.add((double) z.n());
        }
        line(c, "Stations needed (closed form, checked by Monte Carlo)", k, n);
        return c;
    }

    private static XYChart intraday(IntradayTurnout t) {
        XYChart c = xy(t.election() + ": turnout announced at the CEC's briefings, on each region's clock",
                "Hours of voting (polls open " + t.open() + ":00-" + t.close() + ":00 local)",
                "Turnout, %");
        c.getStyler().setLegendVisible(true);
        c.getStyler().setMarkerSize(4);
        for (IntradayTurnout.Series s : t.regions()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (IntradayTurnout.Snapshot p : s.snapshots()) {
                x.add(p.hoursOpen());
                y.add(p.turnout());
            }
            line(c, s.area().replace(" Region", "") + (s.flagged() ? " (flagged)" : ""), x, y);
        }
        return c;
    }
}
