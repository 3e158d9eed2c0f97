package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.psephos.simulation.RandomStreams;

/**
 * {@link BatteryOptions#seedFor}: the one rule by which IntegerPercent, KlimekFit and Shpilkin seed a group. The
 * national input keeps the run seed (so a test called directly gives the battery's national numbers); a group gets
 * the seed of the run's child stream keyed by the FNV-1a hash of its label.
 */
class BatteryOptionsSeedTest {
    @Test
    void nationalKeepsTheRunSeedAndGroupsGetTheirOwnChildSeed() {
        BatteryOptions o = BatteryOptions.defaults().withSeed(7);
        assertEquals(7, o.seedFor(TestInput.NATIONAL));
        long r01 = o.seedFor("R01");
        assertEquals(RandomStreams.seeded(7).child(Bootstrap.key("R01")).seed(), r01);
        assertNotEquals(7, r01);
        assertNotEquals(r01, o.seedFor("R02"));
        // Two labels with equal String.hashCode ("Aa" and "BB") still get different seeds.
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertNotEquals(o.seedFor("Aa"), o.seedFor("BB"));
    }
}
