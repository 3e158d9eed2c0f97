package org.psephos.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.psephos.data.Election;
import org.psephos.data.ElectionTotals;
import org.psephos.estimation.Shpilkin.PeakRule;

/**
 * The sensitivity table of {@link Shpilkin} ({@link Shpilkin#sensitivity(Election, int, int, int)}): the estimate
 * at the chosen clean peak with the rule's reason in words, the estimate under every automatic rule, and F with the
 * peak put by hand at each turnout of a grid, under the estimator's conventions. Package-private and stateless.
 */
final class ShpilkinSensitivityTable {
    private ShpilkinSensitivityTable() {
    }

    /**
     * @return the sensitivity of the estimator's estimate on these units, over the grid from..to in steps (whole
     *         per cent)
     * @throws IllegalArgumentException as {@link Shpilkin#sensitivity(Election, int, int, int)}
     */
    static ShpilkinSensitivity of(Shpilkin by, Election e, int fromPercent, int toPercent, int stepPercent) {
        if (fromPercent < 0 || toPercent > 100 || fromPercent > toPercent || stepPercent < 1) {
            throw new IllegalArgumentException("sensitivity grid is not from..to in [0, 100] with a positive step: "
                    + fromPercent + ".." + toPercent + " by " + stepPercent);
        }
        Map<PeakRule, ShpilkinSensitivity.Row> rules = new java.util.EnumMap<>(PeakRule.class);
        List<ShpilkinSensitivity.Row> grid = new ArrayList<>();
        ShpilkinSensitivity.Row chosen;
        if (by.eftoolkit()) {
            EftoolkitShpilkin.Columns c = EftoolkitShpilkin.Columns.of(e);
            if (c.voters().length == 0) {
                throw new IllegalArgumentException("no units");
            }
            EftoolkitShpilkin.Sums s = EftoolkitShpilkin.Sums.of(c, null);
            for (PeakRule r : ShpilkinPeaks.AUTOMATIC) {
                rules.put(r, EftoolkitShpilkinEstimate.row(s, by.with(r), Double.NaN));
            }
            chosen = EftoolkitShpilkinEstimate.row(s, by, by.peakRule() == PeakRule.MANUAL ? by.manualTurnout
                    : Double.NaN);
            for (int p = fromPercent; p <= toPercent; p += stepPercent) {
                grid.add(EftoolkitShpilkinEstimate.row(s, by.withManualTurnout(p / 100.0), p / 100.0));
            }
        } else {
            LeaderColumns c = ShpilkinBins.columns(e);
            double[][] b = ShpilkinBins.binnedVotes(c, ShpilkinBins.bins(c));
            ElectionTotals t = e.totals();
            for (PeakRule r : ShpilkinPeaks.AUTOMATIC) {
                rules.put(r, ShpilkinBins.row(b, ShpilkinPeaks.peak(r, Double.NaN, b[0], b[1]), t));
            }
            chosen = ShpilkinBins.row(b, ShpilkinPeaks.peak(by, b[0], b[1]), t);
            for (int p = fromPercent; p <= toPercent; p += stepPercent) {
                grid.add(ShpilkinBins.row(b, Math.min(ShpilkinBins.BINS - 1, p), t));
            }
        }
        ElectionTotals totals = e.totals();
        double leaderVotes = e.leader() < 0 ? Double.NaN : totals.optionVotes()[e.leader()];
        return new ShpilkinSensitivity(by.peakRule(), chosen, reason(by, chosen, rules, leaderVotes), rules, grid);
    }

    /**
     * @param by          the estimator
     * @param chosen      the estimate at the chosen peak
     * @param rules       the estimate under each automatic rule
     * @param leaderVotes the leader's votes, the scale of "agree"
     * @return the rule of this estimator and its reason, in words, with what the other rules give and whether the
     *         rules on the other options' votes (others, smoothed, first) and the chosen one agree: their F within
     *         10% of the largest |F| or within 2% of the leader's votes
     */
    private static String reason(Shpilkin by, ShpilkinSensitivity.Row chosen,
                                 Map<PeakRule, ShpilkinSensitivity.Row> rules, double leaderVotes) {
        PeakRule r = by.peakRule();
        StringBuilder b = new StringBuilder();
        b.append(String.format(java.util.Locale.ROOT, "Clean peak at %s turnout by the %s rule (%s): %s.",
                percent(chosen.peakTurnout()), r.label(), by.rule != null ? "given explicitly"
                        : "the default under " + (by.eftoolkit() ? "EFToolkit's" : "Psephos's") + " conventions",
                describe(r, by)));
        b.append(" The other rules:");
        String sep = " ";
        for (Map.Entry<PeakRule, ShpilkinSensitivity.Row> x : rules.entrySet()) {
            if (x.getKey() == r) {
                continue;
            }
            ShpilkinSensitivity.Row row = x.getValue();
            b.append(sep).append(x.getKey().label()).append(Double.isNaN(row.excessVotes()) ? " no estimate"
                    : String.format(java.util.Locale.ROOT, " at %s, F = %,.0f", percent(row.peakTurnout()),
                    row.excessVotes()));
            sep = "; ";
        }
        b.append('.');
        double lo = chosen.excessVotes();
        double hi = lo;
        for (PeakRule p : new PeakRule[] {PeakRule.OTHERS, PeakRule.SMOOTHED, PeakRule.FIRST_PEAK}) {
            lo = fold(lo, rules.get(p).excessVotes(), Math::min);
            hi = fold(hi, rules.get(p).excessVotes(), Math::max);
        }
        if (!Double.isNaN(lo)) {
            boolean agree = hi - lo <= Math.max(0.1 * Math.max(Math.abs(lo), Math.abs(hi)), 0.02 * leaderVotes);
            b.append(String.format(java.util.Locale.ROOT, agree ? " The rules on the other options' votes agree "
                    + "(F from %,.0f to %,.0f, within 10%% of the largest or 2%% of the leader's votes)."
                    : " The rules on the other options' votes disagree (F from %,.0f to %,.0f): the estimate rests "
                    + "on where the clean peak is placed; see F against the clean-peak turnout.", lo, hi));
        }
        return b.toString();
    }

    /** @param pick {@code Math::min} or {@code Math::max} @return pick(a, b), ignoring NaN */
    private static double fold(double a, double b, DoubleBinaryOperator pick) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return pick.applyAsDouble(a, b);
    }

    /** @return what a rule does and why, in words, under the estimator's conventions */
    private static String describe(PeakRule r, Shpilkin by) {
        return switch (r) {
            case OTHERS -> "the 1% turnout bin with the most votes of the other options, which stuffing does not "
                    + "add to (Shpilkin's assumption)";
            case HEIGHT -> by.eftoolkit() ? "EFToolkit's estimate_fraud height rule, the highest pracma::findpeaks "
                    + "peak of the leader's votes below the official turnout" : "the 1% turnout bin with the most "
                    + "leader votes";
            case MANUAL -> "a clean-peak turnout given by hand";
            case SMOOTHED -> "the maximum of the other options' votes after a running median and a running mean "
                    + "over 5 bins, which spikes of units reporting round turnouts do not move";
            case FIRST_PEAK -> "the first turnout from below, at least a quarter as high as the highest, after which "
                    + "the other options' votes (smoothed over 5 bins) rise by no more than 10% in the next 5 bins, "
                    + "and the highest of those bins; stuffing moves whole units, their other options' votes with "
                    + "them, to higher turnout, where they can pile up into a second, higher peak, so the clean "
                    + "peak is the first one from below";
        };
    }

    /** @return a turnout as a percentage with one decimal */
    private static String percent(double t) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * t);
    }
}
