package org.psephos.report;

import java.awt.Color;
import java.nio.file.Path;
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
import org.psephos.data.AtomicFiles;
import org.psephos.estimation.PowerResult;
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
    private static final int W = ChartStyle.WIDTH;
    private static final int H = ChartStyle.HEIGHT;

    private KazakhstanReport() {
    }

    /**
     * @param r   the case study
     * @param dir an existing directory
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public static void write(KazakhstanCase.Result r, Path dir) {
        AtomicFiles.writeText(dir.resolve("results.json"), w -> w.write(ScenarioJson.write(r)));
        writeTables(r, dir);
        ChartSet charts = new ChartSet(charts(r));
        charts.write(dir);
        report(r, charts).write(dir.resolve("report.html"));
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
        ChartStyle.apply(c.getStyler());
        c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
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
        ChartStyle.apply(reg.getStyler());
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
        a.getStyler().setXAxisDecimalPattern("0.00");
        XYChart at = xy("Scenario a: reported turnout by fraud intensity", "Intensity", "Turnout, %");
        at.getStyler().setXAxisDecimalPattern("0.00");
        for (String fam : ScenarioReport.families(r.a())) {
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
        for (String fam : ScenarioReport.families(r.b())) {
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

        for (int i = 0; i < r.d().powerResults().size(); i++) {
            PowerResult pr = r.d().powerResults().get(i);
            XYChart pc = xy("Scenario d: detection power, " + ScenarioReport.families(r.d()).get(i), pr.parameters().get(0),
                    "Probability of a flag (5% false-positive rate)");
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
            out.put("power_" + i, pc);
        }
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



    private static HtmlReport.Heading sub(String text) {
        return new HtmlReport.Heading(3, text, null);
    }

    private static HtmlReport.Paragraph note(String text) {
        return new HtmlReport.Paragraph(text, true);
    }

    /**
     * @param r      the case study
     * @param charts the charts by file name (each encoded once for the files and the report)
     * @return the report, built with the shared {@link HtmlReport} machinery
     */
    static HtmlReport report(KazakhstanCase.Result r, ChartSet charts) {
        HtmlReport.Builder h = HtmlReport.builder(
                "Kazakhstan presidential elections: history, synthetic stations and fraud scenarios");
        h.add(note("No polling-station results of any Kazakh election were published. Everything below works from "
                + "national and regional aggregates and from Monte Carlo simulation of a synthetic electorate "
                + "calibrated to them; the simulated station-level figures are models, not data."));

        h.heading("1. History");
        h.add(charts.figure("history", "Winner's share and turnout, 1991-2022 (history.png / .svg)."));
        List<List<String>> hist = new ArrayList<>();
        for (HistoryModel.ElectionRecord e : r.history().elections()) {
            hist.add(List.of(Integer.toString(e.year()), e.leader(), ScenarioReport.num(e.leaderShare(), 2), ScenarioReport.num(e.turnout(), 2),
                    ScenarioReport.num(e.margin(), 2), ScenarioReport.num(e.enp(), 3), ScenarioReport.num(e.againstAll(), 2)));
        }
        h.add(ScenarioReport.table("Presidential elections (official, printed percentages)", List.of("Year", "Winner", "Share %",
                "Turnout %", "Margin (points)", "Effective candidates", "Against all %"), hist));
        for (HistoryModel.PredictiveCheck c : r.history().checks()) {
            h.paragraph(String.format(Locale.ROOT, "%d %s %.2f%%: at the %.1fth percentile of the predictive "
                            + "distribution from the Nazarbayev elections of %s (95%% predictive interval %.1f-%.1f%%; "
                            + "two-sided p = %.2f).", c.year(), c.quantity(), c.observed(), 100 * c.percentile(),
                    c.referenceYears().toString().replace("[", "").replace("]", ""), c.predictiveLow(),
                    c.predictiveHigh(), c.pTwoSided()));
        }
        h.paragraph("Model: the logits of the five Nazarbayev-era figures are exchangeable normal draws; the "
                + "predictive distribution of a new election's logit is Student t with 4 degrees of freedom, location "
                + "the mean and scale sd * sqrt(1 + 1/5). With five points the interval is wide: neither 2019 nor "
                + "2022 is outside it.");
        List<List<String>> ex = new ArrayList<>();
        for (HistoryModel.ExitPollDifference d : r.history().exitPolls()) {
            ex.add(List.of(d.election(), d.pollster(), d.option(), ScenarioReport.num(d.poll(), 2), ScenarioReport.num(d.official(), 2),
                    ScenarioReport.num(d.difference(), 2)));
        }
        h.add(sub("Official results against published exit polls"));
        h.add(ScenarioReport.table("Official minus exit poll, percentage points", List.of("Election", "Pollster", "Option",
                "Poll %", "Official %", "Official - poll"), ex));

        h.heading("2. The synthetic Kazakhstan");
        h.add(charts.figure("regional_turnout_2022", "2022 regional turnout as published "
                + "(regional_turnout_2022.png / .svg); * marks the six regions with only an 18:05 figure."));
        for (KazakhstanModel.Calibration c : List.of(r.calibration2019(), r.calibration2022())) {
            h.paragraph(String.format(Locale.ROOT, "%d: %,d polling stations, register %,d (log-normal station "
                            + "sizes, log-sd %.2f, mean %,.0f voters), %d regions with the published turnout moved by "
                            + "one common logit shift of %.3f so the national turnout is %s; official leader share %s "
                            + "of valid votes (the clean support unless a scenario sets it, as a and c do: 70.96%%); "
                            + "invalid ballots %s of ballots%s.", c.year(), c.stations(), c.registered(),
                    c.sizeSigma(), (double) c.registered() / c.stations(), c.regions().size(), c.logitShift(),
                    ScenarioReport.pct(c.nationalTurnout()), ScenarioReport.pct(c.leaderShare()), ScenarioReport.pct(c.invalidRate()),
                    c.invalidDerived() ? " (derived: ballots minus the options' votes; never published)" : ""));
        }
        h.add(note("Assumptions: 10,169 stations (10,101 in the country and 68 abroad, CEC via Kazinform, 15 "
                + "November 2022), used for 2019 too; equal register per region (no regional registers were "
                + "published); station turnout and support ~ Normal(centre, 0.08) truncated to [0, 1] (Klimek et al. "
                + "2012); regional support unknown: each region's support centre moves by a logit-normal shift with "
                + "sd 0.15 in every replicate, which sets the width of the intervals below."));

        h.heading("3. Scenarios (Monte Carlo)");
        h.add(sub("a. What fraud turns a clean 70.96% into the reported 81.31%?"));
        h.add(charts.figure("scenario_a_share", "Leader's share by fraud intensity (scenario_a_share.png / .svg)."));
        h.add(charts.figure("scenario_a_turnout", "Turnout by fraud intensity (scenario_a_turnout.png / .svg)."));
        ScenarioReport.solutions(h, r.a());
        h.paragraph("Replicates per point: " + r.a().replicates() + "; the interval is where the replicates' 2.5% "
                + "and 97.5% quantiles of the leader's share cross 81.31%.");
        h.add(sub("b. The smallest fraud that avoids a runoff"));
        h.add(charts.figure("scenario_b", "Minimal intensity for P(no runoff) >= 0.95 (scenario_b.png / .svg)."));
        List<List<String>> mins = new ArrayList<>();
        for (ScenarioResult.Minimum m : r.b().minima()) {
            mins.add(List.of(m.family(), ScenarioReport.pct(m.cleanShare()), m.reached() ? ScenarioReport.num(m.intensity(), 3) : "not reached",
                    ScenarioReport.num(m.bracketLow(), 3), ScenarioReport.num(m.pNoRunoff(), 3), ScenarioReport.pct(m.turnout())));
        }
        h.add(ScenarioReport.table("Smallest fraud with P(no runoff) >= 0.95, by clean support", List.of("Family",
                "Clean support", "Minimal intensity", "Largest failing", "P(no runoff)", "Turnout"), mins));
        h.paragraph("Runoff rule: " + r.winnerRule() + " Bisection, 6 steps; replicates per point: "
                + r.b().replicates() + ".");
        h.add(sub("c. Turnout without the stuffed ballots"));
        h.add(charts.figure("scenario_c", "Turnout without stuffing (scenario_c.png / .svg)."));
        ScenarioReport.solutions(h, r.c());
        h.add(note(r.participationRule()));
        h.add(sub("d. Detection power"));
        for (PowerResult pr : r.d().powerResults()) {
            String fam = ScenarioReport.families(r.d()).get(r.d().powerResults().indexOf(pr));
            h.add(charts.figure("power_" + r.d().powerResults().indexOf(pr), "Detection power, " + fam + "."));
            List<String> header = new ArrayList<>(List.of(String.join(", ", pr.parameters())));
            header.addAll(pr.tests());
            List<List<String>> rows = new ArrayList<>();
            for (PowerResult.Point p : pr.points()) {
                List<String> row = new ArrayList<>();
                row.add(p.values().values().stream().map(v -> ScenarioReport.num(v, 3)).reduce((x, y) -> x + ", " + y).orElse(""));
                for (PowerResult.TestPower t : p.tests()) {
                    row.add(ScenarioReport.num(t.power(), 2));
                }
                rows.add(row);
            }
            h.add(ScenarioReport.table("Probability of a flag, " + fam, header, rows));
        }
        h.paragraph(String.format(Locale.ROOT, "Method: %s. %d replicates per level (power within about +-0.2 at "
                + "50%%), %d test replicates; the engine-native electorate draws 20 regional turnout centres around "
                + "the national turnout with the published regional spread.", r.d().power().note(),
                r.d().replicates(), r.d().power().testReplicates()));
        h.add(sub("e. Observer sampling (parallel vote tabulation on turnout)"));
        h.add(charts.figure("observer_sample_sizes", "Stations needed by inflation "
                + "(observer_sample_sizes.png / .svg)."));
        List<List<String>> obs = new ArrayList<>();
        for (ObserverSampling.SampleSize z : r.e().observer().sizes()) {
            obs.add(List.of(ScenarioReport.num(z.k(), 0), Integer.toString(z.n()), ScenarioReport.num(z.powerMc(), 3), ScenarioReport.num(z.levelMc(), 3)));
        }
        h.add(ScenarioReport.table("Stations to sample for 95% power at the 5% level", List.of("Inflation (points)", "Stations",
                "Monte Carlo power", "Monte Carlo level"), obs));
        h.paragraph(String.format(Locale.ROOT, "Method: observers estimate turnout at a simple random sample of "
                        + "stations (ratio estimator) and reject the official figure if it exceeds the estimate by more "
                        + "than 1.645 standard errors. n0 = ((1.645 + 1.645) sigma / k)^2 with the station-level "
                        + "residual sd sigma = %.4f of the calibrated clean 2022 election, with finite-population "
                        + "correction (N = %d); %d Monte Carlo samples per k check the power.",
                r.e().observer().sigma(), r.e().observer().stations(), r.e().observer().trials()));
        h.provenance("Results", "datasets/kazakhstan (CEC figures via Kazinform and the Astana Times, ElectionGuide, "
                + "Nohlen et al. 2001)");
        h.provenance("Regional turnout", "CEC preliminary (Kazinform 2019; Azattyq, Astana Times and trend.az 2022)");
        h.provenance("Models", "Klimek, Yegorov, Hanel and Thurner (2012), PNAS 109(41), doi:10.1073/pnas.1210722109; "
                + "Laakso and Taagepera (1979), doi:10.1177/001041407901200101; Cochran (1977), Sampling Techniques");
        h.provenance("Seeds", "scenario files' seeds (" + r.a().seed() + "); replicates a " + r.a().replicates()
                + ", b " + r.b().replicates() + ", c " + r.c().replicates() + "; observer samples "
                + r.e().observer().trials() + " per k");
        return h.build();
    }
}
