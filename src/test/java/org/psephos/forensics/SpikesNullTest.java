package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/**
 * Spikes' calibrated p-value (issue 17 item 5): the share of clean twins drawn from its own fitted mixtures whose
 * estimate is at least the observed one. On a clean election the observed estimate sits among its twins'; with the
 * leader's share made a whole percentage in 30% of the stations it lies above every twin; under reference nulls
 * there is no p-value.
 */
class SpikesNullTest {
    private static final ElectorateModel ELECTORATE = ElectorateModel.of(1500, new SizeDistribution.Uniform(300, 2500),
            ProportionDistribution.normal(0.6, 0.1), ProportionDistribution.normal(0.5, 0.1)).withOptions(3, 20);

    private static TestResult leaderRow(Election e, BatteryOptions o) {
        BatteryResult r = Battery.withDefaults().withTests(List.of(Spikes.withDefaults().withBoots(0)))
                .run(e, o, Progress.NONE);
        return r.results().stream().filter(t -> t.variable().equals(e.leaderName())).findFirst().orElseThrow();
    }

    private static Election election(FraudModel... frauds) {
        SimulationModel m = SimulationModel.clean(ELECTORATE);
        for (FraudModel f : frauds) {
            m = m.with(f);
        }
        return MonteCarloEngine.run(m, 77, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE)
                .units().orElseThrow();
    }

    @Test
    void cleanTwinsFromItsOwnMixturesGiveTheRowItsPValue() {
        BatteryOptions o = BatteryOptions.defaults().withReplicates(60).withSeed(5).withThreads(2)
                .withNulls(NullSettings.defaults().withFits(20));
        TestResult clean = leaderRow(election(), o);
        assertEquals("clean twins of its own fitted mixtures", BatteryResult.nullOf(clean));
        assertTrue(clean.pValue() > 0.05, "clean election: p = " + clean.pValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> n = (Map<String, Object>) clean.details().get(CalibratedNulls.NULL);
        assertEquals(20, n.get("replicates"));
        assertEquals(List.of("fraud_percent", "conf_int", "resamples", "bandwidth", "spikes",
                "turnout_fit", "support_fit", "seed", "grid", "density", "envelope", "reference", "null", "label"),
                List.copyOf(clean.details().keySet()));
        assertEquals(List.of("kind", "replicates", "finite_replicates", "mean", "sd", "direction", "exceedances",
                "p_value_method", "observed_score"), List.copyOf(n.keySet()));
        assertTrue(clean.details().keySet().stream().noneMatch(k -> k.startsWith("own_null")),
                "the twins' values stay out of the details");
        TestResult one = leaderRow(election(), o.withThreads(1));
        assertEquals(clean.pValue(), one.pValue(), "the same row for any thread count");
        assertEquals(clean.expected(), one.expected());
        assertEquals(clean.ciHigh(), one.ciHigh());
        assertEquals(n, one.details().get(CalibratedNulls.NULL));

        TestResult spiked = leaderRow(election(new FraudModel.InventedResults(0.3,
                FraudModel.InventedResults.Target.SHARE)), o);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) spiked.details().get(CalibratedNulls.NULL);
        assertEquals(0, m.get("exceedances"), "the spiked election's estimate is above every twin's");
        assertTrue(spiked.pValue() <= 1.0 / 21, "p = " + spiked.pValue());
        assertTrue(spiked.ciHigh() < ((Number) m.get("observed_score")).doubleValue());
    }

    @Test
    void noPValueUnderReferenceNulls() {
        TestResult r = leaderRow(election(), BatteryOptions.defaults().withReplicates(40).withSeed(5).withThreads(2)
                .withNulls(NullKind.REFERENCE));
        assertTrue(Double.isNaN(r.pValue()));
        assertTrue(((RoundNumberDetails.Spikes) r.testDetails()).ownNull() == null, "no twins drawn");
        // the keys and order of main's JSON before the typed details (commit 4c7b559), national row without boots
        assertEquals(List.of("fraud_percent", "conf_int", "resamples", "bandwidth", "spikes",
                "turnout_fit", "support_fit", "seed", "grid", "density", "envelope"),
                List.copyOf(r.details().keySet()));
        Map<?, ?> fit = (Map<?, ?>) r.details().get("turnout_fit");
        assertEquals(List.of("components", "alpha", "beta", "w", "log_likelihood", "levels"),
                List.copyOf(fit.keySet()));
        assertEquals(List.of("components", "start_log_likelihoods", "distinct_starts", "best_start",
                "log_likelihood_spread", "start_agreement", "correlation_with_previous"),
                List.copyOf(((Map<?, ?>) ((List<?>) fit.get("levels")).get(0)).keySet()));
    }
}
