package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.psephos.data.Election;

/**
 * {@link FraudModel.InventedDigits} rewrites exactly the leader's digits after the first, with the human digit
 * preferences, and moves the ballots with them. Paired comparison: the fraud draws come from their own stream, so
 * the falsified run of a seed has the clean run's counts in every unit it did not change.
 */
class InventedDigitsTest {
    private static final long SEED = 9_001L;
    private static final ElectorateModel ELECTORATE = ElectorateModel.of(20_000,
                    new SizeDistribution.Uniform(200, 3000), ProportionDistribution.normal(0.6, 0.15),
                    ProportionDistribution.normal(0.55, 0.15)).withOptions(3, 20).withInvalidRate(0.02);

    private static Election units(SimulationModel m) {
        return MonteCarloEngine.run(m, SEED, 2, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE)
                .units().orElseThrow();
    }

    @Test
    void rewritesTheLeadersDigitsAfterTheFirstWithHumanPreferences() {
        Election clean = units(SimulationModel.clean(ELECTORATE));
        Election fake = units(SimulationModel.clean(ELECTORATE).with(new FraudModel.InventedDigits(1)));
        long[] last = new long[10];
        int counted = 0;
        int changed = 0;
        for (int i = 0; i < clean.size(); i++) {
            int before = clean.votes(0, i);
            int after = fake.votes(0, i);
            assertEquals(fake.ballots(i) - after, clean.ballots(i) - before, "only the leader and ballots move");
            for (int k = 1; k < clean.optionCount(); k++) {
                assertEquals(clean.votes(k, i), fake.votes(k, i));
            }
            assertEquals(clean.invalid(i), fake.invalid(i));
            assertTrue(fake.ballots(i) <= fake.registered(i));
            if (before < 10) {
                assertEquals(before, after, "counts below 10 are kept");
                continue;
            }
            String b = Integer.toString(before);
            String a = Integer.toString(after);
            if (after != before) {
                changed++;
                assertEquals(b.length(), a.length(), "as many digits");
                assertEquals(b.charAt(0), a.charAt(0), "the first digit is kept");
            }
            if (fake.ballots(i) - clean.ballots(i) + clean.ballots(i) <= clean.registered(i) && before >= 100) {
                last[after % 10]++;
                counted++;
            }
        }
        assertTrue(changed > 0.85 * clean.size(), "nearly every unit changed: " + changed);
        double[] w = FraudModel.InventedDigits.HUMAN_DIGITS;
        for (int d = 0; d < 10; d++) {
            double share = (double) last[d] / counted;
            double sd = Math.sqrt(w[d] * (1 - w[d]) / counted);
            // units whose invented ballots would pass the register keep their own digit: a small dilution
            assertEquals(w[d], share, 5 * sd + 0.01, "last digit " + d);
        }
    }

    @Test
    void zeroFractionIsTheCleanElectionAndMarksUnits() {
        Election clean = units(SimulationModel.clean(ELECTORATE));
        Election none = units(SimulationModel.clean(ELECTORATE).with(new FraudModel.InventedDigits(0)));
        assertArrayEquals(clean.votesColumn(0), none.votesColumn(0));
        assertArrayEquals(clean.ballotsColumn(), none.ballotsColumn());
        Election some = units(SimulationModel.clean(ELECTORATE).with(new FraudModel.InventedDigits(0.2)));
        int marked = 0;
        for (int i = 0; i < some.size(); i++) {
            marked += some.grouping("fraud").orElseThrow().label(i).equals("digits") ? 1 : 0;
        }
        assertEquals(0.2 * some.size(), marked, 5 * Math.sqrt(some.size() * 0.2 * 0.8));
        assertThrows(IllegalArgumentException.class, () -> new FraudModel.InventedDigits(1.5));
        double sum = 0;
        for (double x : FraudModel.InventedDigits.HUMAN_DIGITS) {
            sum += x;
        }
        assertEquals(1.0, sum, 1e-12);
    }
}
