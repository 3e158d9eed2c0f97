package org.psephos.estimation;

import java.util.ArrayList;
import java.util.List;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.TurnoutBins;

/**
 * {@code Shpilkin}: the clean-peak extrapolation of the leader's anomalous votes, as EFToolkit implements it
 * ({@code ComputeShpilkinMethod.R}, {@code estimate_fraud}; FORENSICS.md B4), after Shpilkin (2011, 2012) and
 * Kobak, Shpilkin and Pshenichnikov (2016), "Statistical fingerprints of electoral fraud?", Significance 13(4),
 * 20–23, doi:10.1111/j.1740-9713.2016.00936.x.
 *
 * <p>Method (Psephos's conventions). Units are binned by turnout t = ballots/registered into 1% bins
 * ({@link TurnoutBins#percentBin(long, long)}: bin b holds t ∈ [b/100, (b+1)/100), computed exactly; t = 1 in bin
 * 100); per bin W_b = the leader's votes and O_b = the other options' votes. The clean peak t* is the centre of a bin
 * chosen by a {@link PeakRule} (each constant says what it takes; {@link PeakRule#FIRST_PEAK} is the default, and
 * {@link ShpilkinPeaks} has the rules' details and why, by simulation). Stuffing adds votes to the leader only, so
 * the other options' votes peak at the clean turnout while the leader's may not (Russia 2011: the 99–100% bin holds
 * more leader votes than any other, and HEIGHT takes it). But stuffing moves whole units, with their other options'
 * votes, to higher turnout: where fraud is widespread and aims at similar turnouts the moved units pile into a second,
 * higher peak of O (Russia 2024: O is highest at 80.5%, a round target, while its clean peak lies near 62%), and units
 * that report round turnouts make one-bin spikes. The smoothing removes the spikes and the first peak from below
 * ignores the pile.
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
 * EFToolkit's |mean/sd| ≥ 1.96, one-sided). The replicates' streams follow their number, not the thread
 * ({@code ShpilkinReplicates}): identical for any thread count.
 *
 * <p>Under {@link Conventions#EFTOOLKIT} ({@link #withConventions}, or the run's conventions) the estimate is
 * EFToolkit's {@code estimate_fraud}, reproducing R's arithmetic: its bins, labels, {@code height} peak rule (the
 * default there) and stuffing; an explicit {@link #with(PeakRule)} or {@link #withManualTurnout} (a bin label) wins.
 * {@code EftoolkitShpilkinEstimate} has the details.
 *
 * <p>Immutable and thread-safe. It stays at ~320 lines for its public surface alone: two public enums and the
 * public record {@link GroupEstimate}, which the command line, the reports and scripts name as nested types, and 17
 * public methods with their javadoc, each a few lines delegating to {@code ShpilkinBins}, {@code ShpilkinReplicates},
 * {@code ShpilkinSensitivityTable}, {@code EftoolkitShpilkinEstimate} or {@code ShpilkinTestRow}.
 *
 * @since 0.1
 */
public final class Shpilkin implements ForensicTest {
    /** The test id. */
    public static final String ID = "Shpilkin";

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

    /** The peak rule given explicitly, or {@code null} for the conventions' (FIRST_PEAK; EFToolkit's: HEIGHT). */
    final PeakRule rule;
    /** The manual clean-peak turnout (NaN unless the rule is {@link PeakRule#MANUAL}). */
    final double manualTurnout;
    /** How the sd of F is estimated. */
    final Uncertainty uncertainty;
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

    /** @return whether it follows EFToolkit's conventions */
    boolean eftoolkit() {
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
            return EftoolkitShpilkinEstimate.of(this, EftoolkitShpilkin.Columns.of(e));
        }
        LeaderColumns c = ShpilkinBins.columns(e);
        return ShpilkinBins.estimate(this, e, c, ShpilkinBins.bins(c));
    }

    /**
     * The per-bin sums the estimate works on, for charts: W_b and O_b per 1% turnout bin b (bin b holds turnout in
     * [b%, (b+1)%), bin 100 exactly 100%; its centre is min(100, b + 0.5)%).
     *
     * @param e units with a leader, as for {@link #estimate(Election)}
     * @return {W, O}, two arrays of 101 bins: the leader's votes and the other options' votes
     * @throws IllegalArgumentException if the election has no leader
     */
    public static double[][] binnedVotes(Election e) {
        LeaderColumns c = LeaderColumns.of(e);
        return ShpilkinBins.binnedVotes(c, ShpilkinBins.bins(c));
    }

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
        return ShpilkinSensitivityTable.of(this, e, fromPercent, toPercent, stepPercent);
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
        return eftoolkit() ? ShpilkinReplicates.eftoolkitEstimate(this, e, redraws, seed, threads)
                : ShpilkinReplicates.estimate(this, e, redraws, seed, threads);
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

    /** @return the battery's row: F, its bootstrap interval and p = 1 − Φ(F/sd), flagged below 0.025 */
    @Override
    public TestResult run(TestInput input, BatteryOptions options) {
        return ShpilkinTestRow.run(conventions != null ? this : withConventions(options.conventionsFor(ID)), input,
                options);
    }
}
