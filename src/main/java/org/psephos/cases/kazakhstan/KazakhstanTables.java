package org.psephos.cases.kazakhstan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.psephos.data.AtomicFiles;
import org.psephos.estimation.PowerResult;
import org.psephos.report.CsvWriter;
import org.psephos.scenarios.HistoryModel;
import org.psephos.scenarios.IntradayTurnout;
import org.psephos.scenarios.ObserverEvidence;
import org.psephos.scenarios.ObserverSampling;
import org.psephos.scenarios.ReplicateEstimate;
import org.psephos.scenarios.ScenarioResult;

/**
 * The Kazakhstan case study's CSV tables, one file per table of {@link KazakhstanReport}: the history, the
 * predictive checks and exit polls, the runoff bases, the calibrations, the referendum rules, the intraday
 * turnout, every scenario point, solution and minimum, the detection power, the observer sample sizes and
 * evidence, and the sensitivity grid. Every file is written atomically. Stateless.
 */
final class KazakhstanTables {
    private KazakhstanTables() {
    }

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

    static void writeTables(KazakhstanCase.Result r, Path dir) {
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
}
