package org.psephos.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.psephos.data.Election;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.InputSummary;
import org.psephos.forensics.NullKind;

/**
 * The summary section of the {@code analyze} HTML report: the election, the data file, the units read, used and
 * dropped (with each filter's reasons), registered voters, ballots, turnout, the leader, the grouping and conventions
 * tested, the vote shares largest first (the smallest summed beyond a dozen), and the line of flags with how to read
 * a flag. Stateless.
 */
final class SummarySection {
    /** Options in the vote-share table before the rest are summed. */
    private static final int SHOWN_SHARES = 12;

    private SummarySection() {
    }

    /**
     * Adds the summary: a key-value list of the election (units read, used and dropped with reasons, turnout, the
     * leader, grouping, conventions), the vote-share table and the line of flags.
     *
     * @param s        the sections so far
     * @param election the election as loaded
     * @param result   the battery's outcome
     * @param src      where the data came from
     */
    static void add(List<HtmlReport.Section> s, Election election, BatteryResult result, String src) {
        InputSummary sum = result.summary();
        s.add(new HtmlReport.Heading(2, "Summary", "summary"));
        List<Map.Entry<String, String>> kv = new ArrayList<>();
        kv.add(Map.entry("Election", election.name()));
        kv.add(Map.entry("Data file", src));
        kv.add(Map.entry("Units read", Cells.count(result.filter().read())));
        kv.add(Map.entry("Units used", Cells.count(result.filter().kept())));
        StringBuilder dropped = new StringBuilder(Cells.count(result.filter().droppedTotal()));
        Map<String, Integer> by = result.filter().droppedByLabel();
        if (!by.isEmpty()) {
            dropped.append(" (");
            by.forEach((k, v) -> dropped.append(dropped.charAt(dropped.length() - 1) == '(' ? "" : "; ")
                    .append(k).append(": ").append(Cells.count(v)));
            dropped.append(')');
        }
        kv.add(Map.entry("Units dropped", dropped.toString()));
        kv.add(Map.entry("Registered voters", Cells.count(sum.registered())));
        kv.add(Map.entry("Ballots cast", Cells.count(sum.ballots())));
        kv.add(Map.entry("Turnout", Cells.pct(sum.turnout())));
        String leader = election.leaderName();
        if (leader != null && !leader.isEmpty()) {
            Double share = sum.shares().get(leader);
            kv.add(Map.entry("Leader", leader + (share == null ? "" : ", " + Cells.pct(share) + " of "
                    + sum.shareBase())));
        }
        kv.add(Map.entry("Grouping tested", result.level() == null ? "national only" : result.level()));
        kv.add(Map.entry("Conventions", BatteryReport.conventionsLine(result)));
        s.add(new HtmlReport.KeyValues(kv));
        List<List<String>> rows = new ArrayList<>();
        List<String> hl = new ArrayList<>();
        List<Map.Entry<String, Double>> byShare = new ArrayList<>(sum.shares().entrySet());
        byShare.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        double rest = 0;
        for (int k = 0; k < byShare.size(); k++) {
            Map.Entry<String, Double> e = byShare.get(k);
            if (k < SHOWN_SHARES || byShare.size() == SHOWN_SHARES + 1) {
                rows.add(List.of(e.getKey(), Cells.pct(e.getValue())));
                hl.add("");
            } else if (!Double.isNaN(e.getValue())) {
                rest += e.getValue();
            }
        }
        if (byShare.size() > SHOWN_SHARES + 1) {
            rows.add(List.of((byShare.size() - SHOWN_SHARES) + " other options together", Cells.pct(rest)));
            hl.add("na");
        }
        s.add(new HtmlReport.Table("Vote shares, largest first (units used)",
                List.of("Option", "Share of " + baseLabel(sum.shareBase())), rows, List.of(1), hl));
        s.add(HtmlReport.Paragraph.note(BatteryReport.of(result, src).summaryLine() + (result.nullKind()
                == NullKind.CALIBRATED ? " A flag means the row's q-value (its p-value against the calibrated null, "
                + "adjusted for the number of rows) is below the false discovery rate; rows of descriptive tests are "
                + "reported without a flag. Flags are prompts to look closer, not proof of fraud."
                : " A flag means the test's rule fired (see the test descriptions at the end); a q-value below 0.05 "
                + "means the p-value stays small after allowing for the number of tests run. Flags are prompts to "
                + "look closer, not proof of fraud.")));
    }

    private static String baseLabel(String shareBase) {
        return switch (shareBase) {
            case "found" -> "ballots found: valid + invalid";
            case "valid" -> "valid votes";
            case "ballots" -> "ballots cast";
            default -> shareBase;
        };
    }
}
