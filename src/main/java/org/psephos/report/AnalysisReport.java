package org.psephos.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.Chart;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.data.UnitFilter;
import org.psephos.estimation.KlimekFit;
import org.psephos.estimation.KlimekMoments;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinSensitivity;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.InputSummary;
import org.psephos.forensics.NullCalibration;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.Verdict;
import org.psephos.forensics.LastDigitChi2;
import org.psephos.forensics.SecondDigitChi2;
import org.psephos.forensics.Spikes;
import org.psephos.forensics.BenfordSecondDigit;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;

/**
 * The sections of the {@code psephos analyze} report, in reading order: a summary of the election (units used and
 * dropped with reasons, turnout, shares), the national battery table with flags and q-values (flagged rows
 * highlighted), a per-group table for the level, the charts (fingerprint, 0.1% histograms, cumulative votes,
 * second- and last-digit frequencies of the leader's counts) and a plain-language explanation of every test that ran ({@link TestGuide}).
 * Other reports (a case study) can take {@link #sections} and add their own to an {@link HtmlReport.Builder}.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class AnalysisReport {
    /** Options in the vote-share table before the rest are summed. */
    private static final int SHOWN_SHARES = 12;
    /** Options with at least this share get full rows in the battery table. */
    private static final double MAIN_SHARE = 0.02;
    private static final int MAIN_OPTIONS = 8;

    private AnalysisReport() {
    }

    /**
     * @param election the election as loaded (before the standard unit filter, which the charts apply as the
     *                 battery did)
     * @param result   the battery's outcome on it
     * @param source   where the data came from (a file name)
     * @return the sections, in order
     */
    public static List<HtmlReport.Section> sections(Election election, BatteryResult result, String source) {
        Objects.requireNonNull(election, "election");
        return sections(election, result, AnalysisCharts.of(UnitFilter.standard().apply(election).election(), result),
                source);
    }

    /**
     * As {@link #sections(Election, BatteryResult, String)} with the charts already computed (so that a caller
     * that also writes them as files computes them once).
     *
     * @param election the election as loaded
     * @param result   the battery's outcome on it
     * @param charts   the charts of the units the battery used ({@link AnalysisCharts#of})
     * @param source   where the data came from (a file name)
     * @return the sections, in order
     */
    public static List<HtmlReport.Section> sections(Election election, BatteryResult result, AnalysisCharts charts,
                                                    String source) {
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(charts, "charts");
        Objects.requireNonNull(source, "source");
        List<HtmlReport.Section> s = new ArrayList<>();
        verdict(s, result);
        summary(s, election, result, source);
        batteryTable(s, result, election.leader() < 0 ? null : election.leaderName());
        s.addAll(EstimatorFragility.sections(result));
        if (result.level() != null) {
            groupTable(s, charts.kept(), result);
        }
        charts(s, charts);
        explanations(s, result);
        return s;
    }

    /**
     * @param election   the election as loaded
     * @param result     the battery's outcome on it
     * @param source     where the data came from
     * @param version    the toolkit version for the footer
     * @param commandLine the command line (or API call) that produced the report, for the footer
     * @return the whole report
     */
    public static HtmlReport report(Election election, BatteryResult result, String source, String version,
                                    String commandLine) {
        Objects.requireNonNull(election, "election");
        return report(election, result, AnalysisCharts.of(UnitFilter.standard().apply(election).election(), result),
                source, version, commandLine);
    }

    /**
     * As {@link #report(Election, BatteryResult, String, String, String)} with the charts already computed.
     *
     * @param election    the election as loaded
     * @param result      the battery's outcome on it
     * @param charts      the charts of the units the battery used ({@link AnalysisCharts#of})
     * @param source      where the data came from
     * @param version     the toolkit version for the footer
     * @param commandLine the command line (or API call) that produced the report, for the footer
     * @return the whole report
     */
    public static HtmlReport report(Election election, BatteryResult result, AnalysisCharts charts, String source,
                                    String version, String commandLine) {
        HtmlReport.Builder b = HtmlReport.builder("Forensic analysis: " + election.name())
                .addAll(sections(election, result, charts, source));
        provenance(b, result, source, version, commandLine);
        return b.build();
    }

    /**
     * Adds the battery's settings to a report's footer.
     *
     * @param b           the builder
     * @param result      the battery's outcome
     * @param source      the data file
     * @param version     the toolkit version
     * @param commandLine the command line
     */
    public static void provenance(HtmlReport.Builder b, BatteryResult result, String source, String version,
                                  String commandLine) {
        b.provenance("Psephos version", version)
                .provenance("Data file", source)
                .provenance("Bootstrap and Monte Carlo replicates", String.valueOf(result.settings().replicates()))
                .provenance("Seed", String.valueOf(result.settings().seed()))
                .provenance("Fewest units for a shape test", String.valueOf(result.settings().minUnits()))
                .provenance("Conventions", result.conventions().id() + " (" + result.conventions().source() + ")")
                .provenance("Nulls", result.nullKind().id() + (result.nullKind() == NullKind.CALIBRATED
                        ? " (resampling null for the count tests, clean twins for the shape tests and estimators; "
                        + "labels: " + result.settings().nulls().calibration().source() + ")" : ""))
                .provenance("Multiple testing", result.nullKind() == NullKind.CALIBRATED
                        ? "Benjamini-Hochberg q-values over every calibrated p-value of the table, flags at q < "
                        + result.settings().fdr() + "; verdict: Holm over the national rows at 5%"
                        : "Benjamini-Hochberg q-values over every p-value of the table")
                .provenance("Command", commandLine)
                .provenance("Results do not depend on", "the number of threads (randomness is keyed by test, "
                        + "variable and group)");
    }

    /** The verdict as the report's first paragraph (under calibrated nulls). */
    private static void verdict(List<HtmlReport.Section> s, BatteryResult result) {
        if (result.nullKind() != NullKind.CALIBRATED) {
            return;
        }
        Verdict v = result.verdict();
        s.add(new HtmlReport.Heading(2, "Verdict: " + v.answer().text(), "verdict"));
        StringBuilder p = new StringBuilder(v.reason());
        if (!v.carriers().isEmpty()) {
            p.append(" Carried by: ");
            for (int i = 0; i < v.carriers().size(); i++) {
                Verdict.Row r = v.carriers().get(i);
                p.append(i == 0 ? "" : "; ").append(r.id()).append(" on ").append(r.variable()).append(" (p ")
                        .append(BatteryReport.prob(r.pValue())).append(", Holm threshold ")
                        .append(BatteryReport.prob(r.threshold())).append(')');
            }
            p.append('.');
        }
        p.append(" Every test is judged against a null built from this election's own data (resampled counts for "
                + "the digit and round-number tests, clean twins for the shape tests and the estimators), so that "
                + "what heterogeneity and count sizes do to a statistic on a clean election is not mistaken for "
                + "fraud. An anomaly is a pattern that clean counting would not produce; it is evidence to "
                + "explain, not proof of fraud.");
        s.add(new HtmlReport.Paragraph(p.toString(), false));
        s.add(new HtmlReport.Paragraph(BatteryReport.nullsLine(result), true));
    }

    private static void summary(List<HtmlReport.Section> s, Election election, BatteryResult result, String src) {
        InputSummary sum = result.summary();
        s.add(new HtmlReport.Heading(2, "Summary", "summary"));
        List<Map.Entry<String, String>> kv = new ArrayList<>();
        kv.add(Map.entry("Election", election.name()));
        kv.add(Map.entry("Data file", src));
        kv.add(Map.entry("Units read", count(result.filter().read())));
        kv.add(Map.entry("Units used", count(result.filter().kept())));
        StringBuilder dropped = new StringBuilder(count(result.filter().droppedTotal()));
        Map<String, Integer> by = result.filter().droppedByLabel();
        if (!by.isEmpty()) {
            dropped.append(" (");
            by.forEach((k, v) -> dropped.append(dropped.charAt(dropped.length() - 1) == '(' ? "" : "; ")
                    .append(k).append(": ").append(count(v)));
            dropped.append(')');
        }
        kv.add(Map.entry("Units dropped", dropped.toString()));
        kv.add(Map.entry("Registered voters", count(sum.registered())));
        kv.add(Map.entry("Ballots cast", count(sum.ballots())));
        kv.add(Map.entry("Turnout", pct(sum.turnout())));
        String leader = election.leaderName();
        if (leader != null && !leader.isEmpty()) {
            Double share = sum.shares().get(leader);
            kv.add(Map.entry("Leader", leader + (share == null ? "" : ", " + pct(share) + " of " + sum.shareBase())));
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
                rows.add(List.of(e.getKey(), pct(e.getValue())));
                hl.add("");
            } else if (!Double.isNaN(e.getValue())) {
                rest += e.getValue();
            }
        }
        if (byShare.size() > SHOWN_SHARES + 1) {
            rows.add(List.of((byShare.size() - SHOWN_SHARES) + " other options together", pct(rest)));
            hl.add("na");
        }
        s.add(new HtmlReport.Table("Vote shares, largest first (units used)",
                List.of("Option", "Share of " + baseLabel(sum.shareBase())), rows, List.of(1), hl));
        s.add(new HtmlReport.Paragraph(BatteryReport.of(result, src).summaryLine() + (result.nullKind()
                == NullKind.CALIBRATED ? " A flag means the row's q-value (its p-value against the calibrated null, "
                + "adjusted for the number of rows) is below the false discovery rate; rows of descriptive tests are "
                + "reported without a flag. Flags are prompts to look closer, not proof of fraud."
                : " A flag means the test's rule fired (see the test descriptions at the end); a q-value below 0.05 "
                + "means the p-value stays small after allowing for the number of tests run. Flags are prompts to "
                + "look closer, not proof of fraud."), true));
    }

    private static void batteryTable(List<HtmlReport.Section> s, BatteryResult result, String leader) {
        s.add(new HtmlReport.Heading(2, "Forensic tests, whole election", "battery"));
        // Turnout, the leader and the largest options get full rows; with many options (Albania 2013 has 66) the
        // rest go into a compact matrix, so that the charts do not sit behind a thousand rows.
        Set<String> main = new LinkedHashSet<>();
        main.add("turnout");
        if (leader != null) {
            main.add(leader);
        }
        result.summary().shares().entrySet().stream()
                .filter(e -> e.getValue() >= MAIN_SHARE)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAIN_OPTIONS).forEach(e -> main.add(e.getKey()));
        List<List<String>> rows = new ArrayList<>();
        List<String> hl = new ArrayList<>();
        Map<String, Map<String, TestResult>> others = new LinkedHashMap<>();
        for (TestResult r : result.results()) {
            if (!TestInput.NATIONAL.equals(r.level())) {
                continue;
            }
            if (main.contains(r.variable())) {
                rows.add(row(r, result.nullKind() == NullKind.CALIBRATED));
                hl.add(r.flag() ? "flag" : r.applicable() ? "" : "na");
            } else {
                others.computeIfAbsent(r.variable(), k -> new LinkedHashMap<>()).put(r.id(), r);
            }
        }
        boolean cal = result.nullKind() == NullKind.CALIBRATED;
        s.add(new HtmlReport.Table("Every test on turnout" + (others.isEmpty() ? " and each option" : ", the leader "
                + "and the options with at least " + (int) (100 * MAIN_SHARE) + "% of the vote") + ", over all "
                + "units used (flagged rows highlighted; value, expected and interval in the test's own units"
                + (cal ? "; expected and interval: the mean and the central 95% of the statistic under the null "
                + "named in the last column" : "") + ")",
                cal ? List.of("Test", "Variable", "Value", "Expected", "Null 95%", "p", "q", "Flag", "n", "Null")
                        : List.of("Test", "Variable", "Value", "Expected", "95% interval", "p", "q", "Flag", "n"),
                rows, List.of(2, 3, 4, 5, 6, 8), hl));
        if (others.isEmpty()) {
            return;
        }
        List<String> ids = result.results().stream().map(TestResult::id).distinct().toList();
        List<String> header = new ArrayList<>(List.of("Option"));
        header.addAll(ids);
        List<List<String>> mrows = new ArrayList<>();
        List<String> mhl = new ArrayList<>();
        for (Map.Entry<String, Map<String, TestResult>> e : others.entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            boolean any = false;
            for (String id : ids) {
                TestResult r = e.getValue().get(id);
                row.add(r == null ? "" : !r.applicable() ? "n/a" : r.flag() ? "FLAG" : "-");
                any |= r != null && r.flag();
            }
            mrows.add(row);
            mhl.add(any ? "flag" : "");
        }
        s.add(new HtmlReport.Table("The other " + others.size() + " options: FLAG where a test's rule fired, - where "
                + "it did not, n/a where it did not apply (small options often have too few counts); the JSON and CSV "
                + "outputs hold the values", header, mrows, List.of(), mhl, true));
    }

    private static List<String> row(TestResult r, boolean calibrated) {
        List<String> out = new ArrayList<>();
        if (!r.applicable()) {
            out.addAll(List.of(r.id(), r.variable(), "n/a", "", "", "", "", BatteryReport.notApplicable(r.reason()),
                    count(r.n())));
        } else {
            String ci = Double.isNaN(r.ciLow()) ? "" : "[" + BatteryReport.num(r.ciLow()) + ", "
                    + BatteryReport.num(r.ciHigh()) + "]";
            String expected = Double.isNaN(r.expected()) ? "" : BatteryReport.num(r.expected());
            String label = BatteryResult.labelOf(r);
            String flag = r.flag() ? "FLAG" : !calibrated ? "" : "none".equals(BatteryResult.nullOf(r)) ? "no null"
                    : NullCalibration.Label.DESCRIPTIVE.id().equals(label) ? "descriptive"
                    : NullCalibration.Label.NO_POWER.id().equals(label) ? "no power" : "";
            out.addAll(List.of(r.id(), r.variable(), BatteryReport.num(r.value()), expected, ci,
                    BatteryReport.prob(r.pValue()), BatteryReport.prob(r.qValue()), flag, count(r.n())));
        }
        if (calibrated) {
            out.add(r.applicable() ? BatteryResult.nullOf(r) : "");
        }
        return out;
    }

    private static void groupTable(List<HtmlReport.Section> s, Election kept, BatteryResult result) {
        String level = result.level();
        s.add(new HtmlReport.Heading(2, "Tests per " + level, "groups"));
        Map<String, List<TestResult>> byGroup = new LinkedHashMap<>();
        List<String> ids = result.results().stream().map(TestResult::id).distinct().toList();
        for (TestResult r : result.results()) {
            if (!TestInput.NATIONAL.equals(r.level())) {
                byGroup.computeIfAbsent(r.level(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        Optional<Grouping> g = kept.grouping(level);
        if (g.isPresent()) {
            for (int i = 0; i < kept.size(); i++) {
                units.merge(g.get().levels().get(g.get().code(i)), 1, Integer::sum);
            }
        }
        List<String> header = new ArrayList<>(List.of(level, "Units"));
        header.addAll(ids);
        header.add("Smallest q");
        List<Integer> numeric = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            numeric.add(c);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> hl = new ArrayList<>();
        for (Map.Entry<String, List<TestResult>> e : byGroup.entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey(), count(units.getOrDefault(e.getKey(), 0))));
            boolean any = false;
            double minQ = Double.NaN;
            for (String id : ids) {
                int flagged = 0;
                int applicable = 0;
                for (TestResult r : e.getValue()) {
                    if (r.id().equals(id) && r.applicable()) {
                        applicable++;
                        flagged += r.flag() ? 1 : 0;
                    }
                }
                row.add(applicable == 0 ? "n/a" : flagged + "/" + applicable);
                any |= flagged > 0;
            }
            for (TestResult r : e.getValue()) {
                if (!Double.isNaN(r.qValue()) && !(r.qValue() >= minQ)) {
                    minQ = r.qValue();
                }
            }
            row.add(BatteryReport.prob(minQ));
            rows.add(row);
            hl.add(any ? "flag" : "");
        }
        s.add(new HtmlReport.Table("One row per " + level + "; each test column gives the flagged variables out of "
                + "the variables (turnout and the options) the test applied to, \"n/a\" where it applied to none. "
                + "Rows with a flag are highlighted; the JSON and CSV outputs hold every result.",
                header, rows, numeric, hl, true));
    }

    private static void charts(List<HtmlReport.Section> s, AnalysisCharts charts) {
        s.add(new HtmlReport.Heading(2, "Charts", "charts"));
        if (charts.kept().size() == 0) {
            s.add(new HtmlReport.Paragraph("No units were left after filtering, so there is nothing to draw.", true));
            return;
        }
        s.add(charts.figure("fingerprint",
                "Election fingerprint: each cell counts the units with that turnout and leader's share (1% bins, "
                        + "colour on a log scale). A clean election is one compact cloud; ballot stuffing draws a "
                        + "streak towards the top-right corner (100% turnout, 100% for the leader)."));
        s.add(charts.figure("turnout_hist",
                "Turnout in 0.1% bins. Dots mark the bins at whole percentages: regular spikes there mean results "
                        + "were reported to match round targets (Kobak et al. 2016)."));
        s.add(charts.figure("share_hist",
                "The leader's share in 0.1% bins, whole percentages marked as in the turnout histogram."));
        Map<String, String> captions = Map.of(
                "cumulative_votes", "Cumulative votes (Klimek et al. 2012, Fig. 6): the share of each option's votes "
                        + "cast in units up to a turnout. Curves that rise together and flatten before 100% are the "
                        + "clean pattern; a leader's curve that lags and keeps climbing near 100% turnout is the "
                        + "signature of ballot stuffing.",
                "second_digits", "Second digits against the second-digit Benford law (Mebane 2006). Dots outside the "
                        + "95% interval depart from the law by more than chance would usually allow; see 2BL and "
                        + "2BLChi2.",
                "last_digits", "Last digits against the uniform distribution, 10% each (Beber and Scacco 2012); see "
                        + "LastC and LastDigitChi2.",
                "shpilkin", "Shpilkin curve (Kobak, Shpilkin and Pshenichnikov 2016): votes per 1% turnout bin; "
                        + "above the clean peak the leader's votes beyond r times the others' (shaded) are the "
                        + "Shpilkin test's excess votes.",
                "shpilkin_sensitivity", "Shpilkin's excess votes with the clean peak put at each turnout (line), "
                        + "the peaks of the automatic rules (points) and the chosen peak (dotted line): a steep "
                        + "curve near the chosen peak, or rules far apart, mean the estimate rests on where the "
                        + "clean peak is placed.",
                "klimek_fit", "Klimek model fit (Klimek et al. 2012, Fig. 4): the leader's share per unit against "
                        + "elections simulated with the same unit sizes from the fitted model and the fair model "
                        + "(no fraud); see KlimekFit.",
                "spikes", "Rozenas's spikes (Rozenas 2017; the plot of his R package spikes): the kernel density "
                        + "of the option's vote shares against the upper envelope of densities resampled from a "
                        + "smooth beta-binomial null fitted to the data. Dots mark the shares (coarse fractions "
                        + "such as 1/2 or 2/3 when results were written rather than counted) where the data rise "
                        + "above the envelope; their excess units make up F; see Spikes.");
        charts.charts().keySet().stream().filter(captions::containsKey)
                .forEach(k -> s.add(charts.figure(k, captions.get(k))));
    }

    /**
     * The charts of the report beyond the fingerprint family ({@link FingerprintCharts}): the cumulative votes
     * curve and the leader's second- and last-digit frequencies (from the battery's 2BLChi2 and LastDigitChi2 rows
     * when they ran, else recounted). {@code psephos analyze --charts} writes them as files under these names.
     *
     * @param kept   the units the battery used (after the standard filter)
     * @param result the battery's outcome
     * <p>When the battery ran the opt-in estimators nationally, also {@code shpilkin} ({@link ShpilkinChart}, the
     * point estimate recomputed on {@code kept} with {@link Shpilkin#withDefaults()}), {@code shpilkin_sensitivity}
     * ({@link ShpilkinSensitivityChart}, from the Shpilkin row's details) and {@code klimek_fit}
     * ({@link KlimekFitChart}, from the KlimekFit row's fitted parameters and moments, simulations seeded with the
     * battery's seed), and {@code spikes} ({@link SpikesChart}, from the national Spikes row's curves).
     *
     * @return {@code cumulative_votes}, {@code second_digits}, {@code last_digits}, {@code shpilkin},
     *         {@code shpilkin_sensitivity}, {@code spikes} and {@code klimek_fit}, those that apply, in order
     */
    public static Map<String, Chart<?, ?>> moreCharts(Election kept, BatteryResult result) {
        Map<String, Chart<?, ?>> m = new LinkedHashMap<>();
        if (kept.size() == 0 || kept.optionCount() == 0) {
            return m;
        }
        String name = kept.name();
        m.put("cumulative_votes", CumulativeVotesChart.of(kept, name));
        if (kept.leader() < 0) {
            return m;
        }
        String leader = kept.leaderName();
        int[] counts = kept.votesColumn(kept.leader());
        long[] second = details(result, SecondDigitChi2.ID, leader);
        if (second == null) {
            second = SecondDigitChi2.frequencies(counts);
        }
        String who = ChartStyle.shorten(leader, 45);
        m.put("second_digits", DigitCharts.of(second, BenfordSecondDigit.probabilities(),
                ChartStyle.shorten(name, 40) + ": second digits of the leader's vote counts",
                "Second digit of " + who + "'s vote counts (counts of 10 or more)"));
        long[] last = details(result, LastDigitChi2.ID, leader);
        if (last == null) {
            last = LastDigitChi2.withDefaults().frequencies(counts);
        }
        double[] uniform = new double[10];
        java.util.Arrays.fill(uniform, 0.1);
        m.put("last_digits", DigitCharts.of(last, uniform,
                ChartStyle.shorten(name, 40) + ": last digits of the leader's vote counts",
                "Last digit of " + who + "'s vote counts (counts of 10 or more)"));
        TestResult shp = national(result, Shpilkin.ID);
        if (shp != null) {
            try {
                Shpilkin own = Shpilkin.withDefaults();
                m.put("shpilkin", ShpilkinChart.of(kept, own.estimate(kept), name, own.peakRule().label()));
                m.put("shpilkin_sensitivity", ShpilkinSensitivityChart.of(
                        ShpilkinSensitivity.fromDetails(shp.details()), name));
            } catch (IllegalArgumentException e) {
                // no votes of the other options at the peak: the test was not applicable either
            }
        }
        spikesChart(result, kept.leaderName(), name).ifPresent(c -> m.put("spikes", c));
        TestResult k = national(result, KlimekFit.ID);
        if (k != null) {
            Map<String, Object> d = k.details();
            KlimekMoments mo = new KlimekMoments(num(d, "tau"), num(d, "nu"), num(d, "sigma_tau"),
                    num(d, "sigma_nu"), num(d, "theta"));
            double fi = num(d, "f_i");
            double fe = num(d, "f_e");
            double alpha = num(d, "alpha");
            if (mo.isUsable() && fi >= 0 && fe >= 0 && fi + fe <= 1 && alpha > 0) {
                m.put("klimek_fit", KlimekFitChart.of(kept, mo, fi, fe, alpha, result.settings().seed(), name));
            }
        }
        return m;
    }

    /**
     * @return the {@code plot.out}-style chart of the national Spikes row of the leader (else of the first option
     *         it ran on), from the curves in its details, if the battery ran Spikes
     */
    private static Optional<Chart<?, ?>> spikesChart(BatteryResult result, String leader, String name) {
        List<TestResult> rows = result.results().stream().filter(r -> r.id().equals(Spikes.ID) && r.applicable()
                && TestInput.NATIONAL.equals(r.level()) && r.details().get("density") instanceof double[]).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        TestResult r = rows.stream().filter(x -> x.variable().equals(leader)).findFirst().orElse(rows.get(0));
        Map<String, Object> d = r.details();
        List<double[]> spikes = new ArrayList<>();
        if (d.get("spikes") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> s && s.get("share") instanceof Number a
                        && s.get("excess_percent") instanceof Number b) {
                    spikes.add(new double[] {a.doubleValue(), b.doubleValue()});
                }
            }
        }
        return Optional.of(SpikesChart.of((double[]) d.get("grid"), (double[]) d.get("density"),
                (double[]) d.get("envelope"), spikes, num(d, "fraud_percent"), r.variable(), name));
    }

    /** @return the applicable national row of a test, or null */
    private static TestResult national(BatteryResult result, String id) {
        return result.results().stream().filter(r -> r.id().equals(id) && r.applicable()
                && TestInput.NATIONAL.equals(r.level())).findFirst().orElse(null);
    }

    private static double num(Map<String, Object> d, String key) {
        return d.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** @return the observed digit frequencies of a national chi-square row of the battery, or null */
    private static long[] details(BatteryResult result, String id, String variable) {
        for (TestResult r : result.results()) {
            if (r.id().equals(id) && r.variable().equals(variable) && TestInput.NATIONAL.equals(r.level())
                    && r.details().get("observed") instanceof List<?> l && l.size() == 10) {
                long[] f = new long[10];
                for (int d = 0; d < 10; d++) {
                    f[d] = ((Number) l.get(d)).longValue();
                }
                return f;
            }
        }
        return null;
    }

    private static void explanations(List<HtmlReport.Section> s, BatteryResult result) {
        s.add(new HtmlReport.Heading(2, "About the tests", "tests"));
        s.add(new HtmlReport.Paragraph("Each test looks for one trace that manipulation can leave. None proves "
                + "fraud, and each has situations where honest results trip it; read a flag together with the "
                + "charts and what is known about the election.", false));
        result.results().stream().map(TestResult::id).distinct().forEach(id -> {
            Optional<TestGuide.Entry> e = TestGuide.of(id);
            if (e.isEmpty()) {
                s.add(new HtmlReport.Heading(3, id, null));
                s.add(new HtmlReport.Paragraph("No description available for this test.", false));
                nullParagraphs(s, result, id);
                return;
            }
            TestGuide.Entry t = e.get();
            s.add(new HtmlReport.Heading(3, t.name() + " (" + t.id() + ")", null));
            s.add(new HtmlReport.Paragraph("What it detects: " + t.detects(), false));
            s.add(new HtmlReport.Paragraph("When it does not apply: " + t.notApplicable(), false));
            nullParagraphs(s, result, id);
            s.add(new HtmlReport.Paragraph("Source: " + t.source(), false));
        });
    }

    /** Under calibrated nulls: the null a test used, why its reference value alone would mislead, its label. */
    private static void nullParagraphs(List<HtmlReport.Section> s, BatteryResult result, String id) {
        if (result.nullKind() != NullKind.CALIBRATED) {
            return;
        }
        TestResult any = result.results().stream().filter(r -> r.id().equals(id) && r.applicable()).findFirst()
                .orElse(null);
        if (any != null) {
            String kind = BatteryResult.nullOf(any);
            String what = switch (kind) {
                case "clean twins" -> "clean twins: elections simulated with every unit's registered voters and "
                        + "group, turnout and shares drawn from a no-fraud model fitted to this election's clean "
                        + "peak (the statistic recomputed on each)";
                case "refitted clean twins" -> "refitted clean twins: the estimator refitted on clean twins of this "
                        + "election, its estimate on the data compared with theirs";
                case "none" -> "none: reported as the test computes it, outside the q-values and the verdict";
                default -> kind + ": every unit's counts redrawn at its own size and rates (the statistic "
                        + "recomputed on each resampled election)";
            };
            s.add(new HtmlReport.Paragraph("Null used: " + what + ".", false));
            String label = BatteryResult.labelOf(any);
            Object reason = any.details().get("label_reason");
            if (NullCalibration.Label.DESCRIPTIVE.id().equals(label)) {
                s.add(new HtmlReport.Paragraph("Descriptive: its false-positive rate on clean elections was measured "
                        + "above the level, so it is reported without a flag and kept out of the verdict"
                        + (reason == null ? "." : " (" + reason + ")."), false));
            } else if (NullCalibration.Label.NO_POWER.id().equals(label)) {
                s.add(new HtmlReport.Paragraph("No power: it was measured unable to detect the fraud it targets"
                        + (reason == null ? "." : " (" + reason + ")."), false));
            }
        }
        TestGuide.referenceCaveat(id).ifPresent(c -> s.add(new HtmlReport.Paragraph(
                "Why a reference value alone would mislead: " + c, false)));
    }

    private static String baseLabel(String shareBase) {
        return switch (shareBase) {
            case "found" -> "ballots found: valid + invalid";
            case "valid" -> "valid votes";
            case "ballots" -> "ballots cast";
            default -> shareBase;
        };
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

}
