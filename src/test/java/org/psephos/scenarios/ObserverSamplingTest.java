package org.psephos.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.psephos.simulation.RandomStreams;

class ObserverSamplingTest {
    @Test
    void closedFormSampleSizeAchievesItsPowerByMonteCarlo() {
        // 8000 stations, 400-1600 voters, turnout ~ N(0.65, 0.1) per station: a clean election.
        UniformRandomProvider rng = RandomStreams.seeded(3).stream(1);
        int n = 8000;
        int[] reg = new int[n];
        int[] bal = new int[n];
        for (int i = 0; i < n; i++) {
            reg[i] = 400 + rng.nextInt(1201);
            double t = Math.min(1, Math.max(0, 0.65 + 0.1 * gauss(rng)));
            bal[i] = (int) Math.round(t * reg[i]);
        }
        ObserverSampling.Result r = ObserverSampling.sampleSizes(reg, bal, List.of(1.0, 2.0, 5.0), 0.05, 0.95, 4000,
                9, 2);
        for (ObserverSampling.SampleSize z : r.sizes()) {
            // n0 = ((z_.95 + z_.95) sigma / k)^2
            double n0 = Math.pow(2 * 1.6448536269514722 * r.sigma() / (z.k() / 100), 2);
            assertEquals(n0, z.n0(), 1e-6 * n0);
            assertEquals(Math.ceil(n0 / (1 + n0 / n)), z.n(), 0);
            // Monte Carlo power within 4 standard errors (and a small-sample allowance) of 0.95; level near 0.05.
            assertEquals(0.95, z.powerMc(), 4 * z.powerMcSe() + 0.01, z.toString());
            assertTrue(z.levelMc() < 0.08, z.toString());
        }
        assertTrue(r.sizes().get(0).n() > r.sizes().get(1).n());
    }

    private static double gauss(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
