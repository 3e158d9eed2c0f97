package org.psephos.cases.kazakhstan;

import static org.psephos.cases.kazakhstan.KazakhstanHtml.count;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.num;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.pct;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.pts;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.sub;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.table;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.year;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.estimation.PowerResult;
import org.psephos.report.ChartSet;
import org.psephos.report.HtmlReport;
import org.psephos.report.ScenarioReport;
import org.psephos.scenarios.ObserverSampling;
import org.psephos.scenarios.ReplicateEstimate;
import org.psephos.scenarios.ScenarioResult;

/**
 * Section 4 of the Kazakhstan report: the fraud scenarios of the presidential election (a: the fraud that
 * turns a clean result into the reported one; b: the smallest no-runoff fraud on each base of the leader's
 * share, with the "against all" readings; d: detection power; e: observer sample sizes). Stateless.
 */
final class PresidentialScenarioSection {
    private PresidentialScenarioSection() {
    }

    static void scenarios(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
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
        String at = String.join(", ", shares.stream().map(KazakhstanHtml::pct).toList());
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
}
