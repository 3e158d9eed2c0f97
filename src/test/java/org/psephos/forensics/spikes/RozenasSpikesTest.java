package org.psephos.forensics.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.psephos.simulation.Progress;
import org.psephos.simulation.RandomStreams;

/** The entry point: input checks, settings, and the clean twins drawn from fitted mixtures. */
class RozenasSpikesTest {

    @Test
    void badInputIsRefusedWithTheUnitAndItsCounts() {
        RozenasSpikes m = RozenasSpikes.withDefaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.analyse(new int[] {10, 10}, new int[] {5, 0}, new int[] {1, 0}, 1, 1, Progress.NONE));
        assertTrue(e.getMessage().contains("unit 1") && e.getMessage().contains("0 < t <= N"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> m.analyse(new int[] {10}, new int[] {5}, new int[] {6}, 1, 1, Progress.NONE));
        assertTrue(e.getMessage().contains("v = 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.withBoots(1));
        assertThrows(IllegalArgumentException.class, () -> m.withStarts(0));
        assertThrows(IllegalArgumentException.class, () -> m.withResamples(0));
        assertThrows(IllegalArgumentException.class, () -> m.withMaxComponents(11));
    }

    /**
     * A twin drawn from two mixtures has their means: turnout t/N averages the turnout mixture's mean and v/t the
     * support mixture's, within 4 standard errors over 20,000 units; counts stay in range.
     */
    @Test
    void cleanTwinsFollowTheMixtures() {
        BetaBinomialMixture turnout = new BetaBinomialMixture(new double[] {20, 6}, new double[] {15, 9},
                new double[] {0.7, 0.3});
        BetaBinomialMixture support = new BetaBinomialMixture(new double[] {8, 30}, new double[] {12, 10},
                new double[] {0.5, 0.5});
        int units = 20_000;
        int[] n = new int[units];
        UniformRandomProvider rng = RandomStreams.seeded(9).stream(1);
        for (int i = 0; i < units; i++) {
            n[i] = 200 + rng.nextInt(2000);
        }
        int[][] tv = MixtureTwins.draw(n, turnout, support, rng);
        double st = 0;
        double sv = 0;
        int withTurnout = 0;
        for (int i = 0; i < units; i++) {
            assertTrue(tv[0][i] >= 0 && tv[0][i] <= n[i] && tv[1][i] >= 0 && tv[1][i] <= tv[0][i]);
            st += (double) tv[0][i] / n[i];
            if (tv[0][i] > 0) {
                sv += (double) tv[1][i] / tv[0][i];
                withTurnout++;
            }
        }
        // latent sd of each mixture is below 0.2, so 4 standard errors of a mean of 20,000 are below 0.006
        assertEquals(turnout.mean(), st / units, 0.006);
        assertEquals(support.mean(), sv / withTurnout, 0.006);
    }

    @Test
    void withoutDrawsThereIsNoInterval() {
        int[][] d = SpikesGolden.ntv("clean");
        RozenasSpikes.Result r = RozenasSpikes.withDefaults().withBoots(0).withResamples(50).withStarts(2)
                .analyse(d[0], d[1], d[2], 4, 2, Progress.NONE);
        assertNull(r.interval());
        assertEquals(2000, r.units());
        assertEquals(50, r.estimate().resamples());
        assertEquals(2, r.turnout().chosen().logLikelihoods().length);
    }
}
