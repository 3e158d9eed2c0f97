package org.psephos.forensics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psephos.data.Election;
import org.psephos.data.UnitFilter;
import org.psephos.estimation.KlimekFit;
import org.psephos.forensics.nulls.CleanTwins;
import org.psephos.forensics.nulls.TwinOptions;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Heterogeneity;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;

/**
 * Study by hand (not a test): what KlimekFit's null probe (2 fits of 2 realisations) finds on clean heterogeneous
 * elections and on their clean twins, and how candidate null scores separate clean from Klimek fraud.
 *
 * <pre>
 *   mvn -q -B -o -DskipTests package test-compile
 *   java -cp target/classes:target/test-classes:target/psephos.jar org.psephos.forensics.KlimekNullStudy \
 *       SCENARIO FRAUD UNITS ELECTIONS TWINS LEVEL
 * </pre>
 * SCENARIO: a {@link CleanScenarios.Scenario} id, {@code russia-like} (85 regions, logit sd 0.45 between regions,
 * logit-normal 0.6 within), {@code broad} (85 regions, 0.8 between, 0.6 within); FRAUD: none, incremental (f_i 0.3,
 * θ 0.4, α 2), klimek (the same with f_e 0.03), extreme (f_e 0.05); LEVEL: none or region (twins per region).
 */
final class KlimekNullStudy {
    /** Whether the study also reports the unadjusted score (off with the system property klimek.adjustedOnly). */
    private static final boolean RAW_TOO = !Boolean.getBoolean("klimek.adjustedOnly");

    private KlimekNullStudy() {
    }

    static ElectorateModel electorate(String scenario, int units) {
        for (CleanScenarios.Scenario s : CleanScenarios.Scenario.values()) {
            if (s.id.equals(scenario)) {
                return CleanScenarios.electorate(s, units);
            }
        }
        if (scenario.equals("russia-size")) {
            return new ElectorateModel(units, new SizeDistribution.LogNormal(6.6, 1.05), 85, 0.45, 0.45,
                    new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.6, 0.45),
                    new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.45, 0.4), 4,
                    ElectorateModel.DEFAULT_CONCENTRATION, 0.01, Heterogeneity.NONE.withSizeEffect(-0.43, -0.36));
        }
        double between = switch (scenario) {
            case "russia-like" -> 0.45;
            case "broad" -> 0.8;
            default -> throw new IllegalArgumentException("scenario " + scenario);
        };
        return new ElectorateModel(units, new SizeDistribution.LogNormal(7, 0.6), 85, between, between,
                new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.6, 0.6),
                new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.5, 0.6), 4,
                ElectorateModel.DEFAULT_CONCENTRATION, 0.01, Heterogeneity.NONE);
    }

    static FraudModel[] fraud(String f) {
        return switch (f) {
            case "none" -> new FraudModel[0];
            case "incremental" -> new FraudModel[] {FraudModel.Klimek.of(0.3, 0.4, 2, 0)};
            case "klimek" -> new FraudModel[] {FraudModel.Klimek.of(0.3, 0.4, 2, 0.03)};
            case "extreme" -> new FraudModel[] {FraudModel.Klimek.of(0, 0.4, 2, 0.05)};
            case "stuffing" -> new FraudModel[] {new FraudModel.BallotStuffing(0.1, 0.3)};
            default -> throw new IllegalArgumentException("fraud " + f);
        };
    }

    /**
     * @return the probe's scores exactly as the calibrated null computes them: the value (f_i + f_e of the fit of
     *         the election) and {@link KlimekFit#nullScore} (of the election with the size effect taken out)
     */
    static double[] scores(Election e, long seed) {
        KlimekFit fit = KlimekFit.withDefaults();
        TestResult r = fit.nullProbe().run(new TestInput(e, TestInput.NATIONAL, Variable.option(e, e.leader())),
                BatteryOptions.defaults().withReplicates(1).withThreads(1).withSeed(seed));
        if (!r.applicable()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {RAW_TOO ? r.value() : Double.NaN, fit.nullScore(r)};
    }

    public static void main(String[] args) {
        String scenario = args[0];
        String fraud = args[1];
        int units = Integer.parseInt(args[2]);
        int elections = Integer.parseInt(args[3]);
        int twins = Integer.parseInt(args[4]);
        String level = args.length > 5 && !args[5].equals("none") ? args[5] : null;
                String[] names = {"f_i+f_e", "size-adjusted"};
        int[] reject = new int[names.length];
        int[] tailReject = new int[names.length];
        long t0 = System.nanoTime();
        for (int k = 0; k < elections; k++) {
            long seed = 9_000L + 17L * k + scenario.hashCode();
            Election e = CleanScenarios.election(electorate(scenario, units), seed, fraud(fraud));
            double[] obs = scores(e, seed + 1);
            CleanTwins tw = CleanTwins.of(e, level == null ? null : "region", TwinOptions.defaults());
            List<double[]> null0 = new ArrayList<>();
            for (int r = 0; r < twins; r++) {
                Election twin = UnitFilter.standard().apply(tw.election(seed + 2, r)).election();
                null0.add(scores(twin, seed + 3 + r));
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %s k=%d", scenario, fraud, k));
            for (int s = 0; s < names.length; s++) {
                int atLeast = 0;
                double mean = 0;
                for (double[] z : null0) {
                    atLeast += Double.isNaN(z[s]) || z[s] >= obs[s] ? 1 : 0;
                    mean += z[s] / twins;
                }
                double p = (1.0 + atLeast) / (twins + 1);
                double[] zs = new double[null0.size()];
                for (int j = 0; j < zs.length; j++) {
                    zs[j] = null0.get(j)[s];
                }
                double tail = org.psephos.forensics.nulls.TailPValue.of(obs[s], zs,
                        org.psephos.forensics.nulls.TailPValue.Direction.UPPER).p();
                tailReject[s] += tail <= 0.05 ? 1 : 0;
                reject[s] += p <= 0.05 ? 1 : 0;
                line.append(String.format(Locale.ROOT, "  %s %.3f vs %.3f p %.3f (tail %.2g)", names[s], obs[s], mean, p,
                        tail));
            }
            System.out.println(line);
        }
        StringBuilder sum = new StringBuilder(String.format(Locale.ROOT, "== %s %s units %d level %s: rejections of %d",
                scenario, fraud, units, level, elections));
        for (int s = 0; s < names.length; s++) {
            sum.append(String.format(Locale.ROOT, "  %s %d (tail p: %d)", names[s], reject[s], tailReject[s]));
        }
        sum.append(String.format(Locale.ROOT, "  (%.0f s)", (System.nanoTime() - t0) / 1e9));
        System.out.println(sum);
    }
}
