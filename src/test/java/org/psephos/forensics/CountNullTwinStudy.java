package org.psephos.forensics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.data.ColumnMapping;
import org.psephos.data.Election;
import org.psephos.data.ElectionCsv;
import org.psephos.data.ShareBase;
import org.psephos.data.UnitFilter;
import org.psephos.estimation.CalibrationScenarios;
import org.psephos.estimation.Estimators;
import org.psephos.forensics.nulls.CleanTwins;
import org.psephos.forensics.nulls.ResamplingModel;
import org.psephos.forensics.nulls.TwinOptions;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/**
 * By hand, out of {@code mvn verify}: why the count-level tests reject on clean twins of Canada 2011
 * ({@code docs/calibration.md}, "Count-level tests on Canada's clean twins: diagnosis").
 *
 * <p>For K elections per scenario (clean twins of a results file with columns N, t, v; simulated elections with the
 * calibration base or with Canada's size distribution; the same with invented digits) it runs the count-level tests
 * under the binomial, the drift-corrected and the beta-binomial resampling null ({@link ResamplingModel}) and counts
 * rejections at 5% on turnout and the leader; for 2BL it prints the mean of (observed − null expected) in units of
 * the null's sd, and the variants "2BL over counts of at least 100" (same binomial null, own resampler: B* ~ Bin(N, B/N),
 * V* ~ Bin(B*, V/B), the marginals of {@code CountResampler}'s nesting).
 *
 * <pre>
 *   java -cp target/classes:target/test-classes:target/psephos.jar org.psephos.forensics.CountNullTwinStudy \
 *       FILE K R SEED THREADS [SCENARIO,...]
 *   ... CountNullTwinStudy FILE dump SEED OUT.csv      # twin 0 of SEED, for the drift split by count
 * </pre>
 *
 * <p>Scenarios: canada-twins (clean twins of FILE, as {@code calibrate --like}), regions and homogeneous (the
 * calibration base, 5,000 stations), regions-66k, canada-size (Canada's size distribution, the party's share sd
 * 0.15), canada-narrow (share sd 0.04), canada-blocs (canada-size with a quarter of the polls 2 logits less for the
 * party, about 8%); a suffix {@code +digits} adds invented digits in 20% of the stations. Models: binomial,
 * drift-corrected, beta-binomial ({@link ResamplingModel#parse}).
 */
public final class CountNullTwinStudy {
    private static final List<String> COUNT_TESTS = List.of("2BL", "2BLChi2", "LastC", "LastDigitChi2", "C05s",
            "P05s", "Repeats", "Adjacent", "Distant", "IntegerPercent");
    /** The resampling models compared: {@code -Dmodels=a,b} or all three. */
    private static final String[] MODELS = System.getProperty("models", "binomial,drift-corrected,beta-binomial")
            .split(",");

    private CountNullTwinStudy() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 4 && args[1].equals("dump")) {
            dump(Path.of(args[0]), Long.parseLong(args[2]), Path.of(args[3]));
            return;
        }
        Path file = Path.of(args[0]);
        int k = Integer.parseInt(args[1]);
        int r = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        int threads = Integer.parseInt(args[4]);
        List<String> names = args.length > 5 ? List.of(args[5].split(","))
                : List.of("canada-twins", "canada-size", "regions", "regions-66k", "canada-size+digits",
                "regions+digits");
        Election canada = load(file);
        CleanTwins twins = CleanTwins.of(canada, null, TwinOptions.defaults());
        List<ForensicTest> tests = Estimators.registry().select(COUNT_TESTS);
        System.out.printf(Locale.ROOT, "K = %d, R = %d, seed %d; file %s (%d units)%n", k, r, seed, file,
                canada.size());
        for (String name : names) {
            long t0 = System.nanoTime();
            List<double[]> rows = Parallel.map(k, threads, i -> {
                long s = RandomStreams.seeded(seed).stream(Bootstrap.key(name), i).nextLong();
                Election e = election(name, twins, s);
                return measure(e, tests, r, s);
            }, Progress.NONE);
            report(name, rows, k);
            System.out.printf(Locale.ROOT, "  (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** @return the file's units (columns N, t, v; shares of ballots) after the standard unit filter */
    static Election load(Path file) {
        ColumnMapping m = ColumnMapping.builder().registered("N").ballots("t").candidate("v")
                .shareOf(ShareBase.BALLOTS).build();
        return UnitFilter.standard().apply(ElectionCsv.load(file, m).election()).election();
    }

    /** Writes twin 0 of the seed (columns N, t, v) for {@code benchmarks/experiments/second-digit-drift.py}. */
    static void dump(Path file, long seed, Path out) throws java.io.IOException {
        Election x = CleanTwins.of(load(file), null, TwinOptions.defaults()).election(seed, 0);
        int[] n = x.registeredColumn();
        int[] b = x.ballotsColumn();
        int[] v = x.votesColumn(0);
        StringBuilder sb = new StringBuilder("N,t,v\n");
        for (int i = 0; i < n.length; i++) {
            sb.append(n[i]).append(',').append(b[i]).append(',').append(v[i]).append('\n');
        }
        java.nio.file.Files.writeString(out, sb);
    }

    static Election election(String name, CleanTwins twins, long seed) {
        boolean digits = name.endsWith("+digits");
        String base = digits ? name.substring(0, name.length() - "+digits".length()) : name;
        if (base.equals("canada-twins")) {
            return twins.election(seed, 0);
        }
        ElectorateModel em = switch (base) {
            // Canada 2011's size distribution (ln N: mean 5.85, sd 0.36), turnout 0.52, the party's share 0.4
            case "canada-size" -> new ElectorateModel(66111, new SizeDistribution.LogNormal(5.85, 0.36), 1, 0, 0,
                    ProportionDistribution.normal(0.52, 0.1), ProportionDistribution.normal(0.4, 0.15), 2,
                    ElectorateModel.DEFAULT_CONCENTRATION, 0.0, org.psephos.simulation.Heterogeneity.NONE);
            // the same with the twins' narrow support (5-95%: 0.33-0.46): the party's share sd 0.04
            case "canada-narrow" -> new ElectorateModel(66111, new SizeDistribution.LogNormal(5.85, 0.36), 1, 0, 0,
                    ProportionDistribution.normal(0.52, 0.1), ProportionDistribution.normal(0.4, 0.04), 2,
                    ElectorateModel.DEFAULT_CONCENTRATION, 0.0, org.psephos.simulation.Heterogeneity.NONE);
            // canada-size with two blocs: a quarter of the polls support the party 2 logits less (about 8%, small
            // counts near 0, as Quebec's polls in the file), added after the real-file check of the drift correction;
            // since then calibrate's built-in small-counts scenario, at Canada's 66,111 polls
            case "canada-blocs" -> CleanScenarios.electorate(CleanScenarios.Scenario.SMALL_COUNTS, 66111);
            case "regions" -> electorate("regions", 5000);
            case "regions-66k" -> electorate("regions", 66111);
            case "homogeneous" -> electorate("homogeneous", 5000);
            default -> throw new IllegalArgumentException("scenario " + name);
        };
        SimulationModel sm = SimulationModel.clean(em);
        if (digits) {
            sm = sm.with(new FraudModel.InventedDigits(0.2));
        }
        return MonteCarloEngine.run(sm, seed, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE)
                .units().orElseThrow();
    }

    private static ElectorateModel electorate(String name, int units) {
        CalibrationScenarios.clean(name, units); // checks the name
        ProportionDistribution t = ProportionDistribution.normal(0.6, 0.1);
        ProportionDistribution v = ProportionDistribution.normal(0.5, 0.1);
        boolean regions = name.equals("regions");
        return new ElectorateModel(units, new SizeDistribution.LogNormal(7, 0.6), regions ? 40 : 1,
                regions ? 0.4 : 0, regions ? 0.4 : 0, t, v, 4, ElectorateModel.DEFAULT_CONCENTRATION, 0.01,
                org.psephos.simulation.Heterogeneity.NONE);
    }

    /**
     * @return per election: for each model, each count test, turnout and leader, the p-value; then for 2BL under each
     *         model and variable (observed, expected); then the own-resampler variants (2BL all, 2BL ≥ 100) per
     *         variable: observed, null mean, null sd, p
     */
    static double[] measure(Election e, List<ForensicTest> tests, int r, long seed) {
        List<Double> out = new ArrayList<>();
        for (String model : MODELS) {
            NullSettings ns = NullSettings.defaults().withResampling(ResamplingModel.parse(model));
            BatteryOptions o = BatteryOptions.defaults().withReplicates(r).withSeed(seed).withThreads(1)
                    .withNulls(ns);
            BatteryResult br = Battery.withDefaults().withTests(tests).run(e, o, Progress.NONE);
            Map<String, TestResult> national = new LinkedHashMap<>();
            String leader = e.leaderName();
            for (TestResult t : br.results()) {
                if (TestInput.NATIONAL.equals(t.level())) {
                    String v = t.variable().equals("turnout") ? "turnout" : t.variable().equals(leader) ? "leader"
                            : null;
                    if (v != null) {
                        national.put(t.id() + "/" + v, t);
                    }
                }
            }
            for (String id : COUNT_TESTS) {
                for (String v : List.of("turnout", "leader")) {
                    TestResult t = national.get(id + "/" + v);
                    out.add(t == null || !t.applicable() ? Double.NaN : t.pValue());
                }
            }
            for (String v : List.of("turnout", "leader")) {
                TestResult t = national.get("2BL/" + v);
                out.add(t == null ? Double.NaN : t.value());
                out.add(t == null ? Double.NaN : t.expected());
            }
        }
        // own binomial resampler: 2BL over counts >= 10 (as the test) and >= 100
        int[] n = e.registeredColumn();
        int[] b = e.ballotsColumn();
        int[] w = e.votesColumn(e.leader());
        int units = n.length;
        double[] pt = new double[units];
        double[] pv = new double[units];
        int[] nb = new int[units];
        for (int i = 0; i < units; i++) {
            pt[i] = n[i] > 0 ? Math.min(1, Math.max(0, b[i] / (double) n[i])) : 0;
            pv[i] = b[i] > 0 ? Math.min(1, Math.max(0, w[i] / (double) b[i])) : 0;
            nb[i] = Math.max(0, n[i]);
        }
        int[] bs = new int[units];
        int[] ws = new int[units];
        int[] bss = new int[units];
        int[] wss = new int[units];
        double[] pt2 = new double[units];
        double[] pv2 = new double[units];
        int[] mins = {10, 100};
        double[][][] stat = new double[2][3][r]; // [variable][>=10, >=100, SIMEX-corrected >=10][replicate]
        double[][] second = new double[2][r]; // T** of a replicate of each replicate
        UniformRandomProvider rng = RandomStreams.seeded(seed).stream(0x53747564L);
        for (int rep = 0; rep < r; rep++) {
            BinomialSampler.sample(rng, nb, pt, bs, units);
            BinomialSampler.sample(rng, bs, pv, ws, units);
            for (int mi = 0; mi < 2; mi++) {
                stat[0][mi][rep] = twoBl(bs, mins[mi]);
                stat[1][mi][rep] = twoBl(ws, mins[mi]);
            }
            // the replicate resampled once more, around its own rates (simulation-extrapolation of the drift)
            for (int i = 0; i < units; i++) {
                pt2[i] = nb[i] > 0 ? bs[i] / (double) nb[i] : 0;
                pv2[i] = bs[i] > 0 ? ws[i] / (double) bs[i] : 0;
            }
            BinomialSampler.sample(rng, nb, pt2, bss, units);
            BinomialSampler.sample(rng, bss, pv2, wss, units);
            second[0][rep] = twoBl(bss, 10);
            second[1][rep] = twoBl(wss, 10);
        }
        for (int v = 0; v < 2; v++) {
            // SIMEX: the null shifted back by the drift one more resampling adds, E[T*] - E[T**]
            double drift = Moments.mean(second[v]) - Moments.mean(stat[v][0]);
            for (int rep = 0; rep < r; rep++) {
                stat[v][2][rep] = stat[v][0][rep] - drift;
            }
        }
        int[][] obs = {b, w};
        for (int v = 0; v < 2; v++) {
            for (int mi = 0; mi < 3; mi++) {
                double t = twoBl(obs[v], mi == 1 ? 100 : 10);
                double mean = Moments.mean(stat[v][mi]);
                double sd = Math.sqrt(variance(stat[v][mi]));
                int ex = 0;
                for (double x : stat[v][mi]) {
                    ex += Math.abs(x - mean) >= Math.abs(t - mean) ? 1 : 0;
                }
                out.add(t);
                out.add(mean);
                out.add(sd);
                out.add((1.0 + ex) / (r + 1.0));
            }
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    /** @return the mean second digit of the counts of at least {@code min} (min ≥ 10) */
    static double twoBl(int[] counts, int min) {
        long sum = 0;
        int n = 0;
        for (int c : counts) {
            if (c >= min) {
                int x = c;
                while (x >= 100) {
                    x /= 10;
                }
                sum += x % 10;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / (double) n;
    }

    private static void report(String name, List<double[]> rows, int k) {
        System.out.println("== " + name);
        int per = COUNT_TESTS.size() * 2 + 4;
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-15s", "test"));
        for (String model : MODELS) {
            head.append(String.format(Locale.ROOT, " %14s-T %14s-L", model, model));
        }
        System.out.println(head);
        for (int ti = 0; ti < COUNT_TESTS.size(); ti++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-15s", COUNT_TESTS.get(ti)));
            for (int mo = 0; mo < MODELS.length; mo++) {
                for (int v = 0; v < 2; v++) {
                    int idx = mo * per + ti * 2 + v;
                    line.append(String.format(Locale.ROOT, " %16s", rejections(rows, idx)));
                }
            }
            System.out.println(line);
        }
        for (int mo = 0; mo < MODELS.length; mo++) {
            for (int v = 0; v < 2; v++) {
                int idx = mo * per + COUNT_TESTS.size() * 2 + v * 2;
                double[] obs = column(rows, idx);
                double[] exp = column(rows, idx + 1);
                double[] diff = new double[obs.length];
                for (int i = 0; i < obs.length; i++) {
                    diff[i] = obs[i] - exp[i];
                }
                System.out.printf(Locale.ROOT, "  2BL %-7s %-13s observed mean %.4f (sd over elections %.4f), "
                                + "null expected mean %.4f, observed - expected %+.4f%n", v == 0 ? "turnout" : "leader",
                        MODELS[mo], Moments.mean(obs), Math.sqrt(variance(obs)), Moments.mean(exp),
                        Moments.mean(diff));
            }
        }
        int base = MODELS.length * per;
        String[] minNames = {">=10", ">=100", "SIMEX"};
        for (int v = 0; v < 2; v++) {
            for (int mi = 0; mi < 3; mi++) {
                int idx = base + (v * 3 + mi) * 4;
                double[] obs = column(rows, idx);
                double[] mean = column(rows, idx + 1);
                double[] sd = column(rows, idx + 2);
                double[] z = new double[obs.length];
                for (int i = 0; i < obs.length; i++) {
                    z[i] = (obs[i] - mean[i]) / sd[i];
                }
                System.out.printf(Locale.ROOT, "  own binomial 2BL %-7s counts %-6s observed %.4f (sd %.4f), "
                                + "null mean %.4f, null sd %.4f, z mean %+.2f sd %.2f, rejections %s%n",
                        v == 0 ? "turnout" : "leader", minNames[mi], Moments.mean(obs),
                        Math.sqrt(variance(obs)), Moments.mean(mean), Moments.mean(sd), Moments.mean(z),
                        Math.sqrt(variance(z)), rejections(rows, idx + 3));
            }
        }
    }

    private static double variance(double[] x) {
        double m = Moments.mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return x.length > 1 ? s / (x.length - 1) : Double.NaN;
    }

    private static double[] column(List<double[]> rows, int idx) {
        double[] c = new double[rows.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = rows.get(i)[idx];
        }
        return c;
    }

    private static String rejections(List<double[]> rows, int idx) {
        int x = 0;
        int n = 0;
        for (double[] row : rows) {
            double p = row[idx];
            if (!Double.isNaN(p)) {
                n++;
                x += p <= 0.05 ? 1 : 0;
            }
        }
        return x + "/" + n;
    }
}
