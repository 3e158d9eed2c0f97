package org.psephos.forensics;

import java.util.List;
import java.util.Locale;
import org.psephos.data.Election;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.Progress;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/**
 * The calibration study behind the reference and the minimum count of the digit-pair tests ({@link RepeatedDigits},
 * {@link AdjacentDigits}, {@link DistantDigits}; not a test: run it by hand). For each scenario it simulates clean
 * elections (the engine's first replicate, seeds 1000, 1001, …), runs each test with its defaults on turnout and on
 * every option nationally, and prints the share of applicable rows flagged at 5%, next to the rule before issue 14
 * (counts of 10 or more, fixed references 0.10, 0.18, 0.72). Scenario "brief": {@code psephos simulate --units N
 * --size-lognormal 7:0.6 --regions 40 --region-sd 0.4:0.4 --turnout 0.6:0.1 --share 0.5:0.1 --options 4
 * --invalid 0.01}; the others change the sizes and the number of options as named.
 *
 * <pre>
 *   mvn -q -B -o test-compile
 *   java -cp target/classes:target/test-classes:target/psephos.jar org.psephos.forensics.DigitPairStudy [elections]
 * </pre>
 *
 * Output of {@code DigitPairStudy 200} (flag rate at 5% over the applicable rows, ± the binomial sd of a 5% rate;
 * the 95,000-unit scenario with 100 elections), commit of issue 14 item 4.2:
 * <pre>
 * brief, 5,000 units, 200 elections
 *   Repeats   now 0.057 ± 0.007 (1000 rows)   before: 0.065 ± 0.007 (1000 rows)
 *   Adjacent  now 0.050 ± 0.007 (1000 rows)   before: 0.054 ± 0.007 (1000 rows)
 *   Distant   now 0.056 ± 0.007 (1000 rows)   before: 0.060 ± 0.007 (1000 rows)
 * brief, 30,000 units, 200 elections
 *   Repeats   now 0.040 ± 0.007 (1000 rows)   before: 0.102 ± 0.007 (1000 rows)
 *   Adjacent  now 0.055 ± 0.007 (1000 rows)   before: 0.083 ± 0.007 (1000 rows)
 *   Distant   now 0.062 ± 0.007 (1000 rows)   before: 0.056 ± 0.007 (1000 rows)
 * brief, 95,000 units, 100 elections
 *   Repeats   now 0.046 ± 0.010 (500 rows)   before: 0.210 ± 0.010 (500 rows)
 *   Adjacent  now 0.036 ± 0.010 (500 rows)   before: 0.108 ± 0.010 (500 rows)
 *   Distant   now 0.056 ± 0.010 (500 rows)   before: 0.054 ± 0.010 (500 rows)
 * small stations (5.5:0.6), 30,000 units, 200 elections
 *   Repeats   now 0.047 ± 0.007 (1000 rows)   before: 0.435 ± 0.007 (1000 rows)
 *   Adjacent  now 0.052 ± 0.007 (1000 rows)   before: 0.642 ± 0.007 (1000 rows)
 *   Distant   now 0.041 ± 0.007 (1000 rows)   before: 0.619 ± 0.007 (1000 rows)
 * small stations, 8 options (6:0.8), 30,000 units, 200 elections
 *   Repeats   now 0.052 ± 0.005 (1800 rows)   before: 0.797 ± 0.005 (1800 rows)
 *   Adjacent  now 0.045 ± 0.005 (1800 rows)   before: 0.793 ± 0.005 (1800 rows)
 *   Distant   now 0.046 ± 0.005 (1800 rows)   before: 0.789 ± 0.005 (1800 rows)
 * 2 options, 30,000 units, 200 elections
 *   Repeats   now 0.052 ± 0.009 (600 rows)   before: 0.052 ± 0.009 (600 rows)
 *   Adjacent  now 0.045 ± 0.009 (600 rows)   before: 0.048 ± 0.009 (600 rows)
 *   Distant   now 0.047 ± 0.009 (600 rows)   before: 0.050 ± 0.009 (600 rows)
 * </pre>
 * Every rate of the tests as they are now lies within 2 sd of 5% (0.036 to 0.062); the old rule reached 0.21 at
 * 95,000 units and 0.44 to 0.80 with small stations.
 */
final class DigitPairStudy {
    private DigitPairStudy() {
    }

    /** A scenario: units, log-size mean and sd, options. */
    private record Scenario(String name, int units, double mu, double sigma, int options) {
    }

    public static void main(String[] args) {
        int elections = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<Scenario> scenarios = List.of(
                new Scenario("brief, 5,000 units", 5_000, 7, 0.6, 4),
                new Scenario("brief, 30,000 units", 30_000, 7, 0.6, 4),
                new Scenario("brief, 95,000 units", 95_000, 7, 0.6, 4),
                new Scenario("small stations (5.5:0.6), 30,000 units", 30_000, 5.5, 0.6, 4),
                new Scenario("small stations, 8 options (6:0.8), 30,000 units", 30_000, 6, 0.8, 8),
                new Scenario("2 options, 30,000 units", 30_000, 7, 0.6, 2));
        List<DigitPairTest<?>> tests = List.of(RepeatedDigits.withDefaults(), AdjacentDigits.withDefaults(),
                DistantDigits.withDefaults());
        BatteryOptions o = BatteryOptions.defaults().withReplicates(1).withThreads(1);
        for (Scenario sc : scenarios) {
            int n = sc.name().contains("95,000") ? Math.max(1, elections / 2) : elections;
            int[] flags = new int[3];
            int[] old = new int[3];
            int[] rows = new int[3];
            int[] oldRows = new int[3];
            for (int s = 0; s < n; s++) {
                ElectorateModel m = new ElectorateModel(sc.units(), new SizeDistribution.LogNormal(sc.mu(),
                        sc.sigma()), 40, 0.4, 0.4, ProportionDistribution.normal(0.6, 0.1),
                        ProportionDistribution.normal(0.5, 0.1), sc.options(), ElectorateModel.DEFAULT_CONCENTRATION,
                        0.01);
                Election e = MonteCarloEngine.run(SimulationModel.clean(m), 1000 + s, 1, 1,
                        MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE).units().orElseThrow();
                for (int v = -1; v < e.optionCount(); v++) {
                    TestInput in = new TestInput(e, TestInput.NATIONAL, v < 0 ? Variable.turnout()
                            : Variable.option(e, v));
                    for (int t = 0; t < 3; t++) {
                        TestResult r = tests.get(t).run(in, o);
                        if (r.applicable()) {
                            rows[t]++;
                            flags[t] += r.flag() ? 1 : 0;
                        }
                        double[] ind = tests.get(t).withMinCount(10).indicators(in.counts());
                        if (ind.length >= Results.MIN_DIGIT_COUNTS) {
                            int k = 0;
                            for (double x : ind) {
                                k += (int) x;
                            }
                            oldRows[t]++;
                            old[t] += NullDistributions.binomialTwoSided(k, ind.length, tests.get(t).reference())
                                    < 0.05 ? 1 : 0;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s, %d elections%n", sc.name(), n);
            for (int t = 0; t < 3; t++) {
                System.out.printf(Locale.ROOT, "  %-9s now %.3f ± %.3f (%d rows)   before: %.3f ± %.3f (%d rows)%n",
                        tests.get(t).id(), rate(flags[t], rows[t]), sd(rows[t]), rows[t], rate(old[t], oldRows[t]),
                        sd(oldRows[t]), oldRows[t]);
            }
        }
    }

    private static double rate(int k, int n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    private static double sd(int n) {
        return Math.sqrt(0.05 * 0.95 / n);
    }
}
