package org.psephos.forensics;

import java.util.ArrayList;
import java.util.List;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.forensics.nulls.CountResampler;
import org.psephos.forensics.nulls.ResamplingModel;

/**
 * Where each row of the battery under calibrated nulls finds its null values: which tests share the resampling
 * null's statistic ({@link CountNull}) and the clean twins' ({@link ShapeNull}), variable by variable, which rows are
 * estimators refitted on the twins ({@link RefittedTwins}), and each input's variable index, group slot and
 * calibration role. Built from the first pass of {@link CalibratedNulls#run}; package-private.
 */
final class NullLayout {
    final Election kept;
    final String level;
    final BatteryOptions o;
    final List<TestInput> inputs;
    final List<List<ForensicTest>> testsOf;
    final TestResult[][] r0;
    final int groups;
    final List<String> groupLabels;
    final List<List<ForensicTest>> countTests;
    final List<List<ForensicTest>> shapeTests;
    final CountNull countNull;
    final boolean shapeNull;
    final CountResampler resampler;
    final boolean needTwins;
    /** The estimator rows {input, test}. */
    final List<int[]> estimatorRows = new ArrayList<>();

    NullLayout(Election kept, String level, List<TestInput> inputs, List<List<ForensicTest>> testsOf,
               TestResult[][] r0, BatteryOptions o) {
        this.kept = kept;
        this.level = level;
        this.o = o;
        this.inputs = inputs;
        this.testsOf = testsOf;
        this.r0 = r0;
        Grouping g = level == null ? null : kept.grouping(level).orElseThrow();
        groups = g == null ? 0 : g.levelCount();
        groupLabels = g == null ? List.of() : g.levels();
        int vars = kept.optionCount() + 1;
        countTests = new ArrayList<>();
        shapeTests = new ArrayList<>();
        for (int v = 0; v < vars; v++) {
            countTests.add(new ArrayList<>());
            shapeTests.add(new ArrayList<>());
        }
        IntegerPercentTest ip = null;
        boolean anyCount = false;
        boolean anyShape = false;
        for (int i = 0; i < inputs.size(); i++) {
            int v = variable(inputs.get(i));
            List<ForensicTest> ts = testsOf.get(i);
            for (int k = 0; k < ts.size(); k++) {
                ForensicTest t = ts.get(k);
                boolean applicable = r0[i][k] == null || r0[i][k].applicable();
                if (!applicable) {
                    continue;
                }
                switch (t.nullModel()) {
                    case RESAMPLING -> {
                        if (t instanceof IntegerPercentTest p) {
                            ip = ip == null ? p : ip;
                            anyCount = true;
                        } else if (t.scope() == ForensicTest.Scope.PER_VARIABLE) {
                            addOnce(countTests.get(v), t);
                            anyCount = true;
                        }
                    }
                    case TWINS -> {
                        if (t.scope() == ForensicTest.Scope.PER_VARIABLE) {
                            addOnce(shapeTests.get(v), t);
                            anyShape = true;
                        }
                    }
                    case REFITTED_TWINS -> estimatorRows.add(new int[] {i, k});
                    default -> {
                    }
                }
            }
        }
        ResamplingModel model = o.nulls().resampling();
        resampler = anyCount ? CountResampler.of(kept, model, level) : null;
        countNull = anyCount ? new CountNull(countTests, ip, groups, kept.leader()) : null;
        shapeNull = anyShape;
        needTwins = anyShape || !estimatorRows.isEmpty();
    }

    private static void addOnce(List<ForensicTest> list, ForensicTest t) {
        for (ForensicTest x : list) {
            if (x == t) {
                return;
            }
        }
        list.add(t);
    }

    /** @return 0 for turnout, 1 + k for option k */
    static int variable(TestInput in) {
        return in.variable().isTurnout() ? 0 : in.variable().option() + 1;
    }

    /** @return 0 for the national input, 1 + the group's code otherwise */
    int slot(TestInput in) {
        if (TestInput.NATIONAL.equals(in.level())) {
            return 0;
        }
        return 1 + groupLabels.indexOf(in.level());
    }

    NullCalibration.Role role(TestInput in, ForensicTest t) {
        if (in.variable().isTurnout()) {
            return NullCalibration.Role.TURNOUT;
        }
        return t.scope() == ForensicTest.Scope.LEADER_AND_TURNOUT || in.variable().option() == kept.leader()
                ? NullCalibration.Role.LEADER : NullCalibration.Role.OTHER;
    }
}
