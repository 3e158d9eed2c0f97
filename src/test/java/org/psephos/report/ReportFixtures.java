package org.psephos.report;

import org.apache.commons.rng.UniformRandomProvider;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.RandomStreams;

/** Elections for report tests. */
final class ReportFixtures {
    /** An option name and a region name that would be markup if not escaped. */
    static final String HOSTILE_OPTION = "<script>alert(1)</script>";
    static final String HOSTILE_REGION = "North & \"<img src=x onerror=alert(2)>\"";

    private ReportFixtures() {
    }

    /** @return 1,500 seeded units in two regions, options "Leader &amp; Co" and the hostile one */
    static Election hostileElection() {
        UniformRandomProvider rng = RandomStreams.seeded(7).stream(0);
        int n = 1500;
        int[] reg = new int[n];
        int[] bal = new int[n];
        int[] lead = new int[n];
        int[] other = new int[n];
        String[] region = new String[n];
        for (int i = 0; i < n; i++) {
            reg[i] = 200 + rng.nextInt(1800);
            bal[i] = BinomialSampler.sample(rng, reg[i], 0.45 + 0.3 * rng.nextDouble());
            lead[i] = BinomialSampler.sample(rng, bal[i], 0.45 + 0.25 * rng.nextDouble());
            other[i] = bal[i] - lead[i];
            region[i] = i % 3 == 0 ? HOSTILE_REGION : "South";
        }
        return Election.builder("Test <election> 2026").registered(reg).ballots(bal).option("Leader & Co", lead)
                .option(HOSTILE_OPTION, other).grouping(Grouping.ofLabels("region", region)).build();
    }
}
