package org.psephos.estimation;

import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.TestInput;
import org.psephos.forensics.TestResult;
import org.psephos.simulation.NormalTails;

/**
 * {@link Shpilkin}'s row in the battery: F with its bootstrap interval F ± 1.96·sd, the one-sided p = 1 − Φ(F/sd)
 * flagged below 0.025, and the details (the split, the clean peak and {@link ShpilkinSensitivity#details()}).
 * Package-private and stateless.
 */
final class ShpilkinTestRow {
    private ShpilkinTestRow() {
    }

    /**
     * @param s       the estimator, with its conventions set
     * @param input   the units
     * @param options the battery's options (minimum units, replicates, seed, threads)
     * @return the row, or a not-applicable row naming why
     */
    static TestResult run(Shpilkin s, TestInput input, BatteryOptions options) {
        String id = Shpilkin.ID;
        if (input.size() < options.minUnits()) {
            return TestResult.notApplicable(id, input, input.size(), "fewer than " + options.minUnits() + " units");
        }
        ShpilkinResult r;
        try {
            r = s.estimate(input.election(), options.replicates(), options.seedFor(input.level()),
                    options.threads());
        } catch (IllegalArgumentException e) {
            return TestResult.notApplicable(id, input, input.size(), e.getMessage());
        }
        ShpilkinEstimate est = r.estimate();
        double f = est.excessVotes();
        double sd = r.excessSd();
        double p = NormalTails.upper(f, sd);
        ShpilkinDetails d = new ShpilkinDetails(f, est.stuffing(), est.switching(), est.cleanTurnout(),
                est.cleanShare(), sd, s.sensitivity(input.election()));
        return TestResult.of(id, input).statistic(f).expected(0).interval(f - 1.959963984540054 * sd,
                f + 1.959963984540054 * sd).pValue(p).flag(p < 0.025).n(input.size()).details(d);
    }
}
