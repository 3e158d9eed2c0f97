package org.psephos.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.ForensicTest;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;

/**
 * Detection power of forensic tests and estimators against an injected fraud: for every point of a 1-D or 2-D grid
 * of a fraud model's parameters ({@link FraudSpec}), R elections are simulated (the engine) and every chosen test
 * runs on each; R clean elections calibrate each test's threshold.
 *
 * <p>Method. Score s of a test, by the evidence the test declares ({@link ForensicTest#evidence()}): its value for
 * the estimators (for {@code FraudMixture} its BIC evidence for fraud, BIC_clean − BIC_fraud, see
 * {@link PowerTask}), 1 − p for tests with a p-value, otherwise |value − median of its clean values| (two-sided).
 * Threshold c = the ⌈(1 − α)m⌉-th smallest of the m clean scores, so that the clean rejection rate is at most α.
 * Power at a point = share of its replicates with s &gt; c (the <b>default</b> figure, comparable across tests
 * whatever their own rules); the own flag rule's rate is reported next to it, with its clean rate (the rule's real
 * false-positive rate on this electorate). For the estimators the mean, bias against each replicate's truth
 * and sd are reported. The null model is the electorate without fraud. Replicate r uses the same engine seed at
 * every grid point and in the clean set (paired design: the curves are smooth and differences between points are
 * not blurred by clean-election noise).
 *
 * <p>Work is cut into {@link PowerTask}s of (grid point, replicate block), pure functions of their fields; the
 * reduction ({@link #reduce}) orders summaries by (point, first replicate), so the result is identical for any
 * thread count or runner; the scores, thresholds and powers are {@link PowerScores}'s. Immutable; {@code withX}
 * return copies. The class stays at about 340 lines because what is left is its public surface, one job: the
 * settings with their {@code withX} copies, {@link Axis} (named as {@code PowerAnalysis.Axis} by {@code cli} and
 * {@code scenarios}), and the task plan that the local and Spark runners call.
 *
 * @since 0.1
 */
public final class PowerAnalysis {
    /** Replicates per task. */
    public static final int BLOCK = 25;
    /**
     * The pseudo test id of the election-level verdict: named in the tests, every replicate is analysed by the
     * default battery of {@code analyze} under calibrated nulls (the tests' replicates as its null replicates) and
     * scored by its {@link org.psephos.forensics.Verdict}, the same verdict {@code analyze} prints: the score is
     * 1 − the smallest Holm-adjusted p-value, the own flag rule is "anomalous".
     */
    public static final String VERDICT = "Verdict";

    private final ElectorateModel electorate;
    private final FraudSpec base;
    private final List<Axis> axes;
    private final List<String> tests;
    private final int replicates;
    private final long seed;
    private final double alpha;
    private final int testReplicates;
    private final Conventions conventions;

    /**
     * One axis of the grid.
     *
     * @param parameter the fraud parameter's name
     * @param values    its values
     */
    public record Axis(String parameter, double[] values) {
        /** @throws IllegalArgumentException if there are no values */
        public Axis {
            Objects.requireNonNull(parameter, "parameter");
            if (values.length == 0) {
                throw new IllegalArgumentException("grid axis " + parameter + " has no values");
            }
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        /**
         * @param text {@code NAME=FROM:TO:COUNT} (COUNT evenly spaced values) or {@code NAME=V1,V2,…}
         * @return the axis
         * @throws IllegalArgumentException if the text does not parse
         */
        public static Axis parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("grid is not NAME=FROM:TO:COUNT or NAME=V1,V2,...: " + text);
            }
            String name = text.substring(0, eq).trim();
            String spec = text.substring(eq + 1).trim();
            try {
                if (spec.contains(":")) {
                    String[] p = spec.split(":");
                    if (p.length != 3) {
                        throw new IllegalArgumentException("grid is not NAME=FROM:TO:COUNT: " + text);
                    }
                    double from = Double.parseDouble(p[0]);
                    double to = Double.parseDouble(p[1]);
                    int count = Integer.parseInt(p[2].trim());
                    if (count < 1 || count > 1000) {
                        throw new IllegalArgumentException("grid count is not in [1, 1000]: " + text);
                    }
                    double[] v = new double[count];
                    for (int i = 0; i < count; i++) {
                        v[i] = count == 1 ? from : from + (to - from) * i / (count - 1);
                    }
                    return new Axis(name, v);
                }
                return new Axis(name, Arrays.stream(spec.split(",")).mapToDouble(s -> Double.parseDouble(s.trim()))
                        .toArray());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("grid value is not a number: " + text, e);
            }
        }
    }

    private PowerAnalysis(ElectorateModel electorate, FraudSpec base, List<Axis> axes, List<String> tests,
                          int replicates, long seed, double alpha, int testReplicates, Conventions conventions) {
        this.electorate = electorate;
        this.base = base;
        this.axes = axes;
        this.tests = tests;
        this.replicates = replicates;
        this.seed = seed;
        this.alpha = alpha;
        this.testReplicates = testReplicates;
        this.conventions = conventions;
    }

    /**
     * @param electorate the clean electorate
     * @param base       the fraud model with its fixed parameters
     * @param axes       one or two grid axes, naming parameters of the model
     * @param tests      test ids ({@link Estimators#registry()}), and {@link #VERDICT} for the election-level verdict
     * @return the analysis with 200 replicates, seed 1, α = 0.05, 100 test replicates
     * @throws IllegalArgumentException if there are not 1 or 2 axes, an axis names no parameter of the model, a
     *                                  grid value is outside the model's range, or a test id is unknown
     */
    public static PowerAnalysis of(ElectorateModel electorate, FraudSpec base, List<Axis> axes, List<String> tests) {
        if (axes.isEmpty() || axes.size() > 2) {
            throw new IllegalArgumentException("power grid has not 1 or 2 axes: " + axes.size());
        }
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("no tests chosen");
        }
        Estimators.registry().select(tests.stream().filter(id -> !id.equals(VERDICT)).toList());
        PowerAnalysis p = new PowerAnalysis(Objects.requireNonNull(electorate, "electorate"), base, List.copyOf(axes),
                List.copyOf(tests), 200, 1L, 0.05, 100, Conventions.PSEPHOS);
        for (int i = 0; i < p.points(); i++) {
            p.spec(i).model();
        }
        return p;
    }

    /** @param r replicates per grid point, at least 2 @return a copy */
    public PowerAnalysis withReplicates(int r) {
        if (r < 2) {
            throw new IllegalArgumentException("replicates is below 2: " + r);
        }
        return new PowerAnalysis(electorate, base, axes, tests, r, seed, alpha, testReplicates, conventions);
    }

    /** @param s the run seed @return a copy */
    public PowerAnalysis withSeed(long s) {
        return new PowerAnalysis(electorate, base, axes, tests, replicates, s, alpha, testReplicates, conventions);
    }

    /** @param a the false-positive rate, in (0, 0.5] @return a copy */
    public PowerAnalysis withFalsePositiveRate(double a) {
        if (!(a > 0 && a <= 0.5)) {
            throw new IllegalArgumentException("false-positive rate is not in (0, 0.5]: " + a);
        }
        return new PowerAnalysis(electorate, base, axes, tests, replicates, seed, a, testReplicates, conventions);
    }

    /** @param r resampling replicates of each test run, at least 2 @return a copy */
    public PowerAnalysis withTestReplicates(int r) {
        if (r < 2) {
            throw new IllegalArgumentException("test replicates is below 2: " + r);
        }
        return new PowerAnalysis(electorate, base, axes, tests, replicates, seed, alpha, r, conventions);
    }

    /**
     * @param c whose definitions the tests follow on each simulated election (a test the tool lacks runs under
     *          Psephos's); Psephos's by default
     * @return a copy
     */
    public PowerAnalysis withConventions(Conventions c) {
        return new PowerAnalysis(electorate, base, axes, tests, replicates, seed, alpha, testReplicates,
                Objects.requireNonNull(c, "conventions"));
    }

    /** @return the number of grid points */
    public int points() {
        int n = 1;
        for (Axis a : axes) {
            n *= a.values.length;
        }
        return n;
    }

    /** @return the fraud at grid point i (first axis varying slowest) */
    FraudSpec spec(int i) {
        FraudSpec s = base;
        int rest = i;
        for (int a = axes.size() - 1; a >= 0; a--) {
            Axis ax = axes.get(a);
            s = s.with(ax.parameter, ax.values[rest % ax.values.length]);
            rest /= ax.values.length;
        }
        return s;
    }

    /** @return the tasks: the clean set first, then every grid point, each in blocks of {@value #BLOCK} */
    public List<PowerTask> tasks() {
        return tasks(BLOCK);
    }

    /**
     * The tasks with another block size. The result does not depend on it: replicate r's seeds derive from (run
     * seed, r) only, and {@link #reduce} orders the summaries; the block size only trades scheduling overhead
     * against load balance.
     *
     * @param block replicates per task, positive
     * @return the tasks: the clean set first, then every grid point, each in blocks of {@code block}
     * @throws IllegalArgumentException if block is not positive
     */
    public List<PowerTask> tasks(int block) {
        if (block < 1) {
            throw new IllegalArgumentException("block size is not positive: " + block);
        }
        List<PowerTask> out = new ArrayList<>(cleanTasks(block));
        out.addAll(pointTasks(block));
        return out;
    }

    /**
     * The tasks of the clean calibration set alone. They depend on the electorate, seed, replicates, tests, test
     * replicates and conventions, not on the fraud: analyses of several fraud models that agree on those ({@link
     * #sharesCleanSetWith}) can run them once and reduce each with the same summaries.
     *
     * @param block replicates per task, positive
     * @return the clean set's tasks, in blocks of {@code block}
     * @throws IllegalArgumentException if block is not positive
     */
    public List<PowerTask> cleanTasks(int block) {
        return tasks(block, -1, 0);
    }

    /**
     * @param block replicates per task, positive
     * @return the tasks of every grid point (not the clean set), in blocks of {@code block}
     * @throws IllegalArgumentException if block is not positive
     */
    public List<PowerTask> pointTasks(int block) {
        return tasks(block, 0, points());
    }

    private List<PowerTask> tasks(int block, int from, int to) {
        if (block < 1) {
            throw new IllegalArgumentException("block size is not positive: " + block);
        }
        List<PowerTask> out = new ArrayList<>();
        for (int p = from; p < to; p++) {
            for (int r = 0; r < replicates; r += block) {
                out.add(new PowerTask(p, r, Math.min(replicates, r + block), seed, electorate,
                        p < 0 ? null : spec(p).model(), tests, testReplicates, conventions));
            }
        }
        return out;
    }

    /**
     * @param other another analysis
     * @return whether the two have the same clean calibration set (same electorate, seed, replicates, tests, test
     *         replicates and conventions), so that one's clean summaries reduce the other
     */
    public boolean sharesCleanSetWith(PowerAnalysis other) {
        return electorate.equals(other.electorate) && seed == other.seed && replicates == other.replicates
                && tests.equals(other.tests) && testReplicates == other.testReplicates
                && conventions == other.conventions;
    }

    /**
     * Runs every task on this machine.
     *
     * @param threads  worker threads (the result does not depend on it)
     * @param progress told as tasks finish
     * @return the result
     */
    public PowerResult run(int threads, Progress progress) {
        return run(threads, BLOCK, progress);
    }

    /**
     * Runs every task of {@link #tasks(int)} on this machine.
     *
     * @param threads  worker threads (the result does not depend on it)
     * @param block    replicates per task (the result does not depend on it)
     * @param progress told as tasks finish
     * @return the result
     */
    public PowerResult run(int threads, int block, Progress progress) {
        List<PowerTask> t = tasks(block);
        return reduce(Parallel.map(t.size(), threads, i -> t.get(i).run(), progress));
    }

    /**
     * @param summaries the summaries of every task of {@link #tasks()}, in any order
     * @return the result
     */
    public PowerResult reduce(List<PowerSummary> summaries) {
        PowerScores sc = new PowerScores(summaries, tests, points(), replicates, alpha);
        int k = tests.size();
        int pts = points();
        List<PowerResult.Point> out = new ArrayList<>();
        for (int p = 0; p < pts; p++) {
            Map<String, Double> coords = new LinkedHashMap<>();
            FraudSpec s = spec(p);
            for (Axis a : axes) {
                coords.put(a.parameter, s.parameters().get(a.parameter));
            }
            List<PowerResult.TestPower> tp = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                tp.add(sc.power(tests.get(t), p, t));
            }
            out.add(new PowerResult.Point(p, coords, tp));
        }
        return new PowerResult(base.name(), axes.stream().map(Axis::parameter).toList(), tests, alpha, replicates,
                seed, sc.thresholds, sc.cleanFlags, out, conventions.id());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PowerAnalysis[%s %s, %d points x %d replicates, tests %s]", base.name(),
                axes.stream().map(Axis::parameter).toList(), points(), replicates, tests);
    }
}
