package org.psephos.scenarios;

import java.util.List;
import org.psephos.simulation.ReplicateDistribution;

/**
 * What {@link ScenarioRunner} computes for one scenario: every evaluated point and the answers derived from them.
 * Shares and turnouts are proportions; probabilities are fractions of replicates (standard error
 * sqrt(p(1 − p)/R)). A missing figure is NaN (null in JSON). Immutable.
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
 * @since 0.1
 */
public record ScenarioResult(String name, String description, String electorate, int stations, long seed,
                             int replicates, ScenarioSpec.Questions questions, List<Point> points,
                             List<Solution> solutions, List<Minimum> minima, ScenarioSpec.PowerSpec power,
                             ObserverSampling.Result observer,
                             List<org.psephos.estimation.PowerResult> powerResults) {
    /** Copies the lists. */
    public ScenarioResult {
        points = List.copyOf(points);
        powerResults = List.copyOf(powerResults);
        solutions = List.copyOf(solutions);
        minima = List.copyOf(minima);
    }

    /**
     * One (clean share, family, intensity) point over R replicates.
     *
     * @param cleanShare          the clean leader support (the electorate's own if not swept)
     * @param family              the family's label
     * @param intensity           the swept parameter's value
     * @param leaderShare         the leader's share of valid votes
     * @param leaderShareBallots  the leader's share of ballots
     * @param turnout             reported turnout
     * @param cleanTurnout        turnout of the same replicates without the fraud, or null if not computed
     * @param pRunoff             P(leader share ≤ runoffAtMost)
     * @param pNoRunoff           1 − pRunoff
     * @param pTurnoutAtMost      P(turnout ≤ turnoutAtMost)
     * @param pLeaderAtLeast      P(leader share of valid votes ≥ leaderAtLeast)
     * @param pCleanTurnoutAtMost P(clean turnout ≤ cleanTurnoutAtMost)
     */
    public record Point(double cleanShare, String family, double intensity, ReplicateDistribution leaderShare,
                        ReplicateDistribution leaderShareBallots, ReplicateDistribution turnout,
                        ReplicateDistribution cleanTurnout, double pRunoff, double pNoRunoff, double pTurnoutAtMost,
                        double pLeaderAtLeast, double pCleanTurnoutAtMost) {
    }

    /**
     * The intensity whose mean leader share reaches the target, by linear interpolation between grid points.
     * The interval is where the replicates' 95% band (2.5% and 97.5% quantiles) crosses the target.
     *
     * @param cleanShare          clean leader support
     * @param family              the family
     * @param target              the target leader share
     * @param reached             whether the grid reaches the target
     * @param intensity           the solution
     * @param intensityLow        where the 97.5% quantile reaches the target
     * @param intensityHigh       where the 2.5% quantile reaches the target (NaN beyond the grid)
     * @param turnout             mean reported turnout at the solution
     * @param turnoutLow          its 2.5% quantile
     * @param turnoutHigh         its 97.5% quantile
     * @param cleanTurnout        mean clean turnout at the solution (NaN if not computed)
     * @param pCleanTurnoutAtMost P(clean turnout ≤ the threshold) at the solution
     */
    public record Solution(double cleanShare, String family, double target, boolean reached, double intensity,
                           double intensityLow, double intensityHigh, double turnout, double turnoutLow,
                           double turnoutHigh, double cleanTurnout, double pCleanTurnoutAtMost) {
    }

    /**
     * The smallest intensity with P(no runoff) ≥ the required probability, found by bisection.
     *
     * @param cleanShare    clean leader support
     * @param family        the family
     * @param probability   the required P(no runoff)
     * @param reached       whether the largest intensity reaches it
     * @param intensity     the smallest evaluated intensity that reaches it
     * @param bracketLow    the largest evaluated intensity that does not (NaN if the smallest already does)
     * @param pNoRunoff     P(no runoff) at the intensity
     * @param turnout       mean reported turnout at the intensity
     * @param leaderShare   mean leader share of valid votes at the intensity
     */
    public record Minimum(double cleanShare, String family, double probability, boolean reached, double intensity,
                          double bracketLow, double pNoRunoff, double turnout, double leaderShare) {
    }
}
