package org.psephos.forensics;

import java.util.List;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;

/**
 * A bootstrapped test's outcome before its resamples are drawn: either a finished result (the test does not apply)
 * or a pending one holding the statistic, what it needs from a resample ({@link Resample.Spec}) and how its flag
 * and details are set. The battery gathers the pending plans of one group and variable into one {@link Resample}.
 * Package-private.
 */
sealed interface Plan {

    /**
     * A finished result.
     *
     * @param result the result
     */
    record Done(TestResult result) implements Plan {
    }

    /**
     * A result waiting for its bootstrap replicates.
     *
     * @param id        test id
     * @param input     the data
     * @param estimate  the statistic on the data
     * @param n         the units the statistic uses
     * @param spec      what the statistic needs from a resample
     * @param reference the statistic's mean under the null: the row's expected value, and the value the interval
     *                  rule tests against
     * @param pValue    the p-value, or NaN if the test has none
     * @param flag      how the row is flagged
     * @param details   the test's record (the bootstrap's counts are added: {@link ResultDetails.Bootstrapped})
     */
    record Pending(String id, TestInput input, double estimate, int n, Resample.Spec spec, double reference,
                   double pValue, FlagRule flag, ResultDetails details) implements Plan {

        /**
         * @param t the statistic's bootstrap replicates
         * @return the result with the basic 95% interval
         */
        TestResult finish(double[] t) {
            Bootstrap.Interval ci = Bootstrap.basicInterval(estimate, t, 0.95);
            ResultDetails d = new ResultDetails.Bootstrapped(details, ci.replicates(), ci.finite());
            boolean f = flag.flags(ci, reference);
            return TestResult.of(id, input).statistic(estimate).expected(reference).interval(ci.low(), ci.high())
                    .pValue(pValue).flag(f).n(n).details(d);
        }
    }

    /**
     * @param plan a plan
     * @return its result without bootstrap replicates: the statistic, the reference value and p-value, no interval
     *         (what a calibrated null starts from; a finished plan as it is)
     */
    static TestResult withoutInterval(Plan plan) {
        if (plan instanceof Done done) {
            return done.result();
        }
        Pending p = (Pending) plan;
        return TestResult.of(p.id(), p.input()).statistic(p.estimate()).expected(p.reference()).pValue(p.pValue())
                .flag(p.flag() == FlagRule.FLAGGED).n(p.n()).details(p.details());
    }

    /** A test whose result comes from a plan; the battery shares one resample among such tests. */
    interface Source extends ForensicTest {
        /**
         * @param input   the data
         * @param options settings
         * @return the plan
         */
        Plan plan(TestInput input, BatteryOptions options);
    }

    /**
     * Runs a plan on its own: the same replicates it gets in the battery.
     *
     * @param plan    the plan
     * @param options replicates, seed, threads
     * @return the result
     */
    static TestResult run(Plan plan, BatteryOptions options) {
        if (plan instanceof Done done) {
            return done.result();
        }
        Pending p = (Pending) plan;
        Resample r = new Resample(p.input().size(), List.of(p.spec()), options, Resample.streamKey(p.input()));
        List<double[][]> parts = Parallel.map(r.blocks(), options.threads(), r::block, Progress.NONE);
        return p.finish(r.gather(parts)[0]);
    }
}
