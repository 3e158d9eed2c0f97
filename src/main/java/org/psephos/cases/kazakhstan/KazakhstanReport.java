package org.psephos.cases.kazakhstan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.data.AtomicFiles;
import org.psephos.estimation.PowerResult;
import org.psephos.report.ChartSet;
import org.psephos.report.CsvWriter;
import org.psephos.report.HtmlReport;
import org.psephos.report.ScenarioReport;
import org.psephos.scenarios.FirstRoundBase;
import org.psephos.scenarios.HistoryModel;
import org.psephos.scenarios.IntradayTurnout;
import org.psephos.scenarios.ObserverEvidence;
import org.psephos.scenarios.ObserverSampling;
import org.psephos.scenarios.ReplicateEstimate;
import org.psephos.scenarios.ScenarioJson;
import org.psephos.scenarios.ScenarioResult;

/**
 * Writes the Kazakhstan case study: {@code results.json} (every figure), CSV tables, PNG and SVG charts
 * ({@link KazakhstanCharts}) and a self-contained {@code report.html} (charts embedded, all text escaped). Every
 * sentence with a number is composed from the result: the legal thresholds and articles from the law data, the
 * figures from the data files and the runs. Stateless.
 *
 * @since 0.1
 */
public final class KazakhstanReport {
    /** Bounds the report checks the Monte Carlo errors against: 0.2 percentage points and 0.03. */
    public static final double SHARE_ERROR_BOUND = 0.002;
    /** See {@link #SHARE_ERROR_BOUND}. */
    public static final double PROBABILITY_ERROR_BOUND = 0.03;

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
        ChartSet charts = new ChartSet(KazakhstanCharts.charts(r));
        charts.write(dir);
        report(r, charts).write(dir.resolve("report.html"));
    }

    // ---------------------------------------------------------------- formatting

    static String pct(double p) {
        return ScenarioReport.pct(p);
    }

    static String num(double v, int decimals) {
        return ScenarioReport.num(v, decimals);
    }

    /** @return a proportion's Monte Carlo error in percentage points, e.g. "0.04" */
    /** @return the year of the election a scenario's preset electorate is calibrated to */
    static int year(KazakhstanCase.Result r, ScenarioResult s) {
        return r.calibration(KazakhstanModel.presetElection(s.electorate())).year();
    }

    static String pts(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.2f", 100 * p) : "n/a";
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static HtmlReport.Heading sub(String text) {
        return new HtmlReport.Heading(3, text, null);
    }

    private static HtmlReport.Paragraph note(String text) {
        return new HtmlReport.Paragraph(text, true);
    }

    private static HtmlReport.Table table(String caption, List<String> header, List<List<String>> rows,
                                          List<Boolean> flagged) {
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            final int col = i;
            if (rows.stream().allMatch(row -> row.get(col).matches("[-+]?[0-9.,]+%?( ± [0-9.,]+%?)?|n/a|not reached"))) {
                numeric.add(i);
            }
        }
        List<String> hl = flagged == null ? Collections.nCopies(rows.size(), "")
                : flagged.stream().map(f -> f ? "flag" : "").toList();
        return new HtmlReport.Table(caption, header, rows, numeric, hl);
    }

    // ---------------------------------------------------------------- tables

    private static void csv(Path dir, String name, List<String> header, List<List<Object>> rows) {
        AtomicFiles.writeText(dir.resolve(name), w -> {
            CsvWriter.row(w, header);
            for (List<Object> row : rows) {
                CsvWriter.row(w, row);
            }
        });
    }

    private static List<Object> row(Object... cells) {
        List<Object> out = new ArrayList<>();
        Collections.addAll(out, cells);
        return out;
    }

    private static void writeTables(KazakhstanCase.Result r, Path dir) {
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryModel.ElectionRecord e : r.history().elections()) {
            rows.add(row(e.election(), e.date(), e.leader(), e.leaderShare(), e.turnout(), e.runnerUp(), e.margin(),
                    e.enp(), e.againstAll(), e.candidates()));
        }
        csv(dir, "history.csv", List.of("election", "date", "leader", "leader_percent", "turnout_percent", "runner_up",
                "margin_points", "effective_candidates", "against_all_percent", "candidates"), rows);
        rows = new ArrayList<>();
        for (HistoryModel.PredictiveCheck c : r.history().checks()) {
            rows.add(row(c.quantity(), c.year(), c.observed(), c.predictiveMedian(), c.predictiveLow(),
                    c.predictiveHigh(), c.percentile(), c.pTwoSided(), c.referenceMean(), c.referenceSd(), c.df(),
                    c.referenceYears().toString()));
        }
        csv(dir, "predictive_checks.csv", List.of("quantity", "year", "observed_percent", "predictive_median",
                "predictive_2.5", "predictive_97.5", "percentile", "p_two_sided", "reference_logit_mean",
                "reference_logit_sd", "df", "reference_years"), rows);
        rows = new ArrayList<>();
        for (HistoryModel.ExitPollDifference d : r.history().exitPolls()) {
            rows.add(row(d.election(), d.pollster(), d.option(), d.poll(), d.official(), d.difference()));
        }
        csv(dir, "exit_polls.csv", List.of("election", "pollster", "option", "poll_percent", "official_percent",
                "official_minus_poll"), rows);
        rows = new ArrayList<>();
        for (KazakhstanCase.OfficialShares s : r.shares()) {
            for (KazakhstanLaw.Base b : r.law().bases()) {
                rows.add(row(s.election(), b.base().id(), b.headline(), s.leader(), s.leaderVotes(),
                        s.shares().get(b.base().id()), s.valid(), s.ballots(), s.againstAll(), b.label()));
            }
        }
        csv(dir, "runoff_bases.csv", List.of("election", "base", "headline", "winner", "winner_votes", "winner_share",
                "valid_votes", "ballots", "against_all", "reading"), rows);
        rows = new ArrayList<>();
        for (KazakhstanModel.Calibration c : r.calibrations()) {
            for (KazakhstanModel.RegionTurnout t : c.regions()) {
                rows.add(row(c.election(), t.area(), t.published(), t.asOf(), t.modelled(), t.difference(),
                        t.registered(), t.registeredBasis(), t.stations(), t.stationsBasis(), t.centre()));
            }
        }
        csv(dir, "calibration.csv", List.of("election", "area", "published_turnout_percent", "published_as_of",
                "modelled_turnout_percent", "modelled_minus_published_points", "registered", "registered_basis",
                "stations", "stations_basis", "station_turnout_centre"), rows);
        rows = new ArrayList<>();
        for (KazakhstanModel.Calibration c : r.calibrations()) {
            rows.add(row(c.election(), c.stations(), c.stationsAbroad(), c.registered(), c.registeredInCountry(),
                    c.nationalTurnout(), c.modelledTurnout(), c.residual(), c.largestRegionalDifference(),
                    c.leaderShare(), c.againstAllShare(), c.invalidRate()));
        }
        csv(dir, "calibration_national.csv", List.of("election", "stations_in_country", "stations_abroad",
                "registered", "registered_in_country", "official_turnout", "modelled_turnout", "residual",
                "largest_regional_difference_points", "leader_share_valid", "against_all_share_of_others",
                "invalid_rate"), rows);
        rows = new ArrayList<>();
        for (KazakhstanCase.ReferendumCheck c : r.referendums()) {
            rows.add(row(c.election(), c.registered(), c.ballots(), c.turnout(), c.turnoutAbove(), c.valid(),
                    c.marginVotes(), c.stuffingToCarry(), c.yesShare(), c.adopted(), c.regions(), c.regionsNeeded(),
                    c.regionsPublished(), String.join("; ", c.regionsBelowTurnout())));
        }
        csv(dir, "referendum_rules.csv", List.of("election", "registered", "ballots", "turnout", "turnout_above",
                "valid", "voters_above_threshold", "stuffing_to_carry", "yes_share_of_ballots", "adopted", "regions",
                "regions_needed", "regions_published", "regions_at_or_below_threshold"), rows);
        rows = new ArrayList<>();
        List<List<Object>> inc = new ArrayList<>();
        for (IntradayTurnout t : r.intraday()) {
            for (IntradayTurnout.Series s : t.regions()) {
                for (IntradayTurnout.Snapshot p : s.snapshots()) {
                    rows.add(row(t.election(), s.area(), s.utcOffset(), p.capitalTime(), p.localTime(), p.hoursOpen(),
                            p.turnout()));
                }
                for (IntradayTurnout.Increment i : s.increments()) {
                    inc.add(row(t.election(), s.area(), i.from(), i.to(), i.points(), i.hours(), i.perHour(),
                            s.lateFrom(), s.lateRate(), s.lateZ(), s.flagged()));
                }
            }
        }
        csv(dir, "intraday.csv", List.of("election", "area", "utc_offset", "capital_time", "local_time", "hours_open",
                "turnout_percent"), rows);
        csv(dir, "intraday_increments.csv", List.of("election", "area", "from", "to", "points", "hours_of_voting",
                "points_per_hour", "late_from", "late_points_per_hour", "late_modified_z", "flagged"), inc);
        points(dir, "scenario_a_points.csv", r.a());
        points(dir, "scenario_c_points.csv", r.c(), r.c2024());
        rows = new ArrayList<>();
        for (ScenarioResult sr : List.of(r.a(), r.c(), r.c2024())) {
            for (ScenarioResult.Solution s : sr.solutions()) {
                rows.add(row(sr.name(), s.family(), s.cleanShare(), s.target().target(), s.target().value(),
                        s.reached(), s.intensity(), s.intensityError(), s.intensityLow(), s.intensityHigh(), s.turnout(),
                        s.turnoutLow(), s.turnoutHigh(), s.turnoutError(), s.cleanTurnout(), s.pCleanTurnoutAtMost(),
                        s.leaderShare(), s.leaderShareBallots(), s.leaderShareCandidates(), s.shareError()));
            }
        }
        csv(dir, "solutions.csv", List.of("scenario", "family", "clean_share", "target", "target_value", "reached",
                "intensity", "intensity_mc_error", "intensity_low", "intensity_high", "turnout", "turnout_2.5",
                "turnout_97.5", "turnout_mc_error", "clean_turnout", "p_clean_turnout_at_most", "leader_share_valid",
                "leader_share_ballots", "leader_share_candidates", "share_mc_error"), rows);
        minima(dir, "scenario_b_minima.csv", r.b());
        minima(dir, "scenario_f_minima.csv", r.f());
        rows = new ArrayList<>();
        for (PowerResult pr : r.d().powerResults()) {
            for (PowerResult.Point p : pr.points()) {
                for (PowerResult.TestPower t : p.tests()) {
                    rows.add(row(pr.fraud(), p.values().toString(), t.test(), t.power(),
                            ReplicateEstimate.probabilityError(t.power(), r.d().replicates())));
                }
            }
        }
        csv(dir, "scenario_d_power.csv", List.of("fraud", "values", "test", "power", "power_mc_error"), rows);
        rows = new ArrayList<>();
        for (ObserverSampling.SampleSize z : r.e().observer().sizes()) {
            rows.add(row(z.k(), z.n(), z.n0(), z.powerMc(), z.powerMcSe(), z.levelMc()));
        }
        csv(dir, "observer_sample_sizes.csv", List.of("inflation_points", "stations", "stations_no_fpc",
                "power_monte_carlo", "power_se", "level_monte_carlo"), rows);
        rows = new ArrayList<>();
        for (ObserverEvidence.Row o : r.observers().rows()) {
            rows.add(row(o.election(), o.observer(), o.kind(), o.quantity(), o.value(), o.unit(), o.approximate(),
                    o.source()));
        }
        csv(dir, "observer_evidence.csv", List.of("election", "observer", "kind", "quantity", "value", "unit",
                "approximate", "source"), rows);
        rows = new ArrayList<>();
        List<KazakhstanSensitivity.Variant> cells = r.sensitivity().variants();
        for (int i = 0; i < cells.size(); i++) {
            KazakhstanSensitivity.Variant v = cells.get(i);
            for (KazakhstanSensitivity.Figure f : v.figures()) {
                rows.add(row(i, v.calibrated(), v.params().stationTurnoutSd(), v.params().sizeSigma(),
                        v.params().regionShareSd(), v.residual(), f.scenario(), f.label(), f.value(), f.error()));
            }
        }
        csv(dir, "sensitivity.csv", List.of("cell", "calibrated", "station_sd", "size_log_sd", "region_share_sd",
                "national_residual_2022", "scenario", "figure", "value", "mc_error"), rows);
        rows = new ArrayList<>();
        for (KazakhstanSensitivity.Summary m : r.sensitivity().summaries()) {
            List<Object> row = row(m.scenario(), m.label(), m.calibrated(), m.calibratedError(), m.lowest(),
                    m.lowestAt(), m.highest(), m.highestAt());
            for (String p : KazakhstanSensitivity.PARAMETERS) {
                row.add(m.effects().get(p));
            }
            row.add(m.largestError());
            rows.add(row);
        }
        csv(dir, "sensitivity_summary.csv", List.of("scenario", "figure", "calibrated", "calibrated_mc_error", "lowest",
                "lowest_cell", "highest", "highest_cell", "effect_station_sd", "effect_size_log_sd",
                "effect_region_share_sd", "largest_mc_error"), rows);
    }

    private static void points(Path dir, String name, ScenarioResult... results) {
        List<List<Object>> rows = new ArrayList<>();
        for (ScenarioResult r : results) {
            for (ScenarioResult.Point p : r.points()) {
                rows.add(row(r.name(), p.family(), p.cleanShare(), p.intensity(), p.leaderShare().mean(),
                        p.leaderShare().meanError(), p.leaderShare().q025(), p.leaderShare().q025Error(),
                        p.leaderShare().q975(), p.leaderShare().q975Error(), p.leaderShareBallots().mean(),
                        p.leaderShareCandidates().mean(), p.turnout().mean(), p.turnout().q025(), p.turnout().q975(),
                        p.turnout().largestError(), p.pNoRunoffByBase().get("valid"), p.pNoRunoffByBase().get("ballots"),
                        p.pNoRunoffByBase().get("candidates"), p.pLeaderAtLeast(),
                        p.cleanTurnout() == null ? null : p.cleanTurnout().mean(),
                        p.cleanTurnout() == null ? null : p.cleanTurnout().meanError(), p.pCleanTurnoutAtMost(),
                        p.pRegionalMajority(), p.probabilityError()));
            }
        }
        csv(dir, name, List.of("scenario", "family", "clean_share", "intensity", "leader_share_valid",
                "leader_share_mc_error", "leader_share_2.5", "leader_share_2.5_mc_error", "leader_share_97.5",
                "leader_share_97.5_mc_error", "leader_share_ballots", "leader_share_candidates", "turnout",
                "turnout_2.5", "turnout_97.5", "turnout_largest_mc_error", "p_no_runoff_valid", "p_no_runoff_ballots",
                "p_no_runoff_candidates", "p_leader_at_least", "clean_turnout", "clean_turnout_mc_error",
                "p_clean_turnout_at_most", "p_regional_majority", "largest_probability_mc_error"), rows);
    }

    private static void minima(Path dir, String name, ScenarioResult r) {
        List<List<Object>> rows = new ArrayList<>();
        for (ScenarioResult.Minimum m : r.minima()) {
            rows.add(row(m.family(), m.cleanShare(), m.rule(), m.base(), m.againstAll(), m.probability(), m.reached(),
                    m.intensity(),
                    m.intensityError(), m.pPass(), m.pPassError(), m.turnout(), m.leaderShare(), m.figureError()));
        }
        csv(dir, name, List.of("family", "clean_share", "rule", "base", "against_all", "required_probability", "reached",
                "smallest_intensity", "intensity_mc_error", "p_rule_holds", "p_mc_error", "turnout",
                "leader_share_on_base", "turnout_share_mc_error"), rows);
    }

    // ---------------------------------------------------------------- report

    /**
     * @param r      the case study
     * @param charts the charts by file name (each encoded once for the files and the report)
     * @return the report
     */
    static HtmlReport report(KazakhstanCase.Result r, ChartSet charts) {
        HtmlReport.Builder h = HtmlReport.builder("Kazakhstan: presidential elections and referendums, the law, a "
                + "calibrated synthetic electorate and fraud scenarios (second edition)");
        h.add(note("No polling-station results of any Kazakh election were published. Everything below works from "
                + "national and regional aggregates, from the electoral commission's election-day briefings and from "
                + "Monte Carlo simulation of a synthetic electorate calibrated to them; the simulated station-level "
                + "figures are models, not data. Every Monte Carlo figure carries its Monte Carlo standard error."));
        law(h, r);
        history(h, r, charts);
        calibration(h, r, charts);
        scenarios(h, r, charts);
        referendums(h, r, charts);
        intraday(h, r, charts);
        observers(h, r);
        sensitivity(h, r, charts);
        precision(h, r);
        h.provenance("Results", "datasets/kazakhstan: national_results.csv, referendums.csv, regions.csv, "
                + "election_facts.csv, intraday_turnout.csv, observers.csv, law.json (every figure with its source)");
        h.provenance("Models", "Klimek, Yegorov, Hanel and Thurner (2012), PNAS 109(41), doi:10.1073/pnas.1210722109; "
                + "Laakso and Taagepera (1979), doi:10.1177/001041407901200101; Cochran (1977), Sampling Techniques; "
                + "Iglewicz and Hoaglin (1993), How to Detect and Handle Outliers; Maritz and Jarrett (1978), JASA "
                + "73(361), 194-196; Conover (1999), Practical Nonparametric Statistics; Deville and Sarndal (1992), "
                + "JASA 87(418), 376-382");
        StringBuilder seeds = new StringBuilder();
        for (ScenarioResult s : r.scenarios()) {
            seeds.append(seeds.length() == 0 ? "" : "; ").append(s.name()).append(": seed ").append(s.seed())
                    .append(", ").append(s.replicates()).append(s.replicates() == 1 ? " replicate" : " replicates");
        }
        h.provenance("Seeds and replicates", seeds.toString());
        return h.build();
    }

    private static void law(HtmlReport.Builder h, KazakhstanCase.Result r) {
        KazakhstanLaw law = r.law();
        h.heading("1. The law");
        h.paragraph(law.winRule() + " " + String.join(" ", law.winSources().stream()
                .map(s -> s.article() + ": \"" + s.text() + "\" (" + s.source() + ").").toList()));
        h.paragraph("The words \"of the voters who took part\" admit three bases. The report gives every runoff "
                + "figure on all three, with the electoral commission's base as the headline:");
        List<List<String>> rows = new ArrayList<>();
        for (KazakhstanLaw.Base b : law.bases()) {
            List<String> row = new ArrayList<>(List.of(b.label() + (b.headline() ? " (headline)" : "")));
            for (KazakhstanCase.OfficialShares s : r.shares()) {
                row.add(pct(s.shares().get(b.base().id())));
            }
            row.add(b.who());
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("Base"));
        for (KazakhstanCase.OfficialShares s : r.shares()) {
            header.add(s.leader() + ", " + s.election().substring(3, 7));
        }
        header.add("Who reads the law so");
        h.add(table("The winner's official share on each base (computed from the official counts)", header, rows,
                null));
        for (KazakhstanCase.OfficialShares s : r.shares()) {
            StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%s: %s received %s votes of %s valid "
                    + "votes and %s ballots", s.election(), s.leader(), count(s.leaderVotes()), count(s.valid()),
                    count(s.ballots())));
            if (s.againstAll() > 0) {
                t.append(String.format(Locale.ROOT, "; \"against all\" received %s, %s the winner's", count(s.againstAll()),
                        s.againstAllTops() ? "more than" : "fewer than"));
            }
            double lowest = Collections.min(s.shares().values());
            t.append(String.format(Locale.ROOT, ". On every base the winner is above %s (lowest: %s), so no reading "
                    + "changes the outcome.", pct(law.winAbove()), pct(lowest)));
            if (lowest <= law.winAbove()) {
                t.setLength(t.length() - 1);
                t.append(" -- except where the share is at or below the threshold.");
            }
            h.paragraph(t.toString());
        }
        h.paragraph("If \"against all\" tops the poll: " + law.againstAllTop() + " History of the line: "
                + law.againstAllHistory() + " Sources: " + law.againstAllSources());
        h.paragraph("Turnout: " + law.presidentialTurnout() + " Since " + law.presidentialTurnoutSince() + ". "
                + law.presidentialTurnoutSources());
        h.paragraph(String.format(Locale.ROOT, "Referendums (%s, %s): valid with a turnout above %s of the eligible "
                        + "citizens (%s; %s); a decision needs more than %s of those who took part (%s). %s Its article: "
                        + "%s. At the constitutional referendum of %d, %d regions voted, so the rule needed at least %d "
                        + "of them (%d/%d of %d, rounded up). %s Sources: %s", law.referendumLaw(), law.referendumLawSource(),
                pct(law.referendumTurnoutAbove()), law.referendumTurnoutArticle(), law.referendumTurnoutSource(),
                pct(law.decisionAbove()), law.decisionSource(), law.constitutionalRule(), law.constitutionalArticle(),
                r.calibration("kz-2022-referendum").year(), law.regions2022(), law.regionsNeeded2022(), law.regionsNumerator(), law.regionsDenominator(),
                law.regions2022(), law.regions2022Note(), law.constitutionalSource()));
    }

    private static void history(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
        h.heading("2. History");
        List<HistoryModel.ElectionRecord> els = r.history().elections();
        h.add(charts.figure("history", "Winner's share and turnout (history.png / .svg)."));
        List<List<String>> rows = new ArrayList<>();
        for (HistoryModel.ElectionRecord e : els) {
            rows.add(List.of(Integer.toString(e.year()), e.leader(), Integer.toString(e.candidates()),
                    num(e.leaderShare(), 2), num(e.turnout(), 2), num(e.margin(), 2), num(e.enp(), 3),
                    num(e.againstAll(), 2)));
        }
        h.add(table("Presidential elections (official, printed percentages)", List.of("Year", "Winner", "Candidates",
                "Share %", "Turnout %", "Margin (points)", "Effective candidates", "Against all %"), rows, null));
        for (HistoryModel.PredictiveCheck c : r.history().checks()) {
            h.paragraph(String.format(Locale.ROOT, "%d %s %.2f%%: %.1f%% of the predictive distribution from the "
                            + "elections of %s lies below it (95%% predictive interval %.1f-%.1f%%, which includes "
                            + "the elections' spread about their mean and the uncertainty of that mean and spread; "
                            + "two-sided p = %.2f).",
                    c.year(), c.quantity(), c.observed(), 100 * c.percentile(),
                    c.referenceYears().toString().replace("[", "").replace("]", ""), c.predictiveLow(),
                    c.predictiveHigh(), c.pTwoSided()));
        }
        HistoryModel.PredictiveCheck first = r.history().checks().get(0);
        int n = first.referenceYears().size();
        long excluded = els.stream().filter(e -> e.leader().contains("Nazarbayev") && e.candidates() < 2).count();
        h.paragraph(String.format(Locale.ROOT, "Model: the reference series are the %d contested elections won by "
                        + "Nazarbayev (%s; %d single-candidate election left out); their logits are taken as exchangeable "
                        + "normal draws, so a new election's logit is Student t with %d degrees of freedom, location the "
                        + "mean and scale the sd times sqrt(1 + 1/%d). What %d points can say: whether a new figure lies "
                        + "outside the range such a short, noisy series leaves open -- here the 95%% interval of the "
                        + "winner's share runs from %.1f%% to %.1f%%, %.1f points wide. What they cannot say: that a "
                        + "figure inside it is normal, or why a figure differs; with %d degrees of freedom the t quantile "
                        + "is %.2f instead of the normal %.2f, and the estimate of the spread itself is uncertain by a "
                        + "factor of about %.1f either way (95%% chi-square interval of the sd).", n,
                first.referenceYears().toString().replace("[", "").replace("]", ""), excluded, first.df(), n, n,
                first.predictiveLow(), first.predictiveHigh(), first.predictiveHigh() - first.predictiveLow(), first.df(),
                new org.apache.commons.math3.distribution.TDistribution(null, first.df()).inverseCumulativeProbability(
                        0.975), new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                        .inverseCumulativeProbability(0.975), Math.sqrt(first.df() / new org.apache.commons.math3.distribution.ChiSquaredDistribution(
                        null, first.df()).inverseCumulativeProbability(0.025))));
        List<String> outside = r.history().checks().stream().filter(c -> c.pTwoSided() < 0.05)
                .map(c -> c.year() + " " + c.quantity()).toList();
        h.paragraph(String.format(Locale.ROOT, "Of the %d figures checked, %s. A figure inside its interval is not "
                        + "shown to be clean: the reference elections are themselves contested, so this asks only whether "
                        + "%s departs from the Nazarbayev-era pattern, not whether the figures of either period are accurate.",
                r.history().checks().size(), outside.isEmpty() ? "none lies outside its 95% predictive interval "
                        + "(every two-sided p is at least 0.05)" : String.join(", ", outside) + " lie"
                        + (outside.size() == 1 ? "s" : "") + " outside its 95% predictive interval",
                String.join(" or ", r.history().checks().stream().map(c -> Integer.toString(c.year())).distinct()
                        .toList())));
        List<List<String>> ex = new ArrayList<>();
        for (HistoryModel.ExitPollDifference d : r.history().exitPolls()) {
            ex.add(List.of(d.election(), d.pollster(), d.option(), num(d.poll(), 2), num(d.official(), 2),
                    num(d.difference(), 2)));
        }
        h.add(sub("Official results against published exit polls"));
        h.add(table("Official minus exit poll, percentage points", List.of("Election", "Pollster", "Option", "Poll %",
                "Official %", "Official - poll"), ex, null));
    }

    private static void calibration(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
        h.heading("3. The synthetic Kazakhstan: a calibration that reproduces every region");
        for (KazakhstanModel.Calibration c : r.calibrations()) {
            KazakhstanModel.Params p = c.params();
            long publishedReg = c.regions().stream().filter(t -> t.registeredBasis().startsWith("published")).count();
            long publishedSt = c.regions().stream().filter(t -> t.stationsBasis().equals("published")).count();
            h.add(sub(c.election()));
            h.add(charts.figure("calibration_" + c.election(), "Published and modelled regional turnout, "
                    + c.election() + "."));
            h.paragraph(String.format(Locale.ROOT, "%s stations in the country%s; register %s (%s in the country); "
                            + "%d regions, %d with a published register and %d with a published station count, the "
                            + "others by proxy (see the table). Station sizes log-normal, log-sd %.2f; station turnout and "
                            + "support Normal(centre, %.2f) truncated to [0, 1], each region's turnout centre solved so "
                            + "its expected turnout is its published figure: largest difference %.4f points. Modelled "
                            + "national turnout %s against the official %s (final, voters abroad included): residual "
                            + "%+.2f points, reported, not forced. Winner's official share %s of valid votes (support "
                            + "centre %.4f with the regional logit sd %.3f); invalid ballots %s of ballots%s.",
                    count(c.stations()), c.stationsAbroad() >= 0 ? " (" + c.stationsAbroad() + " abroad, not modelled)"
                            : "", count(c.registered()), count(c.registeredInCountry()), c.regions().size(), publishedReg,
                    publishedSt, p.sizeSigma(), p.stationTurnoutSd(), c.largestRegionalDifference(),
                    pct(c.modelledTurnout()), pct(c.nationalTurnout()), 100 * c.residual(), pct(c.leaderShare()),
                    c.shareCentre(), p.regionShareSd(), pct(c.invalidRate()),
                    c.invalidDerived() ? " (derived: ballots minus the options' votes; never published)" : ""));
            List<List<String>> rows = new ArrayList<>();
            for (KazakhstanModel.RegionTurnout t : c.regions()) {
                rows.add(List.of(t.area(), num(t.published(), 2), t.asOf(), num(t.modelled(), 4),
                        String.format(Locale.ROOT, "%+.4f", Math.round(1e4 * t.difference()) / 1e4 + 0.0), count(t.registered()), t.registeredBasis(),
                        Integer.toString(t.stations()), t.stationsBasis()));
            }
            h.add(table("Published (latest CEC figure, capital time) and modelled expected turnout, " + c.election(),
                    List.of("Region", "Published %", "As of", "Modelled %", "Difference (points)", "Register",
                            "Register basis", "Stations", "Stations basis"), rows, null));
            if (c.briefings() > 0) {
                h.paragraph(String.format(Locale.ROOT, "Registers: no regional register of this vote was published "
                        + "for %d of the %d regions. They are estimated from the commission's own aggregation: at %d "
                        + "briefings it announced every region's turnout and the national one, which is the "
                        + "register-weighted mean of the regional figures; the registers that satisfy these %d "
                        + "identities, add up to the register in the country and keep the published registers, "
                        + "closest to a proxy in proportion to the stations (linear calibration, Deville and Sarndal "
                        + "1992).", c.regions().size() - publishedReg, c.regions().size(), c.briefings(),
                        c.briefings()));
            }
            if (!c.checks().isEmpty()) {
                List<List<String>> ck = new ArrayList<>();
                for (KazakhstanModel.Check k : c.checks()) {
                    ck.add(List.of(k.what(), count(k.modelled()), count(k.published()), k.asOf(),
                            String.format(Locale.ROOT, "%+.1f%%", 100 * (k.modelled() / k.published() - 1))));
                }
                h.add(table("Check: estimated registers against registers published for other votes (not used by "
                        + "the estimate)", List.of("Region or group", "Estimated", "Published", "Published for",
                        "Difference"), ck, null));
            }
        }
    }

    private static void scenarios(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
        h.heading("4. Fraud scenarios for the " + year(r, r.a()) + " presidential election (Monte Carlo)");
        ScenarioResult a = r.a();
        h.add(sub(String.format(Locale.ROOT, "a. What fraud turns a clean %s into the reported %s?",
                pct(a.points().get(0).cleanShare()), pct(a.solutions().get(0).target().value()))));
        h.add(charts.figure("scenario_a_share", "Leader's share by fraud intensity (scenario_a_share.png / .svg)."));
        h.add(charts.figure("scenario_a_turnout", "Turnout by fraud intensity (scenario_a_turnout.png / .svg)."));
        ScenarioReport.solutions(h, a);
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioResult.Solution s : a.solutions()) {
            rows.add(List.of(s.family(), s.reached() ? num(s.intensity(), 3) + " ± " + num(s.intensityError(), 3)
                    : "not reached", pct(s.leaderShare()), pct(s.leaderShareBallots()), pct(s.leaderShareCandidates()),
                    pct(s.turnout()), num(100 * Math.max(s.shareError(), s.turnoutError()), 2)));
        }
        h.add(table("At the solution, the leader's share on each base and the turnout", List.of("Fraud",
                "Intensity ± MC", "Valid incl. against all", "All ballots", "Candidates only (against all "
                        + a.againstAll().rule().id() + ")", "Turnout",
                "± MC (points)"), rows, null));
        h.paragraph(String.format(Locale.ROOT, "%d replicates per point; the band is where the replicates' 2.5%% and "
                        + "97.5%% quantiles of the leader's share cross the target (a band of clean-election variation: "
                        + "the regional support spread of the model, not Monte Carlo error). Largest Monte Carlo error of "
                        + "a share or turnout mean or quantile: %s points.", a.replicates(),
                pts(a.precision().shareOrTurnout())));
        ScenarioResult b = r.b();
        h.add(sub("b. The smallest fraud that avoids a runoff, on each base"));
        h.add(charts.figure("scenario_b", "Smallest intensity with P(no runoff) at the required level "
                + "(scenario_b.png / .svg)."));
        h.paragraph(againstAll(r, b));
        h.add(runoffMinima(b));
        h.paragraph(String.format(Locale.ROOT, "Every value of each family is simulated (%d replicates); each "
                + "replicate's crossing of the %s threshold is interpolated between grid values, and the smallest "
                + "intensity is the %s quantile of the crossings, ± its order-statistic Monte Carlo error; the "
                + "turnout is the mean reported turnout there. \"Not reached\": the largest swept intensity, %s, is "
                + "not enough; 0: the rule holds with the required probability without fraud. Every row, with the "
                + "probability that the rule holds and the leader's share, is in scenario_b_minima.csv.",
                b.replicates(), pct(r.law().winAbove()), pct(b.minima().get(0).probability()),
                String.join(", ", b.points().stream().map(ScenarioResult.Point::family).distinct().map(f ->
                        num(b.points().stream().filter(p -> p.family().equals(f)).mapToDouble(
                                ScenarioResult.Point::intensity).max().orElse(Double.NaN), 2) + " (" + f + ")")
                        .toList())));
        ScenarioResult d = r.d();
        h.add(sub("d. Detection power"));
        for (int i = 0; i < d.powerResults().size(); i++) {
            PowerResult pr = d.powerResults().get(i);
            String fam = pr.fraud();
            h.add(charts.figure("power_" + i, "Detection power, " + pr.fraud() + "."));
            List<String> header = new ArrayList<>(List.of(String.join(", ", pr.parameters())));
            header.addAll(pr.tests());
            List<List<String>> pw = new ArrayList<>();
            for (PowerResult.Point p : pr.points()) {
                List<String> row = new ArrayList<>();
                row.add(p.values().values().stream().map(v -> num(v, 3)).reduce((x, y) -> x + ", " + y).orElse(""));
                for (PowerResult.TestPower t : p.tests()) {
                    row.add(num(t.power(), 2) + " ± " + num(ReplicateEstimate.probabilityError(t.power(),
                            d.replicates()), 2));
                }
                pw.add(row);
            }
            h.add(table("Probability of a flag ± Monte Carlo error, " + fam, header, pw, null));
        }
        h.paragraph(String.format(Locale.ROOT, "Method: %s. %d replicates per level and as many clean ones to "
                        + "calibrate each flag (largest Monte Carlo error of a power: %s); %d test replicates; the "
                        + "engine-native electorate draws its regional turnout centres around the national turnout with "
                        + "the spread of the calibrated regions.", d.power().note(), d.replicates(),
                num(d.precision().probability(), 3), d.power().testReplicates()));
        ScenarioResult e = r.e();
        ObserverSampling.Result o = e.observer();
        h.add(sub("e. Observer sampling (parallel vote tabulation on turnout)"));
        h.add(charts.figure("observer_sample_sizes", "Stations needed by inflation (observer_sample_sizes.png / .svg)."));
        List<List<String>> obs = new ArrayList<>();
        for (ObserverSampling.SampleSize z : o.sizes()) {
            obs.add(List.of(num(z.k(), 0), Integer.toString(z.n()), num(z.powerMc(), 3) + " ± " + num(z.powerMcSe(), 3),
                    num(z.levelMc(), 3)));
        }
        h.add(table("Stations to sample for " + pct(o.power()) + " power at the " + pct(o.alpha()) + " level",
                List.of("Inflation (points)", "Stations", "Monte Carlo power", "Monte Carlo level"), obs, null));
        h.paragraph(String.format(Locale.ROOT, "Method: observers estimate turnout at a simple random sample of "
                        + "stations (ratio estimator) and reject the official figure if it exceeds the estimate by more "
                        + "than z standard errors. n0 = ((z_a + z_b) sigma / k)^2 with the station-level residual sd "
                        + "sigma = %.4f of the calibrated clean %d election, with finite-population correction (N = %,d); "
                        + "%d Monte Carlo samples per k check the power.", o.sigma(), year(r, e), o.stations(),
                o.trials()));
    }

    /**
     * The sentence on the "against all" assumption of a presidential scenario, from the official counts and the
     * scenario's rule.
     */
    static String againstAll(KazakhstanCase.Result r, ScenarioResult s) {
        org.psephos.scenarios.AgainstAll aa = s.againstAll();
        KazakhstanCase.OfficialShares o = r.shares().stream().filter(x -> x.againstAll() > 0).reduce((x, y) -> y)
                .orElseThrow();
        List<Double> shares = s.minima().stream().map(ScenarioResult.Minimum::cleanShare).distinct().toList();
        org.psephos.scenarios.AgainstAll other = aa.alternative();
        int year = r.calibration("kz-2022-presidential").year();
        String held = String.format(Locale.ROOT, "held at its official %d share of valid votes, %s (%s of %s), in the "
                        + "clean election at every clean support, the fraud treating its votes as the opponents' "
                        + "(stuffing adds none, switching takes its share of them)", year,
                pct(aa.rule() == org.psephos.scenarios.AgainstAll.Rule.HELD ? aa.ofValid() : other.ofValid()),
                count(o.againstAll()), count(o.valid()));
        String proportional = String.format(Locale.ROOT, "kept at its official %d fraction of the votes not cast for "
                        + "the leader, %s (%s of %s), so that it grows as clean support falls", year,
                pct(aa.rule() == org.psephos.scenarios.AgainstAll.Rule.PROPORTIONAL ? aa.ofOthers() : other.ofOthers()),
                count(o.againstAll()), count(o.valid() - o.leaderVotes()));
        boolean isHeld = aa.rule() == org.psephos.scenarios.AgainstAll.Rule.HELD;
        String at = String.join(", ", shares.stream().map(KazakhstanReport::pct).toList());
        java.util.function.Function<org.psephos.scenarios.AgainstAll, String> effect = x -> {
            List<String> line = shares.stream().map(v -> pct(x.ofValid(v))).toList();
            String leader = "the leader " + String.join(", ", shares.stream().map(v -> pct(
                    org.psephos.scenarios.FirstRoundBase.CANDIDATES.share(v, v, x.ofOthers(v)))).toList())
                    + " of the candidates' votes at clean supports of " + at;
            return line.stream().distinct().count() == 1 ? leader : "\"against all\" " + String.join(", ", line)
                    + " of valid votes and " + leader;
        };
        return String.format(Locale.ROOT, "\"Against all\" on the candidates' base: the model does not draw it as "
                        + "a separate option but as a part of the votes not cast for the leader. The reading used "
                        + "(the scenario file's \"againstAll\": \"%s\"): %s; without fraud that gives %s. The other "
                        + "reading (\"%s\", the column marked sensitivity): %s; it gives %s%s.", aa.rule().id(),
                isHeld ? held : proportional, effect.apply(aa), other.rule().id(), isHeld ? proportional : held,
                effect.apply(other), isHeld ? String.format(Locale.ROOT, ", a line %.1f to %.1f times its official "
                        + "share of valid votes", shares.stream().mapToDouble(v -> other.ofValid(v) / aa.ofValid())
                        .min().orElse(Double.NaN), shares.stream().mapToDouble(v -> other.ofValid(v) / aa.ofValid())
                        .max().orElse(Double.NaN)) : "");
    }

    /** The smallest no-runoff fraud: one row per (fraud, clean support), one column per base and rule. */
    static HtmlReport.Table runoffMinima(ScenarioResult s) {
        List<String> keys = new ArrayList<>();
        for (ScenarioResult.Minimum m : s.minima()) {
            String k = m.base() + "|" + m.againstAll();
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        List<String> header = new ArrayList<>(List.of("Fraud", "Clean support"));
        for (String k : keys) {
            String[] p = k.split("\\|", -1);
            header.add(switch (p[0]) {
                case "valid" -> "Valid votes incl. against all";
                case "ballots" -> "All ballots";
                default -> "Candidates only, against all " + p[1] + (p[1].equals(s.againstAll().rule().id())
                        ? "" : " (sensitivity)");
            });
        }
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (ScenarioResult.Minimum m : s.minima()) {
            List<String> row = rows.computeIfAbsent(m.family() + "|" + m.cleanShare(), x -> {
                List<String> init = new ArrayList<>(List.of(m.family(), pct(m.cleanShare())));
                init.addAll(Collections.nCopies(keys.size(), "n/a"));
                return init;
            });
            row.set(2 + keys.indexOf(m.base() + "|" + m.againstAll()), !m.reached() ? "not reached"
                    : num(m.intensity(), 3) + " ± " + num(m.intensityError(), 3) + " (turnout " + pct(m.turnout())
                    + ")");
        }
        return table("Smallest intensity with P(no runoff) at least " + num(s.minima().get(0).probability(), 2)
                + ", ± its Monte Carlo standard error, and the mean reported turnout there, by the base of the "
                + "leader's share", header, new ArrayList<>(rows.values()), null);
    }

    private static void referendums(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
        KazakhstanLaw law = r.law();
        h.heading("5. Referendums: the turnout rule and the rule of the regions");
        for (KazakhstanCase.ReferendumCheck c : r.referendums()) {
            StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%s: %s of %s eligible citizens took part, "
                            + "%s (rule: more than %s, %s): %s by %s voters. \"Yes\" had %s of those who took part (rule: "
                            + "more than %s): %s. To lift a real turnout at the threshold to the reported one, ballots "
                            + "stuffed at every station would have had to fill %s of the non-voters.", c.election(),
                    count(c.ballots()), count(c.registered()), pct(c.turnout()), pct(c.turnoutAbove()),
                    law.referendumTurnoutArticle(), c.valid() ? "valid" : "not valid", count(Math.abs(c.marginVotes())),
                    pct(c.yesShare()), pct(law.decisionAbove()), c.adopted() ? "adopted" : "not adopted",
                    pct(c.stuffingToCarry())));
            if (!c.regionsBelowTurnout().isEmpty()) {
                t.append(String.format(Locale.ROOT, " Regions at or below the turnout threshold in the latest "
                        + "published figures: %s (the rule is national).", String.join(", ", c.regionsBelowTurnout())));
            }
            if (c.regionsNeeded() > 0) {
                t.append(String.format(Locale.ROOT, " Constitutional amendment: \"yes\" needed a majority in at least "
                        + "%d of the %d regions; the regional results were published for %d of them (referendums.csv), "
                        + "and the commission reported a majority in every region.", c.regionsNeeded(), c.regions(),
                        c.regionsPublished()));
            }
            h.paragraph(t.toString());
        }
        h.add(sub("c. What the turnout rule needed: turnout without the stuffed ballots"));
        h.add(charts.figure("scenario_c", "Turnout without the stuffed ballots, reported turnout held "
                + "(scenario_c.png / .svg)."));
        for (ScenarioResult s : List.of(r.c(), r.c2024())) {
            ScenarioReport.solutions(h, s);
            List<List<String>> rows = new ArrayList<>();
            for (ScenarioResult.Point p : s.points()) {
                String pe = " ± " + num(p.probabilityError(), 2);
                rows.add(List.of(num(p.intensity(), 3), pct(p.turnout().mean()) + " ± " + pts(p.turnout().meanError()),
                        p.cleanTurnout() == null ? "n/a" : pct(p.cleanTurnout().mean()) + " ± "
                                + pts(p.cleanTurnout().meanError()), num(p.pCleanTurnoutAtMost(), 2) + pe,
                        pct(p.leaderShareBallots().mean()) + " ± " + pts(p.leaderShareBallots().meanError()),
                        Double.isFinite(p.pRegionalMajority()) ? num(p.pRegionalMajority(), 2) + pe : "n/a"));
            }
            h.add(table(s.name() + ": every point (" + s.replicates() + " replicates; ± Monte Carlo error, points "
                    + "for shares and turnouts)", List.of("Stuffed share", "Reported turnout",
                    "Turnout without stuffing", "P(at most the threshold)", "Yes of those who took part",
                    "P(majority in enough regions)"), rows, null));
        }
        h.add(sub("f. The smallest fraud for a yes majority in enough regions (" + year(r, r.f()) + ")"));
        h.add(charts.figure("scenario_f", "Smallest intensity for the regional rule (scenario_f.png / .svg)."));
        h.add(ScenarioReport.minima(r.f()));
        h.paragraph(String.format(Locale.ROOT, "The regions' own \"yes\" shares were not published (except the few "
                + "in referendums.csv); every region's support is the national one moved by a logit-normal shift with "
                + "sd %.3f per replicate, so this answers what the rule demands of a fraud, not what happened in any "
                + "region. %d replicates per point.", r.calibration("kz-2022-referendum").params().regionShareSd(),
                r.f().replicates()));
    }

    private static void intraday(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
        h.heading("6. Election-day turnout, region by region");
        KazakhstanLaw law = r.law();
        h.paragraph(String.format(Locale.ROOT, "The electoral commission announces every region's turnout at fixed "
                + "hours of the capital's clock. Each figure is placed on the region's own clock (regions.csv: a region "
                + "behind the capital's clock reaches each briefing with fewer hours of voting). Polls: %s (%s) The "
                + "late increment is the turnout a region added from its briefing closest to %d:00 local time (within "
                + "%d hours) to its last figure, per hour of voting; it is flagged when its modified z-score among the "
                + "regions exceeds %.1f in absolute value (Iglewicz and Hoaglin 1993).", law.pollingRule(),
                law.pollingSource(), IntradayTurnout.LATE_HOUR, IntradayTurnout.LATE_WINDOW_HOURS,
                IntradayTurnout.FLAG));
        for (IntradayTurnout t : r.intraday()) {
            h.add(sub(t.election()));
            h.add(charts.figure("intraday_" + t.election(), "Turnout at the briefings by hours of voting, "
                    + t.election() + "."));
            List<String> times = t.briefings();
            List<List<String>> rows = new ArrayList<>();
            List<Boolean> flags = new ArrayList<>();
            for (IntradayTurnout.Series s : t.regions()) {
                List<String> row = new ArrayList<>(List.of(s.area(), s.utcOffset()));
                for (String time : times) {
                    row.add(s.snapshots().stream().filter(p -> p.capitalTime().equals(time)).findFirst()
                            .map(p -> num(p.turnout(), 2)).orElse(""));
                }
                row.add(s.lateFrom().isEmpty() ? "n/a" : s.lateFrom());
                row.add(num(s.lateRate(), 2));
                row.add(num(s.lateZ(), 2));
                rows.add(row);
                flags.add(s.flagged());
            }
            List<String> header = new ArrayList<>(List.of("Region", "UTC offset"));
            times.forEach(x -> header.add(x + " (capital)"));
            header.addAll(List.of("Late from", "Late points per hour", "Modified z"));
            h.add(table("Turnout at each briefing, %; the late increment and its modified z-score (flagged rows "
                    + "highlighted)", header, rows, flags));
            List<IntradayTurnout.Series> flagged = t.flagged();
            h.paragraph(flagged.isEmpty() ? String.format(Locale.ROOT, "No region's late increment is outlying "
                    + "(median %.2f points per hour, MAD %.2f).", t.median(), t.mad())
                    : String.format(Locale.ROOT, "Flagged (median late increment %.2f points per hour, MAD %.2f): %s.",
                    t.median(), t.mad(), String.join("; ", flagged.stream().map(s -> String.format(Locale.ROOT,
                            "%s, %.2f points per hour from %s capital time (M = %.1f)", s.area(), s.lateRate(),
                            s.lateFrom(), s.lateZ())).toList())));
        }
        h.add(note("What this can show: a region whose turnout rises late in the day much faster than elsewhere, the "
                + "pattern ballot stuffing near closing time leaves in the reported series. What it cannot show: "
                + "fraud. Late surges also come from shift work, queues, weather, mobile ballot boxes or a slow "
                + "region's reporting catching up; the figures are the commission's own preliminary ones, reported by "
                + "its regional commissions with no station detail, and a region that inflates its figures evenly "
                + "through the day leaves no such trace."));
    }

    private static void observers(HtmlReport.Builder h, KazakhstanCase.Result r) {
        h.heading("7. What observers published, with numbers");
        List<List<String>> rows = new ArrayList<>();
        for (ObserverEvidence.Row o : r.observers().rows()) {
            rows.add(List.of(o.election(), o.observer(), o.quantity(), Double.isFinite(o.value())
                    ? (o.approximate() ? "about " : "") + num(o.value(), 0) : "not readable", o.unit(), o.source()));
        }
        h.add(table("Observers' published counts (observers.csv)", List.of("Election", "Observer", "Quantity",
                "Value", "Unit", "Source"), rows, null));
        ObserverSampling.Result o = r.e().observer();
        ObserverEvidence.Row misk = r.observers().find("kz-2019-presidential", "stations observed");
        if (misk != null && Double.isFinite(misk.value())) {
            double n = misk.value();
            double z = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .inverseCumulativeProbability(1 - o.alpha())
                    + new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .inverseCumulativeProbability(o.power());
            double k = z * o.sigma() * Math.sqrt(1 / n - 1.0 / o.stations());
            int needed1 = o.sizes().get(0).n();
            h.paragraph(String.format(Locale.ROOT, "Scenario e against the coverage achieved: %s covered %.0f "
                            + "stations in %d. Had they been a simple random sample of the %,d stations of the model, "
                            + "their turnout count could have detected an inflation of %.1f points or more with %s power "
                            + "(sigma %.4f); detecting %.0f point needs %d stations. The stations were not a random "
                            + "sample and no observed-against-official turnout comparison was published, so the "
                            + "coverage remains a bound on what such a count could have shown, not a result.",
                    misk.observer(), n, r.calibration(misk.election()).year(), o.stations(), 100 * k, pct(o.power()), o.sigma(), o.sizes().get(0).k(),
                    needed1).replace("needs 1 stations", "needs 1 station"));
        }
        ObserverEvidence.Row national = r.observers().find("kz-2024-referendum", "observers");
        KazakhstanModel.Calibration c24 = r.calibration("kz-2024-referendum");
        if (national != null && Double.isFinite(national.value())) {
            h.paragraph(String.format(Locale.ROOT, "In %d %s%,.0f national observers were reported for %,d stations "
                            + "in the country, %.1f per station; none of their counts were published.", c24.year(),
                    national.approximate() ? "about " : "", national.value(), c24.stations(),
                    national.value() / c24.stations()));
        }
    }

    /** Sensitivity figures shown in the report: every figure but the observer sample sizes between the ends. */
    private static boolean shown(KazakhstanSensitivity.Result s, KazakhstanSensitivity.Summary m) {
        if (!m.scenario().equals("e") || m.label().startsWith("station-level")) {
            return true;
        }
        List<KazakhstanSensitivity.Summary> sizes = s.summaries().stream().filter(x -> x.scenario().equals("e")
                && !x.label().startsWith("station-level")).toList();
        return m == sizes.get(0) || m == sizes.get(sizes.size() - 1);
    }

    /** @return a sensitivity figure as printed: stations whole, the rest to 3 decimals */
    private static String figure(KazakhstanSensitivity.Kind kind, double v) {
        return kind == KazakhstanSensitivity.Kind.OTHER && Math.abs(v) >= 10 ? num(v, 0) : num(v, 3);
    }

    private static String withError(KazakhstanSensitivity.Kind kind, double v, double error) {
        return Double.isFinite(error) ? figure(kind, v) + " ± " + num(error, 3) : figure(kind, v);
    }

    /** The smallest range over the grid, relative to the calibrated value, that counts as a dependence. */
    private static final double MATERIAL = 0.05;

    private static void sensitivity(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
        KazakhstanSensitivity.Result s = r.sensitivity();
        List<KazakhstanSensitivity.Variant> cells = s.variants();
        h.heading("8. Sensitivity to the station-level assumptions");
        h.paragraph(s.description());
        int combinations = 1;
        List<String> grid = new ArrayList<>();
        for (String p : KazakhstanSensitivity.PARAMETERS) {
            combinations *= s.values().get(p).size();
            grid.add(KazakhstanCharts.parameterName(p) + " " + String.join(", ", s.values().get(p).stream()
                    .map(x -> num(x, 3)).toList()) + " (calibrated " + num(cells.get(0).value(p), 3) + ")");
        }
        long moving = s.summaries().stream().filter(m -> Double.isFinite(m.largestError())
                && m.highest() - m.lowest() > 2 * m.largestError()).count();
        long withError = s.summaries().stream().filter(m -> Double.isFinite(m.largestError())).count();
        h.paragraph(String.format(Locale.ROOT, "The grid: %s; %d cells, %s. The station sd is that of clean turnout "
                        + "and of clean support alike; the size log-sd that of the registered voters per station; the "
                        + "regional sd the logit-scale spread of a region's clean support, drawn afresh in every "
                        + "replicate. On every cell the electorates are recalibrated (largest regional difference "
                        + "from the published turnout on any cell: %.4f points) and every scenario is rerun, "
                        + "detection power included. Of the %d figures with a Monte Carlo error, %d move by more than "
                        + "twice their largest Monte Carlo error over the grid; the others do not move beyond "
                        + "simulation noise.", String.join("; ", grid), cells.size(), cells.size() == combinations
                        ? "every combination" : cells.size() + " of the " + combinations + " combinations",
                cells.stream().mapToDouble(KazakhstanSensitivity.Variant::regionalDifference).max().orElse(0),
                withError, moving));
        List<String> depends = new ArrayList<>();
        List<String> steady = new ArrayList<>();
        for (KazakhstanSensitivity.Summary m : s.summaries()) {
            double range = m.highest() - m.lowest();
            boolean moves = (Double.isFinite(m.largestError()) ? range > 2 * m.largestError() : range > 0)
                    && range > MATERIAL * Math.abs(m.calibrated());
            if (!shown(s, m) || m.effects().isEmpty()) {
                continue;
            }
            if (!moves) {
                steady.add(m.scenario() + ", " + m.label() + " (" + figure(m.kind(), m.lowest()) + " to "
                        + figure(m.kind(), m.highest()) + ")");
                continue;
            }
            String main = m.effects().entrySet().stream().filter(en -> Double.isFinite(en.getValue()))
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            if (main == null) {
                continue;
            }
            depends.add(String.format(Locale.ROOT, "%s, %s: %s on the calibrated cell, %s to %s over the grid, "
                            + "mostly through the %s (main effect %s)", m.scenario(), m.label(),
                    figure(m.kind(), m.calibrated()), figure(m.kind(), m.lowest()), figure(m.kind(), m.highest()),
                    KazakhstanCharts.parameterName(main), figure(m.kind(), m.effects().get(main))));
        }
        h.paragraph(String.format(Locale.ROOT, "An answer depends on the assumptions here if its range over the grid "
                + "exceeds twice its largest Monte Carlo error and %.0f%% of its calibrated value. %s %s", 100 * MATERIAL,
                depends.isEmpty() ? "No answer does." : "These do: " + String.join("; ", depends) + ".",
                steady.isEmpty() ? "" : "These do not: " + String.join("; ", steady) + "."));
        for (String k : List.of("a", "b", "c", "d", "e")) {
            if (charts.charts().containsKey("sensitivity_" + k)) {
                h.add(charts.figure("sensitivity_" + k, "Scenario " + k + " on every cell of the grid (sensitivity_"
                        + k + ".png / .svg)."));
            }
        }
        List<String> varied = s.varied();
        List<String> header = new ArrayList<>(List.of("Scenario", "Figure", "Calibrated ± MC", "Lowest (cell)",
                "Highest (cell)"));
        varied.forEach(p -> header.add("Effect of " + KazakhstanCharts.parameterName(p)));
        header.add("Largest MC error");
        List<List<String>> rows = new ArrayList<>();
        for (KazakhstanSensitivity.Summary m : s.summaries()) {
            if (!shown(s, m)) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(m.scenario(), m.label(), withError(m.kind(), m.calibrated(),
                    m.calibratedError()), figure(m.kind(), m.lowest()) + " (" + (m.lowestAt() + 1) + ")",
                    figure(m.kind(), m.highest()) + " (" + (m.highestAt() + 1) + ")"));
            varied.forEach(p -> row.add(figure(m.kind(), m.effects().get(p))));
            row.add(Double.isFinite(m.largestError()) ? num(m.largestError(), 3) : "n/a");
            rows.add(row);
        }
        h.add(table(String.format(Locale.ROOT, "Each answer over the %d cells. Calibrated: the reduced rerun on the "
                + "calibrated cell, ± its Monte Carlo error. Lowest and highest: the range over the cells (cell "
                + "numbers as in the tables below), which holds the assumptions' effect and Monte Carlo noise "
                + "together. Effect: the range of the answer's mean at each value of the parameter, the mean taken "
                + "over the cells with that value.", cells.size()), header, rows, null));
        for (String k : List.of("a", "b", "c", "d", "e")) {
            List<KazakhstanSensitivity.Summary> figs = s.summaries().stream()
                    .filter(m -> m.scenario().equals(k) && shown(s, m)).toList();
            if (figs.isEmpty()) {
                continue;
            }
            List<String> hd = new ArrayList<>(List.of("Cell"));
            varied.forEach(p -> hd.add(KazakhstanCharts.parameterName(p)));
            figs.forEach(m -> hd.add(m.label()));
            if (k.equals("a")) {
                hd.add("National turnout residual " + r.calibration("kz-2022-presidential").year() + " (points)");
            }
            List<List<String>> body = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                KazakhstanSensitivity.Variant v = cells.get(i);
                List<String> row = new ArrayList<>(List.of((i + 1) + (v.calibrated() ? " (calibrated)" : "")));
                varied.forEach(p -> row.add(num(v.value(p), 3)));
                for (KazakhstanSensitivity.Summary m : figs) {
                    KazakhstanSensitivity.Figure f = v.figure(m.scenario(), m.label());
                    row.add(f == null ? "n/a" : withError(f.kind(), f.value(), f.error()));
                }
                if (k.equals("a")) {
                    row.add(String.format(Locale.ROOT, "%+.2f", 100 * v.residual()));
                }
                body.add(row);
            }
            h.add(table("Scenario " + k + " on every cell (± Monte Carlo error)", hd, body, null));
        }
    }

    private static void precision(HtmlReport.Builder h, KazakhstanCase.Result r) {
        ScenarioResult.Precision p = r.precision();
        h.heading("9. Monte Carlo precision");
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioResult s : r.scenarios()) {
            rows.add(List.of(s.name(), Integer.toString(s.replicates()), pts(s.precision().shareOrTurnout()),
                    num(s.precision().probability(), 4)));
        }
        rows.add(List.of("sensitivity runs", "see section 8", pts(r.sensitivity().precision().shareOrTurnout()),
                num(r.sensitivity().precision().probability(), 4)));
        h.add(table("Largest Monte Carlo standard error per run", List.of("Run", "Replicates",
                "Share or turnout, mean or quantile (points)", "Probability or power"), rows, null));
        boolean shares = p.shareOrTurnout() < SHARE_ERROR_BOUND;
        boolean probs = p.probability() < PROBABILITY_ERROR_BOUND;
        h.paragraph(String.format(Locale.ROOT, "Largest Monte Carlo error of any share or turnout mean or quantile: "
                        + "%s points (bound %s points: %s); of any probability or power: %s (bound %s: %s). Errors of the "
                        + "replicates' 2.5%% and 97.5%% quantiles are Maritz-Jarrett estimates (Maritz and Jarrett 1978), "
                        + "of the crossing quantiles of b and f order-statistic intervals at one binomial sd (Conover "
                        + "1999); mean errors sd/sqrt(R); probability errors sqrt(p(1 - p)/R); figures interpolated between "
                        + "grid points carry the larger error of the two.", pts(p.shareOrTurnout()),
                pts(SHARE_ERROR_BOUND), shares ? "holds" : "does not hold", num(p.probability(), 4),
                num(PROBABILITY_ERROR_BOUND, 2), probs ? "holds" : "does not hold"));
    }

    /** @return the base ids in report order */
    static List<String> bases() {
        return java.util.Arrays.stream(FirstRoundBase.values()).map(FirstRoundBase::id).toList();
    }
}
