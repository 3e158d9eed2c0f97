package org.psephos.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.psephos.estimation.PowerResult;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.RandomStreams;

/**
 * Runs a {@link ScenarioSpec}: for each clean share (or the electorate's own) and each fraud family, evaluates the
 * family's intensities with {@link CompositeSimulation} (all points share the scenario seed, so they share their
 * clean elections: common random numbers make the curves smooth in the intensity), then
 *
 * <ul>
 *   <li>{@code solve}: the intensity at which the Monte Carlo mean of the leader's share of valid votes equals the
 *       target, by linear interpolation between the first two grid points that bracket it; the interval is where
 *       the replicates' 97.5% and 2.5% quantiles cross the target; turnout is interpolated at the solution
 *       ({@code IntensitySolver});</li>
 *   <li>{@code minimal}: instead of the grid, bisection between the family's first and last value for the smallest
 *       intensity with P(no runoff) ≥ p (P is assumed non-decreasing in the intensity); the answer is the smallest
 *       evaluated passing intensity and the largest failing one brackets it ({@code IntensitySearch}); or, with
 *       method {@code crossing}, the required quantile of the replicates' own crossings of the grid
 *       ({@code ReplicateCrossings}).</li>
 * </ul>
 *
 * With {@code holdReportedTurnout} T, a ballot-stuffing point with stuffed share s (fraction × share) runs the
 * electorate with its regional clean turnout centres moved by one common logit shift to a national clean turnout
 * (T − s)/(1 − s), so that the expected reported turnout stays T.
 *
 * <p>Work is cut into {@link ScenarioTask}s (point × block of replicates), pure functions of their fields, run by a
 * pluggable {@link ScenarioEngine} (this machine's threads, or Spark executors through {@code org.psephos.spark});
 * the bisection is sequential in its steps, so the runner goes in rounds, each evaluating the next point of every
 * (clean share, family) search at once. Output depends only on the spec and seed, never on the engine, the thread
 * count or the block size. The engine's blocks of a point are aggregated by {@code EvaluatedPoint}. A scenario
 * with detection power and no {@code solve} or {@code minimal} evaluates only the power (its families' grid is the
 * power's grid; {@code ScenarioPower}). Stateless.
 *
 * @since 0.1
 */
public final class ScenarioRunner {
    /** Default replicates per task; the result does not depend on it. */
    public static final int BLOCK = 10;

    private ScenarioRunner() {
    }

    /**
     * Runs the scenario on this machine.
     *
     * @param spec     the scenario
     * @param threads  threads, at least 1
     * @param progress told as tasks finish (done, planned tasks)
     * @return the result
     */
    public static ScenarioResult run(ScenarioSpec spec, int threads, Progress progress) {
        return run(spec, ScenarioEngine.local(threads), BLOCK, progress);
    }

    /**
     * Runs the scenario in rounds: each round gathers the next point of every (clean share, family) search — all of
     * a family's values for a grid, the next bisection step for {@code minimal} — cuts each point into
     * {@link ScenarioTask}s of {@code block} replicates, has the engine run them all, and gives each search its
     * point. Every task's seed is the scenario's, its draws keyed by (region, replicate) only, so the result is the
     * same for any engine, thread count or block size.
     *
     * @param spec     the scenario
     * @param engine   where the tasks run
     * @param block    replicates per task, positive
     * @param progress told as tasks finish (done, planned tasks)
     * @return the result
     * @throws IllegalArgumentException if block is not positive
     */
    public static ScenarioResult run(ScenarioSpec spec, ScenarioEngine engine, int block, Progress progress) {
        if (block < 1) {
            throw new IllegalArgumentException("block size is not positive: " + block);
        }
        List<Double> shares = spec.cleanShares().isEmpty() ? List.of(spec.preset() ? spec.electorate().expectedShare()
                : spec.electorate().regions().get(0).share().mean()) : spec.cleanShares();
        List<IntensitySearch> searches = new ArrayList<>();
        long plannedPoints = 0;
        // A detection-power scenario with nothing to solve or search reports only the power: no grid of totals.
        boolean grid = spec.power() == null || spec.solve() != null || spec.minimal() != null;
        for (double share : grid ? shares : List.<Double>of()) {
            // The leader against the rest: the same distribution of every figure read here, at a fraction of the
            // cost (RegionalElectorate#leaderAndRest).
            RegionalElectorate e = spec.electorate().leaderAndRest();
            if (!spec.cleanShares().isEmpty()) {
                e = spec.preset() ? e.withExpectedShare(share) : e.withShare(share);
            }
            for (ScenarioSpec.Family f : spec.families()) {
                IntensitySearch search = new IntensitySearch(spec, share, e, f);
                searches.add(search);
                plannedPoints += search.planned();
            }
        }
        long plannedTasks = plannedPoints * ((spec.replicates() + block - 1) / block);
        long done = 0;
        while (true) {
            List<IntensitySearch> asked = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (IntensitySearch search : searches) {
                for (double v : search.next()) {
                    asked.add(search);
                    values.add(v);
                }
            }
            if (asked.isEmpty()) {
                break;
            }
            List<ScenarioTask> tasks = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                tasks.addAll(tasks(spec, i, asked.get(i), values.get(i), block));
            }
            long before = done;
            List<ScenarioTask.Block> blocks = engine.run(tasks,
                    (d, t) -> progress.update(Math.min(before + d, plannedTasks), plannedTasks));
            done += tasks.size();
            List<List<ScenarioTask.Block>> byPoint = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                byPoint.add(new ArrayList<>());
            }
            for (ScenarioTask.Block b : blocks) {
                byPoint.get(b.point()).add(b);
            }
            for (int i = 0; i < asked.size(); i++) {
                IntensitySearch search = asked.get(i);
                search.accept(EvaluatedPoint.of(spec, search.share, search.family, values.get(i), byPoint.get(i)));
            }
        }
        List<ScenarioResult.Point> points = new ArrayList<>();
        List<ScenarioResult.Solution> solutions = new ArrayList<>();
        List<ScenarioResult.Minimum> minima = new ArrayList<>();
        for (IntensitySearch search : searches) {
            List<EvaluatedPoint> fe = new ArrayList<>(search.points());
            fe.sort(Comparator.comparingDouble(EvaluatedPoint::intensity));
            List<ScenarioResult.Point> fp = fe.stream().map(EvaluatedPoint::point).toList();
            points.addAll(fp);
            minima.addAll(search.minima());
            if (spec.solve() != null) {
                solutions.add(IntensitySolver.solve(spec, search.family, search.share, fp));
            }
        }
        ObserverSampling.Result observer = null;
        if (spec.observer() != null) {
            observer = observer(spec, engine.threads());
        }
        List<PowerResult> power = new ArrayList<>();
        if (spec.power() != null) {
            power = ScenarioPower.of(spec, engine);
        }
        progress.update(plannedTasks, plannedTasks);
        return new ScenarioResult(spec.name(), spec.description(), spec.electorateLabel(),
                spec.electorate().units(), spec.seed(), spec.replicates(), spec.questions(), points, solutions,
                minima, spec.power(), observer, power, spec.againstAll(),
                precision(crossing(spec) ? List.of() : points, solutions, minima, power, spec.replicates()));
    }

    /** The tasks of one point: its electorate (turnout moved if the scenario holds it) in replicate blocks. */
    private static List<ScenarioTask> tasks(ScenarioSpec spec, int index, IntensitySearch search, double v,
                                            int block) {
        FraudModel fraud = search.family.at(v);
        RegionalElectorate run = search.electorate;
        if (!Double.isNaN(spec.holdReportedTurnout())) {
            FraudModel.BallotStuffing b = (FraudModel.BallotStuffing) fraud;
            double s = b.fraction() * b.share();
            double clean = s >= 1 ? 0.001 : Math.max(0.001, (spec.holdReportedTurnout() - s) / (1 - s));
            run = spec.preset() ? run.withExpectedTurnout(clean) : withTurnout(run, clean);
        }
        boolean withCleanTurnout = !Double.isNaN(spec.questions().cleanTurnoutAtMost())
                || !Double.isNaN(spec.holdReportedTurnout());
        int rank = spec.questions().regionsMajorityAtLeast();
        List<ScenarioTask> out = new ArrayList<>();
        for (int r = 0; r < spec.replicates(); r += block) {
            out.add(new ScenarioTask(index, r, Math.min(spec.replicates(), r + block), spec.seed(), run, fraud,
                    withCleanTurnout, rank));
        }
        return out;
    }

    /** @return whether the scenario's points are the grid of a crossing search (intermediate, not answers) */
    private static boolean crossing(ScenarioSpec spec) {
        return spec.minimal() != null && spec.minimal().method() == ScenarioSpec.Method.CROSSING;
    }

    /**
     * The largest Monte Carlo errors of a result's figures: its points (unless they are the grid of a crossing
     * search, whose answers are the minima and carry their own errors), solutions, minima and detection power.
     */
    private static ScenarioResult.Precision precision(List<ScenarioResult.Point> points,
                                                      List<ScenarioResult.Solution> solutions,
                                                      List<ScenarioResult.Minimum> minima, List<PowerResult> power,
                                                      int replicates) {
        double share = 0;
        double prob = 0;
        for (ScenarioResult.Point p : points) {
            for (ReplicateEstimate d : new ReplicateEstimate[] {p.leaderShare(), p.leaderShareBallots(),
                p.leaderShareCandidates(), p.turnout(), p.cleanTurnout()}) {
                if (d != null) {
                    share = Math.max(share, d.largestError());
                }
            }
            prob = Math.max(prob, p.probabilityError());
        }
        for (ScenarioResult.Minimum m : minima) {
            if (Double.isFinite(m.pPassError())) {
                prob = Math.max(prob, m.pPassError());
            }
            if (Double.isFinite(m.figureError())) {
                share = Math.max(share, m.figureError());
            }
        }
        for (ScenarioResult.Solution s : solutions) {
            for (double e : new double[] {s.turnoutError(), s.shareError()}) {
                if (Double.isFinite(e)) {
                    share = Math.max(share, e);
                }
            }
        }
        for (PowerResult pr : power) {
            for (PowerResult.Point p : pr.points()) {
                for (PowerResult.TestPower t : p.tests()) {
                    prob = Math.max(prob, ReplicateEstimate.probabilityError(t.power(), replicates));
                }
            }
        }
        return new ScenarioResult.Precision(share, prob);
    }

    /** Observer sample sizes on the first replicate of the clean electorate. */
    private static ObserverSampling.Result observer(ScenarioSpec spec, int threads) {
        CompositeSimulation.Result clean = CompositeSimulation.run(spec.electorate().leaderAndRest(), List.of(),
                spec.seed(), threads, /* replicates */ 1, /* keepUnits */ true, Progress.NONE);
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

    /** Moves every region's clean turnout centre by one logit shift so that the unit-weighted mean is the target. */
    static RegionalElectorate withTurnout(RegionalElectorate e, double target) {
        List<RegionalElectorate.Region> rs = e.regions();
        double[] l = new double[rs.size()];
        double[] w = new double[rs.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = Logit.clamped(rs.get(i).turnout().mean());
            w[i] = rs.get(i).units();
        }
        double shift = Logit.shiftTo(l, w, target, 20);
        return e.mapRegions(g -> {
            double c = Logit.expit(Logit.clamped(g.turnout().mean()) + shift);
            return new RegionalElectorate.Region(g.name(), g.units(), g.sizes(),
                    new ProportionDistribution(g.turnout().shape(), c, g.turnout().sd()), g.share());
        });
    }
}
