package org.psephos.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.psephos.estimation.FraudSpec;
import org.psephos.estimation.PowerAnalysis;
import org.psephos.estimation.PowerResult;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.ReplicateDistribution;
import org.psephos.simulation.ReplicateTotals;

/**
 * Runs a {@link ScenarioSpec}: for each clean share (or the electorate's own) and each fraud family, evaluates the
 * family's intensities with {@link CompositeSimulation} (all points share the scenario seed, so they share their
 * clean elections: common random numbers make the curves smooth in the intensity), then
 *
 * <ul>
 *   <li>{@code solve}: the intensity at which the Monte Carlo mean of the leader's share of valid votes equals the
 *       target, by linear interpolation between the first two grid points that bracket it; the interval is where
 *       the replicates' 97.5% and 2.5% quantiles cross the target; turnout is interpolated at the solution;</li>
 *   <li>{@code minimal}: instead of the grid, bisection between the family's first and last value for the smallest
 *       intensity with P(no runoff) ≥ p (P is assumed non-decreasing in the intensity); the answer is the smallest
 *       evaluated passing intensity and the largest failing one brackets it.</li>
 * </ul>
 *
 * With {@code holdReportedTurnout} T, a ballot-stuffing point with stuffed share s (fraction × share) runs the
 * electorate with its regional clean turnout centres moved by one common logit shift to a national clean turnout
 * (T − s)/(1 − s), so that the expected reported turnout stays T. Output depends only on the spec and seed, never on
 * the thread count. Stateless.
 *
 * @since 0.1
 */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /**
     * @param spec     the scenario
     * @param threads  threads, at least 1
     * @param progress told after each point (done, planned points)
     * @return the result
     */
    public static ScenarioResult run(ScenarioSpec spec, int threads, Progress progress) {
        List<Double> shares = spec.cleanShares().isEmpty()
                ? List.of(spec.electorate().regions().get(0).share().mean()) : spec.cleanShares();
        long planned = 0;
        for (ScenarioSpec.Family f : spec.families()) {
            planned += spec.minimal() != null ? spec.minimal().steps() + 2L : f.values().size();
        }
        planned *= shares.size();
        long plannedPoints = planned;
        AtomicLong done = new AtomicLong();
        Progress perPoint = (d, t) -> { };
        List<ScenarioResult.Point> points = new ArrayList<>();
        List<ScenarioResult.Solution> solutions = new ArrayList<>();
        List<ScenarioResult.Minimum> minima = new ArrayList<>();
        for (double share : shares) {
            RegionalElectorate e = spec.cleanShares().isEmpty() ? spec.electorate()
                    : spec.electorate().withShare(share);
            for (ScenarioSpec.Family f : spec.families()) {
                PointEvaluator eval = v -> {
                    ScenarioResult.Point p = point(spec, e, share, f, v, threads, perPoint);
                    progress.update(done.incrementAndGet(), plannedPoints);
                    return p;
                };
                List<ScenarioResult.Point> fp = new ArrayList<>();
                if (spec.minimal() != null) {
                    minima.add(minimal(spec, f, share, eval, fp));
                } else {
                    for (double v : f.values()) {
                        fp.add(eval.at(v));
                    }
                }
                fp.sort(Comparator.comparingDouble(ScenarioResult.Point::intensity));
                points.addAll(fp);
                if (spec.solve() != null) {
                    solutions.add(solve(spec, f, share, fp));
                }
            }
        }
        ObserverSampling.Result observer = null;
        if (spec.observer() != null) {
            observer = observer(spec, threads);
        }
        List<PowerResult> power = new ArrayList<>();
        if (spec.power() != null) {
            power = power(spec, threads);
        }
        progress.update(plannedPoints, plannedPoints);
        return new ScenarioResult(spec.name(), spec.description(), spec.electorateLabel(),
                spec.electorate().units(), spec.seed(), spec.replicates(), spec.questions(), points, solutions,
                minima, spec.power(), observer, power);
    }

    /**
     * Detection power of every family: {@link PowerAnalysis} over the family's values on the engine-native form
     * of the electorate ({@link RegionalElectorate#toElectorateModel()}), same seed and replicates as the scenario.
     */
    private static List<PowerResult> power(ScenarioSpec spec, int threads) {
        ElectorateModel e = spec.electorate().toElectorateModel();
        List<PowerResult> out = new ArrayList<>();
        for (ScenarioSpec.Family f : spec.families()) {
            Map<String, Double> fixed = new LinkedHashMap<>();
            f.params().forEach((k, v) -> fixed.put(k, ((Number) v).doubleValue()));
            double[] values = f.values().stream().mapToDouble(Double::doubleValue).toArray();
            PowerAnalysis pa = PowerAnalysis.of(e, new FraudSpec(f.model(), fixed),
                    List.of(new PowerAnalysis.Axis(f.sweep(), values)), spec.power().tests())
                    .withReplicates(spec.replicates()).withSeed(spec.seed())
                    .withFalsePositiveRate(spec.power().alpha()).withTestReplicates(spec.power().testReplicates());
            out.add(pa.run(threads, Progress.NONE));
        }
        return out;
    }

    /** Observer sample sizes on the first replicate of the clean electorate. */
    private static ObserverSampling.Result observer(ScenarioSpec spec, int threads) {
        CompositeSimulation.Result clean = CompositeSimulation.run(spec.electorate(), List.of(), spec.seed(),
                threads, 1, true, Progress.NONE);
        int n = spec.electorate().units();
        int[] reg = new int[n];
        int[] bal = new int[n];
        int at = 0;
        for (org.psephos.data.Election e : clean.units()) {
            int[] r = e.registeredColumn();
            int[] b = e.ballotsColumn();
            System.arraycopy(r, 0, reg, at, r.length);
            System.arraycopy(b, 0, bal, at, b.length);
            at += r.length;
        }
        ScenarioSpec.Observer o = spec.observer();
        return ObserverSampling.sampleSizes(reg, bal, o.inflations(), o.alpha(), o.power(), o.trials(),
                RandomStreams.seeded(spec.seed()).child(99).seed(), threads);
    }

    @FunctionalInterface
    private interface PointEvaluator {
        ScenarioResult.Point at(double v);
    }

    private static ScenarioResult.Point point(ScenarioSpec spec, RegionalElectorate e, double share,
                                              ScenarioSpec.Family f, double v, int threads, Progress progress) {
        FraudModel fraud = ScenarioFiles.fraud(f, v);
        RegionalElectorate run = e;
        if (!Double.isNaN(spec.holdReportedTurnout())) {
            FraudModel.BallotStuffing b = (FraudModel.BallotStuffing) fraud;
            double s = b.fraction() * b.share();
            double clean = s >= 1 ? 0.001 : Math.max(0.001, (spec.holdReportedTurnout() - s) / (1 - s));
            run = withTurnout(e, clean);
        }
        List<ReplicateTotals> t = CompositeSimulation.run(run, List.of(fraud), spec.seed(), threads,
                spec.replicates(), false, progress).totals();
        List<ReplicateTotals> c = null;
        ScenarioSpec.Questions q = spec.questions();
        if (!Double.isNaN(q.cleanTurnoutAtMost()) || !Double.isNaN(spec.holdReportedTurnout())) {
            c = CompositeSimulation.run(run, List.of(), spec.seed(), threads, spec.replicates(), false, progress)
                    .totals();
        }
        int r = t.size();
        double[] lv = new double[r];
        double[] lb = new double[r];
        double[] to = new double[r];
        double[] ct = c == null ? null : new double[r];
        int runoff = 0;
        int lowT = 0;
        int atLeast = 0;
        int lowClean = 0;
        for (int i = 0; i < r; i++) {
            ReplicateTotals x = t.get(i);
            lv[i] = CompositeSimulation.leaderShareOfValid(x);
            lb[i] = x.share(0);
            to[i] = x.turnout();
            if ((q.runoffOfBallots() ? lb[i] : lv[i]) <= q.runoffAtMost()) {
                runoff++;
            }
            if (to[i] <= q.turnoutAtMost()) {
                lowT++;
            }
            if (lv[i] >= q.leaderAtLeast()) {
                atLeast++;
            }
            if (ct != null) {
                ct[i] = c.get(i).turnout();
                if (ct[i] <= q.cleanTurnoutAtMost()) {
                    lowClean++;
                }
            }
        }
        double pr = (double) runoff / r;
        return new ScenarioResult.Point(share, f.label(), v, ReplicateDistribution.of(lv),
                ReplicateDistribution.of(lb), ReplicateDistribution.of(to),
                ct == null ? null : ReplicateDistribution.of(ct), pr, 1 - pr,
                Double.isNaN(q.turnoutAtMost()) ? Double.NaN : (double) lowT / r,
                Double.isNaN(q.leaderAtLeast()) ? Double.NaN : (double) atLeast / r,
                Double.isNaN(q.cleanTurnoutAtMost()) ? Double.NaN : (double) lowClean / r);
    }

    /** Moves every region's clean turnout centre by one logit shift so that the unit-weighted mean is the target. */
    static RegionalElectorate withTurnout(RegionalElectorate e, double target) {
        List<RegionalElectorate.Region> rs = e.regions();
        double[] l = new double[rs.size()];
        double[] w = new double[rs.size()];
        for (int i = 0; i < l.length; i++) {
            double m = Math.min(0.999, Math.max(0.001, rs.get(i).turnout().mean()));
            l[i] = Math.log(m / (1 - m));
            w[i] = rs.get(i).units();
        }
        double lo = -20;
        double hi = 20;
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            double m = 0;
            double ws = 0;
            for (int i = 0; i < l.length; i++) {
                m += w[i] / (1 + Math.exp(-(l[i] + mid)));
                ws += w[i];
            }
            if (m / ws < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double shift = (lo + hi) / 2;
        return e.mapRegions(g -> {
            double m = Math.min(0.999, Math.max(0.001, g.turnout().mean()));
            double c = 1 / (1 + Math.exp(-(Math.log(m / (1 - m)) + shift)));
            return new RegionalElectorate.Region(g.name(), g.units(), g.sizes(),
                    new ProportionDistribution(g.turnout().shape(), c, g.turnout().sd()), g.share());
        });
    }

    private static ScenarioResult.Minimum minimal(ScenarioSpec spec, ScenarioSpec.Family f, double share,
                                                  PointEvaluator eval, List<ScenarioResult.Point> out) {
        double need = spec.minimal().noRunoffProbability();
        double lo = f.values().get(0);
        double hi = f.values().get(f.values().size() - 1);
        ScenarioResult.Point first = eval.at(lo);
        out.add(first);
        if (first.pNoRunoff() >= need) {
            return minimum(share, f, need, true, first, Double.NaN);
        }
        ScenarioResult.Point last = eval.at(hi);
        out.add(last);
        if (last.pNoRunoff() < need || hi == lo) {
            return new ScenarioResult.Minimum(share, f.label(), need, false, Double.NaN, hi, last.pNoRunoff(),
                    last.turnout().mean(), last.leaderShare().mean());
        }
        ScenarioResult.Point pass = last;
        for (int s = 0; s < spec.minimal().steps(); s++) {
            double mid = (lo + hi) / 2;
            ScenarioResult.Point p = eval.at(mid);
            out.add(p);
            if (p.pNoRunoff() >= need) {
                hi = mid;
                pass = p;
            } else {
                lo = mid;
            }
        }
        return minimum(share, f, need, true, pass, lo);
    }

    private static ScenarioResult.Minimum minimum(double share, ScenarioSpec.Family f, double need, boolean reached,
                                                  ScenarioResult.Point p, double bracketLow) {
        return new ScenarioResult.Minimum(share, f.label(), need, reached, p.intensity(), bracketLow, p.pNoRunoff(),
                p.turnout().mean(), p.leaderShare().mean());
    }

    private static ScenarioResult.Solution solve(ScenarioSpec spec, ScenarioSpec.Family f, double share,
                                                 List<ScenarioResult.Point> fp) {
        double target = spec.solve().leaderShare();
        double x = crossing(fp, p -> p.leaderShare().mean(), target);
        double xLow = crossing(fp, p -> p.leaderShare().q975(), target);
        double xHigh = crossing(fp, p -> p.leaderShare().q025(), target);
        if (Double.isNaN(x)) {
            return new ScenarioResult.Solution(share, f.label(), target, false, Double.NaN, xLow, xHigh, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new ScenarioResult.Solution(share, f.label(), target, true, x, xLow, xHigh,
                at(fp, x, p -> p.turnout().mean()), at(fp, x, p -> p.turnout().q025()),
                at(fp, x, p -> p.turnout().q975()),
                at(fp, x, p -> p.cleanTurnout() == null ? Double.NaN : p.cleanTurnout().mean()),
                at(fp, x, ScenarioResult.Point::pCleanTurnoutAtMost));
    }

    /** @return the first intensity where y crosses the target upwards, linearly interpolated; NaN if none */
    static double crossing(List<ScenarioResult.Point> fp, java.util.function.ToDoubleFunction<ScenarioResult.Point> y,
                           double target) {
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

    /** @return y interpolated linearly at intensity x */
    static double at(List<ScenarioResult.Point> fp, double x,
                     java.util.function.ToDoubleFunction<ScenarioResult.Point> y) {
        for (int i = 1; i < fp.size(); i++) {
            double x1 = fp.get(i).intensity();
            if (x <= x1) {
                double x0 = fp.get(i - 1).intensity();
                double y0 = y.applyAsDouble(fp.get(i - 1));
                double y1 = y.applyAsDouble(fp.get(i));
                return x1 == x0 ? y1 : y0 + (x - x0) / (x1 - x0) * (y1 - y0);
            }
        }
        return y.applyAsDouble(fp.get(fp.size() - 1));
    }
}
