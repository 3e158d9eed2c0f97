package org.psephos.estimation;

import java.util.Arrays;
import org.psephos.data.Election;
import org.psephos.simulation.FraudModel;

/**
 * The seed study behind the fixed tolerances of {@link ShpilkinTest#roundTrips()} and
 * {@link FraudMixtureTest#klimekFraudIsRecovered()} (not a test: run it by hand). For each scenario and each data
 * seed 100, 101, … (not the tests' seeds) it simulates the test's election, estimates, and prints each value and the
 * mean ± sd over the data seeds.
 *
 * <pre>
 *   mvn -q -B -o test-compile
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) org.psephos.estimation.EstimationSeedStudy 8
 * </pre>
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}); argument: data seeds.
 */
final class EstimationSeedStudy {
    private EstimationSeedStudy() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        String which = args.length > 1 ? args[1] : "both";
        if (!which.equals("mixture")) {
            shpilkin(seeds);
        }
        if (!which.equals("shpilkin")) {
            mixture(seeds);
        }
    }

    private static void shpilkin(int seeds) {
        FraudModel[][] cases = {{}, {FraudModel.Klimek.of(0.05, 0.4, 2, 0.005)},
            {FraudModel.Klimek.of(0.3, 0.4, 2, 0.02)}, {new FraudModel.BallotStuffing(0.1, 0.3)},
            {new FraudModel.VoteSwitching(0.2, 0.3)}};
        Shpilkin s = Shpilkin.withDefaults();
        for (FraudModel[] f : cases) {
            double[] err = new double[seeds];
            double[] sd = new double[seeds];
            double[] truth = new double[seeds];
            double[] est = new double[seeds];
            for (int k = 0; k < seeds; k++) {
                Election clean = Simulated.election(20_000, 100 + k);
                Election e = Simulated.election(20_000, 100 + k, f);
                truth[k] = f.length == 0 ? 0 : Simulated.trueExcess(e, clean);
                ShpilkinResult r = s.estimate(e, 100, 1, 2);
                est[k] = r.estimate().excessVotes();
                err[k] = est[k] - truth[k];
                sd[k] = r.excessSd();
                System.out.printf("Shpilkin %s seed %d: truth %.0f F-truth %.0f excessSd %.0f%n",
                        Arrays.toString(f), 100 + k, truth[k], err[k], sd[k]);
            }
            System.out.printf("Shpilkin %s: truth %s | F %s | F-truth %s | excessSd %s%n", Arrays.toString(f),
                    ms(truth), ms(est), ms(err), ms(sd));
        }
    }

    private static void mixture(int seeds) {
        double[][] cases = {{0.05, 0.005}, {0.3, 0.02}};
        for (double[] c : cases) {
            String[] names = {"pi_inc", "pi_ext", "iota_m", "iota_s", "chi_m", "chi_s", "man-truth", "stolen-truth",
                "truthMan", "truthStolen", "K"};
            double[][] v = new double[names.length][seeds];
            for (int k = 0; k < seeds; k++) {
                Election clean = Simulated.election(10_000, 100 + k);
                Election e = Simulated.election(10_000, 100 + k, FraudModel.Klimek.of(c[0], 0.4, 2, c[1]));
                long man = 0;
                long st = 0;
                for (int i = 0; i < e.size(); i++) {
                    long stuffed = e.ballots(i) - clean.ballots(i);
                    man += stuffed;
                    st += e.votes(0, i) - clean.votes(0, i) - stuffed;
                }
                FraudMixtureResult r = FraudMixture.withDefaults().fit(e);
                double[] row = {r.pi()[1], r.pi()[2], r.manufactured()[1], r.stolen()[1], r.manufactured()[2],
                    r.stolen()[2], r.manufacturedVotes() - man, r.stolenVotes() - st, man, st, r.cleanComponents()};
                StringBuilder b = new StringBuilder("Mixture " + Arrays.toString(c) + " seed " + (100 + k) + ":");
                for (int q = 0; q < names.length; q++) {
                    v[q][k] = row[q];
                    b.append(String.format(" %s %.5g", names[q], row[q]));
                }
                System.out.println(b);
            }
            StringBuilder b = new StringBuilder("Mixture " + Arrays.toString(c) + ":");
            for (int q = 0; q < names.length; q++) {
                b.append(" ").append(names[q]).append(" ").append(ms(v[q]));
            }
            System.out.println(b);
        }
    }

    /** @return "mean ± sd [min, max]" */
    private static String ms(double[] x) {
        double m = Arrays.stream(x).average().orElse(Double.NaN);
        double ss = 0;
        for (double d : x) {
            ss += (d - m) * (d - m);
        }
        return String.format("%.5g ± %.3g [%.5g, %.5g]", m, Math.sqrt(ss / (x.length - 1)),
                Arrays.stream(x).min().orElse(Double.NaN), Arrays.stream(x).max().orElse(Double.NaN));
    }
}
