package org.psephos.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psephos.data.Election;
import org.psephos.forensics.TurnoutBins;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.ReplicateDistribution;

/**
 * The simulation study behind {@link Shpilkin}'s default peak rule and {@link ShpilkinPeaks#MIN_PROMINENCE} (not a
 * test: run it by hand). For each scenario and data seed 100, 101, … it simulates the election and its clean twin
 * (the same seed without fraud), estimates F under every automatic peak rule and prints, per rule, the mean ± sd
 * of the clean-peak turnout t* and of F − injected, and the root mean square error. On the clean twins it also
 * prints how far below the maximum of the smoothed other options' votes the first-peak rule stops (what count
 * noise and heterogeneity make it do without fraud).
 *
 * <pre>
 *   mvn -q -B -o test-compile
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) org.psephos.estimation.ShpilkinPeakStudy 20 20000
 * </pre>
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}); arguments: data seeds, units.
 */
final class ShpilkinPeakStudy {
    private static final Shpilkin.PeakRule[] RULES = {Shpilkin.PeakRule.OTHERS, Shpilkin.PeakRule.SMOOTHED,
        Shpilkin.PeakRule.FIRST_PEAK, Shpilkin.PeakRule.HEIGHT};

    private ShpilkinPeakStudy() {
    }

    /** One scenario: an electorate, frauds, and optional round turnout targets (fraction, period). */
    private record Scenario(String name, ElectorateModel electorate, FraudModel[] frauds, double targets,
                            int period) {
        Election election(long seed) {
            Election e = Simulated.election(electorate, seed, frauds);
            return targets > 0 ? Simulated.roundTargets(e, targets, period, seed) : e;
        }
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        String only = args.length > 2 ? args[2] : "";
        ElectorateModel het = Simulated.heterogeneous(n);
        ElectorateModel hom = Simulated.electorate(n);
        ElectorateModel het55 = new ElectorateModel(n, het.sizes(), het.regions(), het.regionTurnoutSd(),
                het.regionShareSd(), org.psephos.simulation.ProportionDistribution.normal(0.55, 0.1), het.share(),
                het.options(), het.concentration(), het.invalidRate());
        List<Scenario> scenarios = new ArrayList<>(List.of(
            new Scenario("homogeneous clean", hom, new FraudModel[0], 0, 0),
            new Scenario("heterogeneous clean", het, new FraudModel[0], 0, 0),
            new Scenario("heterogeneous, urban/rural clean", het.withHeterogeneity(
                org.psephos.simulation.Heterogeneity.NONE.withUrban(0.4, -0.6, -0.5, 2)), new FraudModel[0], 0, 0),
            new Scenario("heterogeneous, small units vote more", het.withHeterogeneity(
                org.psephos.simulation.Heterogeneity.NONE.withSizeEffect(-0.3, 0)), new FraudModel[0], 0, 0),
            new Scenario("heterogeneous, Klimek f_i 0.05 f_e 0.005", het,
                new FraudModel[] {FraudModel.Klimek.of(0.05, 0.4, 2, 0.005)}, 0, 0),
            new Scenario("heterogeneous, Klimek f_i 0.3 f_e 0.02", het,
                new FraudModel[] {FraudModel.Klimek.of(0.3, 0.4, 2, 0.02)}, 0, 0),
            new Scenario("homogeneous, Klimek f_i 0.3 f_e 0.02", hom,
                new FraudModel[] {FraudModel.Klimek.of(0.3, 0.4, 2, 0.02)}, 0, 0),
            new Scenario("heterogeneous, Klimek f_i 0.6 theta 0.15", het,
                new FraudModel[] {FraudModel.Klimek.of(0.6, 0.15, 2, 0.0)}, 0, 0),
            new Scenario("heterogeneous, stuffing 60% of units at 50%", het,
                new FraudModel[] {new FraudModel.BallotStuffing(0.6, 0.5)}, 0, 0),
            new Scenario("heterogeneous turnout 0.55, stuffing 50% of units at 50%", het55,
                new FraudModel[] {new FraudModel.BallotStuffing(0.5, 0.5)}, 0, 0),
            new Scenario("heterogeneous turnout 0.55, stuffing 60% of units at 50%", het55,
                new FraudModel[] {new FraudModel.BallotStuffing(0.6, 0.5)}, 0, 0),
            new Scenario("heterogeneous turnout 0.55, stuffing 50% at 50% + round targets 30%", het55,
                new FraudModel[] {new FraudModel.BallotStuffing(0.5, 0.5)}, 0.3, 5),
            new Scenario("homogeneous, stuffing 50% of units at 40%", hom,
                new FraudModel[] {new FraudModel.BallotStuffing(0.5, 0.4)}, 0, 0),
            new Scenario("homogeneous, round targets 40% (5 points)", hom, new FraudModel[0], 0.4, 5),
            new Scenario("heterogeneous, round targets 20% (5 points)", het, new FraudModel[0], 0.2, 5),
            new Scenario("heterogeneous, round targets 40% (5 points)", het, new FraudModel[0], 0.4, 5),
            new Scenario("heterogeneous, Klimek f_i 0.3 + round targets 20%", het,
                new FraudModel[] {FraudModel.Klimek.of(0.3, 0.4, 2, 0.02)}, 0.2, 5),
            new Scenario("heterogeneous, stuffing 60% at 50% + round targets 30%", het,
                new FraudModel[] {new FraudModel.BallotStuffing(0.6, 0.5)}, 0.3, 5)));
        for (Scenario s : scenarios) {
            if (!s.name().contains(only)) {
                continue;
            }
            double[][] t = new double[RULES.length][seeds];
            double[][] err = new double[RULES.length][seeds];
            double[] truth = new double[seeds];
            double[] spurious = new double[seeds];
            double[] cleanPeak = new double[seeds];
            for (int k = 0; k < seeds; k++) {
                long seed = 100 + k;
                Election clean = Simulated.election(s.electorate(), seed);
                Election e = s.election(seed);
                truth[k] = Simulated.trueExcess(e, clean);
                double[][] wo = Shpilkin.binnedVotes(clean);
                double[] sm = ShpilkinPeaks.smooth(wo[1]);
                int top = TurnoutBins.peak(sm);
                cleanPeak[k] = TurnoutBins.percentCentre(top);
                spurious[k] = top - ShpilkinPeaks.firstPeak(sm);
                for (int r = 0; r < RULES.length; r++) {
                    ShpilkinEstimate est = Shpilkin.withDefaults().with(RULES[r]).estimate(e);
                    t[r][k] = est.peakTurnout();
                    err[r][k] = est.excessVotes() - truth[k];
                }
            }
            System.out.printf(Locale.ROOT, "%s (%d units, %d seeds): injected %s, clean twin's smoothed peak %s, "
                    + "clean twin's smoothed peak minus its first peak (points) %s (max %.0f)%n", s.name(), n, seeds,
                    ms(truth, "%.0f"), ms(cleanPeak, "%.3f"), ms(spurious, "%.2f"),
                    java.util.Arrays.stream(spurious).max().orElse(0));
            for (int r = 0; r < RULES.length; r++) {
                double mse = 0;
                double[] gain = new double[seeds];
                for (int k = 0; k < seeds; k++) {
                    mse += err[r][k] * err[r][k];
                    gain[k] = Math.abs(err[r][k]) - Math.abs(err[0][k]);
                }
                ReplicateDistribution g = ReplicateDistribution.of(gain);
                System.out.printf(Locale.ROOT, "  %-10s t* %s  F - injected %s  rmse %.0f  |error| - |others' error| "
                        + "%.0f ± %.0f (se)%n", RULES[r].label(), ms(t[r], "%.3f"), ms(err[r], "%.0f"),
                        Math.sqrt(mse / seeds), g.mean(), g.sd() / Math.sqrt(seeds));
            }
        }
    }

    private static String ms(double[] x, String f) {
        ReplicateDistribution d = ReplicateDistribution.of(x);
        return String.format(Locale.ROOT, f + " ± " + f, d.mean(), d.sd());
    }
}
