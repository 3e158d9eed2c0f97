package org.psephos.scenarios;

import java.util.List;
import java.util.Map;

/**
 * What {@link ScenarioRunner} computes for one scenario: every evaluated point and the answers derived from them.
 * Shares and turnouts are proportions; probabilities are fractions of replicates (standard error
 * sqrt(p(1 − p)/R)); every share, turnout and quantile carries its Monte Carlo error ({@link ReplicateEstimate}).
 * A missing figure is NaN (null in JSON). Immutable.
 *
 * @param name        the scenario's name
 * @param description its description
 * @param electorate  how the electorate was given
 * @param stations    units in the electorate
 * @param seed        run seed
 * @param replicates  replicates per point
 * @param questions   the questions asked
 * @param points      every evaluated point, by clean share, family and intensity
 * @param solutions   one per clean share and family when the scenario solves for a leader share
 * @param minima      one per clean share and family when the scenario searches the minimal fraud
 * @param power       the detection-power entries, or null
 * @param powerResults detection power per family (PowerAnalysis), empty without {@code power}
 * @param observer    observer sample sizes, or null
 * @param againstAll  how "against all" is modelled (the candidates base)
 * @param precision   the largest Monte Carlo errors of the figures reported
 * @since 0.1
 */
public record ScenarioResult(String name, String description, String electorate, int stations, long seed,
                             int replicates, ScenarioSpec.Questions questions, List<Point> points,
                             List<Solution> solutions, List<Minimum> minima, ScenarioSpec.PowerSpec power,
                             ObserverSampling.Result observer,
                             List<org.psephos.estimation.PowerResult> powerResults, AgainstAll againstAll,
                             Precision precision) {
    /** Copies the lists. */
    public ScenarioResult {
        points = List.copyOf(points);
        powerResults = List.copyOf(powerResults);
        solutions = List.copyOf(solutions);
        minima = List.copyOf(minima);
    }

    /**
     * The largest Monte Carlo standard errors among the figures of a result: of the means and the 2.5% and 97.5%
     * quantiles of the shares and turnouts of every point, and of every probability (points, minima and detection
     * power). The points of a crossing search are its grid, not its answers, and are left out (their figures keep
     * their own errors).
     *
     * @param shareOrTurnout the largest error of a share or turnout mean or quantile (proportion)
     * @param probability    the largest error of a probability or power
     */
    public record Precision(double shareOrTurnout, double probability) {
    }

    /**
     * One (clean share, family, intensity) point over R replicates.
     *
     * @param cleanShare            the clean leader support (the electorate's own if not swept)
     * @param family                the family's label
     * @param intensity             the swept parameter's value
     * @param leaderShare           the leader's share of valid votes ("against all" included)
     * @param leaderShareBallots    the leader's share of ballots
     * @param leaderShareCandidates the leader's share of the candidates' votes
     * @param turnout               reported turnout
     * @param cleanTurnout          turnout of the same replicates without the fraud, or null if not computed
     * @param pRunoff               P(leader share on the headline base ≤ runoffAtMost)
     * @param pNoRunoff             1 − pRunoff
     * @param pNoRunoffByBase       P(no runoff) on each base, by {@link FirstRoundBase#id()}
     * @param pTurnoutAtMost        P(turnout ≤ turnoutAtMost)
     * @param pLeaderAtLeast        P(leader share of valid votes ≥ leaderAtLeast)
     * @param pCleanTurnoutAtMost   P(clean turnout ≤ cleanTurnoutAtMost)
     * @param pRegionalMajority     P(the leader has more than half of all ballots in at least the asked number of
     *                              regions)
     * @param probabilityError      the largest binomial standard error of the point's probabilities
     */
    public record Point(double cleanShare, String family, double intensity, ReplicateEstimate leaderShare,
                        ReplicateEstimate leaderShareBallots, ReplicateEstimate leaderShareCandidates,
                        ReplicateEstimate turnout, ReplicateEstimate cleanTurnout, double pRunoff, double pNoRunoff,
                        Map<String, Double> pNoRunoffByBase, double pTurnoutAtMost, double pLeaderAtLeast,
                        double pCleanTurnoutAtMost, double pRegionalMajority, double probabilityError) {
        /** Copies the map. */
        public Point {
            pNoRunoffByBase = Map.copyOf(pNoRunoffByBase);
        }
    }

    /**
     * The intensity at which the mean of the solved quantity reaches the target, by linear interpolation between
     * grid points. The interval is where the replicates' 95% band (2.5% and 97.5% quantiles) crosses the target.
     *
     * @param cleanShare            clean leader support
     * @param family                the family
     * @param target                what was solved for and its value
     * @param reached               whether the grid reaches the target
     * @param intensity             the solution
     * @param intensityError        its Monte Carlo standard error: the error of the solved mean at the solution
     *                              over the slope of the mean curve there
     * @param intensityLow          where the band's first quantile reaches the target
     * @param intensityHigh         where its other quantile reaches the target (NaN beyond the grid)
     * @param turnout               mean reported turnout at the solution
     * @param turnoutLow            its 2.5% quantile
     * @param turnoutHigh           its 97.5% quantile
     * @param cleanTurnout          mean clean turnout at the solution (NaN if not computed)
     * @param pCleanTurnoutAtMost   P(clean turnout ≤ the threshold) at the solution
     * @param leaderShare           mean leader share of valid votes at the solution
     * @param leaderShareBallots    mean leader share of ballots at the solution
     * @param leaderShareCandidates mean leader share of the candidates' votes at the solution
     * @param turnoutError          the Monte Carlo standard error of the turnout figures (mean and quantiles) at
     *                              the solution: the larger of the two grid points' errors it is interpolated from
     * @param shareError            the same for the shares and the clean turnout (means)
     */
    public record Solution(double cleanShare, String family, ScenarioSpec.Solve target, boolean reached,
                           double intensity, double intensityError, double intensityLow, double intensityHigh,
                           double turnout, double turnoutLow, double turnoutHigh, double cleanTurnout,
                           double pCleanTurnoutAtMost, double leaderShare, double leaderShareBallots,
                           double leaderShareCandidates, double turnoutError, double shareError) {
    }

    /**
     * The smallest intensity with which the rule holds with at least the required probability.
     *
     * @param cleanShare     clean leader support
     * @param family         the family
     * @param rule           the rule ({@code NO_RUNOFF} or {@code REGIONAL_MAJORITY})
     * @param base           the base of the leader's share ({@link FirstRoundBase#id()}; {@code ballots} for a
     *                       regional majority)
     * @param againstAll     the "against all" rule the candidates base's share rests on ({@link
     *                       AgainstAll.Rule#id()}); empty on the other bases
     * @param probability    the required probability
     * @param reached        whether the largest intensity reaches it
     * @param intensity      the smallest intensity that reaches it (bisection: the smallest evaluated one;
     *                       crossing: the required quantile of the replicates' crossings)
     * @param intensityError its Monte Carlo standard error (crossing; NaN for bisection)
     * @param bracketLow     the largest evaluated intensity that does not (bisection; NaN otherwise or if the
     *                       smallest already does)
     * @param pPass          P(the rule holds) at the intensity
     * @param pPassError     its binomial standard error
     * @param turnout        mean reported turnout at the intensity
     * @param leaderShare    mean leader share on the base at the intensity
     * @param figureError    the Monte Carlo standard error of the turnout and the share (the larger of the grid
     *                       points' errors they are interpolated from)
     */
    public record Minimum(double cleanShare, String family, String rule, String base, String againstAll,
                          double probability,
                          boolean reached, double intensity, double intensityError, double bracketLow,
                          double pPass, double pPassError, double turnout, double leaderShare, double figureError) {
    }
}
