package org.psephos.scenarios;

import static org.psephos.scenarios.IntensityGrid.at;
import static org.psephos.scenarios.IntensityGrid.crossing;
import static org.psephos.scenarios.IntensityGrid.errorAt;
import static org.psephos.scenarios.IntensityGrid.intensityError;
import static org.psephos.scenarios.IntensityGrid.meanErrors;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A scenario's {@code solve}: on one (clean share, family) grid, the intensity at which the Monte Carlo mean of the
 * target figure (the leader's share of valid votes, or the clean turnout, which falls as the fraud grows) reaches
 * the target, by linear interpolation between the first two grid points that bracket it ({@link IntensityGrid});
 * the interval is where the replicates' 97.5% and 2.5% quantiles cross the target; turnout and shares are
 * interpolated at the solution. Stateless.
 */
final class IntensitySolver {
    private IntensitySolver() {
    }

    /**
     * @param spec  the scenario, with a {@code solve}
     * @param f     the family
     * @param share the clean share
     * @param fp    the family's points at that share, sorted by intensity
     * @return the solution (not reached, with NaN figures, if the mean never reaches the target)
     */
    static ScenarioResult.Solution solve(ScenarioSpec spec, ScenarioSpec.Family f, double share,
                                         List<ScenarioResult.Point> fp) {
        ScenarioSpec.Solve target = spec.solve();
        double v = target.value();
        boolean up = target.target() == ScenarioSpec.Target.LEADER_SHARE;
        ToDoubleFunction<ScenarioResult.Point> mean = up ? p -> p.leaderShare().mean()
                : p -> p.cleanTurnout() == null ? Double.NaN : -p.cleanTurnout().mean();
        ToDoubleFunction<ScenarioResult.Point> meanError = up ? p -> p.leaderShare().meanError()
                : p -> p.cleanTurnout() == null ? Double.NaN : p.cleanTurnout().meanError();
        double goal = up ? v : -v;
        double x = crossing(fp, mean, goal);
        double xLow = up ? crossing(fp, p -> p.leaderShare().q975(), v)
                : crossing(fp, p -> p.cleanTurnout() == null ? Double.NaN : -p.cleanTurnout().q025(), -v);
        double xHigh = up ? crossing(fp, p -> p.leaderShare().q025(), v)
                : crossing(fp, p -> p.cleanTurnout() == null ? Double.NaN : -p.cleanTurnout().q975(), -v);
        if (Double.isNaN(x)) {
            return new ScenarioResult.Solution(share, f.label(), target, false, Double.NaN, Double.NaN, xLow, xHigh,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        return new ScenarioResult.Solution(share, f.label(), target, true, x, intensityError(fp, x, mean, meanError),
                xLow, xHigh, at(fp, x, p -> p.turnout().mean()), at(fp, x, p -> p.turnout().q025()),
                at(fp, x, p -> p.turnout().q975()),
                at(fp, x, p -> p.cleanTurnout() == null ? Double.NaN : p.cleanTurnout().mean()),
                at(fp, x, ScenarioResult.Point::pCleanTurnoutAtMost), at(fp, x, p -> p.leaderShare().mean()),
                at(fp, x, p -> p.leaderShareBallots().mean()), at(fp, x, p -> p.leaderShareCandidates().mean()),
                errorAt(fp, x, p -> p.turnout().largestError()), errorAt(fp, x, p -> Math.max(meanErrors(p),
                        p.cleanTurnout() == null ? 0 : p.cleanTurnout().meanError())));
    }
}
