package org.psephos.data;

import static org.psephos.data.AuditFinding.Status.DISCREPANCY;
import static org.psephos.data.AuditFinding.Status.OK;
import static org.psephos.data.AuditFinding.Status.UNVERIFIABLE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** The arithmetic checks of {@link ArithmeticAudit} on aggregate (national and regional) results. */
final class AggregateChecks {
    private final List<AuditFinding> out = new ArrayList<>();

    private AggregateChecks() {
    }

    static List<AuditFinding> run(List<AggregateResult> results) {
        Map<String, List<AggregateResult>> byElection = new LinkedHashMap<>();
        for (AggregateResult r : results) {
            byElection.computeIfAbsent(r.election(), k -> new ArrayList<>()).add(r);
        }
        AggregateChecks c = new AggregateChecks();
        for (List<AggregateResult> election : byElection.values()) {
            for (AggregateResult r : election) {
                if (r.isNational() || r.hasCounts()) {
                    c.result(r);
                }
            }
            new RegionalChecks(c.out).run(election);
        }
        return c.out;
    }

    private void result(AggregateResult r) {
        votesPublished(r);
        optionsSumIsValid(r);
        ballotsIdentity(r);
        turnout(r, "turnout", r.turnout());
        turnout(r, "turnout-alt", r.turnoutAlt());
        List<PercentBase.Base> bases = PercentBase.candidates(r);
        PercentBase.Fit main = percent(r, "percent-base", AggregateOption::percent, bases);
        PercentBase.Fit alt = percent(r, "percent-alt-base", AggregateOption::percentAlt, bases);
        if (main.reproduced() && alt.reproduced()
                && main.reproducing().stream().noneMatch(alt.reproducing()::contains)) {
            out.add(AuditFinding.of(r, "percent-bases-agree", DISCREPANCY, Double.NaN, Double.NaN,
                    "the two sources use different bases: percent is of " + names(main.reproducing())
                            + ", percent_alt of " + names(alt.reproducing())
                            + (main.rounding().isEmpty() || alt.rounding().isEmpty() ? " (truncated)" : "")));
        }
    }

    private void votesPublished(AggregateResult r) {
        List<String> missing = r.optionsWithoutVotes();
        if (missing.isEmpty()) {
            return;
        }
        int others = r.options().size() - missing.size();
        out.add(AuditFinding.of(r, "votes-published", UNVERIFIABLE, Double.NaN, r.knownVotesSum(),
                "no vote count published for " + String.join(", ", missing) + "; the other " + others
                        + " option(s) sum to " + n(r.knownVotesSum()) + ", so no sum over all options can be checked"));
    }

    private void optionsSumIsValid(AggregateResult r) {
        if (r.valid().isEmpty() || r.options().isEmpty()) {
            return;
        }
        long valid = r.valid().getAsLong();
        OptionalLong sum = r.optionsSum();
        if (sum.isEmpty()) {
            long known = r.knownVotesSum();
            out.add(AuditFinding.of(r, "options-sum=valid", UNVERIFIABLE, Double.NaN, valid,
                    "valid is " + n(valid) + "; the options with a count sum to " + n(known) + ", leaving "
                            + n(valid - known) + " for " + String.join(", ", r.optionsWithoutVotes())));
            return;
        }
        long s = sum.getAsLong();
        out.add(AuditFinding.of(r, "options-sum=valid", s == valid ? OK : DISCREPANCY, s, valid,
                s == valid ? "the options' votes sum to " + n(s) + " = valid"
                        : "the options' votes sum to " + n(s) + " but valid is " + n(valid)
                        + " (difference " + signed(valid - s) + ")"));
    }

    private void ballotsIdentity(AggregateResult r) {
        String check = "valid+invalid=ballots";
        String validName = r.valid().isPresent() ? "valid" : "the options' sum";
        OptionalLong valid = r.valid().isPresent() ? r.valid() : r.optionsSum();
        if (r.ballots().isEmpty()) {
            out.add(AuditFinding.of(r, check, UNVERIFIABLE, Double.NaN, Double.NaN, "ballots cast not published"
                    + (r.invalid().isEmpty() ? ", nor invalid ballots" : "") + ": the identity cannot be checked"));
            return;
        }
        long ballots = r.ballots().getAsLong();
        if (valid.isEmpty()) {
            out.add(AuditFinding.of(r, check, UNVERIFIABLE, Double.NaN, ballots, "ballots are " + n(ballots)
                    + ", but neither valid ballots nor every option's votes are published"));
            return;
        }
        long v = valid.getAsLong();
        if (r.invalid().isEmpty()) {
            long gap = ballots - v;
            String text;
            if (gap == 0) {
                text = "invalid ballots not published, and ballots (" + n(ballots) + ") equal " + validName
                        + " exactly: either not one ballot was invalid, or the published ballots figure is really"
                        + " the valid total";
            } else if (gap > 0) {
                text = "invalid ballots not published: ballots - " + validName + " = " + n(ballots) + " - " + n(v)
                        + " = " + n(gap) + " (" + pct(100.0 * gap / ballots, 2) + "% of ballots) unexplained";
            } else {
                text = "ballots (" + n(ballots) + ") are fewer than " + validName + " (" + n(v) + ")";
            }
            out.add(AuditFinding.of(r, check, gap < 0 ? DISCREPANCY : UNVERIFIABLE, v, ballots, text));
            return;
        }
        long inv = r.invalid().getAsLong();
        long expected = v + inv;
        out.add(AuditFinding.of(r, check, expected == ballots ? OK : DISCREPANCY, expected, ballots,
                validName + " + invalid = " + n(v) + " + " + n(inv) + " = " + n(expected)
                        + (expected == ballots ? " = ballots" : " but ballots are " + n(ballots))));
    }

    private void turnout(AggregateResult r, String check, Optional<PrintedPercent> printed) {
        if (printed.isEmpty()) {
            return;
        }
        PrintedPercent p = printed.get();
        String asOf = r.turnoutAsOf().isEmpty() || check.endsWith("alt") ? "" : " (as of: " + r.turnoutAsOf() + ")";
        String shown = "printed " + p + "%" + asOf;
        if (r.registered().isPresent() && r.ballots().isPresent()) {
            long reg = r.registered().getAsLong();
            long b = r.ballots().getAsLong();
            double exact = 100.0 * b / reg;
            String computed = "ballots / registered = " + n(b) + " / " + n(reg) + " = " + pct(exact, 4) + "%, ";
            if (p.roundsFrom(exact)) {
                out.add(AuditFinding.of(r, check, OK, exact, p.doubleValue(), computed + shown
                        + " reproduces within rounding (±" + pct(p.halfUnit(), p.decimals() + 1) + ")"));
            } else {
                out.add(AuditFinding.of(r, check, DISCREPANCY, exact, p.doubleValue(), computed + shown
                        + " is off by more than the rounding tolerance ±" + pct(p.halfUnit(), p.decimals() + 1)
                        + (p.truncatesFrom(exact) ? " (it matches if truncated rather than rounded)" : "")));
            }
            return;
        }
        double lo = p.doubleValue() + p.halfUnit();
        double hi = p.doubleValue() - p.halfUnit();
        String text;
        if (r.ballots().isPresent()) {
            long b = r.ballots().getAsLong();
            text = "registered voters not published; " + shown + " and " + n(b) + " ballots imply about "
                    + n(Math.round(100.0 * b / p.doubleValue())) + " registered (" + n(Math.round(100.0 * b / lo))
                    + " to " + n(Math.round(100.0 * b / hi)) + ")";
        } else if (r.registered().isPresent()) {
            long reg = r.registered().getAsLong();
            text = "ballots cast not published; " + shown + " of " + n(reg) + " registered implies about "
                    + n(Math.round(reg * p.doubleValue() / 100)) + " ballots";
        } else {
            text = "neither registered voters nor ballots published: " + shown + " cannot be checked";
        }
        out.add(AuditFinding.of(r, check, UNVERIFIABLE, Double.NaN, p.doubleValue(), text));
    }

    private PercentBase.Fit percent(AggregateResult r, String check,
                                    Function<AggregateOption, Optional<PrintedPercent>> which,
                                    List<PercentBase.Base> bases) {
        PercentBase.Fit fit = PercentBase.fit(r.options(), which, bases);
        if (fit.pairs() == 0) {
            return fit;
        }
        String what = check.equals("percent-base") ? "the printed percentages" : "the other source's percentages";
        double expected = bases.isEmpty() ? Double.NaN : bases.get(0).value();
        if (!fit.rounding().isEmpty()) {
            PercentBase.Base b = fit.rounding().get(0);
            List<PercentBase.Base> not = new ArrayList<>(bases);
            not.removeAll(fit.rounding());
            out.add(AuditFinding.of(r, check, OK, b.value(), round(fit.estimate()), what
                    + " reproduce within rounding on " + describe(fit.rounding())
                    + (not.isEmpty() ? "" : "; not on " + describe(not)) + " (found: the base they imply, "
                    + n((long) Math.ceil(fit.low())) + " to " + high(fit) + ")"));
        } else if (!fit.truncating().isEmpty()) {
            PercentBase.Base b = fit.truncating().get(0);
            out.add(AuditFinding.of(r, check, OK, b.value(), round(fit.estimate()), what
                    + " reproduce on " + describe(fit.truncating()) + " only if truncated, not rounded: "
                    + exactShares(r, which, b, 2)));
        } else if (bases.isEmpty()) {
            out.add(AuditFinding.of(r, check, UNVERIFIABLE, Double.NaN, round(fit.estimate()), what
                    + " cannot be recomputed: neither valid, every option's votes nor ballots are published; "
                    + implied(r, fit)));
        } else {
            out.add(AuditFinding.of(r, check, DISCREPANCY, expected, round(fit.estimate()), what
                    + " reproduce on none of " + describe(bases) + " (on " + bases.get(0).name() + " they would be "
                    + exactShares(r, which, bases.get(0), 0) + "); " + implied(r, fit)));
        }
        return fit;
    }

    /** Says what base the printed percentages imply and what that base implies. */
    private static String implied(AggregateResult r, PercentBase.Fit fit) {
        if (!fit.consistent()) {
            return "no single base reproduces them all (" + fit.perOption() + ")";
        }
        long e = Math.round(fit.estimate());
        String text = "they imply a base of about " + n(e) + " (" + n((long) Math.ceil(fit.low())) + " to "
                + high(fit) + ")";
        List<String> missing = r.optionsWithoutVotes();
        long known = r.knownVotesSum();
        if (!missing.isEmpty()) {
            return text + ", which would leave about " + n(e - known) + " votes (" + pct(100.0 * (e - known) / e, 2)
                    + "%) for " + String.join(", ", missing) + " if the base is the valid total";
        }
        if (fit.low() > known) {
            String more = ", " + n(e - known) + " more than the options' votes";
            return text + more + (r.ballots().isEmpty()
                    ? ": the percentages look like shares of ballots cast, implying about " + n(e - known)
                    + " unpublished invalid ballots"
                    : " (ballots are " + n(r.ballots().getAsLong()) + ")");
        }
        return text + (fit.high() < known ? ", " + n(known - e) + " fewer than the options' votes" : "");
    }

    private static String high(PercentBase.Fit fit) {
        return Double.isInfinite(fit.high()) ? "unbounded" : n((long) Math.floor(fit.high()));
    }

    private static String exactShares(AggregateResult r, Function<AggregateOption, Optional<PrintedPercent>> which,
                                      PercentBase.Base b, int extraDecimals) {
        List<String> parts = new ArrayList<>();
        for (AggregateOption o : r.options()) {
            if (o.votes().isPresent() && which.apply(o).isPresent()) {
                PrintedPercent p = which.apply(o).get();
                parts.add(pct(100.0 * o.votes().getAsLong() / b.value(), p.decimals() + extraDecimals)
                        + " for " + p);
            }
        }
        return String.join(", ", parts);
    }

    static String describe(List<PercentBase.Base> bases) {
        List<String> parts = new ArrayList<>();
        for (PercentBase.Base b : bases) {
            parts.add(b.name() + " (" + n(b.value()) + ")");
        }
        return String.join(", ", parts);
    }

    private static String names(List<PercentBase.Base> bases) {
        return String.join(" / ", bases.stream().map(PercentBase.Base::name).toList());
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.rint(v);
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String signed(long v) {
        return String.format(Locale.ROOT, "%+,d", v);
    }

    static String pct(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
