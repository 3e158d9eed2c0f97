package org.psephos.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.psephos.data.AtomicFiles;
import org.psephos.scenarios.HistoryModel;
import org.psephos.scenarios.KazakhstanCase;
import org.psephos.scenarios.KazakhstanModel;
import org.psephos.scenarios.ObserverSampling;
import org.psephos.scenarios.ScenarioJson;
import org.psephos.scenarios.ScenarioResult;

/**
 * Writes the Kazakhstan case study: {@code results.json} (every figure), CSV tables, PNG and SVG charts (XChart)
 * and a self-contained {@code report.html} (charts embedded, all text escaped). Stateless.
 *
 * @since 0.1
 */
public final class KazakhstanReport {
    private static final int W = 900;
    private static final int H = 500;

    private KazakhstanReport() {
    }

    /**
     * @param r   the case study
     * @param dir an existing directory
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void write(KazakhstanCase.Result r, Path dir) {
        AtomicFiles.writeText(dir.resolve("results.json"), w -> w.write(ScenarioJson.write(r)));
        writeTables(r, dir);
        Map<String, Chart<?, ?>> charts = charts(r);
        Map<String, byte[]> png = new LinkedHashMap<>();
        for (Map.Entry<String, Chart<?, ?>> c : charts.entrySet()) {
            png.put(c.getKey(), save(c.getValue(), dir, c.getKey()));
        }
        String html = html(r, png);
        AtomicFiles.writeText(dir.resolve("report.html"), w -> w.write(html));
    }

    private static String pct(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.2f%%", 100 * p) : "n/a";
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }

    // ---------------------------------------------------------------- tables

    private static void table(Path dir, String name, List<String> header, List<List<Object>> rows) {
        AtomicFiles.writeText(dir.resolve(name), w -> {
            CsvWriter.row(w, header);
            for (List<Object> row : rows) {
                CsvWriter.row(w, row);
            }
        });
    }

    private static void writeTables(KazakhstanCase.Result r, Path dir) {
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryModel.ElectionRecord e : r.history().elections()) {
            rows.add(List.of(e.election(), e.date(), e.leader(), e.leaderShare(), e.turnout(), e.runnerUp(),
                    e.margin(), e.enp(), e.againstAll()));
        }
        table(dir, "history.csv", List.of("election", "date", "leader", "leader_percent", "turnout_percent",
                "runner_up", "margin_points", "effective_candidates", "against_all_percent"), rows);
        rows = new ArrayList<>();
        for (HistoryModel.PredictiveCheck c : r.history().checks()) {
            rows.add(List.of(c.quantity(), c.year(), c.observed(), c.predictiveMedian(), c.predictiveLow(),
                    c.predictiveHigh(), c.percentile(), c.pTwoSided(), c.referenceMean(), c.referenceSd(), c.df()));
        }
        table(dir, "predictive_checks.csv", List.of("quantity", "year", "observed_percent", "predictive_median",
                "predictive_2.5", "predictive_97.5", "percentile", "p_two_sided", "reference_logit_mean",
                "reference_logit_sd", "df"), rows);
        rows = new ArrayList<>();
        for (HistoryModel.ExitPollDifference d : r.history().exitPolls()) {
            rows.add(List.of(d.election(), d.pollster(), d.option(), d.poll(), d.official(), d.difference()));
        }
        table(dir, "exit_polls.csv", List.of("election", "pollster", "option", "poll_percent", "official_percent",
                "official_minus_poll"), rows);
        for (KazakhstanModel.Calibration c : List.of(r.calibration2019(), r.calibration2022())) {
            rows = new ArrayList<>();
            for (KazakhstanModel.RegionTurnout t : c.regions()) {
                rows.add(List.of(t.area(), t.published(), t.asOf(), 100 * t.calibrated()));
            }
            table(dir, "regions_" + c.year() + ".csv", List.of("area", "published_turnout_percent", "snapshot",
                    "model_turnout_percent"), rows);
        }
        points(dir, "scenario_a_points.csv", r.a());
        points(dir, "scenario_c_points.csv", r.c());
        rows = new ArrayList<>();
        for (ScenarioResult sr : List.of(r.a(), r.c())) {
            for (ScenarioResult.Solution s : sr.solutions()) {
                rows.add(List.of(sr.name(), s.family(), s.cleanShare(), s.target(), s.reached(), s.intensity(),
                        s.intensityLow(), s.intensityHigh(), s.turnout(), s.turnoutLow(), s.turnoutHigh(),
                        s.cleanTurnout(), s.pCleanTurnoutAtMost()));
            }
        }
        table(dir, "solutions.csv", List.of("scenario", "family", "clean_share", "target_share", "reached",
                "intensity", "intensity_low", "intensity_high", "turnout", "turnout_2.5", "turnout_97.5",
                "clean_turnout", "p_clean_turnout_at_most"), rows);
        rows = new ArrayList<>();
        for (ScenarioResult.Minimum m : r.b().minima()) {
            rows.add(List.of(m.family(), m.cleanShare(), m.probability(), m.reached(), m.intensity(),
                    m.bracketLow(), m.pNoRunoff(), m.turnout(), m.leaderShare()));
        }
        table(dir, "scenario_b_minima.csv", List.of("family", "clean_share", "required_p_no_runoff", "reached",
                "minimal_intensity", "largest_failing_intensity", "p_no_runoff", "turnout", "leader_share"), rows);
        rows = new ArrayList<>();
        for (ObserverSampling.SampleSize z : r.e().observer().sizes()) {
            rows.add(List.of(z.k(), z.n(), z.n0(), z.powerMc(), z.powerMcSe(), z.levelMc()));
        }
        table(dir, "observer_sample_sizes.csv", List.of("inflation_points", "stations", "stations_no_fpc",
                "power_monte_carlo", "power_se", "level_monte_carlo"), rows);
    }

    private static void points(Path dir, String name, ScenarioResult r) {
        List<List<Object>> rows = new ArrayList<>();
        for (ScenarioResult.Point p : r.points()) {
            List<Object> row = new ArrayList<>(List.of(p.family(), p.cleanShare(), p.intensity(),
                    p.leaderShare().mean(), p.leaderShare().q025(), p.leaderShare().q975(), p.turnout().mean(),
                    p.turnout().q025(), p.turnout().q975(), p.pNoRunoff(), p.pLeaderAtLeast()));
            row.add(p.cleanTurnout() == null ? null : p.cleanTurnout().mean());
            rows.add(row);
        }
        table(dir, name, List.of("family", "clean_share", "intensity", "leader_share", "leader_share_2.5",
                "leader_share_97.5", "turnout", "turnout_2.5", "turnout_97.5", "p_no_runoff", "p_leader_at_least",
                "clean_turnout"), rows);
    }

    // ---------------------------------------------------------------- charts

    private static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setMarkerSize(6);
        return c;
    }

    private static void line(XYChart c, String name, List<Double> xs, List<Double> ys) {
        List<Double> fx = new ArrayList<>();
        List<Double> fy = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (Double.isFinite(xs.get(i)) && Double.isFinite(ys.get(i))) {
                fx.add(xs.get(i));
                fy.add(ys.get(i));
            }
        }
        if (!fx.isEmpty()) {
            c.addSeries(name, fx, fy);
        }
    }

    private static void reference(XYChart c, String name, double x0, double x1, double y) {
        XYSeries s = c.addSeries(name, List.of(x0, x1), List.of(y, y));
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.GRAY);
    }

    private static Map<String, Chart<?, ?>> charts(KazakhstanCase.Result r) {
        Map<String, Chart<?, ?>> out = new LinkedHashMap<>();
        XYChart h = xy("Kazakhstan presidential elections 1991-2022: winner's share and turnout (official)", "Year",
                "Percent");
        List<Double> years = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        List<Double> turnout = new ArrayList<>();
        for (HistoryModel.ElectionRecord e : r.history().elections()) {
            years.add((double) e.year());
            share.add(e.leaderShare());
            turnout.add(e.turnout());
        }
        h.getStyler().setXAxisDecimalPattern("0");
        line(h, "Winner's share (Nazarbayev to 2015, Tokayev 2019, 2022)", years, share);
        line(h, "Turnout", years, turnout);
        for (HistoryModel.PredictiveCheck c : r.history().checks()) {
            if (c.quantity().equals("leader share") && c.year() == 2022) {
                reference(h, "Predictive 2.5% of a new Nazarbayev-era share", 2017, 2024, c.predictiveLow());
                reference(h, "Predictive 97.5%", 2017, 2024, c.predictiveHigh());
            }
        }
        out.put("history", h);

        CategoryChart reg = new CategoryChartBuilder().width(W).height(H + 100)
                .title("2022 regional turnout, CEC preliminary (* = 18:05 figure, no 22:00 figure)")
                .xAxisTitle("Region").yAxisTitle("Turnout, %").build();
        reg.getStyler().setChartBackgroundColor(Color.WHITE);
        reg.getStyler().setXAxisLabelRotation(60);
        reg.getStyler().setLegendVisible(false);
        List<String> names = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (KazakhstanModel.RegionTurnout t : r.calibration2022().regions()) {
            names.add(t.area().replace(" Region", "") + (t.asOf().startsWith("18:05") ? " *" : ""));
            vals.add(t.published());
        }
        reg.addSeries("turnout", names, vals);
        out.put("regional_turnout_2022", reg);

        XYChart a = xy("Scenario a: leader's share of valid votes by fraud intensity (clean 70.96%, 2022 electorate)",
                "Intensity (share of non-voters / of opponents' votes; f_i; f_e)", "Leader's share, %");
        XYChart at = xy("Scenario a: reported turnout by fraud intensity", "Intensity", "Turnout, %");
        for (String fam : families(r.a())) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> t = new ArrayList<>();
            for (ScenarioResult.Point p : r.a().points()) {
                if (p.family().equals(fam)) {
                    x.add(p.intensity());
                    y.add(100 * p.leaderShare().mean());
                    t.add(100 * p.turnout().mean());
                }
            }
            line(a, fam, x, y);
            line(at, fam, x, t);
        }
        reference(a, "Reported 81.31%", 0, 1, 81.31);
        reference(at, "Reported 69.44%", 0, 1, 69.44);
        out.put("scenario_a_share", a);
        out.put("scenario_a_turnout", at);

        XYChart b = xy("Scenario b: smallest fraud with P(no runoff) >= 0.95, by clean support (2022 electorate)",
                "Clean support of the leader, % of valid votes", "Minimal intensity");
        b.getStyler().setXAxisDecimalPattern("0");
        for (String fam : families(r.b())) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (ScenarioResult.Minimum m : r.b().minima()) {
                if (m.family().equals(fam)) {
                    x.add((double) Math.round(100 * m.cleanShare()));
                    y.add(m.intensity());
                }
            }
            line(b, fam, x, y);
        }
        out.put("scenario_b", b);

        XYChart c = xy("Scenario c: turnout without the stuffed ballots (reported turnout held at 69.44%)",
                "Stuffed share of non-voters, every station", "Percent");
        c.getStyler().setXAxisDecimalPattern("0.00");
        List<Double> x = new ArrayList<>();
        List<Double> clean = new ArrayList<>();
        List<Double> lead = new ArrayList<>();
        for (ScenarioResult.Point p : r.c().points()) {
            x.add(p.intensity());
            clean.add(p.cleanTurnout() == null ? Double.NaN : 100 * p.cleanTurnout().mean());
            lead.add(100 * p.leaderShare().mean());
        }
        line(c, "Turnout without stuffing", x, clean);
        line(c, "Leader's reported share", x, lead);
        reference(c, "50% participation reference (parameter; not confirmed in law)", 0, x.get(x.size() - 1), 50);
        out.put("scenario_c", c);

        XYChart e = xy("Scenario e: polling stations observers must cover to detect a turnout inflation "
                + "(95% power, 5% level)", "Inflation of the official turnout, points", "Stations (random sample)");
        e.getStyler().setYAxisLogarithmic(true);
        List<Double> k = new ArrayList<>();
        List<Double> n = new ArrayList<>();
        for (ObserverSampling.SampleSize z : r.e().observer().sizes()) {
            k.add(z.k());
            n.add((double) z.n());
        }
        line(e, "Stations needed (closed form, checked by Monte Carlo)", k, n);
        out.put("observer_sample_sizes", e);
        return out;
    }

    private static List<String> families(ScenarioResult r) {
        List<String> out = new ArrayList<>();
        for (ScenarioResult.Point p : r.points()) {
            if (!out.contains(p.family())) {
                out.add(p.family());
            }
        }
        return out;
    }

    /** Writes base.png and base.svg; returns the PNG bytes for embedding. */
    private static byte[] save(Chart<?, ?> chart, Path dir, String base) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
            byte[] bytes = png.toByteArray();
            AtomicFiles.write(dir.resolve(base + ".png"), o -> o.write(bytes));
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            byte[] vec = svg.toByteArray();
            AtomicFiles.write(dir.resolve(base + ".svg"), o -> o.write(vec));
            return bytes;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write chart " + base + " to " + dir, ex);
        }
    }

    // ---------------------------------------------------------------- HTML

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static void p(StringBuilder h, String text) {
        h.append("<p>").append(esc(text)).append("</p>\n");
    }

    private static void img(StringBuilder h, Map<String, byte[]> png, String key, String alt) {
        h.append("<figure><img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.get(key))).append("\"><figcaption>")
                .append(esc(alt)).append(" (").append(esc(key)).append(".png / .svg)</figcaption></figure>\n");
    }

    private static void rows(StringBuilder h, List<String> header, List<List<String>> rows) {
        h.append("<table><thead><tr>");
        for (String c : header) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (List<String> r : rows) {
            h.append("<tr>");
            for (String c : r) {
                h.append("<td>").append(esc(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static String html(KazakhstanCase.Result r, Map<String, byte[]> png) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Kazakhstan presidential elections: history, synthetic stations and fraud scenarios</title>"
                + "<style>body{font-family:sans-serif;max-width:62em;margin:2em auto;padding:0 1em;line-height:1.45}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.2em .5em;"
                + "text-align:right}th{background:#eee}img{max-width:100%}figure{margin:1em 0}"
                + "figcaption{font-size:.9em;color:#444}.note{background:#fff6d5;padding:.5em}</style></head><body>\n");
        h.append("<h1>Kazakhstan presidential elections: history, synthetic stations and fraud scenarios</h1>\n");
        p(h, "No polling-station results of any Kazakh election were published. Everything below works from "
                + "national and regional aggregates and from Monte Carlo simulation of a synthetic electorate "
                + "calibrated to them; the simulated station-level figures are models, not data.");

        h.append("<h2>1. History</h2>\n");
        img(h, png, "history", "Winner's share and turnout, 1991-2022");
        List<List<String>> hist = new ArrayList<>();
        for (HistoryModel.ElectionRecord e : r.history().elections()) {
            hist.add(List.of(Integer.toString(e.year()), e.leader(), num(e.leaderShare(), 2), num(e.turnout(), 2),
                    num(e.margin(), 2), num(e.enp(), 3), num(e.againstAll(), 2)));
        }
        rows(h, List.of("Year", "Winner", "Share %", "Turnout %", "Margin (points)", "Effective candidates",
                "Against all %"), hist);
        for (HistoryModel.PredictiveCheck c : r.history().checks()) {
            p(h, String.format(Locale.ROOT, "%d %s %.2f%%: at the %.1fth percentile of the predictive distribution "
                            + "from the Nazarbayev elections of %s (95%% predictive interval %.1f-%.1f%%; two-sided "
                            + "p = %.2f).", c.year(), c.quantity(), c.observed(), 100 * c.percentile(),
                    c.referenceYears().toString().replace("[", "").replace("]", ""), c.predictiveLow(),
                    c.predictiveHigh(), c.pTwoSided()));
        }
        p(h, "Model: the logits of the five Nazarbayev-era figures are exchangeable normal draws; the predictive "
                + "distribution of a new election's logit is Student t with 4 degrees of freedom, location the "
                + "mean and scale sd * sqrt(1 + 1/5). With five points the interval is wide: neither 2019 nor 2022 "
                + "is outside it.");
        List<List<String>> ex = new ArrayList<>();
        for (HistoryModel.ExitPollDifference d : r.history().exitPolls()) {
            ex.add(List.of(d.election(), d.pollster(), d.option(), num(d.poll(), 2), num(d.official(), 2),
                    num(d.difference(), 2)));
        }
        h.append("<h3>Official results against published exit polls</h3>\n");
        rows(h, List.of("Election", "Pollster", "Option", "Poll %", "Official %", "Official - poll"), ex);

        h.append("<h2>2. The synthetic Kazakhstan</h2>\n");
        img(h, png, "regional_turnout_2022", "2022 regional turnout as published");
        for (KazakhstanModel.Calibration c : List.of(r.calibration2019(), r.calibration2022())) {
            p(h, String.format(Locale.ROOT, "%d: %,d polling stations, register %,d (log-normal station sizes, "
                            + "log-sd %.2f, mean %,.0f voters), %d regions with the published turnout moved by one "
                            + "common logit shift of %.3f so the national turnout is %s; official leader share %s of "
                            + "valid votes (the clean support unless a scenario sets it, as a and c do: 70.96%%); "
                            + "invalid ballots %s of ballots%s.", c.year(), c.stations(),
                    c.registered(), c.sizeSigma(), (double) c.registered() / c.stations(), c.regions().size(),
                    c.logitShift(), pct(c.nationalTurnout()), pct(c.leaderShare()), pct(c.invalidRate()),
                    c.invalidDerived() ? " (derived: ballots minus the options' votes; never published)" : ""));
        }
        p(h, "Assumptions: 10,169 stations (10,101 in the country and 68 abroad, CEC via Kazinform, 15 November "
                + "2022), used for 2019 too; equal register per region (no regional registers were published); "
                + "station turnout and support ~ Normal(centre, 0.08) truncated to [0, 1] (Klimek et al. 2012); "
                + "regional support unknown: each region's support centre moves by a logit-normal shift with sd "
                + "0.15 in every replicate, which sets the width of the intervals below.");

        h.append("<h2>3. Scenarios (Monte Carlo)</h2>\n");
        h.append("<h3>a. What fraud turns a clean 70.96% into the reported 81.31%?</h3>\n");
        img(h, png, "scenario_a_share", "Leader's share by fraud intensity");
        img(h, png, "scenario_a_turnout", "Turnout by fraud intensity");
        solutions(h, r.a());
        p(h, "Replicates per point: " + r.a().replicates() + "; the interval is where the replicates' 2.5% and 97.5% "
                + "quantiles of the leader's share cross 81.31%.");
        h.append("<h3>b. The smallest fraud that avoids a runoff</h3>\n");
        img(h, png, "scenario_b", "Minimal intensity for P(no runoff) >= 0.95");
        List<List<String>> mins = new ArrayList<>();
        for (ScenarioResult.Minimum m : r.b().minima()) {
            mins.add(List.of(m.family(), pct(m.cleanShare()), m.reached() ? num(m.intensity(), 3) : "not reached",
                    num(m.bracketLow(), 3), num(m.pNoRunoff(), 3), pct(m.turnout())));
        }
        rows(h, List.of("Family", "Clean support", "Minimal intensity", "Largest failing", "P(no runoff)",
                "Turnout"), mins);
        p(h, "Runoff rule: " + r.winnerRule() + " Bisection, 6 steps; replicates per point: " + r.b().replicates()
                + ".");
        h.append("<h3>c. Turnout without the stuffed ballots</h3>\n");
        img(h, png, "scenario_c", "Turnout without stuffing");
        solutions(h, r.c());
        h.append("<p class=\"note\">").append(esc(r.participationRule())).append("</p>\n");
        h.append("<h3>d. Detection power</h3>\n<p class=\"note\">").append(esc(r.d().status()))
                .append(". The fraud levels are defined in ")
                .append("datasets/kazakhstan/scenarios/d-detection-power.json.</p>\n");
        h.append("<h3>e. Observer sampling (parallel vote tabulation on turnout)</h3>\n");
        img(h, png, "observer_sample_sizes", "Stations needed by inflation");
        List<List<String>> obs = new ArrayList<>();
        for (ObserverSampling.SampleSize z : r.e().observer().sizes()) {
            obs.add(List.of(num(z.k(), 0), Integer.toString(z.n()), num(z.powerMc(), 3), num(z.levelMc(), 3)));
        }
        rows(h, List.of("Inflation (points)", "Stations", "Monte Carlo power", "Monte Carlo level"), obs);
        p(h, String.format(Locale.ROOT, "Method: observers estimate turnout at a simple random sample of stations "
                        + "(ratio estimator) and reject the official figure if it exceeds the estimate by more than "
                        + "1.645 standard errors. n0 = ((1.645 + 1.645) sigma / k)^2 with the station-level residual "
                        + "sd sigma = %.4f of the calibrated clean 2022 election, with finite-population correction "
                        + "(N = %d); %d Monte Carlo samples per k check the power.", r.e().observer().sigma(),
                r.e().observer().stations(), r.e().observer().trials()));
        h.append("<h2>Sources</h2>\n");
        p(h, "Results: datasets/kazakhstan (CEC figures via Kazinform and the Astana Times, ElectionGuide, Nohlen "
                + "et al. 2001); regional turnout: CEC preliminary (Kazinform 2019; Azattyq, Astana Times and trend.az "
                + "2022). Models: Klimek, Yegorov, Hanel and Thurner (2012), PNAS 109(41), "
                + "doi:10.1073/pnas.1210722109; "
                + "Laakso and Taagepera (1979), doi:10.1177/001041407901200101; Cochran (1977), Sampling Techniques.");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void solutions(StringBuilder h, ScenarioResult r) {
        for (ScenarioResult.Solution s : r.solutions()) {
            if (!s.reached()) {
                double best = Double.NaN;
                for (ScenarioResult.Point p : r.points()) {
                    if (p.family().equals(s.family())) {
                        best = p.leaderShare().mean();
                    }
                }
                p(h, String.format(Locale.ROOT, "%s: cannot reach %s within the swept range (at most %s of valid "
                        + "votes).", s.family(), pct(s.target()), pct(best)));
            } else {
                StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%s: intensity %.3f (95%% band "
                                + "%.3f-%s) turns a clean %s into %s; reported turnout then %s (%s-%s).", s.family(),
                        s.intensity(), s.intensityLow(), num(s.intensityHigh(), 3), pct(s.cleanShare()),
                        pct(s.target()), pct(s.turnout()), pct(s.turnoutLow()), pct(s.turnoutHigh())));
                if (Double.isFinite(s.cleanTurnout())) {
                    t.append(String.format(Locale.ROOT, " Turnout without the stuffed ballots: %s; P(at most 50%%) "
                            + "= %.2f.", pct(s.cleanTurnout()), s.pCleanTurnoutAtMost()));
                }
                p(h, t.toString());
            }
        }
    }
}
