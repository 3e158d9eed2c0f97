package org.psephos.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the base (denominator) on which printed percentages reproduce from vote counts, or the base they imply.
 *
 * <p>A printed percentage \( p \) with rounding tolerance \( h \) of an option with \( v \) votes is consistent with
 * every base \( B \) in \( [100v/(p+h),\ 100v/(p-h)] \); the intersection over the options is the implied base
 * interval. The point estimate is \( 100v/p \) for the option with most votes, the narrowest interval.
 */
final class PercentBase {

    /**
     * A candidate base.
     *
     * @param name  what it is ("valid", "options sum", "ballots", or several joined by " = " when equal)
     * @param value its value
     */
    record Base(String name, long value) {
    }

    /**
     * What the printed percentages say about their base.
     *
     * @param rounding   the candidate bases on which every printed percentage reproduces by rounding
     * @param truncating the candidate bases on which every one reproduces by truncation (and not all by rounding)
     * @param low        the lowest implied base
     * @param high       the highest implied base (infinite when no option bounds it)
     * @param estimate   the point estimate of the implied base, or NaN
     * @param pairs      the number of options with both votes and a printed percentage
     * @param perOption  each option's implied base, as text ("79.78 implies 7,328,675, ...")
     */
    record Fit(List<Base> rounding, List<Base> truncating, double low, double high, double estimate, int pairs,
               String perOption) {
        boolean consistent() {
            return low <= high;
        }

        boolean reproduced() {
            return !rounding.isEmpty() || !truncating.isEmpty();
        }

        List<Base> reproducing() {
            return rounding.isEmpty() ? truncating : rounding;
        }
    }

    private PercentBase() {
    }

    /**
     * @param r a result
     * @return its published bases in the order valid, options sum, ballots; equal values merged into one base
     */
    static List<Base> candidates(AggregateResult r) {
        List<Base> out = new ArrayList<>();
        r.valid().ifPresent(v -> add(out, "valid", v));
        r.optionsSum().ifPresent(v -> add(out, "options sum", v));
        r.ballots().ifPresent(v -> add(out, "ballots", v));
        return out;
    }

    private static void add(List<Base> bases, String name, long value) {
        for (int i = 0; i < bases.size(); i++) {
            if (bases.get(i).value() == value) {
                bases.set(i, new Base(bases.get(i).name() + " = " + name, value));
                return;
            }
        }
        bases.add(new Base(name, value));
    }

    /**
     * @param options the options
     * @param printed which printed percentage to test
     * @param bases   the candidate bases
     * @return the fit; {@code pairs == 0} when no option has both votes and that percentage
     */
    static Fit fit(List<AggregateOption> options, Function<AggregateOption, Optional<PrintedPercent>> printed,
                   List<Base> bases) {
        List<Long> votes = new ArrayList<>();
        List<PrintedPercent> percents = new ArrayList<>();
        for (AggregateOption o : options) {
            Optional<PrintedPercent> p = printed.apply(o);
            if (o.votes().isPresent() && p.isPresent()) {
                votes.add(o.votes().getAsLong());
                percents.add(p.get());
            }
        }
        List<Base> rounding = new ArrayList<>();
        List<Base> truncating = new ArrayList<>();
        for (Base b : bases) {
            boolean rounds = b.value() > 0;
            boolean truncates = b.value() > 0;
            for (int k = 0; k < votes.size(); k++) {
                double exact = 100.0 * votes.get(k) / b.value();
                rounds &= percents.get(k).roundsFrom(exact);
                truncates &= percents.get(k).roundsFrom(exact) || percents.get(k).truncatesFrom(exact);
            }
            if (rounds && !votes.isEmpty()) {
                rounding.add(b);
            } else if (truncates && !votes.isEmpty()) {
                truncating.add(b);
            }
        }
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        double estimate = Double.NaN;
        long most = -1;
        for (int k = 0; k < votes.size(); k++) {
            long v = votes.get(k);
            double p = percents.get(k).doubleValue();
            double h = percents.get(k).halfUnit();
            if (v == 0) {
                continue;
            }
            low = Math.max(low, 100.0 * v / (p + h));
            if (p - h > 0) {
                high = Math.min(high, 100.0 * v / (p - h));
            }
            if (v > most && p > 0) {
                most = v;
                estimate = 100.0 * v / p;
            }
        }
        List<String> each = new ArrayList<>();
        for (int k = 0; k < votes.size(); k++) {
            if (percents.get(k).doubleValue() > 0) {
                each.add(percents.get(k) + " implies " + String.format(Locale.ROOT, "%,d",
                        Math.round(100.0 * votes.get(k) / percents.get(k).doubleValue())));
            }
        }
        return new Fit(rounding, truncating, low, high, estimate, votes.size(), String.join(", ", each));
    }
}
