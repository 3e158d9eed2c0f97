package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Variable;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.ProportionDistribution;

/**
 * Round trips of {@link FraudMixture} on 10,000 simulated units (clean turnout N(0.5, 0.1), support N(0.55, 0.08),
 * U{500..1500} voters; each fraud election paired with its clean twin, so the injected votes per unit are known).
 *
 * <p>Tolerances come from the estimator's spread over data seeds 1–8 (measured with these settings; mean ± sd):
 * <ul>
 *   <li>Klimek f_i = 0.05, f_e = 0.005: π_extreme 0.0068 ± 0.0013; f_i = 0.3, f_e = 0.02: 0.0243 ± 0.0021. The
 *       test allows |π_extreme − f_e| ≤ 4 sd (0.0051, 0.0084). The excess over f_e is incremental units with
 *       intensity x &gt; ~0.7 (|N(0, 0.4)| exceeds 0.7 in 8% of them) that the extreme class takes.</li>
 *   <li>AUC of p_extreme for the true extreme units: 0.9996 ± 0.0002 and 0.9976 ± 0.0003; required ≥ 0.99.</li>
 *   <li>Klimek's incremental intensity is |N(0, θ)|: units with small x are clean to any per-unit classifier, and
 *       the {@code bl} class has one rate, so the manufactured total is a lower bound there (f_i = 0.3: 0.19M of
 *       0.55M injected). Required: at least the votes manufactured in the true extreme units, at most the injected
 *       total (measured margins: 4.8k–31k and 84k–123k above the lower bound).</li>
 *   <li>Stuffing-only (10% of units, half of their non-voters: a fixed rate, which is the {@code bl} class): estimated
 *       minus injected manufactured votes −2.3k ± 4.5k on 247k; allowed: 4 sd = 18k. The reported class-draw sd
 *       (≈ 2.5k) is about half the spread over seeds: it leaves out the parameters' uncertainty.</li>
 *   <li>Extreme-only (Klimek f_i = 0, f_e = 0.05): see {@link #extremeOnlyFraudIsRecoveredInVotes()}.</li>
 * </ul>
 * Clean data gave the one-population fit with BIC margin 80 ± 1 (seeds 1–8); two clean populations 50/50 with
 * centres (0.5, 0.55) and (0.62, 0.65), the same spread (a shift "up together" like fraud), were clean with margins
 * 58–76. Switching-only data (20% of units, 40% of the opposition moved, turnout unchanged) are read as a clean
 * population of stronger support (margins 66–83): the model requires ι_s ≤ ι_m, by design.
 */
class FraudMixtureTest {
    private static final int N = 10_000;
    private static final long SEED = 1L;

    /** The injected frauds of a paired simulation. */
    private record Truth(long manufactured, long stolen, long manufacturedExtreme, long stolenExtreme,
                         boolean[] extreme, int extremeUnits) {
        static Truth of(Election fraud, Election clean) {
            Grouping g = fraud.grouping("fraud").orElseThrow();
            boolean[] ext = new boolean[fraud.size()];
            long m = 0;
            long s = 0;
            long me = 0;
            long se = 0;
            int ne = 0;
            for (int i = 0; i < fraud.size(); i++) {
                long stuffed = fraud.ballots(i) - clean.ballots(i);
                long moved = fraud.votes(0, i) - clean.votes(0, i) - stuffed;
                m += stuffed;
                s += moved;
                if (g.label(i).contains("extreme")) {
                    ext[i] = true;
                    me += stuffed;
                    se += moved;
                    ne++;
                }
            }
            return new Truth(m, s, me, se, ext, ne);
        }
    }

    @Test
    void cleanDataGiveNoFraud() {
        FraudMixtureResult r = FraudMixture.withDefaults().fit(Simulated.election(N, SEED));
        assertEquals(1.0, r.pi()[0], 0);
        assertEquals(0, r.manufacturedVotes(), 0);
        assertEquals(0, r.stolenVotes(), 0);
        assertTrue(r.bicFraud() > r.bicClean());
    }

    /** Two clean populations whose centres differ in turnout and support together, like fraud would: clean. */
    @Test
    void twoCleanPopulationsAreNotFraud() {
        Election e = Simulated.twoPopulations(N, SEED, ProportionDistribution.normal(0.62, 0.1),
                ProportionDistribution.normal(0.65, 0.08));
        FraudMixtureResult r = FraudMixture.withDefaults().fit(e);
        assertEquals(1.0, r.pi()[0], 0, "pi_clean");
        assertTrue(r.cleanComponents() >= 2, "the data have two populations: " + r.cleanComponents());
        assertTrue(r.likelihoodRatio() > 0);
        TestResult t = FraudMixture.withDefaults().run(new TestInput(e, TestInput.NATIONAL, Variable.option(e, 0)),
                BatteryOptions.defaults());
        assertFalse(t.flag());
    }

    @Test
    void klimekFraudIsRecovered() {
        double[][] cases = {{0.05, 0.005, 0.0013}, {0.3, 0.02, 0.0021}};
        for (double[] c : cases) {
            Election clean = Simulated.election(N, SEED);
            Election e = Simulated.election(N, SEED, FraudModel.Klimek.of(c[0], 0.4, 2, c[1]));
            Truth truth = Truth.of(e, clean);
            FraudMixtureResult r = FraudMixture.withDefaults().fit(e);
            assertEquals(c[1], r.pi()[2], 4 * c[2], "pi_extreme at f_e " + c[1]);
            assertTrue(r.pi()[1] > 0 && r.pi()[1] <= c[0], "pi_incremental " + r.pi()[1]);
            assertTrue(r.manufactured()[2] >= FraudMixture.K && r.manufactured()[1] <= FraudMixture.K);
            assertTrue(auc(r, 2, truth.extreme()) >= 0.99, "AUC " + auc(r, 2, truth.extreme()));
            assertTrue(r.manufacturedVotes() >= truth.manufacturedExtreme()
                    && r.manufacturedVotes() <= truth.manufactured(), r.manufacturedVotes() + " not in ["
                    + truth.manufacturedExtreme() + ", " + truth.manufactured() + "]");
            assertTrue(r.stolenVotes() >= truth.stolenExtreme() && r.stolenVotes() <= truth.stolen(),
                    r.stolenVotes() + " not in [" + truth.stolenExtreme() + ", " + truth.stolen() + "]");
            double sum = 0;
            for (double x : r.unitManufactured()) {
                sum += x;
            }
            assertEquals(r.manufacturedVotes(), sum, 1e-6 * sum);
        }
    }

    @Test
    void stuffingIsRecoveredInVotes() {
        Election clean = Simulated.election(N, SEED);
        Election e = Simulated.election(N, SEED, new FraudModel.BallotStuffing(0.1, 0.5));
        Truth truth = Truth.of(e, clean);
        FraudMixtureResult r = FraudMixture.withDefaults().fit(e);
        assertEquals(0.1, r.pi()[1], 4 * Math.sqrt(0.1 * 0.9 / N), "pi_incremental");
        assertEquals(0.5, r.manufactured()[1], 0.02, "iota_m");
        assertEquals(truth.manufactured(), r.manufacturedVotes(), 4 * 4_500, "manufactured votes");
        assertTrue(r.stolenVotes() < 0.05 * r.manufacturedVotes(), "stolen " + r.stolenVotes());
    }

    /**
     * Klimek extreme fraud only (f_e = 0.05): every injected vote is in a separable unit, so both totals are
     * recoverable. Over seeds 1–8, estimated minus injected: manufactured +15.6k ± 11.1k on 233k (a small spurious
     * incremental class, π 0.002–0.064, adds some), stolen +0.8k ± 1.3k on 99k; allowed: 4 sd (44.5k and 5.2k).
     */
    @Test
    void extremeOnlyFraudIsRecoveredInVotes() {
        Election clean = Simulated.election(N, SEED);
        Election e = Simulated.election(N, SEED, FraudModel.Klimek.of(0, 0.4, 2, 0.05));
        Truth truth = Truth.of(e, clean);
        FraudMixtureResult r = FraudMixture.withDefaults().fit(e);
        assertEquals((double) truth.extremeUnits() / N, r.pi()[2], 4 * Math.sqrt(0.05 * 0.95 / N), "pi_extreme");
        assertEquals(truth.manufactured(), r.manufacturedVotes(), 4 * 11_100, "manufactured votes");
        assertEquals(truth.stolen(), r.stolenVotes(), 4 * 1_300, "stolen votes");
        assertTrue(auc(r, 2, truth.extreme()) >= 0.99);
    }

    @Test
    void switchingOnlyIsReadAsACleanPopulation() {
        FraudMixtureResult r = FraudMixture.withDefaults().fit(Simulated.election(N, SEED,
                new FraudModel.VoteSwitching(0.2, 0.4)));
        assertEquals(1.0, r.pi()[0], 0);
        assertTrue(r.cleanComponents() >= 2);
    }

    @Test
    void posteriorsSumToOneAndTheTestFollowsTheContract() {
        Election e = Simulated.election(5_000, SEED, FraudModel.Klimek.of(0.3, 0.4, 2, 0.02));
        FraudMixtureResult r = FraudMixture.withDefaults().fit(e);
        assertEquals(e.size(), r.units());
        for (int j = 0; j < r.units(); j++) {
            assertEquals(1, r.posterior(j, 0) + r.posterior(j, 1) + r.posterior(j, 2), 1e-9);
            assertTrue(r.unitManufactured()[j] + r.unitStolen()[j] <= e.votes(0, j) + 1e-9);
        }
        double[] man = r.unitManufactured();
        man[0] = -1;
        assertNotSame(man, r.unitManufactured());
        assertTrue(r.unitManufactured()[0] >= 0, "defensive copy");
        TestResult t = FraudMixture.withDefaults().run(new TestInput(e, TestInput.NATIONAL, Variable.option(e, 0)),
                BatteryOptions.defaults());
        assertTrue(t.flag());
        assertEquals(List.of("pi_clean", "pi_incremental", "pi_extreme", "units_incremental", "units_extreme",
                "manufactured_votes", "manufactured_votes_sd", "stolen_votes", "stolen_votes_sd", "iota_m", "iota_s",
                "chi_m", "chi_s", "clean_components", "bic_fraud_minus_clean"), List.copyOf(t.details().keySet()));
        assertEquals(r.manufacturedVotes(), (double) t.details().get("manufactured_votes"), 0);
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
