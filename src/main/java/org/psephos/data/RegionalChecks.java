package org.psephos.data;

import static org.psephos.data.AggregateChecks.n;
import static org.psephos.data.AuditFinding.Status.DISCREPANCY;
import static org.psephos.data.AuditFinding.Status.OK;
import static org.psephos.data.AuditFinding.Status.UNVERIFIABLE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Regional against national checks of {@link ArithmeticAudit}: regional counts must sum to the national ones, and a
 * national turnout, being the registered-weighted mean of the regional ones, must lie within their range.
 */
final class RegionalChecks {
    private final List<AuditFinding> out;

    RegionalChecks(List<AuditFinding> out) {
        this.out = out;
    }

    /** @param results the national and regional results of one election */
    void run(List<AggregateResult> results) {
        AggregateResult national = results.stream().filter(AggregateResult::isNational).findFirst().orElse(null);
        List<AggregateResult> areas = results.stream().filter(r -> !r.isNational()).toList();
        if (areas.isEmpty()) {
            return;
        }
        if (national == null) {
            AggregateResult first = areas.get(0);
            out.add(new AuditFinding(first.election(), AggregateResult.NATIONAL, "regional-vs-national", UNVERIFIABLE,
                    Double.NaN, Double.NaN, Double.NaN, areas.size() + " areas but no national figures for this "
                    + "election in the files audited: give the national file too", List.of()));
            return;
        }
        sum(national, areas, "registered", AggregateResult::registered);
        sum(national, areas, "ballots", AggregateResult::ballots);
        votes(national, areas);
        turnout(national, areas);
    }

    private void sum(AggregateResult national, List<AggregateResult> areas, String what,
                     Function<AggregateResult, OptionalLong> figure) {
        long have = areas.stream().filter(a -> figure.apply(a).isPresent()).count();
        OptionalLong total = figure.apply(national);
        if (have == 0 || total.isEmpty()) {
            return;
        }
        String check = "regional-sum-" + what;
        if (have < areas.size()) {
            out.add(AuditFinding.of(national, check, UNVERIFIABLE, Double.NaN, total.getAsLong(), "only " + have
                    + " of " + areas.size() + " areas publish " + what + ": their sum cannot be checked"));
            return;
        }
        long s = areas.stream().mapToLong(a -> figure.apply(a).getAsLong()).sum();
        long t = total.getAsLong();
        out.add(AuditFinding.of(national, check, s == t ? OK : DISCREPANCY, s, t, "the " + areas.size()
                + " areas' " + what + " sum to " + n(s) + (s == t ? " = national" : " but the national figure is "
                + n(t))));
    }

    private void votes(AggregateResult national, List<AggregateResult> areas) {
        if (national.options().stream().noneMatch(o -> o.votes().isPresent())) {
            return;
        }
        boolean anyArea = areas.stream().anyMatch(a -> a.options().stream().anyMatch(o -> o.votes().isPresent()));
        if (!anyArea) {
            out.add(AuditFinding.of(national, "regional-sum-votes", UNVERIFIABLE, Double.NaN, Double.NaN,
                    "no area publishes vote counts (" + areas.size() + " areas in the files): the national votes "
                            + "cannot be checked against regional sums"));
            return;
        }
        List<String> differ = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (AggregateOption o : national.options()) {
            if (o.votes().isEmpty()) {
                continue;
            }
            long s = 0;
            boolean complete = true;
            for (AggregateResult a : areas) {
                OptionalLong v = a.options().stream().filter(x -> x.name().equalsIgnoreCase(o.name()))
                        .map(AggregateOption::votes).findFirst().orElse(OptionalLong.empty());
                complete &= v.isPresent();
                s += v.orElse(0);
            }
            if (!complete) {
                incomplete.add(o.name());
            } else if (s != o.votes().getAsLong()) {
                differ.add(o.name() + " " + n(s) + " vs " + n(o.votes().getAsLong()));
            }
        }
        if (!differ.isEmpty()) {
            out.add(AuditFinding.of(national, "regional-sum-votes", DISCREPANCY, Double.NaN, Double.NaN,
                    "regional votes do not sum to the national count: " + String.join("; ", differ)));
        } else if (!incomplete.isEmpty()) {
            out.add(AuditFinding.of(national, "regional-sum-votes", UNVERIFIABLE, Double.NaN, Double.NaN,
                    "some areas have no count for " + String.join(", ", incomplete)));
        } else {
            out.add(AuditFinding.of(national, "regional-sum-votes", OK, Double.NaN, Double.NaN,
                    "every option's regional votes sum to its national count"));
        }
    }

    private void turnout(AggregateResult national, List<AggregateResult> areas) {
        List<AggregateResult> printed = areas.stream().filter(a -> a.turnout().isPresent()).toList();
        if (printed.isEmpty()) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        String minArea = "";
        String maxArea = "";
        Set<String> asOf = new LinkedHashSet<>();
        for (AggregateResult a : printed) {
            double t = a.turnout().get().doubleValue();
            if (t < min) {
                min = t;
                minArea = a.area();
            }
            if (t > max) {
                max = t;
                maxArea = a.area();
            }
            if (!a.turnoutAsOf().isEmpty()) {
                asOf.add(a.turnoutAsOf());
            }
        }
        String range = printed.size() + " areas print a turnout from " + min + "% (" + minArea + ") to " + max
                + "% (" + maxArea + ")" + (asOf.isEmpty() ? "" : ", as of " + String.join("; ", asOf))
                + (printed.size() < areas.size() ? ", " + (areas.size() - printed.size()) + " areas print none" : "");
        boolean weights = areas.stream().allMatch(a -> a.registered().isPresent() && a.ballots().isPresent());
        String nationalText = national.turnout().map(p -> "the national " + p + "%"
                + (national.turnoutAsOf().isEmpty() ? "" : " (" + national.turnoutAsOf() + ")"))
                .orElse("the national turnout");
        if (!weights) {
            out.add(AuditFinding.of(national, "regional-turnout-weighted", UNVERIFIABLE, Double.NaN,
                    national.turnout().map(PrintedPercent::doubleValue).orElse(Double.NaN), range
                            + "; without each area's registered voters their registered-weighted mean cannot be"
                            + " compared with " + nationalText));
        }
        if (national.turnout().isPresent() && printed.size() >= 2) {
            PrintedPercent t = national.turnout().get();
            boolean inside = t.doubleValue() >= min - t.halfUnit() && t.doubleValue() <= max + t.halfUnit();
            boolean complete = printed.size() == areas.size();
            out.add(AuditFinding.of(national, "regional-turnout-range",
                    inside ? OK : complete ? DISCREPANCY : UNVERIFIABLE, Double.NaN,
                    t.doubleValue(), nationalText + (inside ? " lies" : " does not lie")
                            + " within the regional range, as a weighted mean of the regions must"
                            + (printed.size() < areas.size() ? " (of the areas that print one)" : "")));
        }
    }
}
