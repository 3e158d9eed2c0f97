package org.psephos.forensics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.psephos.data.Election;
import org.psephos.forensics.nulls.ResamplingModel;
import org.psephos.forensics.nulls.TwinOptions;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Progress;

/**
 * The calibration study behind the built-in labels ({@link NullCalibration#builtIn()}, the resource
 * {@code null-calibration.csv}) and the choice of the calibrated nulls' settings (not a test: run it by hand; its
 * output on the date in the resource's first line is in {@code docs/calibration.md}).
 *
 * <pre>
 *   mvn -q -B -o -DskipTests package test-compile
 *   java -cp target/classes:target/test-classes:target/psephos.jar org.psephos.forensics.NullCalibrationStudy \
 *       UNITS K R THREADS [LABELS.csv]
 * </pre>
 *
 * <p>What it does, for K elections of UNITS stations per scenario ({@link CleanScenarios}), each analysed nationally
 * with the default battery under calibrated nulls with R replicates and no labels:
 * <ol>
 *   <li>false-positive rates: per test, variable role (turnout, leader, the first other option) and clean scenario,
 *       the share of elections whose national row has p ≤ 0.05, with its Clopper–Pearson interval and the one-sided
 *       exact binomial p-value of that count against 5%;</li>
 *   <li>settings: the same for the count tests under the beta-binomial resampling null, and for the shape tests under
 *       the symmetric twin fit ({@code TwinOptions.TailRule.SYMMETRIC}), on K/2 elections per scenario;</li>
 *   <li>power: on the regional scenario with the fraud each test targets (invented digits in 20% of the units for
 *       the digit tests, {@link CleanScenarios#inventDigits}; whole percentages invented in 5% of the units for P05s
 *       and IntegerPercent; ballot stuffing of 30% of the non-voters in 10% of the units for the shape tests), K/2
 *       elections, the share whose leader row has p ≤ 0.05;</li>
 *   <li>labels: a test is <i>descriptive</i> when in some (scenario, role) its count of rejections is significantly
 *       above 5% (one-sided exact binomial test at 0.05, Bonferroni over the test's (scenario, role) pairs); it has
 *       <i>no power</i> when its power against its fraud is not significantly above 5% (the same test, one
 *       pair);</li>
 *   <li>the verdict's false-positive rate per scenario and over all clean elections with the labels applied (Holm
 *       over the national rows of the tests not labelled descriptive), with its Clopper–Pearson interval.</li>
 * </ol>
 * The labels are written to LABELS.csv (default: print only). Every scenario of {@link CleanScenarios.Scenario} is
 * run, so the study has grown with the scenarios added since the built-in table was made (small-counts,
 * minor-options): a rerun measures more than the table's first comment line says.
 */
final class NullCalibrationStudy {
    private static final double LEVEL = 0.05;
    private static final String[] ROLES = {"turnout", "leader", "other"};

    private NullCalibrationStudy() {
    }

    /**
     * One election's national rows: p-value per (test id, role), every national row for the verdict, and the
     * battery's own verdict (with the labels the run was given).
     */
    record Outcome(Map<String, Double> byTestRole, List<TestResult> national, Verdict verdict) {
    }

    /**
     * @param e     the election (filtered)
     * @param o     the settings
     * @param tests the tests
     * @return its national rows
     */
    static Outcome analyse(Election e, BatteryOptions o, List<ForensicTest> tests) {
        BatteryResult r = Battery.withDefaults().withTests(tests).run(e, o, Progress.NONE);
        Map<String, Double> m = new LinkedHashMap<>();
        int lead = e.leader();
        String other = null;
        for (int k = 0; k < e.optionCount(); k++) {
            if (k != lead) {
                other = e.options().get(k);
                break;
            }
        }
        List<TestResult> national = new ArrayList<>();
        for (TestResult t : r.results()) {
            if (!TestInput.NATIONAL.equals(t.level())) {
                continue;
            }
            national.add(t);
            String role = t.variable().equals("turnout") ? "turnout" : t.variable().equals(e.leaderName()) ? "leader"
                    : t.variable().equals(other) ? "other" : null;
            if (role != null && t.applicable() && MultipleTesting.isValidPValue(t.pValue())) {
                m.put(t.id() + "/" + role, t.pValue());
            }
        }
        return new Outcome(m, national, r.verdict());
    }

    /** Rejections at 5% per (test, role) over elections. */
    static final class Tally {
        final Map<String, int[]> counts = new LinkedHashMap<>();

        void add(Outcome o) {
            o.byTestRole().forEach((k, p) -> {
                int[] c = counts.computeIfAbsent(k, x -> new int[2]);
                c[0] += p <= LEVEL ? 1 : 0;
                c[1]++;
            });
        }
    }

    /** @return P(X ≥ x) for X ~ Binomial(n, 0.05): the one-sided exact p-value of x rejections in n */
    static double exceedance(int x, int n) {
        return x <= 0 ? 1 : 1 - new BinomialDistribution(null, n, LEVEL).cumulativeProbability(x - 1);
    }

    /** @return the Clopper–Pearson 95% interval of x successes in n */
    static double[] clopperPearson(int x, int n) {
        double lo = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1).inverseCumulativeProbability(0.025);
        double hi = x == n ? 1 : new BetaDistribution(null, x + 1, n - x).inverseCumulativeProbability(0.975);
        return new double[] {lo, hi};
    }

    static String rate(int x, int n) {
        double[] ci = clopperPearson(x, n);
        return String.format(Locale.ROOT, "%d/%d = %.3f [%.3f, %.3f]", x, n, (double) x / n, ci[0], ci[1]);
    }

    /**
     * @param scenario  the scenario
     * @param units     stations per election
     * @param k         elections
     * @param firstSeed the first engine seed
     * @param o         the settings
     * @param tests     the tests
     * @param frauds    frauds added to the clean election (none for the false-positive rates)
     * @param edit      an edit of the election (invented digits), or null
     * @return one outcome per election
     */
    static List<Outcome> run(CleanScenarios.Scenario scenario, int units, int k, long firstSeed, BatteryOptions o,
                             List<ForensicTest> tests, List<FraudModel> frauds, Function<Election, Election> edit) {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            long seed = firstSeed + i;
            Election e = CleanScenarios.election(CleanScenarios.electorate(scenario, units), seed,
                    frauds.toArray(new FraudModel[0]));
            if (edit != null) {
                e = edit.apply(e);
            }
            out.add(analyse(e, o.withSeed(seed), tests));
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int r = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path labelsOut = args.length > 4 ? Path.of(args[4]) : null;
        long start = System.nanoTime();
        BatteryOptions base = BatteryOptions.defaults().withReplicates(r).withThreads(threads)
                .withNulls(NullSettings.defaults().withCalibration(NullCalibration.none()));
        List<ForensicTest> all = TestRegistry.standard().tests();
        List<ForensicTest> counts = all.stream().filter(t -> t.nullModel() == ForensicTest.NullModel.RESAMPLING)
                .toList();
        List<ForensicTest> shapes = all.stream().filter(t -> t.nullModel() == ForensicTest.NullModel.TWINS).toList();
        System.out.printf(Locale.ROOT, "NullCalibrationStudy: %d stations, K = %d, R = %d, %d threads, %s%n", units, k,
                r, threads, LocalDate.now());

        // 1. false-positive rates under the default settings
        Map<CleanScenarios.Scenario, List<Outcome>> clean = new LinkedHashMap<>();
        Map<CleanScenarios.Scenario, Tally> fpr = new LinkedHashMap<>();
        for (CleanScenarios.Scenario s : CleanScenarios.Scenario.values()) {
            List<Outcome> os = run(s, units, k, 1000L * (s.ordinal() + 1), base, all, List.of(), null);
            clean.put(s, os);
            Tally t = new Tally();
            os.forEach(t::add);
            fpr.put(s, t);
            System.out.printf(Locale.ROOT, "[%.0f s] scenario %s done%n", (System.nanoTime() - start) / 1e9, s.id);
        }
        printRates("False-positive rates at 5%, default settings (binomial resampling, lower-half twins)", fpr);

        // 2. the alternatives
        Map<CleanScenarios.Scenario, Tally> beta = new LinkedHashMap<>();
        Map<CleanScenarios.Scenario, Tally> symmetric = new LinkedHashMap<>();
        BatteryOptions betaOptions = base.withNulls(base.nulls().withResampling(ResamplingModel.betaBinomial()));
        BatteryOptions symOptions = base.withNulls(base.nulls().withTwins(TwinOptions.defaults()
                .withTail(TwinOptions.TailRule.SYMMETRIC)));
        for (CleanScenarios.Scenario s : CleanScenarios.Scenario.values()) {
            Tally b = new Tally();
            run(s, units, Math.max(1, k / 2), 1000L * (s.ordinal() + 1), betaOptions, counts, List.of(), null)
                    .forEach(b::add);
            beta.put(s, b);
            Tally y = new Tally();
            run(s, units, Math.max(1, k / 2), 1000L * (s.ordinal() + 1), symOptions, shapes, List.of(), null)
                    .forEach(y::add);
            symmetric.put(s, y);
            System.out.printf(Locale.ROOT, "[%.0f s] alternatives %s done%n", (System.nanoTime() - start) / 1e9, s.id);
        }
        printRates("False-positive rates at 5%, count tests under the beta-binomial resampling null", beta);
        printRates("False-positive rates at 5%, shape tests under the symmetric twin fit", symmetric);

        // 3. power against the targeted frauds, regional scenario
        int kp = Math.max(1, k / 2);
        CleanScenarios.Scenario regions = CleanScenarios.Scenario.REGIONS;
        Map<String, Tally> power = new LinkedHashMap<>();
        Tally digits = new Tally();
        run(regions, units, kp, 90_000, base, counts, List.of(), e -> CleanScenarios.inventDigits(e, 0.2, 7))
                .forEach(digits::add);
        power.put("invented digits (20% of units)", digits);
        Tally percent = new Tally();
        run(regions, units, kp, 91_000, base, counts, List.of(new FraudModel.InventedResults(0.05,
                FraudModel.InventedResults.Target.BOTH)), null).forEach(percent::add);
        power.put("invented whole percentages (5% of units)", percent);
        Tally stuffing = new Tally();
        run(regions, units, kp, 92_000, base, shapes, List.of(new FraudModel.BallotStuffing(0.1, 0.3)), null)
                .forEach(stuffing::add);
        power.put("ballot stuffing (30% of non-voters in 10% of units)", stuffing);
        Tally symStuffing = new Tally();
        run(regions, units, kp, 92_000, symOptions, shapes, List.of(new FraudModel.BallotStuffing(0.1, 0.3)), null)
                .forEach(symStuffing::add);
        power.put("ballot stuffing, symmetric twin fit", symStuffing);
        System.out.printf(Locale.ROOT, "[%.0f s] power done%n", (System.nanoTime() - start) / 1e9);
        System.out.println();
        System.out.println("Power at 5% (leader row), regional scenario:");
        power.forEach((name, t) -> {
            System.out.println("  " + name);
            t.counts.forEach((key, c) -> {
                if (key.endsWith("/leader")) {
                    System.out.printf(Locale.ROOT, "    %-28s %s%n", key, rate(c[0], c[1]));
                }
            });
        });

        // 4. labels
        Map<String, String> target = new LinkedHashMap<>();
        for (ForensicTest t : all) {
            String fraud = t.nullModel() == ForensicTest.NullModel.TWINS
                    ? "ballot stuffing (30% of non-voters in 10% of units)"
                    : t.id().equals("P05s") || t.id().equals("IntegerPercent") ? "invented whole percentages (5% of units)"
                    : "invented digits (20% of units)";
            target.put(t.id(), fraud);
        }
        NullCalibration labels = NullCalibration.none();
        for (ForensicTest t : all) {
            String worst = null;
            double worstP = 1;
            int pairs = 0;
            for (Map.Entry<CleanScenarios.Scenario, Tally> e : fpr.entrySet()) {
                for (String role : ROLES) {
                    int[] c = e.getValue().counts.get(t.id() + "/" + role);
                    if (c == null) {
                        continue;
                    }
                    pairs++;
                    double p = exceedance(c[0], c[1]);
                    if (p < worstP) {
                        worstP = p;
                        worst = String.format(Locale.ROOT, "false-positive rate at 5%% on %s (%s scenario): %s",
                                role, e.getKey().id, rate(c[0], c[1]));
                    }
                }
            }
            if (pairs > 0 && worstP < LEVEL / pairs) {
                labels = labels.with(new NullCalibration.Entry(t.id(), NullCalibration.Role.ANY,
                        NullCalibration.Label.DESCRIPTIVE, worst + String.format(Locale.ROOT,
                                ", one-sided binomial p = %.1e < 0.05/%d", worstP, pairs)));
                continue;
            }
            int[] pw = power.get(target.get(t.id())).counts.get(t.id() + "/leader");
            if (pw != null && exceedance(pw[0], pw[1]) >= LEVEL) {
                labels = labels.with(new NullCalibration.Entry(t.id(), NullCalibration.Role.ANY,
                        NullCalibration.Label.NO_POWER, String.format(Locale.ROOT, "power at 5%% against %s on the "
                                + "leader (regional scenario): %s", target.get(t.id()), rate(pw[0], pw[1]))));
            }
        }
        System.out.println();
        System.out.println("Labels:");
        labels.entries().forEach(e -> System.out.printf(Locale.ROOT, "  %-16s %-12s %s%n", e.test(), e.label().id(),
                e.reason()));

        // 5. the verdict's false-positive rate with the labels applied
        System.out.println();
        System.out.println("Verdict (Holm over the national rows, descriptive tests out), clean elections:");
        int anomalous = 0;
        int total = 0;
        for (Map.Entry<CleanScenarios.Scenario, List<Outcome>> e : clean.entrySet()) {
            int a = 0;
            for (Outcome o : e.getValue()) {
                a += verdict(o, labels).anomalous() ? 1 : 0;
            }
            anomalous += a;
            total += e.getValue().size();
            System.out.printf(Locale.ROOT, "  %-13s %s%n", e.getKey().id, rate(a, e.getValue().size()));
        }
        System.out.printf(Locale.ROOT, "  %-13s %s%n", "all", rate(anomalous, total));
        System.out.printf(Locale.ROOT, "[%.0f s] done%n", (System.nanoTime() - start) / 1e9);
        if (labelsOut != null) {
            try (Writer w = Files.newBufferedWriter(labelsOut, StandardCharsets.UTF_8)) {
                labels.write(w, String.format(Locale.ROOT, "NullCalibrationStudy %d %d %d, %s: %d clean elections "
                        + "of %d stations per scenario (%s), R = %d; see docs/calibration.md", units, k, r,
                        LocalDate.now(), k, units, String.join(", ", java.util.Arrays.stream(
                                CleanScenarios.Scenario.values()).map(s -> s.id).toList()), r));
            } catch (UncheckedIOException e) {
                throw e;
            }
        }
    }

    /** The verdict of one election's national rows with the labels applied. */
    static Verdict verdict(Outcome o, NullCalibration labels) {
        return Verdict.holm(o.national(), t -> t.applicable() && labels.of(t.id(), NullCalibration.Role.ANY).label()
                != NullCalibration.Label.DESCRIPTIVE);
    }

    private static void printRates(String title, Map<CleanScenarios.Scenario, Tally> tallies) {
        System.out.println();
        System.out.println(title + ":");
        List<String> keys = new ArrayList<>();
        tallies.values().forEach(t -> t.counts.keySet().forEach(key -> {
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-24s", "test/role"));
        tallies.keySet().forEach(s -> head.append(String.format(Locale.ROOT, " %13s", s.id)));
        System.out.println(head);
        for (String key : keys) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", key));
            for (Tally t : tallies.values()) {
                int[] c = t.counts.get(key);
                line.append(c == null ? String.format(Locale.ROOT, " %13s", "")
                        : String.format(Locale.ROOT, " %6d/%-3d%s", c[0], c[1],
                                exceedance(c[0], c[1]) < 0.001 ? "***" : exceedance(c[0], c[1]) < 0.01 ? "** "
                                        : exceedance(c[0], c[1]) < 0.05 ? "*  " : "   "));
            }
            System.out.println(line);
        }
    }
}
