package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.psephos.Psephos;
import org.psephos.data.Election;
import org.psephos.data.UnitFilter;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/**
 * Issue 14, 4.3: LastC and C05s on a clean election with small stations and small options. Binomial counts of a few
 * votes end in 0 (and 5) far more often than uniform digits would by arithmetic alone, so the tests over every
 * count (EFToolkit's rule) fire on a clean election; Psephos's rule keeps the counts whose binomial sd is large
 * enough for a near-uniform last digit and does not.
 */
class LastDigitCountsTest {
    /**
     * 4,000 clean stations of 20..maxSize voters, four options, the three others with under 2% each on average (and
     * much less in many stations): counts of a few votes, many zeros, some in the dozens.
     */
    private static Election clean(long seed, int maxSize) {
        ElectorateModel m = ElectorateModel.of(4_000, new SizeDistribution.Uniform(20, maxSize),
                ProportionDistribution.normal(0.6, 0.1), ProportionDistribution.normal(0.95, 0.02))
                .withOptions(4, 20);
        return UnitFilter.standard().apply(Psephos.simulateUnits(SimulationModel.clean(m), seed)).election();
    }

    private static TestResult run(ForensicTest t, Election e, int option, Conventions c) {
        return t.run(new TestInput(e, TestInput.NATIONAL, Variable.option(e, option)),
                BatteryOptions.defaults().withReplicates(400).withThreads(1).withSeed(3).withConventions(c));
    }

    private static void allCountsFireAndTheBinomialRuleDoesNot(ForensicTest t, Election e) {
        for (int option = 1; option < 4; option++) {
            TestResult all = run(t, e, option, Conventions.EFTOOLKIT);
            TestResult own = run(t, e, option, Conventions.PSEPHOS);
            assertTrue(all.flag() && all.pValue() < 1e-4, t.id() + " over every count: " + all);
            assertFalse(own.flag(), t.id() + " over counts with a large enough binomial sd: " + own);
            assertTrue(own.pValue() > 0.01, t.id() + ": " + own);
            assertTrue(own.n() >= 200 && own.n() < all.n(), t.id() + " uses " + own.n() + " of " + all.n());
        }
    }

    @Test
    void smallCountsMakeLastCFireOnACleanElectionUnlessTheBinomialRuleKeepsThemOut() {
        allCountsFireAndTheBinomialRuleDoesNot(LastDigitMean.withDefaults(), clean(11, 3_000));
    }

    @Test
    void zerosMakeC05sFireOnACleanElectionUnlessTheBinomialRuleKeepsThemOut() {
        allCountsFireAndTheBinomialRuleDoesNot(ZeroFiveCounts.withDefaults(), clean(11, 1_500));
    }

    /**
     * Over 20 clean elections with four options of ordinary size (the leader about 50%), the rule's flags fire at
     * about the nominal 5%: 60 tests each, mean 3, at most 9 (3.5 sd).
     */
    @Test
    void theBinomialRuleFlagsCleanElectionsWithOrdinaryOptionsAtTheNominalRate() {
        int[] flags = new int[2];
        for (long seed = 100; seed < 120; seed++) {
            ElectorateModel m = ElectorateModel.of(4_000, new SizeDistribution.Uniform(20, 3_000),
                    ProportionDistribution.normal(0.6, 0.1), ProportionDistribution.normal(0.5, 0.1))
                    .withOptions(4, 20);
            Election e = UnitFilter.standard().apply(Psephos.simulateUnits(SimulationModel.clean(m), seed))
                    .election();
            for (int option = 1; option < 4; option++) {
                flags[0] += run(LastDigitMean.withDefaults(), e, option, Conventions.PSEPHOS).flag() ? 1 : 0;
                flags[1] += run(ZeroFiveCounts.withDefaults(), e, option, Conventions.PSEPHOS).flag() ? 1 : 0;
            }
        }
        assertTrue(flags[0] <= 9, "LastC flagged " + flags[0] + " of 60");
        assertTrue(flags[1] <= 9, "C05s flagged " + flags[1] + " of 60");
    }

    /**
     * The rule's limit, measured: for options of under 2% whose counts crowd just above the threshold, selecting on
     * the count leaves a bias (digits 7–9 of the decade the threshold cuts), so LastC still fires more often than
     * 5%, though far less often than over every count. Over 20 elections (60 options each): every count flags
     * nearly all; the rule flags LastC in at most a third, C05s at about the nominal rate.
     */
    @Test
    void forTinyOptionsTheRuleLeavesAMeasuredResidual() {
        int[] all = new int[2];
        int[] own = new int[2];
        for (long seed = 100; seed < 120; seed++) {
            Election e = clean(seed, 3_000);
            for (int option = 1; option < 4; option++) {
                int k = 0;
                for (ForensicTest t : new ForensicTest[] {LastDigitMean.withDefaults(),
                        ZeroFiveCounts.withDefaults()}) {
                    all[k] += run(t, e, option, Conventions.EFTOOLKIT).flag() ? 1 : 0;
                    own[k] += run(t, e, option, Conventions.PSEPHOS).flag() ? 1 : 0;
                    k++;
                }
            }
        }
        String msg = "LastC " + all[0] + " -> " + own[0] + ", C05s " + all[1] + " -> " + own[1] + " of 60";
        assertTrue(all[0] >= 50 && own[0] <= 20, msg);
        assertTrue(own[1] <= 9, msg);
    }

    @Test
    void theSpreadIsTheCountsBinomialSd() {
        int[] reg = {1000, 1000, 4000, 10};
        int[] bal = {0, 1000, 2000, 12};
        TestInput in = new TestInput(Election.builder("t").registered(reg).ballots(bal).build(), "national",
                Variable.turnout());
        double[] s = in.binomialSd();
        assertEquals(0, s[0], 0.0);
        assertEquals(0, s[1], 0.0);
        assertEquals(Math.sqrt(2000 * 0.5), s[2], 1e-12);
        assertEquals(0, s[3], 0.0, "a count above its base has no spread");
    }
}
