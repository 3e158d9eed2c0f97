package org.psephos.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.psephos.data.AggregateOption;
import org.psephos.data.AggregateResult;
import org.psephos.data.CsvTable;
import org.psephos.data.DataException;

/**
 * A country's vote-share history from national aggregate results: per election the leader's share, turnout, the
 * margin over the runner-up, the effective number of candidates and the "against all" share; a predictive check of
 * later elections against a reference series; official results against published exit polls.
 *
 * <p>Statistical model (stated, not fitted by search): the reference elections' logit(leader share) y_1…y_n are
 * exchangeable draws from Normal(μ, σ²) with μ, σ unknown. Under the reference prior p(μ, σ) ∝ 1/σ the posterior
 * predictive of a new election's y is the Student t with n − 1 degrees of freedom, location ȳ and scale
 * s·sqrt(1 + 1/n), s the sample sd (Gelman et al., <i>Bayesian Data Analysis</i>, 3rd ed., §3.2; the same as the
 * frequentist prediction interval). A later election's predictive percentile is F_t((y − ȳ)/(s sqrt(1 + 1/n))); its
 * two-sided p-value is 2 min(F, 1 − F). The same model is applied to logit(turnout).
 *
 * <p>Definitions. Shares are the printed percentages of the main source (the official base; Kazakhstan prints
 * shares of valid votes, "against all" included). The runner-up is the strongest other option, "against all"
 * included (1991 had a single candidate and an "Against" option). The effective number of candidates is
 * Laakso and Taagepera's (1979, Comparative Political Studies 12(1), 3–27, doi:10.1177/001041407901200101)
 * 1/Σ p_k², on vote shares: the options' votes over their sum where every option has a count, otherwise the
 * printed percentages renormalised over the options that have one (2015: Kusainov's figure is unpublished).
 * Immutable.
 *
 * @param elections  one row per election of the selected kind, by date
 * @param checks     the predictive checks
 * @param exitPolls  official minus exit-poll percentages, one per published poll figure
 * @since 0.1
 */
public record HistoryModel(List<ElectionRecord> elections, List<PredictiveCheck> checks,
                           List<ExitPollDifference> exitPolls) {
    /** Copies the lists. */
    public HistoryModel {
        elections = List.copyOf(elections);
        checks = List.copyOf(checks);
        exitPolls = List.copyOf(exitPolls);
    }

    /**
     * One election's headline figures. Percentages as printed (0–100); NaN where the source publishes nothing.
     *
     * @param election     identifier
     * @param date         ISO date
     * @param year         year of the date
     * @param leader       the winning option
     * @param leaderShare  the leader's printed percentage
     * @param turnout      printed turnout, percent
     * @param runnerUp     the strongest other option
     * @param margin       leader − runner-up, percentage points
     * @param enp          effective number of candidates, 1/Σ p²
     * @param againstAll   the "against all" percentage, NaN if the ballot had none
     * @param candidates   the number of candidates (options that are not "against" lines)
     */
    public record ElectionRecord(String election, String date, int year, String leader, double leaderShare,
                                 double turnout, String runnerUp, double margin, double enp, double againstAll,
                                 int candidates) {
    }

    /**
     * Where a later election falls against the reference series (see the model in {@link HistoryModel}).
     *
     * @param quantity        {@code leader share} or {@code turnout}
     * @param referenceYears  the reference elections' years
     * @param referenceMean   ȳ, mean of the logits
     * @param referenceSd     s, sd of the logits (divisor n − 1)
     * @param df              n − 1
     * @param predictiveLow   the 2.5% point of the predictive distribution, back on the percent scale
     * @param predictiveHigh  the 97.5% point, percent
     * @param predictiveMedian the predictive median expit(ȳ), percent
     * @param year            the year checked
     * @param observed        the observed percentage
     * @param percentile      the predictive CDF at the observed logit, in [0, 1]
     * @param pTwoSided       2 min(percentile, 1 − percentile)
     */
    public record PredictiveCheck(String quantity, List<Integer> referenceYears, double referenceMean,
                                  double referenceSd, int df, double predictiveLow, double predictiveHigh,
                                  double predictiveMedian, int year, double observed, double percentile,
                                  double pTwoSided) {
        /** Copies the list. */
        public PredictiveCheck {
            referenceYears = List.copyOf(referenceYears);
        }
    }

    /**
     * An official percentage against an exit poll's.
     *
     * @param election   identifier
     * @param pollster   who published the poll
     * @param option     the option
     * @param poll       the poll's percentage
     * @param official   the official percentage (NaN if the option's official figure is unpublished)
     * @param difference official − poll, percentage points
     */
    public record ExitPollDifference(String election, String pollster, String option, double poll, double official,
                                     double difference) {
    }

    /**
     * Builds the history of one kind of election (e.g. {@code presidential}) and checks later elections against
     * the reference elections.
     *
     * @param national     national results (other areas are ignored)
     * @param kind         the kind of election kept, e.g. {@code presidential}
     * @param isReference  which elections form the reference series, e.g. those won by Nazarbayev
     * @param checkedYears the years to place against it, e.g. 2019 and 2022
     * @param polls        exit polls (see {@link #readExitPolls(Path)}), may be empty
     * @return the model
     * @throws IllegalArgumentException if fewer than two reference elections exist
     */
    public static HistoryModel of(List<AggregateResult> national, String kind,
                                  Predicate<ElectionRecord> isReference, List<Integer> checkedYears,
                                  List<ExitPoll> polls) {
        List<ElectionRecord> rows = new ArrayList<>();
        Map<String, AggregateResult> byElection = new HashMap<>();
        for (AggregateResult r : national) {
            if (r.isNational() && r.kind().equalsIgnoreCase(kind) && !r.options().isEmpty()) {
                rows.add(summarise(r));
                byElection.put(r.election(), r);
            }
        }
        rows.sort((a, b) -> a.date().compareTo(b.date()));
        List<ElectionRecord> reference = rows.stream().filter(isReference).toList();
        List<PredictiveCheck> checks = new ArrayList<>();
        for (int year : checkedYears) {
            for (ElectionRecord e : rows) {
                if (e.year() == year) {
                    checks.add(check("leader share", reference, ElectionRecord::leaderShare, e.year(),
                            e.leaderShare()));
                    checks.add(check("turnout", reference, ElectionRecord::turnout, e.year(), e.turnout()));
                }
            }
        }
        List<ExitPollDifference> diffs = new ArrayList<>();
        for (ExitPoll p : polls) {
            AggregateResult r = byElection.get(p.election());
            double official = Double.NaN;
            if (r != null) {
                for (AggregateOption o : r.options()) {
                    if (o.name().equalsIgnoreCase(p.option()) && o.percent().isPresent()) {
                        official = o.percent().get().doubleValue();
                    }
                }
            }
            diffs.add(new ExitPollDifference(p.election(), p.pollster(), p.option(), p.percent(), official,
                    official - p.percent()));
        }
        return new HistoryModel(rows, checks, diffs);
    }

    /** One published exit-poll figure. @param election id @param pollster who @param option option @param percent % */
    public record ExitPoll(String election, String pollster, String option, double percent) {
    }

    /**
     * Reads an exit-poll file: columns {@code election}, {@code pollster}, {@code option}, {@code percent} (any
     * order, case-insensitive; others ignored), UTF-8, read by {@link CsvTable} (comma, semicolon or tab; RFC 4180
     * quotes). Blank lines are skipped.
     *
     * @param file the file
     * @return the polls in file order
     * @throws DataException naming the file, line and column if it cannot be read or a value is invalid
     */
    public static List<ExitPoll> readExitPolls(Path file) {
        CsvTable table = CsvTable.read(file);
        int[] col = new int[4];
        String[] names = {"election", "pollster", "option", "percent"};
        for (int c = 0; c < names.length; c++) {
            col[c] = table.column(names[c]);
            if (col[c] < 0) {
                throw DataException.of("the exit-poll file has no column '" + names[c] + "'").file(file)
                        .line(table.header().line()).fix("add the columns election, pollster, option, percent")
                        .build();
            }
        }
        List<ExitPoll> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.isBlank()) {
                continue;
            }
            String pct = table.cell(row, col[3]);
            double v;
            try {
                v = Double.parseDouble(pct);
            } catch (NumberFormatException e) {
                throw table.error(row, col[3], "the percentage is not a number").value(pct).build();
            }
            out.add(new ExitPoll(table.cell(row, col[0]), table.cell(row, col[1]), table.cell(row, col[2]), v));
        }
        return out;
    }

    static ElectionRecord summarise(AggregateResult r) {
        List<AggregateOption> opts = r.options();
        AggregateOption leader = null;
        double leaderPct = Double.NEGATIVE_INFINITY;
        for (AggregateOption o : opts) {
            double p = percent(o);
            if (p > leaderPct) {
                leaderPct = p;
                leader = o;
            }
        }
        Objects.requireNonNull(leader, "leader");
        AggregateOption runner = null;
        double runnerPct = Double.NEGATIVE_INFINITY;
        double against = Double.NaN;
        for (AggregateOption o : opts) {
            double p = percent(o);
            if (o != leader && p > runnerPct) {
                runnerPct = p;
                runner = o;
            }
            if (o.name().toLowerCase(Locale.ROOT).startsWith("against")) {
                against = p;
            }
        }
        double turnout = r.turnout().map(t -> t.doubleValue()).orElse(Double.NaN);
        int candidates = (int) opts.stream().filter(o -> !o.name().toLowerCase(Locale.ROOT).startsWith("against"))
                .count();
        return new ElectionRecord(r.election(), r.date(), Integer.parseInt(r.date().substring(0, 4)),
                leader.name(), leaderPct, turnout, runner == null ? "" : runner.name(),
                runner == null ? Double.NaN : leaderPct - runnerPct, enp(opts), against, candidates);
    }

    private static double percent(AggregateOption o) {
        return o.percent().map(p -> p.doubleValue()).orElse(Double.NaN);
    }

    /** Laakso–Taagepera on vote shares: votes where all options have counts, else renormalised printed percents. */
    static double enp(List<AggregateOption> opts) {
        boolean allVotes = opts.stream().allMatch(o -> o.votes().isPresent());
        double[] x = new double[opts.size()];
        for (int i = 0; i < x.length; i++) {
            AggregateOption o = opts.get(i);
            x[i] = allVotes ? o.votes().getAsLong() : (o.percent().isPresent() ? percent(o) : 0);
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v / sum) * (v / sum);
        }
        return 1 / ss;
    }

    private static PredictiveCheck check(String quantity, List<ElectionRecord> reference,
                                         ToDoubleFunction<ElectionRecord> f, int year, double observed) {
        List<Integer> years = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (ElectionRecord e : reference) {
            double v = f.applyAsDouble(e);
            if (Double.isFinite(v)) {
                years.add(e.year());
                ys.add(Logit.logit(v / 100));
            }
        }
        int n = ys.size();
        if (n < 2) {
            throw new IllegalArgumentException("fewer than two reference elections with a " + quantity + ": " + n);
        }
        double mean = ys.stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = 0;
        for (double y : ys) {
            ss += (y - mean) * (y - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double scale = sd * Math.sqrt(1 + 1.0 / n);
        TDistribution t = new TDistribution(null, n - 1);
        double q = t.inverseCumulativeProbability(0.975);
        double pct = t.cumulativeProbability((Logit.logit(observed / 100) - mean) / scale);
        return new PredictiveCheck(quantity, years, mean, sd, n - 1, Logit.expit(mean - q * scale, 100),
                Logit.expit(mean + q * scale, 100), Logit.expit(mean, 100), year, observed, pct,
                2 * Math.min(pct, 1 - pct));
    }
}
