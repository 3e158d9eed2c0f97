package org.psephos.estimation;

import org.psephos.data.Election;
import org.psephos.simulation.FraudModel;

/**
 * The sampling study behind the tolerances of {@link KlimekFitTest} (not a test: run it by hand). For each scenario
 * of the round trips and each data seed, it simulates an election of {@code n} units (the test's model,
 * {@link Simulated}) and fits it with the test's settings; it prints each estimate and the mean ± sd over the data
 * seeds.
 *
 * <pre>
 *   mvn -q -B -o test-compile
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) org.psephos.estimation.KlimekFitStudy 10000 10
 * </pre>
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}); arguments: units, data seeds
 * (100, 101, …).
 */
final class KlimekFitStudy {
    private KlimekFitStudy() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        KlimekFit k = KlimekFitTest.FIT;
        double[][] cases = {{0, 0}, {0.05, 0.005}, {0.3, 0.02}};
        for (double[] c : cases) {
            double[][] est = new double[seeds][];
            long t0 = System.nanoTime();
            for (int s = 0; s < seeds; s++) {
                FraudModel[] fraud = c[0] + c[1] == 0 ? new FraudModel[0]
                        : new FraudModel[] {FraudModel.Klimek.of(c[0], KlimekFitTest.THETA, KlimekFitTest.ALPHA, c[1])};
                Election e = Simulated.election(n, 100 + s, fraud);
                KlimekFitResult r = k.fit(e, KlimekFitTest.FIT_SEED, 2);
                KlimekMoments m = r.moments();
                est[s] = new double[] {r.fi(), r.fe(), r.alpha(), m.tau(), m.nu(), m.sigmaTau(), m.sigmaNu(),
                    m.theta()};
                System.out.printf("f_i %.3f f_e %.4f seed %d: f_i %.4f f_e %.5f alpha %.2f  tau %.4f nu %.4f "
                        + "sTau %.4f sNu %.4f theta %.4f%n", c[0], c[1], 100 + s, est[s][0], est[s][1], est[s][2],
                        est[s][3], est[s][4], est[s][5], est[s][6], est[s][7]);
            }
            System.out.printf("== f_i %.3f f_e %.4f: f_i %s, f_e %s, alpha %s, theta %s (%.1f s per fit)%n", c[0],
                    c[1], meanSd(est, 0), meanSd(est, 1), meanSd(est, 2), meanSd(est, 7),
                    (System.nanoTime() - t0) / 1e9 / seeds);
        }
    }

    private static String meanSd(double[][] est, int j) {
        double s = 0;
        for (double[] e : est) {
            s += e[j];
        }
        double mean = s / est.length;
        double q = 0;
        for (double[] e : est) {
            q += (e[j] - mean) * (e[j] - mean);
        }
        return String.format("%.4f ± %.4f", mean, Math.sqrt(q / (est.length - 1)));
    }
}
