package org.psephos.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;
import org.psephos.data.Election;
import org.psephos.data.UnitFilter;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.NullKind;

/**
 * The sections of the {@code psephos analyze} report, in reading order: the verdict ({@link VerdictSection}), a
 * summary of the election (units used and dropped with reasons, turnout, shares; {@link SummarySection}), the
 * national battery table with flags and q-values, flagged rows highlighted ({@link BatteryTable}), the estimators'
 * fragility ({@link EstimatorFragility}), a per-group table for the level ({@link GroupTable}), the charts
 * (fingerprint, 0.1% histograms, cumulative votes, second- and last-digit frequencies of the leader's counts;
 * {@link ChartsSection}, {@link BatteryCharts}) and a plain-language explanation of every test that ran
 * ({@link TestGuideSection}). This class assembles them and writes the footer's provenance.
 * Other reports (a case study) can take {@link #sections} and add their own to an {@link HtmlReport.Builder}.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class AnalysisReport {
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
        VerdictSection.add(s, result);
        SummarySection.add(s, election, result, source);
        BatteryTable.add(s, result, election.leader() < 0 ? null : election.leaderName());
        s.addAll(EstimatorFragility.sections(result));
        if (result.level() != null) {
            GroupTable.add(s, charts.kept(), result);
        }
        ChartsSection.add(s, charts);
        TestGuideSection.add(s, result);
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

    /**
     * The charts of the report beyond the fingerprint family ({@link FingerprintCharts}): the cumulative votes
     * curve and the leader's second- and last-digit frequencies (from the battery's 2BLChi2 and LastDigitChi2 rows
     * when they ran, else recounted). {@code psephos analyze --charts} writes them as files under these names.
     *
     * <p>When the battery ran the opt-in estimators nationally, also {@code shpilkin} ({@link ShpilkinChart}, the
     * point estimate recomputed on {@code kept} with {@link org.psephos.estimation.Shpilkin#withDefaults()}),
     * {@code shpilkin_sensitivity} ({@link ShpilkinSensitivityChart}, from the Shpilkin row's details) and
     * {@code klimek_fit} ({@link KlimekFitChart}, from the KlimekFit row's fitted parameters and moments, simulations
     * seeded with the battery's seed), and {@code spikes} ({@link SpikesChart}, from the national Spikes row's
     * curves). Drawn by {@link BatteryCharts}.
     *
     * @param kept   the units the battery used (after the standard filter)
     * @param result the battery's outcome
     * @return {@code cumulative_votes}, {@code second_digits}, {@code last_digits}, {@code shpilkin},
     *         {@code shpilkin_sensitivity}, {@code spikes} and {@code klimek_fit}, those that apply, in order
     */
    public static Map<String, Chart<?, ?>> moreCharts(Election kept, BatteryResult result) {
        return BatteryCharts.of(kept, result);
    }
}
