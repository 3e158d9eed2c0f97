package org.psephos.forensics.nulls;

import java.util.Locale;
import org.psephos.data.Election;

/**
 * The seed study behind the tolerances of {@link CleanTwinsTest} (not a test: run it by hand). For data seeds
 * 100, 101, … it fits the clean-twin model to the elections of {@link TwinElections} (clean; Klimek incremental
 * fraud f_i = 0.3; region R07 stuffed) under each tail rule and prints the fitted turnout and support centres,
 * spreads, slopes and between-region sd against the generating values, and the fitted centre of the stuffed
 * region.
 *
 * <pre>
 *   mvn -q -B -o -DskipTests package test-compile
 *   java -cp target/classes:target/test-classes:target/psephos.jar org.psephos.forensics.nulls.TwinFitStudy 10
 * </pre>
 * (psephos.jar supplies the dependencies; 10 seeds take about 25 s). Its output on 6 December 2026 is summarised
 * in docs/calibration.md and in the comment of {@link CleanTwinsTest}.
 */
final class TwinFitStudy {
    private TwinFitStudy() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double tl = Math.log(TwinElections.TURNOUT / (1 - TwinElections.TURNOUT));
        double sl = Math.log(TwinElections.SUPPORT / (1 - TwinElections.SUPPORT));
        System.out.printf(Locale.ROOT, "truth: turnout centre %.3f sd %.3f slope %.2f; support centre %.3f sd %.3f "
                + "slope %.2f; region sd %.2f%n", tl, TwinElections.TURNOUT_SD, TwinElections.SIZE_TURNOUT, sl,
                TwinElections.SUPPORT_SD, TwinElections.SIZE_SUPPORT, TwinElections.REGION_SD);
        String[] scenarios = {"clean", "klimek0.3", "R07stuffed"};
        int rules = TwinOptions.TailRule.values().length;
        // [scenario][rule][quantity][seed]: turnout rmse, sd, slope, tau, support rmse, sd, slope, tau, R07 t, R07 v
        double[][][][] q = new double[3][rules + 1][10][seeds];
        for (int s = 0; s < seeds; s++) {
            long seed = 100 + s;
            double[][] truth = TwinElections.regionCentres(seed);
            System.out.printf(Locale.ROOT, "seed %d: sd of the true region centres %.3f %.3f%n", seed, sd(truth[0]),
                    sd(truth[1]));
            Election clean = TwinElections.clean(seed);
            Election[] es = {clean, TwinElections.klimek(seed, 0.3), TwinElections.stuffRegion(clean, "R07")};
            for (int sc = 0; sc < 3; sc++) {
                for (int ru = 0; ru <= rules; ru++) {
                    // The rules at the default clip, then the lower-half rule with clip 2.
                    TwinOptions.TailRule rule = TwinOptions.TailRule.values()[ru % rules];
                    TwinOptions o = TwinOptions.defaults().withTail(rule).withGroupClip(ru < rules ? 3 : 2);
                    TwinModel m = TwinModel.fit(es[sc], "region", o);
                    TwinModel.Component t = m.turnout();
                    TwinModel.Component v = m.leader();
                    double[] row = {rmse(t.centre(), truth[0]), median(t.sd()), t.slope(), t.tau(),
                        rmse(v.centre(), truth[1]), median(v.sd()), v.slope(), v.tau(),
                        t.centre()[6] - truth[0][6], v.centre()[6] - truth[1][6]};
                    for (int k = 0; k < row.length; k++) {
                        q[sc][ru][k][s] = row[k];
                    }
                    System.out.printf(Locale.ROOT, "%-10s seed %d %-16s turnout rmse %.3f sd %.3f slope %.3f tau "
                            + "%.3f | support rmse %.3f sd %.3f slope %.3f tau %.3f | R07 twin-truth %.3f %.3f "
                            + "(raw-truth %.3f %.3f)%n", scenarios[sc], seed, rule + "/k" + o.groupClip(), row[0], row[1], row[2], row[3],
                            row[4], row[5], row[6], row[7], row[8], row[9], t.rawCentre()[6] - truth[0][6],
                            v.rawCentre()[6] - truth[1][6]);
                }
            }
        }
        String[] names = {"t.rmse", "t.sd", "t.slope", "t.tau", "v.rmse", "v.sd", "v.slope", "v.tau", "R07.t",
            "R07.v"};
        for (int sc = 0; sc < 3; sc++) {
            for (int ru = 0; ru <= rules; ru++) {
                String rule = TwinOptions.TailRule.values()[ru % rules] + (ru < rules ? "" : "/k2");
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "== %-10s %-13s", scenarios[sc], rule));
                for (int k = 0; k < names.length; k++) {
                    double[] x = q[sc][ru][k];
                    b.append(String.format(Locale.ROOT, " %s %.3f±%.3f [%.3f,%.3f]", names[k], mean(x), sd(x),
                            min(x), max(x)));
                }
                System.out.println(b);
            }
        }
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return x.length > 1 ? Math.sqrt(s / (x.length - 1)) : 0;
    }

    static double min(double[] x) {
        return java.util.Arrays.stream(x).min().orElse(Double.NaN);
    }

    static double max(double[] x) {
        return java.util.Arrays.stream(x).max().orElse(Double.NaN);
    }

    static double rmse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }

    static double median(double[] x) {
        double[] c = x.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }
}
