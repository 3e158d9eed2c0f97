package org.psephos.cases.kazakhstan;

import static org.psephos.cases.kazakhstan.KazakhstanHtml.count;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.num;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.pct;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.pts;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.sub;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.table;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.year;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psephos.report.ChartSet;
import org.psephos.report.HtmlReport;
import org.psephos.report.ScenarioReport;
import org.psephos.scenarios.ScenarioResult;

/**
 * Section 5 of the Kazakhstan report: the referendums' turnout rule and rule of the regions, scenario c (turnout
 * without the stuffed ballots) and scenario f (the smallest fraud for a majority in enough regions). Stateless.
 */
final class ReferendumSection {
    private ReferendumSection() {
    }

    static void referendums(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
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
}
