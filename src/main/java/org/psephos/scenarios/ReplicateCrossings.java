package org.psephos.scenarios;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The minima of a crossing search ({@code minimal} with method {@code crossing}) on one (clean share, family)
 * grid: replicate i crosses the threshold where its value, linear between grid points, first exceeds it (+∞ if it
 * never does), and the minimal intensity is the required quantile of the replicates' crossings, with its
 * Maritz–Jarrett error ({@link ReplicateEstimate#quantileError}). One minimum per first-round base (no-runoff
 * rule), or one on the ballots' ranked regional share (regional-majority rule); with a preset's "against all"
 * line, the candidates base is also given under the other rule (a sensitivity row). Stateless.
 */
final class ReplicateCrossings {
    private ReplicateCrossings() {
    }

    /**
     * @param spec   the scenario, with a crossing {@code minimal}
     * @param share  the clean share
     * @param family the family
     * @param points the family's evaluated points at that share, in any order
     * @return the minima
     */
    static List<ScenarioResult.Minimum> minima(ScenarioSpec spec, double share, ScenarioSpec.Family family,
                                               List<EvaluatedPoint> points) {
        List<EvaluatedPoint> fe = new ArrayList<>(points);
        fe.sort(Comparator.comparingDouble(EvaluatedPoint::intensity));
        double threshold = spec.questions().runoffAtMost();
        List<ScenarioResult.Minimum> minima = new ArrayList<>();
        if (spec.minimal().rule() == ScenarioSpec.Rule.REGIONAL_MAJORITY) {
            minima.add(crossing(spec, share, family, fe, threshold, "ballots", "", EvaluatedPoint::ranked,
                    x -> x.point().leaderShareBallots().mean()));
            return minima;
        }
        AgainstAll aa = spec.againstAll();
        for (FirstRoundBase base : FirstRoundBase.values()) {
            minima.add(crossing(spec, share, family, fe, threshold, base, aa));
        }
        if (aa.present() && aa.hasAlternative()) {
            minima.add(crossing(spec, share, family, fe, threshold, FirstRoundBase.CANDIDATES, aa.alternative()));
        }
        return minima;
    }

    /** The crossing of the threshold by the leader's share on a base, "against all" by the given rule. */
    private static ScenarioResult.Minimum crossing(ScenarioSpec spec, double share, ScenarioSpec.Family family,
                                                   List<EvaluatedPoint> fe, double threshold, FirstRoundBase base,
                                                   AgainstAll aa) {
        double a = aa.ofOthers(share);
        Function<EvaluatedPoint, double[]> y = x -> {
            double[] out = new double[x.ofValid().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = base.share(x.ofValid()[i], x.ofBallots()[i], a);
            }
            return out;
        };
        return crossing(spec, share, family, fe, threshold, base.id(),
                base == FirstRoundBase.CANDIDATES ? aa.rule().id() : "", y,
                x -> Arrays.stream(y.apply(x)).average().orElse(Double.NaN));
    }

    /**
     * The required quantile of the replicates' crossings of the threshold: replicate i crosses where its
     * value, linear between grid points, first exceeds the threshold (+∞ if it never does).
     */
    private static ScenarioResult.Minimum crossing(ScenarioSpec spec, double share, ScenarioSpec.Family family,
                                                   List<EvaluatedPoint> fe, double threshold, String base,
                                                   String rule, Function<EvaluatedPoint, double[]> y,
                                                   ToDoubleFunction<EvaluatedPoint> mean) {
        int r = spec.replicates();
        double[][] ys = new double[fe.size()][];
        double[] xs = new double[fe.size()];
        for (int j = 0; j < ys.length; j++) {
            ys[j] = y.apply(fe.get(j));
            xs[j] = fe.get(j).point().intensity();
        }
        double[] cross = new double[r];
        for (int i = 0; i < r; i++) {
            cross[i] = Double.POSITIVE_INFINITY;
            for (int j = 0; j < xs.length; j++) {
                if (ys[j][i] > threshold) {
                    cross[i] = j == 0 ? xs[0]
                            : xs[j - 1] + (threshold - ys[j - 1][i]) / (ys[j][i] - ys[j - 1][i]) * (xs[j] - xs[j - 1]);
                    break;
                }
            }
        }
        Arrays.sort(cross);
        double need = spec.minimal().probability();
        int m = (int) Math.ceil(need * r);
        double x = cross[Math.max(m, 1) - 1];
        boolean reached = Double.isFinite(x);
        double error = reached ? ReplicateEstimate.quantileError(cross, need) : Double.NaN;
        int passing = 0;
        for (double c : cross) {
            if (c <= x) {
                passing++;
            }
        }
        double pPass = reached ? (double) passing / r : (double) m / r;
        List<ScenarioResult.Point> fp = fe.stream().map(EvaluatedPoint::point).toList();
        double at = reached ? x : xs[xs.length - 1];
        return new ScenarioResult.Minimum(share, family.label(), spec.minimal().rule().name(), base, rule, need,
                reached, reached ? x : Double.NaN, error, Double.NaN, reached ? pPass
                : countAbove(ys[ys.length - 1], threshold, r), ReplicateEstimate.probabilityError(reached ? pPass
                : countAbove(ys[ys.length - 1], threshold, r), r), IntensityGrid.at(fp, at, p -> p.turnout().mean()),
                IntensityGrid.interpolate(fe, EvaluatedPoint::intensity, at, mean),
                IntensityGrid.errorAt(fp, at, IntensityGrid::meanErrors));
    }

    /** @return the fraction of the values above the threshold */
    private static double countAbove(double[] values, double threshold, int r) {
        int n = 0;
        for (double v : values) {
            if (v > threshold) {
                n++;
            }
        }
        return (double) n / r;
    }
}
