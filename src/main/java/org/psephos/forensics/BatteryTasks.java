package org.psephos.forensics;

import java.util.ArrayList;
import java.util.List;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;

/**
 * The tests of a {@link Battery} run on its inputs under reference nulls: the bootstrapped tests' plans, one shared
 * {@link Resample} per group and variable (EFToolkit's one {@code boot} call per subset), and every test without a
 * plan and every block of resamples as one flat list of work items spread over the threads. (Under calibrated nulls
 * the battery runs {@link CalibratedNulls} instead.) Package-private, stateless.
 */
final class BatteryTasks {
    private BatteryTasks() {
    }

    /** What a work item does. */
    private enum Work {
        /** Runs test {@code index} of the input. */
        TEST,
        /** Draws block {@code index} of the input's shared resamples. */
        BLOCK
    }

    /**
     * One work item of phase 2.
     *
     * @param work  what it does
     * @param input the input (group and variable)
     * @param index the test's index among the input's tests, or the block's index
     */
    private record Item(Work work, int input, int index) {
    }

    /*
     * Implementation note. Three phases, each spread over the threads with Parallel.map, with one thread inside
     * every task so that no pool is nested in another (except when phase 2 has fewer items than threads: then each
     * item gets threads / items):
     *   1. per input (group and variable): the plans of the bootstrapped tests (guards, per-unit arrays, estimates)
     *      and one Resample of all pending plans;
     *   2. one flat list of work items: every test without a plan on every input (the integer-percent nulls first,
     *      as they are the longest), then every block of every Resample;
     *   3. the pending plans finished with their replicates, in table order.
     * Progress counts the work items of phase 2, which is nearly all of the time; phases 1 and 3 are not counted.
     * Randomness is keyed by test, group, variable and block only, so the table is the same for any thread count.
     */
    static List<TestResult> run(List<TestInput> inputs, List<List<ForensicTest>> testsOf, BatteryOptions settings,
                                Progress progress) {
        int threads = settings.threads();
        BatteryOptions inner = settings.withThreads(1);
        List<List<Plan>> plans = Parallel.map(inputs.size(), threads, i -> {
            List<Plan> ps = new ArrayList<>();
            for (ForensicTest t : testsOf.get(i)) {
                ps.add(t instanceof Plan.Source src ? src.plan(inputs.get(i), inner) : null);
            }
            return ps;
        }, Progress.NONE);
        List<Resample> resamples = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            List<Resample.Spec> specs = new ArrayList<>();
            for (Plan p : plans.get(i)) {
                if (p instanceof Plan.Pending pending) {
                    specs.add(pending.spec());
                }
            }
            resamples.add(specs.isEmpty() ? null
                    : new Resample(inputs.get(i).size(), specs, settings, Resample.streamKey(inputs.get(i))));
        }
        List<Item> items = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < inputs.size(); i++) {
                List<ForensicTest> ts = testsOf.get(i);
                for (int k = 0; k < ts.size(); k++) {
                    boolean heavy = ts.get(k).scope() == ForensicTest.Scope.LEADER_AND_TURNOUT;
                    if (plans.get(i).get(k) == null && heavy == (pass == 0)) {
                        items.add(new Item(Work.TEST, i, k));
                    }
                }
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            Resample r = resamples.get(i);
            for (int b = 0; r != null && b < r.blocks(); b++) {
                items.add(new Item(Work.BLOCK, i, b));
            }
        }
        // Fewer items than threads (e.g. one KlimekFit on the national level): each item gets its share of the
        // threads, so a lone heavy test is not left on one core. Results do not depend on the thread count.
        BatteryOptions each = items.size() >= threads ? inner
                : settings.withThreads(Math.max(1, threads / Math.max(1, items.size())));
        List<Object> done = Parallel.map(items.size(), threads, w -> {
            Item item = items.get(w);
            return item.work() == Work.TEST ? testsOf.get(item.input()).get(item.index()).run(inputs.get(item.input()),
                    each) : resamples.get(item.input()).block(item.index());
        }, new Monotone(progress));
        TestResult[][] ran = new TestResult[inputs.size()][];
        List<List<double[][]>> blocks = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ran[i] = new TestResult[testsOf.get(i).size()];
            blocks.add(new ArrayList<>());
        }
        for (int w = 0; w < items.size(); w++) {
            Item item = items.get(w);
            if (item.work() == Work.TEST) {
                ran[item.input()][item.index()] = (TestResult) done.get(w);
            } else {
                @SuppressWarnings("unchecked")
                double[][] part = (double[][]) done.get(w);
                blocks.get(item.input()).add(part);
            }
        }
        List<TestResult> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            double[][] t = resamples.get(i) == null ? null : resamples.get(i).gather(blocks.get(i));
            int spec = 0;
            List<ForensicTest> ts = testsOf.get(i);
            for (int k = 0; k < ts.size(); k++) {
                Plan p = plans.get(i).get(k);
                if (p == null) {
                    rows.add(ran[i][k]);
                } else if (p instanceof Plan.Done d) {
                    rows.add(d.result());
                } else {
                    rows.add(((Plan.Pending) p).finish(t[spec++]));
                }
            }
        }
        return rows;
    }

    /**
     * Forwards the finished-item counts of a {@link Parallel#map} in increasing order only: workers report as they
     * finish, so a smaller count can arrive after a larger one (even after the final one, which closes a bar).
     */
    private static final class Monotone implements Progress {
        private final Progress out;
        private long last;

        Monotone(Progress out) {
            this.out = out;
        }

        @Override
        public synchronized void update(long done, long total) {
            if (done > last) {
                last = done;
                out.update(done, total);
            }
        }
    }
}
