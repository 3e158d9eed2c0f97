package org.psephos.forensics;

import java.util.Arrays;
import java.util.List;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.data.UnitFilter;
import org.psephos.forensics.nulls.CleanTwins;
import org.psephos.forensics.nulls.TailPValue;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.Quantiles;

/**
 * The estimators' calibrated null ({@link ForensicTest.NullModel#REFITTED_TWINS}): each estimator row's probe
 * ({@link ForensicTest#nullProbe()}) refitted on the first {@link NullSettings#fits()} clean twins
 * ({@link CleanTwins}), each group's row on the group's units of each twin after the standard unit filter. The p-value compares
 * {@link ForensicTest#nullScore} of the data with the twins' (upper tail); the expected value and interval are on the
 * estimate's own scale, from the twins' estimates. Each fit is keyed by its own seed: the same for any thread count.
 * Package-private; run by {@link NullRuns}.
 */
final class RefittedTwins {
    /** Per estimator row (as in layout.estimatorRows): observed score, and per twin the value and score. */
    private final double[] observedScore;
    private final double[][] values;
    private final double[][] scores;
    private final NullLayout layout;
    private final int fits;

    private RefittedTwins(NullLayout layout, int fits) {
        this.layout = layout;
        this.fits = fits;
        int rows = layout.estimatorRows.size();
        observedScore = new double[rows];
        values = new double[rows][fits];
        scores = new double[rows][fits];
    }

    static RefittedTwins run(CleanTwins twins, NullLayout layout, List<TestInput> inputs,
                             List<List<ForensicTest>> testsOf, TestResult[][] r0, BatteryOptions o,
                             Progress progress) {
        int fits = o.nulls().fits();
        RefittedTwins out = new RefittedTwins(layout, fits);
        List<int[]> rows = layout.estimatorRows;
        Grouping g = layout.level == null ? null : layout.kept.grouping(layout.level).orElseThrow();
        int[][] unitsOf = new int[rows.size()][];
        for (int e = 0; e < rows.size(); e++) {
            TestInput in = inputs.get(rows.get(e)[0]);
            int s = layout.slot(in);
            unitsOf[e] = s == 0 ? null : g.unitsOf(s - 1);
        }
        int threads = o.threads();
        BatteryOptions probeOptions = o.withReplicates(1).withThreads(1);
        // the data's scores: the test's own result where the probe is the test, else the probe's
        List<Double> observed = Parallel.map(rows.size(), threads, e -> {
            int[] ik = rows.get(e);
            ForensicTest t = testsOf.get(ik[0]).get(ik[1]);
            ForensicTest probe = t.nullProbe();
            TestResult res = probe == t ? r0[ik[0]][ik[1]] : probe.run(inputs.get(ik[0]), probeOptions);
            return res.applicable() ? t.nullScore(res) : Double.NaN;
        }, Progress.NONE);
        for (int e = 0; e < rows.size(); e++) {
            out.observedScore[e] = observed.get(e);
        }
        List<double[][]> perTwin = Parallel.map(fits, threads, r -> {
            Election twin = twins.election(o.seed(), r);
            double[][] vs = new double[rows.size()][2];
            for (int e = 0; e < rows.size(); e++) {
                int[] ik = rows.get(e);
                ForensicTest t = testsOf.get(ik[0]).get(ik[1]);
                TestInput in = inputs.get(ik[0]);
                Election units = unitsOf[e] == null ? twin : twin.select(unitsOf[e]);
                units = UnitFilter.standard().apply(units).election();
                TestInput twinInput = new TestInput(units, in.level(), in.variable().isTurnout()
                        ? Variable.turnout() : Variable.option(units, in.variable().option()));
                TestResult res = t.nullProbe().run(twinInput, probeOptions);
                vs[e][0] = res.applicable() ? res.value() : Double.NaN;
                vs[e][1] = res.applicable() ? t.nullScore(res) : Double.NaN;
            }
            return vs;
        }, progress);
        for (int r = 0; r < fits; r++) {
            for (int e = 0; e < rows.size(); e++) {
                out.values[e][r] = perTwin.get(r)[e][0];
                out.scores[e][r] = perTwin.get(r)[e][1];
            }
        }
        return out;
    }

    TestResult row(int i, int k, TestResult base, NullCalibration.Entry label) {
        int e = 0;
        while (e < layout.estimatorRows.size()
                && !(layout.estimatorRows.get(e)[0] == i && layout.estimatorRows.get(e)[1] == k)) {
            e++;
        }
        TestResult m = CalibratedRow.merge(base, observedScore[e], scores[e], TailPValue.Direction.UPPER,
                "refitted clean twins", fits, label, false);
        // expected value and interval on the estimate's own scale: the twins' estimates
        double[] finite = Arrays.stream(values[e]).filter(Double::isFinite).sorted().toArray();
        double mean = finite.length == 0 ? Double.NaN : Arrays.stream(finite).average().orElse(Double.NaN);
        CalibratedDetails.Measured d = (CalibratedDetails.Measured) m.typedDetails();
        d = d.withNullSummary(d.nullSummary().withScoreName("the probe's "
                + (base.id().equals("FraudMixture") ? "BIC evidence for fraud"
                : base.id().equals("KlimekFit") ? "estimate with the size effect taken out" : "estimate")));
        return TestResult.of(m.key()).statistic(base.value()).expected(mean).interval(Quantiles.type7(finite,
                0.025), Quantiles.type7(finite, 0.975)).pValue(m.pValue()).n(m.n()).details(d);
    }
}
