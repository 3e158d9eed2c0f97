package org.psephos.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.data.Election;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinEstimate;
import org.psephos.estimation.ShpilkinResult;
import org.psephos.estimation.ShpilkinSensitivity;

/**
 * The HTML report of {@code psephos shpilkin}: Shpilkin's clean-peak estimate of anomalous votes (see
 * {@link Shpilkin}) nationally, its split into ballot stuffing and vote switching, the votes-by-turnout chart with the
 * clean extrapolation ({@link ShpilkinChart}), and the estimate per group. Stateless.
 *
 * @since 0.1
 */
public final class ShpilkinReport {
    private ShpilkinReport() {
    }

    /**
     * @param election the units the estimate used
     * @param national the national estimate with its redraw sd
     * @param groups   the per-group estimates (empty without a level)
     * @param peakRule how the clean peak was chosen, as the user gave it
     * @return the report
     */
    public static HtmlReport html(Election election, ShpilkinResult national, List<Shpilkin.GroupEstimate> groups,
                                  String peakRule) {
        return html(election, national, groups, peakRule, null);
    }

    /**
     * @param election  the units the estimate used
     * @param national  the national estimate with its redraw sd
     * @param groups    the per-group estimates (empty without a level)
     * @param peakRule  how the clean peak was chosen, as the user gave it
     * @param fragility the national estimate's sensitivity to the clean peak ({@link Shpilkin#sensitivity}), or
     *                  null: the chosen peak and why, the estimate under every rule, F against t* (table and
     *                  chart)
     * @return the report
     */
    public static HtmlReport html(Election election, ShpilkinResult national, List<Shpilkin.GroupEstimate> groups,
                                  String peakRule, ShpilkinSensitivity fragility) {
        ShpilkinEstimate s = national.estimate();
        HtmlReport.Builder h = HtmlReport.builder("Shpilkin excess votes: " + election.name());
        h.paragraph("Shpilkin's method assumes that without fraud the other options' votes vary with turnout the way "
                + "the leader's do. It finds the clean peak of turnout, takes the leader-to-others ratio there, and "
                + "counts every leader vote above that ratio in higher-turnout bins as anomalous; the part explained "
                + "by turnout above the clean peak is ballot stuffing, the rest vote switching. It cannot see "
                + "switching that does not rise with turnout. Source: Shpilkin (2009-2012 analyses), as implemented in "
                + "Kalinin and Mebane's Election Forensics Toolkit (estimate_fraud).");
        h.add(new HtmlReport.KeyValues(List.of(
                Map.entry("Units", String.format(Locale.ROOT, "%,d", election.size())),
                Map.entry("Leader", election.leaderName()),
                Map.entry("Clean peak (" + peakRule + ")", pct(s.peakTurnout()) + " turnout"),
                Map.entry("Anomalous votes", votes(s.excessVotes()) + " (sd " + votes(national.excessSd()) + ", "
                        + national.redraws() + " redraws)"),
                Map.entry("of which stuffing / switching", votes(s.stuffing()) + " / " + votes(s.switching())),
                Map.entry("Clean turnout / official", pct(s.cleanTurnout()) + " / " + pct(s.officialTurnout())),
                Map.entry("Leader's clean share", pct(s.cleanShare())))));
        h.figure(ShpilkinChart.of(election, s, election.name(), fragility != null ? fragility.rule().label() : null), "Votes per 1% turnout bin: the leader's, "
                + "the other options', and the clean expectation above the peak; the shaded area is the anomalous "
                + "vote.");
        if (fragility != null) {
            sensitivity(h, fragility, election.name());
        }
        if (!groups.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Shpilkin.GroupEstimate g : groups) {
                ShpilkinEstimate e = g.estimate();
                rows.add(List.of(g.level(), Integer.toString(g.units().length), votes(e.excessVotes()),
                        votes(e.stuffing()), votes(e.switching()), pct(e.peakTurnout()), pct(e.cleanShare())));
            }
            h.add(ScenarioReport.table("Estimate per group", List.of("group", "units", "anomalous votes",
                    "stuffing", "switching", "clean peak", "clean share"), rows));
        }
        h.provenance("Redraws", Integer.toString(national.redraws()));
        h.provenance("Seed", Long.toString(national.seed()));
        return h.build();
    }

    /** The chosen peak and why, the estimate under each rule, and F against the clean-peak turnout. */
    private static void sensitivity(HtmlReport.Builder h, ShpilkinSensitivity f, String name) {
        h.heading("How fragile the estimate is");
        h.paragraph(f.reason());
        h.add(ScenarioReport.table("The estimate under each clean-peak rule", HEADER, rows(f.rules().entrySet()
                .stream().map(e -> Map.entry(e.getKey().label() + (e.getKey() == f.rule() ? " (chosen)" : ""),
                        e.getValue())).toList())));
        try {
            h.figure(ShpilkinSensitivityChart.of(f, name), "The leader's excess votes with the clean peak put by hand "
                    + "at each turnout (line), the peaks of the automatic rules (points) and the chosen peak "
                    + "(dotted). A steep curve near the chosen peak, or rules far apart, mean the estimate rests on "
                    + "where the clean peak is placed.");
        } catch (IllegalArgumentException e) {
            // fewer than two turnouts of the grid with an estimate: the table says so
        }
        h.add(ScenarioReport.table("Excess votes against the clean-peak turnout", HEADER, rows(f.grid().stream()
                .map(r -> Map.entry(pct(r.peakTurnout()), r)).toList())));
    }

    private static final List<String> HEADER = List.of("clean peak", "anomalous votes", "stuffing", "switching",
            "t*", "clean share");

    private static List<List<String>> rows(List<Map.Entry<String, ShpilkinSensitivity.Row>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<String, ShpilkinSensitivity.Row> e : rows) {
            ShpilkinSensitivity.Row r = e.getValue();
            out.add(List.of(e.getKey(), votes(r.excessVotes()), votes(r.stuffing()), votes(r.switching()),
                    pct(r.peakTurnout()), pct(r.cleanShare())));
        }
        return out;
    }

    private static String votes(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "n/a";
    }

    private static String pct(double p) {
        return ScenarioReport.pct(p);
    }
}
