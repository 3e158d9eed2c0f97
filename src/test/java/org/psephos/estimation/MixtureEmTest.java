package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.simulation.FraudModel;

/** {@link MixtureEm}: a fit's responsibilities and log-likelihood are those of its final parameters. */
class MixtureEmTest {
    @Test
    void responsibilitiesAndLikelihoodBelongToTheFinalParameters() {
        Election e = Simulated.election(2_000, 5L, FraudModel.Klimek.of(0.2, 0.4, 2, 0.02));
        LeaderColumns c = LeaderColumns.of(e);
        double[] t = new double[c.n];
        double[] w = new double[c.n];
        for (int j = 0; j < c.n; j++) {
            t[j] = (double) c.ballots[j] / c.registered[j];
            w[j] = c.ballots[j] > 0 ? (double) c.leader[j] / c.ballots[j] : 0;
        }
        for (MixtureFit f : new MixtureFit[] {MixtureEm.cleanMixture(t, w, 1), MixtureEm.cleanMixture(t, w, 3),
                FraudMixtureEm.fraudMixture(t, w, 1, 0.3, 0.1), FraudMixtureEm.fraudMixture(t, w, 2, 0.3, 0.1)}) {
            double[] r = f.r.clone();
            int k = f.classes;
            double ll = MixtureEm.expectation(t, w, f, new double[k], new double[3 * k], new double[k]);
            assertEquals(ll, f.logLikelihood);
            assertArrayEquals(r, f.r);
        }
    }
}
