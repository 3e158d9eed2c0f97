package org.psephos.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.psephos.estimation.PowerAnalysis;
import org.psephos.estimation.PowerResult;
import org.psephos.estimation.PowerSummary;
import org.psephos.estimation.PowerTask;
import org.psephos.simulation.ElectorateModel;
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
 *       the replicates' 97.5% and 2.5% quantiles cross the target; turnout is interpolated at the solution;</li>
 *   <li>{@code minimal}: instead of the grid, bisection between the family's first and last value for the smallest
 *       intensity with P(no runoff) ≥ p (P is assumed non-decreasing in the intensity); the answer is the smallest
 *       evaluated passing intensity and the largest failing one brackets it.</li>
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
 * count or the block size. A scenario with detection power and no {@code solve} or {@code minimal} evaluates
 * only the power (its families' grid is the power's grid). Stateless.
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
        List<Search> searches = new ArrayList<>();
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
                Search search = new Search(spec, share, e, f);
                searches.add(search);
                plannedPoints += search.planned();
            }
        }
        long plannedTasks = plannedPoints * ((spec.replicates() + block - 1) / block);
        long done = 0;
        while (true) {
            List<Search> asked = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Search search : searches) {
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
                Search search = asked.get(i);
                search.accept(point(spec, search.share, search.family, values.get(i), byPoint.get(i)));
            }
        }
        List<ScenarioResult.Point> points = new ArrayList<>();
        List<ScenarioResult.Solution> solutions = new ArrayList<>();
        List<ScenarioResult.Minimum> minima = new ArrayList<>();
        for (Search search : searches) {
            List<Evaluated> fe = new ArrayList<>(search.points);
            fe.sort(Comparator.comparingDouble(x -> x.point().intensity()));
            List<ScenarioResult.Point> fp = fe.stream().map(Evaluated::point).toList();
            points.addAll(fp);
            minima.addAll(search.minima);
            if (spec.solve() != null) {
                solutions.add(solve(spec, search.family, search.share, fp));
            }
        }
        ObserverSampling.Result observer = null;
        if (spec.observer() != null) {
            observer = observer(spec, engine.threads());
        }
        List<PowerResult> power = new ArrayList<>();
        if (spec.power() != null) {
            power = power(spec, engine);
        }
        progress.update(plannedTasks, plannedTasks);
        return new ScenarioResult(spec.name(), spec.description(), spec.electorateLabel(),
                spec.electorate().units(), spec.seed(), spec.replicates(), spec.questions(), points, solutions,
                minima, spec.power(), observer, power, spec.againstAll(),
                precision(crossing(spec) ? List.of() : points, solutions, minima, power, spec.replicates()));
    }

    /** One evaluated point with its replicates' shares (for the per-replicate crossings). */
    private record Evaluated(ScenarioResult.Point point, double[] ofValid, double[] ofBallots, double[] ranked) {
    }

    /**
     * The search of one (clean share, family): a grid, and the crossing search, ask for all the family's values at
     * once; the bisection search asks for the first value, then the last, then one midpoint per round (P(no runoff)
     * is assumed non-decreasing in the intensity), and keeps the smallest passing intensity with the largest
     * failing one below it. Mutable, confined to {@link #run}.
     */
    private static final class Search {
        private static final int FIRST = 0;
        private static final int LAST = 1;
        private static final int BISECT = 2;
        private static final int DONE = 3;

        final ScenarioSpec spec;
        final double share;
        final RegionalElectorate electorate;
        final ScenarioSpec.Family family;
        final ScenarioSpec.Minimal minimal;
        final List<Evaluated> points = new ArrayList<>();
        final List<ScenarioResult.Minimum> minima = new ArrayList<>();
        private int phase = FIRST;
        private double lo;
        private double hi;
        private int step;
        private ScenarioResult.Point pass;

        Search(ScenarioSpec spec, double share, RegionalElectorate electorate, ScenarioSpec.Family family) {
            this.spec = spec;
            this.share = share;
            this.electorate = electorate;
            this.family = family;
            this.minimal = spec.minimal();
            this.lo = family.values().get(0);
            this.hi = family.values().get(family.values().size() - 1);
        }

        private boolean bisection() {
            return minimal != null && minimal.method() == ScenarioSpec.Method.BISECTION;
        }

        /** @return the most points this search evaluates */
        long planned() {
            return bisection() ? minimal.steps() + 2L : family.values().size();
        }

        /** @return the intensities to evaluate in the next round, empty when the search is over */
        List<Double> next() {
            if (!bisection()) {
                return phase == FIRST ? family.values() : List.of();
            }
            return switch (phase) {
                case FIRST -> List.of(lo);
                case LAST -> List.of(hi);
                case BISECT -> List.of((lo + hi) / 2);
                default -> List.of();
            };
        }

        /** @param e the point evaluated at the next intensity (for a grid, called once per value, in order) */
        void accept(Evaluated e) {
            points.add(e);
            ScenarioResult.Point p = e.point();
            if (!bisection()) {
                phase = points.size() == family.values().size() ? DONE : LAST;
                if (phase == DONE && minimal != null) {
                    crossings();
                }
                return;
            }
            double need = minimal.probability();
            if (phase == FIRST) {
                if (p.pNoRunoff() >= need) {
                    reached(p, Double.NaN);
                } else {
                    phase = LAST;
                }
            } else if (phase == LAST) {
                if (p.pNoRunoff() < need || hi == lo) {
                    minima.add(new ScenarioResult.Minimum(share, family.label(), minimal.rule().name(),
                            spec.questions().runoffBase().id(), againstAllOf(spec.questions().runoffBase()), need,
                            false, Double.NaN, Double.NaN, hi,
                            p.pNoRunoff(), ReplicateEstimate.probabilityError(p.pNoRunoff(), spec.replicates()),
                            p.turnout().mean(), p.leaderShare().mean(), meanErrors(p)));
                    phase = DONE;
                } else {
                    pass = p;
                    phase = BISECT;
                }
            } else {
                if (p.pNoRunoff() >= need) {
                    hi = p.intensity();
                    pass = p;
                } else {
                    lo = p.intensity();
                }
                step++;
            }
            if (phase == BISECT && step == minimal.steps()) {
                reached(pass, lo);
            }
        }

        /** @return the "against all" rule behind a base's share: the scenario's for the candidates base, else "" */
        private String againstAllOf(FirstRoundBase base) {
            return base == FirstRoundBase.CANDIDATES ? spec.againstAll().rule().id() : "";
        }

        /** Ends a bisection: p is the smallest passing intensity found, bracketLow the largest failing one below. */
        private void reached(ScenarioResult.Point p, double bracketLow) {
            minima.add(new ScenarioResult.Minimum(share, family.label(), minimal.rule().name(),
                    spec.questions().runoffBase().id(), againstAllOf(spec.questions().runoffBase()),
                    minimal.probability(), true, p.intensity(), Double.NaN,
                    bracketLow, p.pNoRunoff(), ReplicateEstimate.probabilityError(p.pNoRunoff(), spec.replicates()),
                    p.turnout().mean(), p.leaderShare().mean(), meanErrors(p)));
            phase = DONE;
        }

        /**
         * The crossing search's minima: one per base (no runoff) or one (regional majority). With a preset's "against
         * all" line, the candidates base is also given under the other rule (a sensitivity row).
         */
        private void crossings() {
            List<Evaluated> fe = new ArrayList<>(points);
            fe.sort(Comparator.comparingDouble(x -> x.point().intensity()));
            double threshold = spec.questions().runoffAtMost();
            if (minimal.rule() == ScenarioSpec.Rule.REGIONAL_MAJORITY) {
                minima.add(crossing(fe, threshold, "ballots", "", Evaluated::ranked,
                        x -> x.point().leaderShareBallots().mean()));
                return;
            }
            AgainstAll aa = spec.againstAll();
            for (FirstRoundBase base : FirstRoundBase.values()) {
                minima.add(crossing(fe, threshold, base, aa));
            }
            if (aa.present() && aa.hasAlternative()) {
                minima.add(crossing(fe, threshold, FirstRoundBase.CANDIDATES, aa.alternative()));
            }
        }

        /** The crossing of the threshold by the leader's share on a base, "against all" by the given rule. */
        private ScenarioResult.Minimum crossing(List<Evaluated> fe, double threshold, FirstRoundBase base,
                                                AgainstAll aa) {
            double a = aa.ofOthers(share);
            java.util.function.Function<Evaluated, double[]> y = x -> {
                double[] out = new double[x.ofValid().length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = base.share(x.ofValid()[i], x.ofBallots()[i], a);
                }
                return out;
            };
            return crossing(fe, threshold, base.id(), base == FirstRoundBase.CANDIDATES ? aa.rule().id() : "", y,
                    x -> java.util.Arrays.stream(y.apply(x)).average().orElse(Double.NaN));
        }

        /**
         * The required quantile of the replicates' crossings of the threshold: replicate i crosses where its
         * value, linear between grid points, first exceeds the threshold (+∞ if it never does).
         */
        private ScenarioResult.Minimum crossing(List<Evaluated> fe, double threshold, String base, String rule,
                                                java.util.function.Function<Evaluated, double[]> y,
                                                java.util.function.ToDoubleFunction<Evaluated> mean) {
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
            java.util.Arrays.sort(cross);
            double need = minimal.probability();
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
            List<ScenarioResult.Point> fp = fe.stream().map(Evaluated::point).toList();
            double at = reached ? x : xs[xs.length - 1];
            return new ScenarioResult.Minimum(share, family.label(), minimal.rule().name(), base, rule, need, reached,
                    reached ? x : Double.NaN, error, Double.NaN, reached ? pPass : countAbove(ys[ys.length - 1],
                    threshold, r), ReplicateEstimate.probabilityError(reached ? pPass
                    : countAbove(ys[ys.length - 1], threshold, r), r), at(fp, at, p -> p.turnout().mean()),
                    atEvaluated(fe, at, mean), errorAt(fp, at, ScenarioRunner::meanErrors));
        }
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

    /** @return the mean interpolated linearly at intensity x */
    private static double atEvaluated(List<Evaluated> fe, double x,
                                      java.util.function.ToDoubleFunction<Evaluated> mean) {
        for (int i = 1; i < fe.size(); i++) {
            double x1 = fe.get(i).point().intensity();
            if (x <= x1) {
                double x0 = fe.get(i - 1).point().intensity();
                double y0 = mean.applyAsDouble(fe.get(i - 1));
                double y1 = mean.applyAsDouble(fe.get(i));
                return x1 == x0 ? y1 : y0 + (x - x0) / (x1 - x0) * (y1 - y0);
            }
        }
        return mean.applyAsDouble(fe.get(fe.size() - 1));
    }

    /** The tasks of one point: its electorate (turnout moved if the scenario holds it) in replicate blocks. */
    private static List<ScenarioTask> tasks(ScenarioSpec spec, int index, Search search, double v, int block) {
        FraudModel fraud = search.family.at(v);
        RegionalElectorate run = search.electorate;
        if (!Double.isNaN(spec.holdReportedTurnout())) {
            FraudModel.BallotStuffing b = (FraudModel.BallotStuffing) fraud;
            double s = b.fraction() * b.share();
            double clean = s >= 1 ? 0.001 : Math.max(0.001, (spec.holdReportedTurnout() - s) / (1 - s));
            run = spec.preset() ? run.withExpectedTurnout(clean) : withTurnout(run, clean);
        }
        boolean clean = !Double.isNaN(spec.questions().cleanTurnoutAtMost())
                || !Double.isNaN(spec.holdReportedTurnout());
        int rank = spec.questions().regionsMajorityAtLeast();
        List<ScenarioTask> out = new ArrayList<>();
        for (int r = 0; r < spec.replicates(); r += block) {
            out.add(new ScenarioTask(index, r, Math.min(spec.replicates(), r + block), spec.seed(), run, fraud, clean,
                    rank));
        }
        return out;
    }

    /**
     * Detection power of every family: {@link PowerAnalysis} over the family's values on the engine-native form
     * of the electorate ({@link RegionalElectorate#toElectorateModel()}), same seed and replicates as the scenario.
     * The families share their clean calibration set (same electorate, seed and tests), so it is simulated and
     * tested once, and all the tasks go to the engine in one round.
     */
    private static List<PowerResult> power(ScenarioSpec spec, ScenarioEngine engine) {
        ElectorateModel e = spec.electorate().toElectorateModel();
        List<PowerAnalysis> analyses = new ArrayList<>();
        for (ScenarioSpec.Family f : spec.families()) {
            double[] values = f.values().stream().mapToDouble(Double::doubleValue).toArray();
            analyses.add(PowerAnalysis.of(e, f.fraud(),
                    List.of(new PowerAnalysis.Axis(f.sweep(), values)), spec.power().tests())
                    .withReplicates(spec.replicates()).withSeed(spec.seed())
                    .withFalsePositiveRate(spec.power().alpha()).withTestReplicates(spec.power().testReplicates()));
        }
        List<PowerTask> tasks = new ArrayList<>(analyses.get(0).cleanTasks(PowerAnalysis.BLOCK));
        int clean = tasks.size();
        int[] ends = new int[analyses.size()];
        for (int i = 0; i < analyses.size(); i++) {
            if (!analyses.get(i).sharesCleanSetWith(analyses.get(0))) {
                throw new IllegalStateException("the families' power analyses differ in their clean set");
            }
            tasks.addAll(analyses.get(i).pointTasks(PowerAnalysis.BLOCK));
            ends[i] = tasks.size();
        }
        List<PowerSummary> summaries = engine.power(tasks);
        List<PowerResult> out = new ArrayList<>();
        for (int i = 0; i < analyses.size(); i++) {
            List<PowerSummary> own = new ArrayList<>(summaries.subList(0, clean));
            own.addAll(summaries.subList(i == 0 ? clean : ends[i - 1], ends[i]));
            out.add(analyses.get(i).reduce(own));
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
                spec.seed(), threads, 1, true, Progress.NONE);
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

    /** One point from its blocks (any order): the replicates concatenated in order, then the questions asked. */
    private static Evaluated point(ScenarioSpec spec, double share, ScenarioSpec.Family f, double v,
                                   List<ScenarioTask.Block> blocks) {
        if (blocks.isEmpty()) {
            throw new IllegalStateException("the engine returned no block of point " + f.label() + " at " + v);
        }
        List<ScenarioTask.Block> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparingInt(ScenarioTask.Block::from));
        int r = spec.replicates();
        double[] lv = new double[r];
        double[] lb = new double[r];
        double[] to = new double[r];
        double[] ct = sorted.get(0).cleanTurnout() == null ? null : new double[r];
        double[] kth = sorted.get(0).rankedRegionShare() == null ? null : new double[r];
        int at = 0;
        for (ScenarioTask.Block b : sorted) {
            if (b.from() != at) {
                throw new IllegalStateException("replicates " + at + " to " + b.from() + " of a point are missing");
            }
            int n = b.to() - b.from();
            System.arraycopy(b.leaderShare(), 0, lv, at, n);
            System.arraycopy(b.leaderShareBallots(), 0, lb, at, n);
            System.arraycopy(b.turnout(), 0, to, at, n);
            if (ct != null) {
                System.arraycopy(b.cleanTurnout(), 0, ct, at, n);
            }
            if (kth != null) {
                System.arraycopy(b.rankedRegionShare(), 0, kth, at, n);
            }
            at += n;
        }
        if (at != r) {
            throw new IllegalStateException("a point has " + at + " replicates, not " + r);
        }
        ScenarioSpec.Questions q = spec.questions();
        double a = spec.againstAll().ofOthers(share);
        double[] lc = new double[r];
        int[] noRunoff = new int[FirstRoundBase.values().length];
        int lowT = 0;
        int atLeast = 0;
        int lowClean = 0;
        int majority = 0;
        for (int i = 0; i < r; i++) {
            lc[i] = FirstRoundBase.CANDIDATES.share(lv[i], lb[i], a);
            for (FirstRoundBase base : FirstRoundBase.values()) {
                if (base.share(lv[i], lb[i], a) > q.runoffAtMost()) {
                    noRunoff[base.ordinal()]++;
                }
            }
            if (to[i] <= q.turnoutAtMost()) {
                lowT++;
            }
            if (lv[i] >= q.leaderAtLeast()) {
                atLeast++;
            }
            if (ct != null && ct[i] <= q.cleanTurnoutAtMost()) {
                lowClean++;
            }
            if (kth != null && kth[i] > q.runoffAtMost()) {
                majority++;
            }
        }
        java.util.Map<String, Double> byBase = new java.util.TreeMap<>();
        for (FirstRoundBase base : FirstRoundBase.values()) {
            byBase.put(base.id(), (double) noRunoff[base.ordinal()] / r);
        }
        double pNo = byBase.get(q.runoffBase().id());
        double pT = Double.isNaN(q.turnoutAtMost()) ? Double.NaN : (double) lowT / r;
        double pL = Double.isNaN(q.leaderAtLeast()) ? Double.NaN : (double) atLeast / r;
        double pC = Double.isNaN(q.cleanTurnoutAtMost()) ? Double.NaN : (double) lowClean / r;
        double pM = kth == null ? Double.NaN : (double) majority / r;
        double err = 0;
        for (double p : new double[] {pNo, pT, pL, pC, pM}) {
            if (Double.isFinite(p)) {
                err = Math.max(err, ReplicateEstimate.probabilityError(p, r));
            }
        }
        for (double p : byBase.values()) {
            err = Math.max(err, ReplicateEstimate.probabilityError(p, r));
        }
        ScenarioResult.Point point = new ScenarioResult.Point(share, f.label(), v, ReplicateEstimate.of(lv),
                ReplicateEstimate.of(lb), ReplicateEstimate.of(lc), ReplicateEstimate.of(to),
                ct == null ? null : ReplicateEstimate.of(ct), 1 - pNo, pNo, byBase, pT, pL, pC, pM, err);
        return new Evaluated(point, lv, lb, kth);
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

    private static ScenarioResult.Solution solve(ScenarioSpec spec, ScenarioSpec.Family f, double share,
                                                 List<ScenarioResult.Point> fp) {
        ScenarioSpec.Solve target = spec.solve();
        double v = target.value();
        boolean up = target.target() == ScenarioSpec.Target.LEADER_SHARE;
        java.util.function.ToDoubleFunction<ScenarioResult.Point> mean = up ? p -> p.leaderShare().mean()
                : p -> p.cleanTurnout() == null ? Double.NaN : -p.cleanTurnout().mean();
        java.util.function.ToDoubleFunction<ScenarioResult.Point> meanError = up ? p -> p.leaderShare().meanError()
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

    /** @return the largest Monte Carlo error of a point's mean shares and turnout */
    private static double meanErrors(ScenarioResult.Point p) {
        return Math.max(p.turnout().meanError(), Math.max(p.leaderShare().meanError(),
                Math.max(p.leaderShareBallots().meanError(), p.leaderShareCandidates().meanError())));
    }

    /** @return the larger of the errors of the two grid points that a figure at intensity x is interpolated from */
    static double errorAt(List<ScenarioResult.Point> fp, double x,
                          java.util.function.ToDoubleFunction<ScenarioResult.Point> error) {
        for (int i = 1; i < fp.size(); i++) {
            if (x <= fp.get(i).intensity()) {
                return Math.max(error.applyAsDouble(fp.get(i - 1)), error.applyAsDouble(fp.get(i)));
            }
        }
        return error.applyAsDouble(fp.get(fp.size() - 1));
    }

    /**
     * The Monte Carlo error of a solved intensity: the error of the mean curve at the solution (interpolated) over
     * the slope of the curve's grid segment that holds the solution (delta method).
     */
    private static double intensityError(List<ScenarioResult.Point> fp, double x,
                                         java.util.function.ToDoubleFunction<ScenarioResult.Point> mean,
                                         java.util.function.ToDoubleFunction<ScenarioResult.Point> meanError) {
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
