package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Variable;
import org.psephos.simulation.FraudModel;

/**
 * Round trips of {@link FraudMixture} on 10,000 simulated units.
 *
 * <p>Tolerance. The extreme class is well separated (turnout ≥ 0.85 against a clean N(0.5, 0.1)), so π_extreme
 * estimates f_e with binomial sd √(f_e(1 − f_e)/n) (0.0007 at f_e = 0.005, 0.0014 at 0.02, n = 10,000) plus the
 * incremental units that reach turnout ≥ 0.85 (x = |N(0, 0.4)| &gt; 0.7 in ~8% of them, i.e. up to 0.08·f_i):
 * tolerance 4·sd + 0.1·f_i. The mixture's incremental class has one fixed rate (as {@code bl}), while Klimek's
 * incremental intensity is |N(0, θ)|: units with small x are indistinguishable from clean ones, so π_incremental
 * is only required to lie in (0, f_i + 0.05]. Clean data must give the one-class fit (BIC), switching-only data
 * (turnout unchanged, 1.7 clean sd shift of the share in 20% of units) too at this size: a limit, not a goal.
 * Stuffing-only data (10% of units, half of their non-voters: a 2.5 sd turnout shift) must leave the no-fraud fit.
 */
class FraudMixtureTest {
    private static final long SEED = 2024L;
    private static final int N = 10_000;

    @Test
    void roundTrips() {
        FraudMixture m = FraudMixture.withDefaults();
        FraudMixtureResult clean = m.fit(Simulated.election(N, SEED));
        assertEquals(1.0, clean.pi()[0], 0);
        double[][] cases = {{0.05, 0.005}, {0.3, 0.02}};
        for (double[] c : cases) {
            Election e = Simulated.election(N, SEED, FraudModel.Klimek.of(c[0], 0.4, 2, c[1]));
            FraudMixtureResult r = m.fit(e);
            double sd = Math.sqrt(c[1] * (1 - c[1]) / N);
            assertEquals(c[1], r.pi()[2], 4 * sd + 0.1 * c[0], "pi_extreme");
            assertTrue(r.pi()[1] > 0 && r.pi()[1] <= c[0] + 0.05, "pi_incremental " + r.pi()[1]);
            assertTrue(r.manufactured()[2] >= FraudMixture.K && r.manufactured()[1] <= FraudMixture.K);
        }
        FraudMixtureResult stuffed = m.fit(Simulated.election(N, SEED, new FraudModel.BallotStuffing(0.1, 0.5)));
        assertTrue(stuffed.pi()[0] < 0.95, "stuffing seen");
        assertEquals(0, stuffed.pi()[2], 0.01);
    }

    @Test
    void posteriorsSumToOneAndTheTestFollowsTheContract() {
        Election e = Simulated.election(5_000, SEED, FraudModel.Klimek.of(0.3, 0.4, 2, 0.02));
        FraudMixtureResult r = FraudMixture.withDefaults().fit(e);
        for (int j = 0; j < r.units(); j++) {
            assertEquals(1, r.posterior(j, 0) + r.posterior(j, 1) + r.posterior(j, 2), 1e-9);
        }
        TestResult t = FraudMixture.withDefaults().run(new TestInput(e, TestInput.NATIONAL, Variable.option(e, 0)),
                BatteryOptions.defaults());
        assertTrue(t.flag());
        assertEquals(List.of("pi_clean", "pi_incremental", "pi_extreme", "units_incremental", "units_extreme",
                "manufactured_votes", "manufactured_votes_sd", "stolen_votes", "stolen_votes_sd", "iota_m", "iota_s",
                "chi_m", "chi_s", "clean_components", "bic_fraud_minus_clean"), List.copyOf(t.details().keySet()));
        TestResult c = FraudMixture.withDefaults().run(new TestInput(Simulated.election(5_000, SEED),
                TestInput.NATIONAL, Variable.option(e, 0)), BatteryOptions.defaults());
        assertFalse(c.flag());
    }

    /**
     * @return the area under the ROC curve of the posterior of class z as a score for the marked units (Mann–Whitney,
     *         ties counted half)
     */
    static double auc(FraudMixtureResult r, int z, boolean[] positive) {
        int n = positive.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(r.posterior(a, z), r.posterior(b, z)));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && r.posterior(order[j + 1], z) == r.posterior(order[i], z)) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int q = i; q <= j; q++) {
                if (positive[order[q]]) {
                    rankSum += mid;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
