package org.psephos.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.data.Election;
import org.psephos.data.ElectionTotals;
import org.psephos.data.Grouping;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.TurnoutBins;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.NormalTails;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateDistribution;

/**
 * {@code Shpilkin}: the clean-peak extrapolation of the leader's anomalous votes, as EFToolkit implements it
 * ({@code ComputeShpilkinMethod.R}, {@code estimate_fraud}; FORENSICS.md B4), after Shpilkin (2011, 2012) and
 * Kobak, Shpilkin and Pshenichnikov (2016), "Statistical fingerprints of electoral fraud?", Significance 13(4),
 * 20–23, doi:10.1111/j.1740-9713.2016.00936.x.
 *
 * <p>Method (Psephos's conventions). Units are binned by turnout t = ballots/registered into 1% bins (bin b holds
 * t ∈ [b/100, (b+1)/100), computed exactly as ⌊100·ballots/registered⌋; t = 1 in bin 100); per bin W_b = the
 * leader's votes and O_b = the other options' votes. The clean peak t* is the centre of a bin chosen by a
 * {@link PeakRule} ({@link ShpilkinPeaks} has the details): {@link PeakRule#FIRST_PEAK} (the default), the first
 * peak from below of O smoothed over 5 bins (running median, then running mean): the first bin at least a quarter
 * as high as the highest after which the next 5 bins rise by at most 10%, and the highest of those bins;
 * {@link PeakRule#SMOOTHED}, the maximum of the smoothed O; {@link PeakRule#OTHERS}, the bin with most votes of the
 * other options; {@link PeakRule#HEIGHT}, the bin with most leader votes (a simplification of EFToolkit's
 * {@code height}); or a turnout the user gives ({@link PeakRule#MANUAL}). Stuffing adds votes to the leader only,
 * so the other options' votes peak at the clean turnout while the leader's may not (Russia 2011: the 99–100% bin
 * holds more leader votes than any other, and HEIGHT takes it). But stuffing moves whole units, with their other
 * options' votes, to higher turnout: where fraud is widespread and aims at similar turnouts the moved units pile
 * into a second, higher peak of O (Russia 2024: O is highest at 80.5%, a round target, while its clean peak lies
 * near 62%), and units that report round turnouts make one-bin spikes. The smoothing removes the spikes and the
 * first peak from below ignores the pile. <b>Why FIRST_PEAK is the default</b> ({@code ShpilkinPeakStudy}, 50
 * seeds of 20,000 units; docs/validation.md section 7): on clean elections with regional, size and urban
 * heterogeneity and on Klimek fraud at f_i 0.05 and 0.3 its error in F is within the noise of OTHERS' (mean
 * |error| larger by 4k to 35k votes, 0.3 to 1.5 standard errors, where the errors' sd is 27k to 270k; 83k, 2 se,
 * on an urban/rural electorate where every rule is biased by +0.4M to +0.7M); on widespread stuffing where O peaks
 * inside the fraud it cuts the error from −2.2M to −0.16M (homogeneous, half the units stuffed) and from −3.4M to
 * −0.56M (heterogeneous), and on round turnout targets by 37k to 181k votes. Where the pile swallows the clean
 * peak no rule finds it.
 * {@link #sensitivity} reports the estimate under every rule and F against t*, with the rule's reason in words.
 * With r = W_{t*}/O_{t*},
 * \[ F = \sum_{b > t^*} (W_b - r\,O_b), \]
 * split into stuffing = min(F, max(0, (T − t*)·ΣN)) with T the official turnout, and switching = F − stuffing.
 * The clean turnout is t*, the clean share W_{t*}/(W_{t*} + O_{t*}). Unit i above the peak carries
 * W_i − r·O_i anomalous votes (these sum to F; they can be negative).
 *
 * <p>Null model: in a fair election the other options' votes vary with turnout as the leader's do, so r is the
 * same in every bin and F ≈ 0. Turnout-independent vote switching is invisible to the method (it raises r in every
 * bin alike). Uncertainty, R replicates with the peak re-picked in each; {@code excess_sd} is the sd of F over
 * them. {@link Uncertainty#BOOTSTRAP} (the default, EFToolkit's nonparametric option) resamples the units;
 * {@link Uncertainty#REDRAWS} (EFToolkit's parametric option) redraws W_i* ~ Binomial(W_i + O_i, W_i/(W_i + O_i)).
 * The redraws see count noise only, not the heterogeneity of the units in the peak bin that dominates the error of
 * r: on clean simulated elections (5,000 units, {@code psephos power}) the flag rule below fired on 36% of them
 * with redraws and on none with the bootstrap. Flag rule: 1 − Φ(F/sd) &lt; 0.025 (F significantly above 0,
 * EFToolkit's |mean/sd| ≥ 1.96, one-sided). Replicate r uses {@code RandomStreams.seeded(seed).stream(KEY, r)}:
 * identical for any thread count.
 *
 * <p>Under {@link Conventions#EFTOOLKIT} ({@link #withConventions}, or the run's conventions) the estimate is
 * EFToolkit's {@code estimate_fraud}, reproducing R's arithmetic (see {@code EftoolkitShpilkin}): turnout =
 * share base / registered (EFToolkit's {@code TotalVotes/TotalReg}), bins (e_{k−1}, e_k] on R's floating-point
 * edges {@code seq(0, 1.01, .01)}, t* = the bin's label (its lower edge), its {@code height} peak rule by default
 * (the highest {@code pracma::findpeaks} peak of the leader's votes below the official turnout), every unit kept
 * ({@code na.rm}), stuffing = round((T − t*)·ΣN) not floored at 0; an explicit {@link #with(PeakRule)} or
 * {@link #withManualTurnout} wins (a manual turnout names a bin label). The per-unit split stays W_i − r·O_i above
 * the peak (EFToolkit's post-stratified per-precinct split is not reproduced).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Shpilkin implements ForensicTest {
    /** The test id. */
    public static final String ID = "Shpilkin";
    /** Number of 1% turnout bins: 0%, 1%, …, 100%. */
    static final int BINS = TurnoutBins.PERCENT_BINS;
    /** Stream key of the redraws. */
    private static final long KEY = 0x5368706CL;
    /** Redraws per parallel task. */
    private static final int PER_TASK = 16;

    /** How the clean peak is chosen. */
    public enum PeakRule {
        /** The 1% turnout bin with the most votes of the other options. */
        OTHERS,
        /** The 1% turnout bin with the most leader votes (EFToolkit {@code height}). */
        HEIGHT,
        /** A turnout the user gives. */
        MANUAL,
        /**
         * The maximum of the other options' votes smoothed over 5 bins (running median, then running mean), which
         * integer-percent spikes do not move.
         */
        SMOOTHED,
        /**
         * The first prominent local maximum from below of the smoothed other options' votes, at least a quarter as
         * high as the highest, which a higher pile of stuffed units does not move.
         */
        FIRST_PEAK;

        /** @return the rule's name on the command line and in JSON: others, height, manual, smoothed, first */
        public String label() {
            return this == FIRST_PEAK ? "first" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How the sd of F is estimated. */
    public enum Uncertainty {
        /** Binomial redraws of the leader's votes per unit (EFToolkit's parametric option): count noise only. */
        REDRAWS,
        /** Units resampled with replacement (EFToolkit's nonparametric option): also the units' heterogeneity. */
        BOOTSTRAP
    }

    /** The peak rule given explicitly, or {@code null} for the conventions' (OTHERS; EFToolkit's: HEIGHT). */
    private final PeakRule rule;
    private final double manualTurnout;
    private final Uncertainty uncertainty;
    /** The conventions given explicitly, or {@code null} for the run's (Psephos's in direct calls). */
    private final Conventions conventions;

    private Shpilkin(PeakRule rule, double manualTurnout, Uncertainty uncertainty, Conventions conventions) {
        this.rule = rule;
        this.manualTurnout = manualTurnout;
        this.uncertainty = uncertainty;
        this.conventions = conventions;
    }

    /** @param u how the sd is estimated @return a copy */
    public Shpilkin with(Uncertainty u) {
        return new Shpilkin(rule, manualTurnout, u, conventions);
    }

    /**
     * @param c whose binning and peak rule to follow ({@link Conventions#EFTOOLKIT}: EFToolkit's
     *          {@code estimate_fraud}; any other: Psephos's)
     * @return a copy
     */
    public Shpilkin withConventions(Conventions c) {
        return new Shpilkin(rule, manualTurnout, uncertainty, java.util.Objects.requireNonNull(c, "conventions"));
    }

    /** @return the estimator with the conventions' peak rule (others; EFToolkit's: height) and the bootstrap sd */
    public static Shpilkin withDefaults() {
        return new Shpilkin(null, Double.NaN, Uncertainty.BOOTSTRAP, null);
    }

    private boolean eftoolkit() {
        return conventions == Conventions.EFTOOLKIT;
    }

    /**
     * @param r {@link PeakRule#OTHERS} or {@link PeakRule#HEIGHT}
     * @return a copy with that rule
     * @throws IllegalArgumentException for {@link PeakRule#MANUAL} (use {@link #withManualTurnout(double)})
     */
    public Shpilkin with(PeakRule r) {
        if (r == PeakRule.MANUAL) {
            throw new IllegalArgumentException("the manual peak rule needs a turnout: use withManualTurnout");
        }
        return new Shpilkin(r, Double.NaN, uncertainty, conventions);
    }

    /**
     * @param turnout the clean-peak turnout, in [0, 1]
     * @return a copy with the manual peak rule
     * @throws IllegalArgumentException if the turnout is not in [0, 1]
     */
    public Shpilkin withManualTurnout(double turnout) {
        if (!(turnout >= 0 && turnout <= 1)) {
            throw new IllegalArgumentException("manual peak turnout is not in [0, 1]: " + turnout);
        }
        return new Shpilkin(PeakRule.MANUAL, turnout, uncertainty, conventions);
    }

    /** @return the peak rule: the one given, else the conventions' default (first; EFToolkit's: height) */
    public PeakRule peakRule() {
        return rule != null ? rule : eftoolkit() ? PeakRule.HEIGHT : PeakRule.FIRST_PEAK;
    }

    @Override
    public String id() {
        return ID;
    }

    /** @return {@link Evidence#VALUE}: an estimate that fraud raises */
    @Override
    public Evidence evidence() {
        return Evidence.VALUE;
    }

    @Override
    public Scope scope() {
        return Scope.LEADER_AND_TURNOUT;
    }

    /**
     * @return {@link NullModel#REFITTED_TWINS}: its calibrated null recomputes the excess votes F on clean twins of
     *         the election (the point estimate; the row's interval stays the bootstrap's)
     */
    @Override
    public NullModel nullModel() {
        return NullModel.REFITTED_TWINS;
    }

    /**
     * @param e units with a leader, without missing counts and with positive registered voters
     * @return the point estimate
     * @throws IllegalArgumentException if the election has no leader, no units, or the peak bin holds no votes of
     *                                  the other options
     */
    public ShpilkinEstimate estimate(Election e) {
        if (eftoolkit()) {
            return eftoolkitEstimate(e, EftoolkitShpilkin.Columns.of(e));
        }
        LeaderColumns c = columns(e);
        return estimate(e, c, bins(c));
    }

    /** EFToolkit's estimate ({@link EftoolkitShpilkin}) as a {@link ShpilkinEstimate}. */
    private ShpilkinEstimate eftoolkitEstimate(Election e, EftoolkitShpilkin.Columns c) {
        if (c.voters().length == 0) {
            throw new IllegalArgumentException("no units");
        }
        EftoolkitShpilkin.Sums s = EftoolkitShpilkin.Sums.of(c, null);
        double[] x = eftoolkitPoint(s);
        int p = (int) x[0];
        double r = x[1];
        double[] unit = new double[c.voters().length];
        long leaderVotes = 0;
        for (int i = 0; i < unit.length; i++) {
            double w = c.votes()[i];
            if (!Double.isNaN(w)) {
                leaderVotes += (long) w;
            }
            if (c.bin()[i] > p && !Double.isNaN(w) && !Double.isNaN(c.valid()[i])) {
                unit[i] = w - r * (c.valid()[i] - w);
            }
        }
        double t = EftoolkitShpilkin.label(p);
        return new ShpilkinEstimate(t, r, x[2], x[3], x[4], t, x[5], s.sumValid() / s.sumVoters(), leaderVotes,
                unit);
    }

    /** @return EFToolkit's {p, r, F, stuffing, switching, share} on these sums under this estimator's peak rule */
    private double[] eftoolkitPoint(EftoolkitShpilkin.Sums s) {
        PeakRule r = peakRule();
        if (r == PeakRule.HEIGHT || r == PeakRule.MANUAL) {
            return EftoolkitShpilkin.estimate(s, r == PeakRule.MANUAL ? manualTurnout : Double.NaN);
        }
        // the rules on the other options' votes, over EFToolkit's bins 1..101
        double[] w = java.util.Arrays.copyOfRange(s.w(), 1, EftoolkitShpilkin.BINS + 1);
        double[] o = new double[w.length];
        for (int k = 0; k < o.length; k++) {
            o[k] = s.v()[k + 1] - w[k];
        }
        return EftoolkitShpilkin.estimate(s, EftoolkitShpilkin.label(peak(r, Double.NaN, w, o) + 1));
    }

    /** @return the election's columns @throws IllegalArgumentException if it has no leader or no units */
    private static LeaderColumns columns(Election e) {
        LeaderColumns c = LeaderColumns.of(e);
        if (c.n == 0) {
            throw new IllegalArgumentException("no units");
        }
        return c;
    }

    /** The point estimate from the election's columns and their turnout bins. */
    private ShpilkinEstimate estimate(Election e, LeaderColumns c, int[] bin) {
        double[][] binned = binnedVotes(c, bin);
        int peak = peak(binned[0], binned[1]);
        ShpilkinSensitivity.Row row = row(binned, peak, e.totals());
        if (Double.isNaN(row.ratio())) {
            throw new IllegalArgumentException("the clean-peak bin holds no votes of the other options");
        }
        double r = row.ratio();
        double[] unit = new double[c.n];
        for (int i = 0; i < c.n; i++) {
            if (bin[i] > peak) {
                unit[i] = c.leader[i] - r * c.others[i];
            }
        }
        ElectionTotals totals = e.totals();
        return new ShpilkinEstimate(row.peakTurnout(), r, row.excessVotes(), row.stuffing(), row.switching(),
                row.peakTurnout(), row.cleanShare(), (double) totals.ballots() / totals.registered(),
                totals.optionVotes()[e.leader()], unit);
    }

    /**
     * @return the estimate with the clean peak in bin {@code peak} of the sums {W, O}: r = W_p/O_p,
     *         F = Σ_{b &gt; p} (W_b − r·O_b), stuffing = min(max(F, 0), max(0, (T − t*)·ΣN)); NaN values where
     *         O_p = 0
     */
    private static ShpilkinSensitivity.Row row(double[][] binned, int peak, ElectionTotals totals) {
        double[] w = binned[0];
        double[] o = binned[1];
        double tStar = centre(peak);
        if (!(o[peak] > 0)) {
            return ShpilkinSensitivity.Row.none(tStar);
        }
        double r = w[peak] / o[peak];
        double f = excess(w, o, peak, r);
        long reg = totals.registered();
        double official = (double) totals.ballots() / reg;
        double stuffing = Math.min(Math.max(f, 0), Math.max(0, (official - tStar) * reg));
        return new ShpilkinSensitivity.Row(tStar, r, f, stuffing, f - stuffing, w[peak] / (w[peak] + o[peak]));
    }

    /**
     * The per-bin sums the estimate works on, for charts: W_b and O_b per 1% turnout bin b (bin b holds turnout in
     * [b%, (b+1)%), bin 100 exactly 100%; its centre is min(100, b + 0.5)%).
     *
     * @param e units with a leader, as for {@link #estimate(Election)}
     * @return {W, O}, two arrays of {@value #BINS} bins: the leader's votes and the other options' votes
     * @throws IllegalArgumentException if the election has no leader
     */
    public static double[][] binnedVotes(Election e) {
        LeaderColumns c = LeaderColumns.of(e);
        return binnedVotes(c, bins(c));
    }

    /** @return {W, O} per bin of the columns with these bins */
    private static double[][] binnedVotes(LeaderColumns c, int[] bin) {
        return new double[][] {TurnoutBins.sums(bin, c.leader, BINS), TurnoutBins.sums(bin, c.others, BINS)};
    }

    /** The automatic peak rules, in the order of {@link ShpilkinSensitivity#rules()}. */
    private static final PeakRule[] AUTOMATIC = {PeakRule.OTHERS, PeakRule.HEIGHT, PeakRule.SMOOTHED,
        PeakRule.FIRST_PEAK};

    /**
     * The estimate's sensitivity to the clean peak over the default grid: t* at 40%, 42%, …, 90% turnout.
     *
     * @param e the units, as for {@link #estimate(Election)}
     * @return the chosen peak and why, the estimate under every automatic rule, and F against t*
     * @throws IllegalArgumentException if the election has no leader or no units
     */
    public ShpilkinSensitivity sensitivity(Election e) {
        return sensitivity(e, 40, 90, 2);
    }

    /**
     * The estimate's sensitivity to the clean peak: the estimate at the chosen peak with the rule's reason in words,
     * the estimate under each automatic rule ({@link PeakRule#OTHERS}, {@link PeakRule#HEIGHT},
     * {@link PeakRule#SMOOTHED}, {@link PeakRule#FIRST_PEAK}), and F with the peak put by hand in the turnout bin of
     * each whole percentage from..to in steps (Psephos: bin [p%, (p+1)%), t* its centre; EFToolkit: the bin
     * labelled p%). Point estimates only, on the same bins as {@link #estimate(Election)}.
     *
     * @param e           the units, as for {@link #estimate(Election)}
     * @param fromPercent the first clean-peak turnout, in whole per cent, in [0, 100]
     * @param toPercent   the last, in [fromPercent, 100]
     * @param stepPercent the step, at least 1
     * @return the sensitivity
     * @throws IllegalArgumentException if the election has no leader or no units, or the grid is not as above
     */
    public ShpilkinSensitivity sensitivity(Election e, int fromPercent, int toPercent, int stepPercent) {
        if (fromPercent < 0 || toPercent > 100 || fromPercent > toPercent || stepPercent < 1) {
            throw new IllegalArgumentException("sensitivity grid is not from..to in [0, 100] with a positive step: "
                    + fromPercent + ".." + toPercent + " by " + stepPercent);
        }
        Map<PeakRule, ShpilkinSensitivity.Row> rules = new java.util.EnumMap<>(PeakRule.class);
        List<ShpilkinSensitivity.Row> grid = new ArrayList<>();
        ShpilkinSensitivity.Row chosen;
        if (eftoolkit()) {
            EftoolkitShpilkin.Columns c = EftoolkitShpilkin.Columns.of(e);
            if (c.voters().length == 0) {
                throw new IllegalArgumentException("no units");
            }
            EftoolkitShpilkin.Sums s = EftoolkitShpilkin.Sums.of(c, null);
            for (PeakRule r : AUTOMATIC) {
                rules.put(r, eftoolkitRow(s, with(r), Double.NaN));
            }
            chosen = eftoolkitRow(s, this, peakRule() == PeakRule.MANUAL ? manualTurnout : Double.NaN);
            for (int p = fromPercent; p <= toPercent; p += stepPercent) {
                grid.add(eftoolkitRow(s, withManualTurnout(p / 100.0), p / 100.0));
            }
        } else {
            LeaderColumns c = columns(e);
            double[][] b = binnedVotes(c, bins(c));
            ElectionTotals t = e.totals();
            for (PeakRule r : AUTOMATIC) {
                rules.put(r, row(b, peak(r, Double.NaN, b[0], b[1]), t));
            }
            chosen = row(b, peak(b[0], b[1]), t);
            for (int p = fromPercent; p <= toPercent; p += stepPercent) {
                grid.add(row(b, Math.min(BINS - 1, p), t));
            }
        }
        ElectionTotals totals = e.totals();
        double leaderVotes = e.leader() < 0 ? Double.NaN : totals.optionVotes()[e.leader()];
        return new ShpilkinSensitivity(peakRule(), chosen, reason(chosen, rules, leaderVotes), rules, grid);
    }

    /** @return EFToolkit's estimate by that estimator's rule as a row (NaN values where it gives none) */
    private static ShpilkinSensitivity.Row eftoolkitRow(EftoolkitShpilkin.Sums s, Shpilkin by, double label) {
        try {
            double[] x = by.eftoolkitPoint(s);
            return new ShpilkinSensitivity.Row(EftoolkitShpilkin.label((int) x[0]), x[1], x[2], x[3], x[4], x[5]);
        } catch (IllegalArgumentException ex) {
            return ShpilkinSensitivity.Row.none(label);
        }
    }

    /**
     * @param chosen      the estimate at the chosen peak
     * @param rules       the estimate under each automatic rule
     * @param leaderVotes the leader's votes, the scale of "agree"
     * @return the rule of this estimator and its reason, in words, with what the other rules give and whether the
     *         rules on the other options' votes (others, smoothed, first) and the chosen one agree: their F within
     *         10% of the largest |F| or within 2% of the leader's votes
     */
    private String reason(ShpilkinSensitivity.Row chosen, Map<PeakRule, ShpilkinSensitivity.Row> rules,
                          double leaderVotes) {
        PeakRule r = peakRule();
        StringBuilder b = new StringBuilder();
        b.append(String.format(java.util.Locale.ROOT, "Clean peak at %s turnout by the %s rule (%s): %s.",
                percent(chosen.peakTurnout()), r.label(), rule != null ? "given explicitly"
                        : "the default under " + (eftoolkit() ? "EFToolkit's" : "Psephos's") + " conventions",
                describe(r)));
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
            lo = fold(lo, rules.get(p).excessVotes(), true);
            hi = fold(hi, rules.get(p).excessVotes(), false);
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

    /** @return the smaller (or larger) of a and b, ignoring NaN */
    private static double fold(double a, double b, boolean min) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return min ? Math.min(a, b) : Math.max(a, b);
    }

    /** @return what a rule does and why, in words */
    private String describe(PeakRule r) {
        return switch (r) {
            case OTHERS -> "the 1% turnout bin with the most votes of the other options, which stuffing does not "
                    + "add to (Shpilkin's assumption)";
            case HEIGHT -> eftoolkit() ? "EFToolkit's estimate_fraud height rule, the highest pracma::findpeaks peak "
                    + "of the leader's votes below the official turnout" : "the 1% turnout bin with the most leader "
                    + "votes";
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

    /**
     * The estimate with the sd of F over R bootstrap resamples or binomial redraws (see {@link Uncertainty}).
     *
     * @param e       the units
     * @param redraws number of resamples or redraws, at least 1
     * @param seed    their seed
     * @param threads worker threads (the result does not depend on it)
     * @return the estimate and its sd
     * @throws IllegalArgumentException as {@link #estimate(Election)}, or if redraws or threads is not positive
     */
    public ShpilkinResult estimate(Election e, int redraws, long seed, int threads) {
        if (redraws < 1) {
            throw new IllegalArgumentException("redraw count is not positive: " + redraws);
        }
        if (eftoolkit()) {
            return eftoolkitEstimate(e, redraws, seed, threads);
        }
        LeaderColumns c = columns(e);
        int[] bin = bins(c);
        ShpilkinEstimate point = estimate(e, c, bin);
        double sd = excessSd(redraws, seed, threads, () -> {
            double[] w = new double[BINS];
            double[] o = new double[BINS];
            return rng -> {
                java.util.Arrays.fill(w, 0);
                java.util.Arrays.fill(o, 0);
                if (uncertainty == Uncertainty.BOOTSTRAP) {
                    for (int j = 0; j < c.n; j++) {
                        int i = rng.nextInt(c.n);
                        w[bin[i]] += c.leader[i];
                        o[bin[i]] += c.others[i];
                    }
                } else {
                    for (int i = 0; i < c.n; i++) {
                        int valid = c.leader[i] + c.others[i];
                        int lead = valid == 0 ? 0 : BinomialSampler.sample(rng, valid, (double) c.leader[i] / valid);
                        w[bin[i]] += lead;
                        o[bin[i]] += valid - lead;
                    }
                }
                int peak = peak(w, o);
                return o[peak] > 0 ? excess(w, o, peak, w[peak] / o[peak]) : Double.NaN;
            };
        });
        return new ShpilkinResult(point, sd, redraws, seed);
    }

    /** F on one replicate (a resample or redraw), NaN where there is no estimate. */
    @FunctionalInterface
    private interface Replicate {
        double excess(UniformRandomProvider rng);
    }

    /**
     * The sd of F over the replicates: replicate r draws from {@code RandomStreams.seeded(seed).stream(KEY, r)},
     * tasks of {@value #PER_TASK} replicates run in parallel, each with its own scratch ({@code perTask}); replicates
     * without an estimate are left out.
     */
    private static double excessSd(int redraws, long seed, int threads,
                                   java.util.function.Supplier<Replicate> perTask) {
        RandomStreams streams = RandomStreams.seeded(seed);
        int tasks = (redraws + PER_TASK - 1) / PER_TASK;
        List<double[]> parts = Parallel.map(tasks, threads, t -> {
            int from = t * PER_TASK;
            int to = Math.min(redraws, from + PER_TASK);
            Replicate rep = perTask.get();
            double[] out = new double[to - from];
            for (int r = from; r < to; r++) {
                out[r - from] = rep.excess(streams.stream(KEY, r));
            }
            return out;
        }, Progress.NONE);
        double[] f = parts.stream().flatMapToDouble(java.util.Arrays::stream).filter(x -> !Double.isNaN(x)).toArray();
        return f.length < 2 ? Double.NaN : ReplicateDistribution.of(f).sd();
    }

    /**
     * EFToolkit's estimate with the sd of F over bootstrap resamples of the units (its {@code "nonparametric"}
     * option; the binomial redraws of its {@code "parametric"} option are not reproduced), the peak re-picked in
     * each; replicates where EFToolkit would give no estimate are left out.
     */
    private ShpilkinResult eftoolkitEstimate(Election e, int redraws, long seed, int threads) {
        EftoolkitShpilkin.Columns c = EftoolkitShpilkin.Columns.of(e);
        ShpilkinEstimate point = eftoolkitEstimate(e, c);
        int n = c.voters().length;
        double sd = excessSd(redraws, seed, threads, () -> {
            int[] units = new int[n];
            return rng -> {
                for (int j = 0; j < n; j++) {
                    units[j] = rng.nextInt(n);
                }
                try {
                    return eftoolkitPoint(EftoolkitShpilkin.Sums.of(c, units))[2];
                } catch (IllegalArgumentException ex) {
                    return Double.NaN;
                }
            };
        });
        return new ShpilkinResult(point, sd, redraws, seed);
    }

    /**
     * Estimates per group of a grouping: each group gets its own peak (regions differ in clean turnout).
     *
     * @param e        the units
     * @param grouping the grouping's name
     * @return one estimate per group with enough units for a peak, in group order (groups whose peak bin holds no
     *         votes of the other options are left out)
     * @throws IllegalArgumentException if there is no such grouping
     */
    public List<GroupEstimate> byGroup(Election e, String grouping) {
        Grouping g = e.grouping(grouping).orElseThrow(() -> new IllegalArgumentException(
                "no grouping named '" + grouping + "'"));
        List<GroupEstimate> out = new ArrayList<>();
        for (int level = 0; level < g.levelCount(); level++) {
            int[] units = g.unitsOf(level);
            if (units.length == 0) {
                continue;
            }
            try {
                out.add(new GroupEstimate(g.levels().get(level), units, estimate(e.select(units))));
            } catch (IllegalArgumentException ex) {
                // a group without votes of the other options at its peak: no estimate
            }
        }
        return out;
    }

    /**
     * One group's estimate.
     *
     * @param level    the group's label
     * @param units    the group's unit indices in the whole election
     * @param estimate the estimate on the group's units
     */
    public record GroupEstimate(String level, int[] units, ShpilkinEstimate estimate) {
        /** Copies the unit indices. */
        public GroupEstimate {
            units = units.clone();
        }

        @Override
        public int[] units() {
            return units.clone();
        }
    }

    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        if (input.size() < options.minUnits()) {
            return TestResult.notApplicable(ID, input, input.size(), "fewer than " + options.minUnits() + " units");
        }
        ShpilkinResult r;
        Shpilkin s = conventions != null ? this : withConventions(options.conventionsFor(ID));
        try {
            r = s.estimate(input.election(), options.replicates(), options.seedFor(input.level()),
                    options.threads());
        } catch (IllegalArgumentException e) {
            return TestResult.notApplicable(ID, input, input.size(), e.getMessage());
        }
        ShpilkinEstimate est = r.estimate();
        double f = est.excessVotes();
        double sd = r.excessSd();
        double p = NormalTails.upper(f, sd);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("excess_votes", f);
        d.put("stuffing", est.stuffing());
        d.put("switching", est.switching());
        d.put("clean_turnout", est.cleanTurnout());
        d.put("clean_share", est.cleanShare());
        d.put("excess_sd", sd);
        d.putAll(s.sensitivity(input.election()).details());
        return new TestResult(ID, input.variable().name(), input.level(), f, 0, f - 1.959963984540054 * sd,
                f + 1.959963984540054 * sd, p, Double.NaN, p < 0.025, input.size(), true, "", d);
    }

    /** @return each unit's 1% turnout bin ({@link TurnoutBins#percentBin(long, long)}; 0 without registered voters) */
    static int[] bins(LeaderColumns c) {
        int[] bin = new int[c.n];
        for (int i = 0; i < c.n; i++) {
            bin[i] = c.registered[i] > 0 ? TurnoutBins.percentBin(c.ballots[i], c.registered[i]) : 0;
        }
        return bin;
    }

    private int peak(double[] leader, double[] others) {
        return peak(peakRule(), manualTurnout, leader, others);
    }

    /**
     * @return the peak bin of a rule on per-bin sums (a manual turnout t is bin ⌊100t⌋); the smoothed rules fall
     *         back to OTHERS where their bin holds no votes of the other options (a few units spread over the bins,
     *         whose running median is 0)
     */
    static int peak(PeakRule r, double manual, double[] leader, double[] others) {
        int b = switch (r) {
            case MANUAL -> TurnoutBins.percentBin(manual);
            case HEIGHT -> TurnoutBins.peak(leader);
            case OTHERS -> TurnoutBins.peak(others);
            case SMOOTHED -> TurnoutBins.peak(ShpilkinPeaks.smooth(others));
            case FIRST_PEAK -> ShpilkinPeaks.firstPeak(ShpilkinPeaks.smooth(others));
        };
        boolean smoothed = r == PeakRule.SMOOTHED || r == PeakRule.FIRST_PEAK;
        return smoothed && !(others[b] > 0) ? TurnoutBins.peak(others) : b;
    }

    private static double excess(double[] w, double[] o, int peak, double r) {
        double f = 0;
        for (int b = peak + 1; b < BINS; b++) {
            f += w[b] - r * o[b];
        }
        return f;
    }

    /** @return the turnout at the centre of bin b (1 for the 100% bin) */
    static double centre(int b) {
        return TurnoutBins.percentCentre(b);
    }
}
