package org.psephos.scenarios;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A figure of a family's evaluated points as a function of the fraud intensity, linear between the grid points
 * (sorted by intensity): the value at an intensity, the first intensity where it crosses a target upwards, and
 * the Monte Carlo errors that go with them. Used by {@link ScenarioRunner}'s {@code solve} and the crossing
 * search's minima. Stateless.
 */
final class IntensityGrid {
    private IntensityGrid() {
    }

    /**
     * @param grid      the points, sorted by intensity, at least one
     * @param intensity a point's intensity
     * @param x         an intensity
     * @param y         the figure
     * @param <T>       the kind of point
     * @return y interpolated linearly at intensity x (the last point's y beyond the grid)
     */
    static <T> double interpolate(List<T> grid, ToDoubleFunction<T> intensity, double x, ToDoubleFunction<T> y) {
        for (int i = 1; i < grid.size(); i++) {
            double x1 = intensity.applyAsDouble(grid.get(i));
            if (x <= x1) {
                double x0 = intensity.applyAsDouble(grid.get(i - 1));
                double y0 = y.applyAsDouble(grid.get(i - 1));
                double y1 = y.applyAsDouble(grid.get(i));
                return x1 == x0 ? y1 : y0 + (x - x0) / (x1 - x0) * (y1 - y0);
            }
        }
        return y.applyAsDouble(grid.get(grid.size() - 1));
    }

    /** @return y interpolated linearly at intensity x */
    static double at(List<ScenarioResult.Point> fp, double x, ToDoubleFunction<ScenarioResult.Point> y) {
        return interpolate(fp, ScenarioResult.Point::intensity, x, y);
    }

    /** @return the larger of the errors of the two grid points that a figure at intensity x is interpolated from */
    static double errorAt(List<ScenarioResult.Point> fp, double x, ToDoubleFunction<ScenarioResult.Point> error) {
        for (int i = 1; i < fp.size(); i++) {
            if (x <= fp.get(i).intensity()) {
                return Math.max(error.applyAsDouble(fp.get(i - 1)), error.applyAsDouble(fp.get(i)));
            }
        }
        return error.applyAsDouble(fp.get(fp.size() - 1));
    }

    /** @return the first intensity where y crosses the target upwards, linearly interpolated; NaN if none */
    static double crossing(List<ScenarioResult.Point> fp, ToDoubleFunction<ScenarioResult.Point> y, double target) {
        for (int i = 0; i < fp.size(); i++) {
            double yi = y.applyAsDouble(fp.get(i));
            if (yi >= target) {
                if (i == 0) {
                    return fp.get(0).intensity();
                }
                double y0 = y.applyAsDouble(fp.get(i - 1));
                double x0 = fp.get(i - 1).intensity();
                double x1 = fp.get(i).intensity();
                return x0 + (target - y0) / (yi - y0) * (x1 - x0);
            }
        }
        return Double.NaN;
    }

    /**
     * The Monte Carlo error of a solved intensity: the error of the mean curve at the solution (interpolated) over
     * the slope of the curve's grid segment that holds the solution (delta method).
     */
    static double intensityError(List<ScenarioResult.Point> fp, double x, ToDoubleFunction<ScenarioResult.Point> mean,
                                 ToDoubleFunction<ScenarioResult.Point> meanError) {
        for (int i = 1; i < fp.size(); i++) {
            double x0 = fp.get(i - 1).intensity();
            double x1 = fp.get(i).intensity();
            if (x <= x1 && x1 > x0) {
                double slope = (mean.applyAsDouble(fp.get(i)) - mean.applyAsDouble(fp.get(i - 1))) / (x1 - x0);
                double e = at(fp, x, meanError);
                return slope > 0 ? e / slope : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** @return the largest Monte Carlo error of a point's mean shares and turnout */
    static double meanErrors(ScenarioResult.Point p) {
        return Math.max(p.turnout().meanError(), Math.max(p.leaderShare().meanError(),
                Math.max(p.leaderShareBallots().meanError(), p.leaderShareCandidates().meanError())));
    }
}
