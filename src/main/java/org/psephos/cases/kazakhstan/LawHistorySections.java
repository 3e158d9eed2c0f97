package org.psephos.cases.kazakhstan;

import static org.psephos.cases.kazakhstan.KazakhstanHtml.count;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.num;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.pct;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.sub;
import static org.psephos.cases.kazakhstan.KazakhstanHtml.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.psephos.report.ChartSet;
import org.psephos.report.HtmlReport;
import org.psephos.scenarios.HistoryModel;

/**
 * Sections 1 and 2 of the Kazakhstan report: the law (the winner's share on the three bases the law's words
 * admit, the turnout and referendum rules, each with its article and source) and the presidential history
 * (the predictive check of {@link org.psephos.scenarios.HistoryModel} and the exit polls). Stateless.
 */
final class LawHistorySections {
    private LawHistorySections() {
    }

    static void law(HtmlReport.Builder h, KazakhstanCase.Result r) {
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

    static void history(HtmlReport.Builder h, KazakhstanCase.Result r, ChartSet charts) {
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
}
