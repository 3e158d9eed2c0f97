package org.psephos.estimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How fragile Shpilkin's estimate is (see {@link Shpilkin#sensitivity}): the clean peak the estimator chose and why,
 * the estimate under every automatic peak rule, and the excess votes against the clean-peak turnout over a grid.
 * Where the rules disagree, or F moves steeply with t* near the chosen peak, the estimate rests on the choice of
 * the peak more than on the data. Immutable.
 *
 * @param rule   the rule that chose the peak
 * @param chosen the estimate at the chosen peak
 * @param reason the rule and its reason in words, with what the other rules give
 * @param rules  the estimate under each automatic rule (OTHERS, HEIGHT, SMOOTHED, FIRST_PEAK), in that order;
 *               a rule without an estimate (no votes of the other options at its peak) has NaN values
 * @param grid   the estimate with the clean peak put by hand at each turnout of the grid, in order
 * @since 0.1
 */
public record ShpilkinSensitivity(Shpilkin.PeakRule rule, Row chosen, String reason, Map<Shpilkin.PeakRule, Row> rules,
                                  List<Row> grid) {
    /** Copies the map and the list. */
    public ShpilkinSensitivity {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(reason, "reason");
        rules = Collections.unmodifiableMap(new EnumMap<>(rules));
        grid = List.copyOf(grid);
    }

    /**
     * The estimate at one clean peak.
     *
     * @param peakTurnout t*, the clean-peak turnout (Psephos: the bin's centre; EFToolkit: its label)
     * @param ratio       r, the leader's votes per vote of the other options in the peak bin
     * @param excessVotes F
     * @param stuffing    the part of F explained by turnout above t*
     * @param switching   F − stuffing
     * @param cleanShare  the leader's share in the peak bin
     */
    public record Row(double peakTurnout, double ratio, double excessVotes, double stuffing, double switching,
                      double cleanShare) {
        /** @return the row as a map for JSON (see {@link ShpilkinSensitivity#details()}) */
        public Map<String, Object> details() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clean_turnout", peakTurnout);
            m.put("ratio", ratio);
            m.put("excess_votes", excessVotes);
            m.put("stuffing", stuffing);
            m.put("switching", switching);
            m.put("clean_share", cleanShare);
            return m;
        }

        /** @return a row without an estimate at this turnout (NaN values) */
        static Row none(double peakTurnout) {
            return new Row(peakTurnout, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * @return the sensitivity as plain maps and lists for JSON: {@code peak_rule}, {@code peak_turnout},
     *         {@code peak_reason}, {@code peak_rules} (one entry per automatic rule: {@code rule} and the row) and
     *         {@code sensitivity} (the grid's rows); a row has {@code clean_turnout}, {@code ratio},
     *         {@code excess_votes}, {@code stuffing}, {@code switching}, {@code clean_share}
     */
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("peak_rule", rule.label());
        d.put("peak_turnout", chosen.peakTurnout());
        d.put("peak_reason", reason);
        List<Map<String, Object>> byRule = new ArrayList<>();
        rules.forEach((r, row) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", r.label());
            m.putAll(row.details());
            byRule.add(m);
        });
        d.put("peak_rules", byRule);
        List<Map<String, Object>> g = new ArrayList<>();
        grid.forEach(row -> g.add(row.details()));
        d.put("sensitivity", g);
        return d;
    }

    /** @return the smallest and largest F over the rules with an estimate, {NaN, NaN} if none has one */
    public double[] excessRange() {
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (Row r : rules.values()) {
            double f = r.excessVotes();
            if (!Double.isNaN(f)) {
                lo = Double.isNaN(lo) ? f : Math.min(lo, f);
                hi = Double.isNaN(hi) ? f : Math.max(hi, f);
            }
        }
        return new double[] {lo, hi};
    }
}
