package org.psephos.forensics;

import java.util.ArrayList;
import java.util.List;
import org.psephos.data.Election;
import org.psephos.forensics.nulls.CleanTwins;
import org.psephos.forensics.nulls.CountResampler;
import org.psephos.forensics.nulls.NullRunner;
import org.psephos.forensics.nulls.TailPValue;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;

/**
 * The battery under calibrated nulls ({@link NullKind#CALIBRATED}, {@code docs/verdict-method.md}): every row's
 * expected value, interval and p-value from a null distribution built from the data. Package-private; called by
 * {@link Battery#run}.
 *
 * <p>Method. First each test computes its statistic on the data with its reference value, without a bootstrap (the
 * row's value, kept in the details as {@code reference}). Then:
 * <ul>
 *   <li>the count-level tests (nullModel {@code RESAMPLING}) get one draw of the resampling null of the filtered
 *       election ({@link CountResampler}, the model of {@link NullSettings#resampling()}) per replicate, on which
 *       {@link CountNull} computes every such test's statistic on every variable, nationally and in every group: one
 *       national draw serves every test, variable and group (a group's replicates are a sub-sample of the national
 *       draw's units, valid because units are drawn independently);</li>
 *   <li>the shape tests ({@code TWINS}) likewise on one draw of the clean twins ({@link CleanTwins}, fitted per group
 *       of the level with the settings of {@link NullSettings#twins()}) with {@link ShapeNull};</li>
 *   <li>the estimators ({@code REFITTED_TWINS}) are refitted ({@link ForensicTest#nullProbe()}) on the first
 *       {@link NullSettings#fits()} of those twins, each group's row on the group's units of each twin after the
 *       standard unit filter; their p-value compares {@link ForensicTest#nullScore} of the data with the twins'.</li>
 * </ul>
 * The row's expected value is the mean of the finite replicates, its interval their 2.5% and 97.5% quantiles (where
 * the statistic falls on 95% of clean elections like this one), its p-value {@link TailPValue}: upper for the
 * chi-square and dip statistics, the integer-percent excess, the share of round endings (C05s, P05s) and the
 * estimators, two-sided (deviation from the replicates' median) for the others. The label of
 * {@link NullSettings#calibration()} goes into the details. Rows of a test without a calibrated null ({@code NONE})
 * are reported as the test computes them. Replicates are keyed by
 * (seed, null, block), the estimators' fits by their own seeds: the rows are the same for any thread count.
 *
 * <p>This class holds the steps and the details keys; the jobs are done by {@link NullLayout} (which null serves which
 * row), {@link NullRuns} (the nulls of each kind, and each row read from its null), {@link RefittedTwins} (the
 * estimators' null) and {@link CalibratedRow} (a row merged with its null's replicates: p-value and details).
 */
final class CalibratedNulls {
    /** Details key of the null's description. */
    static final String NULL = "null";
    /** Details key of the label. */
    static final String LABEL = "label";
    /** Details key of the label's reason. */
    static final String LABEL_REASON = "label_reason";
    /** Details key of the reference value's description. */
    static final String REFERENCE = "reference";

    private CalibratedNulls() {
    }

    /**
     * @param kept     the filtered election the inputs were cut from
     * @param level    the grouping of the per-group inputs, or null
     * @param inputs   one input per group and variable
     * @param testsOf  the tests of each input
     * @param o        the settings (calibrated)
     * @param progress told as the work advances
     * @return the rows, input by input and test by test
     */
    static List<TestResult> run(Election kept, String level, List<TestInput> inputs,
                                List<List<ForensicTest>> testsOf, BatteryOptions o, Progress progress) {
        int threads = o.threads();
        BatteryOptions inner = o.withThreads(1);
        // 1. the statistics on the data, with their reference values (no bootstrap)
        List<int[]> items = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < inputs.size(); i++) {
                List<ForensicTest> ts = testsOf.get(i);
                for (int k = 0; k < ts.size(); k++) {
                    boolean heavy = ts.get(k).nullModel() == ForensicTest.NullModel.REFITTED_TWINS;
                    if (heavy == (pass == 0)) {
                        items.add(new int[] {i, k});
                    }
                }
            }
        }
        BatteryOptions each = items.size() >= threads ? inner
                : o.withThreads(Math.max(1, threads / Math.max(1, items.size())));
        List<TestResult> firstPass = Parallel.map(items.size(), threads, w -> {
            int[] it = items.get(w);
            ForensicTest t = testsOf.get(it[0]).get(it[1]);
            TestInput in = inputs.get(it[0]);
            if (t instanceof IntegerPercentTest) {
                return null; // computed from the resampling null's own pass over the data
            }
            Plan plan = t instanceof Plan.Source src ? src.plan(in, each) : null;
            // no plan: the test runs as a work item of its own (as Battery does)
            return plan == null ? t.run(in, each) : Plan.withoutInterval(plan);
        }, Progress.NONE);
        TestResult[][] r0 = new TestResult[inputs.size()][];
        for (int i = 0; i < inputs.size(); i++) {
            r0[i] = new TestResult[testsOf.get(i).size()];
        }
        for (int w = 0; w < items.size(); w++) {
            r0[items.get(w)[0]][items.get(w)[1]] = firstPass.get(w);
        }
        NullLayout layout = new NullLayout(kept, level, inputs, testsOf, r0, o);
        // 2. the nulls
        Stage stage = new Stage(progress, layout, o);
        NullRuns nulls = NullRuns.run(layout, stage::part);
        // 3. the rows
        List<TestResult> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            List<ForensicTest> ts = testsOf.get(i);
            for (int k = 0; k < ts.size(); k++) {
                rows.add(nulls.row(i, k));
            }
        }
        return rows;
    }

    /** Reports the three stages (resampling blocks, twin blocks, estimator fits) as one bar. */
    private static final class Stage {
        private final Progress out;
        private final long[] total = new long[3];
        private final long[] done = new long[3];
        private long reported;

        Stage(Progress out, NullLayout layout, BatteryOptions o) {
            this.out = out;
            int blocks = NullRunner.blocks(o.replicates());
            total[0] = layout.countNull == null ? 0 : blocks;
            total[1] = layout.shapeNull ? NullRunner.blocks(o.nulls().twinReplicates(o.replicates())) : 0;
            total[2] = layout.estimatorRows.isEmpty() ? 0 : o.nulls().fits();
        }

        Progress part(int k) {
            return (d, t) -> {
                synchronized (this) {
                    done[k] = Math.max(done[k], d);
                    long sum = done[0] + done[1] + done[2];
                    if (sum > reported) { // the bar only moves forward, never repeats
                        reported = sum;
                        out.update(sum, total[0] + total[1] + total[2]);
                    }
                }
            };
        }
    }

    /**
     * @return upper for the chi-square, dip and estimator statistics and for the excess of round endings (C05s,
     *         P05s: invented numbers raise it; a deficit is no fraud's fingerprint, and at small counts the
     *         resampling null's absorbing zeros make one, {@code docs/verdict-method.md}, addendum of the third
     *         session of 2026-12-07); two-sided for the others
     */
    static TailPValue.Direction direction(ForensicTest t) {
        return t instanceof SecondDigitChi2 || t instanceof LastDigitChi2 || t instanceof DipTest
                || t instanceof IntegerPercentTest || t instanceof ZeroFiveCounts || t instanceof ZeroFivePercents
                || t.nullModel() == ForensicTest.NullModel.REFITTED_TWINS
                ? TailPValue.Direction.UPPER : TailPValue.Direction.TWO_SIDED;
    }

    /**
     * @param r a calibrated row
     * @return whether its p-value enters the q-values and (national) the verdict: a calibrated null, a valid p-value,
     *         not labelled descriptive
     */
    static boolean eligible(TestResult r) {
        return r.typedDetails() instanceof CalibratedDetails.Measured m && r.applicable()
                && MultipleTesting.isValidPValue(r.pValue()) && m.label() != NullCalibration.Label.DESCRIPTIVE;
    }
}
