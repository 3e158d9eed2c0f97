package org.psephos.forensics;

import java.util.List;
import java.util.function.IntFunction;
import org.psephos.data.Election;
import org.psephos.forensics.nulls.CleanTwins;
import org.psephos.forensics.nulls.NullDistribution;
import org.psephos.forensics.nulls.NullRunner;
import org.psephos.forensics.nulls.ResamplingModel;
import org.psephos.simulation.Progress;

/**
 * The battery's calibrated nulls, each run once per kind, and each row read from its kind's null: the count-level
 * tests ({@code RESAMPLING}) from one draw of the resampling null per replicate ({@link CountNull}), the shape tests
 * ({@code TWINS}) from one draw of the clean twins per replicate ({@link ShapeNull}), the estimators
 * ({@code REFITTED_TWINS}) from their refits ({@link RefittedTwins}), tests with their own null ({@code OWN}) from the
 * replicates they hand over; the row merged with its null by {@link CalibratedRow}. Replicates are keyed by (seed,
 * null, block): the same for any thread count. Package-private; run by {@link CalibratedNulls#run}.
 */
final class NullRuns {
    private final NullLayout layout;
    private final BatteryOptions o;
    private final NullDistribution counts;
    private final NullDistribution shapes;
    private final ShapeNull shapeStatistic;
    private final RefittedTwins refits;

    private NullRuns(NullLayout layout, NullDistribution counts, NullDistribution shapes, ShapeNull shapeStatistic,
                     RefittedTwins refits) {
        this.layout = layout;
        this.o = layout.o;
        this.counts = counts;
        this.shapes = shapes;
        this.shapeStatistic = shapeStatistic;
        this.refits = refits;
    }

    /**
     * Runs the nulls the layout needs, in this order: the resampling null, the clean twins' shape null, the refits.
     *
     * @param layout where each row's null values are
     * @param parts  the progress of each stage: 0 resampling blocks, 1 twin blocks, 2 estimator fits
     * @return the nulls, ready to give the rows
     */
    static NullRuns run(NullLayout layout, IntFunction<Progress> parts) {
        BatteryOptions o = layout.o;
        Election kept = layout.kept;
        int threads = o.threads();
        NullDistribution counts = null;
        NullDistribution shapes = null;
        ShapeNull shapeStatistic = null;
        if (layout.countNull != null) {
            counts = NullRunner.run(layout.resampler, List.of(layout.countNull), o.replicates(), o.seed(), threads,
                    parts.apply(0)).get(0);
        }
        CleanTwins twins = layout.needTwins ? CleanTwins.of(kept, layout.level, o.nulls().twins()) : null;
        if (layout.shapeNull) {
            shapeStatistic = new ShapeNull(layout.shapeTests, o, layout.groups, twins);
            shapes = NullRunner.run(twins, List.of(shapeStatistic), o.nulls().twinReplicates(o.replicates()), o.seed(),
                    threads, parts.apply(1)).get(0);
        }
        RefittedTwins refits = layout.estimatorRows.isEmpty() ? null
                : RefittedTwins.run(twins, layout, layout.inputs, layout.testsOf, layout.r0, o, parts.apply(2));
        return new NullRuns(layout, counts, shapes, shapeStatistic, refits);
    }

    private String resamplingName() {
        ResamplingModel m = o.nulls().resampling();
        return m instanceof ResamplingModel.BetaBinomial ? "resampling (beta-binomial)"
                : m instanceof ResamplingModel.Matched ? "resampling (binomial, matched spread)"
                : m.drift() == ResamplingModel.Drift.CORRECTED ? "resampling (binomial, drift-corrected)"
                : "resampling (binomial)";
    }

    /** Under a drift-corrected null, the row's details say by how much its replicates were shifted. */
    private TestResult withDrift(TestResult row, int idx) {
        if (o.nulls().resampling().drift() != ResamplingModel.Drift.CORRECTED || !row.applicable()) {
            return row;
        }
        if (!(row.typedDetails() instanceof CalibratedDetails.Measured m)) {
            return row;
        }
        return row.withDetails(m.withNullSummary(m.nullSummary().withDrift(new CalibratedDetails.Drift(
                counts.drift(idx), layout.resampler.driftReplicates(counts.replicates())))));
    }

    /**
     * @param i the input
     * @param k the test of that input
     * @return the row of test k on input i under its calibrated null
     */
    TestResult row(int i, int k) {
        TestInput in = layout.inputs.get(i);
        ForensicTest t = layout.testsOf.get(i).get(k);
        TestResult base = layout.r0[i][k];
        NullCalibration.Entry label = o.nulls().calibration().of(t.id(), layout.role(in, t));
        if (t instanceof IntegerPercentTest ip && counts != null) {
            int s = layout.slot(in);
            return withDrift(IntegerRows.row(ip, in, counts, layout.countNull, s, o, resamplingName(), label),
                    layout.countNull.integerIndex(0, s));
        }
        if (base == null || !base.applicable()) {
            return base;
        }
        int v = NullLayout.variable(in);
        int s = layout.slot(in);
        return switch (t.nullModel()) {
            case RESAMPLING -> {
                int idx = layout.countNull.index(v, layout.countNull.testIndex(v, t), s);
                yield withDrift(CalibratedRow.merge(base, counts.observed(idx), counts.values(idx),
                        CalibratedNulls.direction(t),
                        resamplingName(), counts.replicates(), label, true), idx);
            }
            case TWINS -> {
                int ti = shapeStatistic.testIndex(v, t);
                if (ti < 0) {
                    yield base;
                }
                int idx = shapeStatistic.index(v, ti, s);
                yield CalibratedRow.merge(base, shapes.observed(idx), shapes.values(idx), CalibratedNulls.direction(t),
                        "clean twins", shapes.replicates(), label, true);
            }
            case REFITTED_TWINS -> refits.row(i, k, base, label);
            case OWN -> CalibratedRow.ownNull(base, label);
            default -> CalibratedRow.withoutNull(base);
        };
    }
}
