package org.psephos.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.internal.chartpart.Chart;
import org.psephos.data.Election;
import org.psephos.estimation.KlimekDetails;
import org.psephos.estimation.KlimekFit;
import org.psephos.estimation.KlimekMoments;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinDetails;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.BenfordSecondDigit;
import org.psephos.forensics.DigitDetails;
import org.psephos.forensics.LastDigitChi2;
import org.psephos.forensics.RoundNumberDetails;
import org.psephos.forensics.SecondDigitChi2;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.spikes.SpikesEstimate;

/**
 * The charts of the {@code analyze} report beyond the fingerprint family, drawn from the battery's national rows
 * where they ran (digit frequencies, the Shpilkin, Klimek-fit and spikes estimates) and recounted from the units
 * otherwise; {@link AnalysisReport#moreCharts} is its public entry point. Stateless.
 */
final class BatteryCharts {
    private BatteryCharts() {
    }

    /**
     * @param kept   the units the battery used (after the standard filter)
     * @param result the battery's outcome
     * @return the charts, as {@link AnalysisReport#moreCharts} describes them
     */
    static Map<String, Chart<?, ?>> of(Election kept, BatteryResult result) {
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
        if (shp != null && shp.testDetails() instanceof ShpilkinDetails d) {
            try {
                Shpilkin own = Shpilkin.withDefaults();
                m.put("shpilkin", ShpilkinChart.of(kept, own.estimate(kept), name, own.peakRule().label()));
                m.put("shpilkin_sensitivity", ShpilkinSensitivityChart.of(d.sensitivity(), name));
            } catch (IllegalArgumentException e) {
                // no votes of the other options at the peak: the test was not applicable either
            }
        }
        spikesChart(result, kept.leaderName(), name).ifPresent(c -> m.put("spikes", c));
        TestResult k = national(result, KlimekFit.ID);
        if (k != null && k.testDetails() instanceof KlimekDetails d) {
            KlimekMoments mo = d.moments();
            double fi = d.fi();
            double fe = d.fe();
            double alpha = d.alpha();
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
        List<TestResult> rows = result.results().stream().filter(r -> r.applicable()
                && TestInput.NATIONAL.equals(r.level()) && r.testDetails() instanceof RoundNumberDetails.Spikes s
                && s.curves()).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        TestResult r = rows.stream().filter(x -> x.variable().equals(leader)).findFirst().orElse(rows.get(0));
        SpikesEstimate e = ((RoundNumberDetails.Spikes) r.testDetails()).estimate();
        List<double[]> spikes = new ArrayList<>();
        for (SpikesEstimate.Spike s : e.spikes()) {
            spikes.add(new double[] {s.share(), s.excessPercent()});
        }
        return Optional.of(SpikesChart.of(e.grid(), e.density(), e.envelope(), spikes, e.fraudPercent(),
                r.variable(), name));
    }

    /** @return the applicable national row of a test, or null */
    private static TestResult national(BatteryResult result, String id) {
        return result.results().stream().filter(r -> r.id().equals(id) && r.applicable()
                && TestInput.NATIONAL.equals(r.level())).findFirst().orElse(null);
    }

    /** @return the observed digit frequencies of a national chi-square row of the battery, or null */
    private static long[] details(BatteryResult result, String id, String variable) {
        for (TestResult r : result.results()) {
            if (r.id().equals(id) && r.variable().equals(variable) && TestInput.NATIONAL.equals(r.level())
                    && r.testDetails() instanceof DigitDetails.Chi2 c && c.observed().length == 10) {
                return c.observed();
            }
        }
        return null;
    }
}
