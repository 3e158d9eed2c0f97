package org.psephos.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.psephos.forensics.ForensicTest;
import org.psephos.simulation.ReplicateDistribution;

/**
 * The scores of a {@link PowerAnalysis} gathered from its tasks' summaries: per grid point (0 the clean set), test
 * and replicate the value, the score (for a test of {@link ForensicTest.Evidence#DISTANCE_FROM_CLEAN} the distance
 * from the median of its clean values) and the own flag; each test's threshold, the ⌈(1 − α)m⌉-th smallest of its m
 * clean scores, and its own rule's clean rate; and each point's power, estimate and bias. The method is
 * {@link PowerAnalysis}'s class comment. Package-private, built once per reduction.
 */
final class PowerScores {
    /** [point + 1][test][replicate]: the test's value, its score and its own flag. */
    final double[][][] values;
    final double[][][] scores;
    final boolean[][][] flags;
    /** [point + 1][replicate]: the true fraud share and excess of the replicate. */
    final double[][] share;
    final double[][] excess;
    /** Per test: the score threshold and the own rule's clean rate. */
    final List<Double> thresholds;
    final List<Double> cleanFlags;

    /**
     * @param summaries  the summaries of every task, in any order
     * @param tests      the test ids
     * @param pts        the grid points
     * @param replicates replicates per point
     * @param alpha      the false-positive rate of the thresholds
     */
    PowerScores(List<PowerSummary> summaries, List<String> tests, int pts, int replicates, double alpha) {
        List<PowerSummary> sorted = new ArrayList<>(summaries);
        sorted.sort((a, b) -> a.point() != b.point() ? Integer.compare(a.point(), b.point())
                : Integer.compare(a.from(), b.from()));
        int k = tests.size();
        values = new double[pts + 1][k][replicates];
        scores = new double[pts + 1][k][replicates];
        flags = new boolean[pts + 1][k][replicates];
        share = new double[pts + 1][replicates];
        excess = new double[pts + 1][replicates];
        for (PowerSummary s : sorted) {
            int p = s.point() + 1;
            for (int r = s.from(); r < s.to(); r++) {
                int j = r - s.from();
                for (int t = 0; t < k; t++) {
                    values[p][t][r] = s.values()[t][j];
                    scores[p][t][r] = s.scores()[t][j];
                    flags[p][t][r] = s.flags()[t][j];
                }
                share[p][r] = s.fraudShare()[j];
                excess[p][r] = s.excess()[j];
            }
        }
        for (int t = 0; t < k; t++) {
            if (!tests.get(t).equals(PowerAnalysis.VERDICT)
                    && Estimators.registry().get(tests.get(t)).evidence()
                    == ForensicTest.Evidence.DISTANCE_FROM_CLEAN) {
                double[] c = Arrays.stream(values[0][t]).filter(x -> !Double.isNaN(x)).sorted().toArray();
                double median = c.length == 0 ? 0 : c[c.length / 2];
                for (int p = 0; p <= pts; p++) {
                    for (int r = 0; r < replicates; r++) {
                        scores[p][t][r] = Math.abs(scores[p][t][r] - median);
                    }
                }
            }
        }
        thresholds = new ArrayList<>();
        cleanFlags = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            double[] c = Arrays.stream(scores[0][t]).filter(x -> !Double.isNaN(x)).sorted().toArray();
            thresholds.add(c.length == 0 ? Double.NaN
                    : c[Math.min(c.length - 1, (int) Math.ceil((1 - alpha) * c.length) - 1)]);
            cleanFlags.add(rate(flags[0][t]));
        }
    }

    /**
     * @param id the test's id
     * @param p  the grid point
     * @param t  the test's index
     * @return the test's power and estimate at the point
     */
    PowerResult.TestPower power(String id, int p, int t) {
        return power(id, values[p + 1][t], scores[p + 1][t], flags[p + 1][t], thresholds.get(t), share[p + 1],
                excess[p + 1]);
    }

    private static PowerResult.TestPower power(String id, double[] v, double[] s, boolean[] f, double threshold,
                                               double[] share, double[] excess) {
        int applicable = 0;
        int detected = 0;
        double[] applied = new double[v.length];
        double truth = 0;
        for (int r = 0; r < v.length; r++) {
            if (Double.isNaN(s[r])) {
                continue;
            }
            if (s[r] > threshold) {
                detected++;
            }
            applied[applicable++] = v[r];
            truth += id.equals(Shpilkin.ID) ? excess[r] : share[r];
        }
        ReplicateDistribution d = applicable == 0 ? null
                : ReplicateDistribution.of(Arrays.copyOf(applied, applicable));
        double mean = d == null ? Double.NaN : d.mean();
        double sd = applicable < 2 ? Double.NaN : d.sd();
        boolean estimator = Estimators.isEstimator(id);
        double t = estimator && applicable > 0 ? truth / applicable : Double.NaN;
        return new PowerResult.TestPower(id, applicable == 0 ? Double.NaN : (double) detected / applicable, rate(f),
                applicable, mean, t, estimator ? mean - t : Double.NaN, sd);
    }

    private static double rate(boolean[] f) {
        int c = 0;
        for (boolean b : f) {
            if (b) {
                c++;
            }
        }
        return f.length == 0 ? Double.NaN : (double) c / f.length;
    }
}
