package org.psephos.cases.kazakhstan;

import java.nio.file.Path;
import org.psephos.data.DataException;
import org.psephos.scenarios.ScenarioSpec;

/**
 * The checks that the case's scenario files restate the law and the data: a presidential scenario's threshold and
 * headline base, a referendum scenario's thresholds and reported turnout; a disagreement is a {@link DataException}
 * naming the file, the field, the value and the figure the law or the data give.
 *
 * @param dir the scenario files' directory
 * @param law the law
 */
record ScenarioFileChecks(Path dir, KazakhstanLaw law) {
    /** Tolerance when a scenario file's figure is checked against the data it restates (rounding to 4 decimals). */
    static final double TOLERANCE = 5e-5;

    /** A presidential scenario's win threshold is the law's. */
    void presidential(String file, ScenarioSpec spec) {
        check(file, "questions.runoffAtMost", spec.questions().runoffAtMost(), law.winAbove(), 0);
        if (spec.questions().runoffBase() != law.headline()) {
            throw DataException.of("the headline base is not the law file's (" + law.headline().id() + ")")
                    .file(dir.resolve(file)).column("questions.runoffBase").value(spec.questions().runoffBase().id())
                    .build();
        }
    }

    /** A referendum scenario's thresholds are the law's and its reported turnout the official one. */
    void referendum(String file, ScenarioSpec spec, KazakhstanModel.Calibration c, ReferendumRule rule) {
        check(file, "questions.runoffAtMost", spec.questions().runoffAtMost(), law.decisionAbove(), 0);
        if (!Double.isNaN(spec.questions().cleanTurnoutAtMost())) {
            check(file, "questions.cleanTurnoutAtMost", spec.questions().cleanTurnoutAtMost(),
                    law.referendumTurnoutAbove(), 0);
        }
        if (!Double.isNaN(spec.holdReportedTurnout())) {
            check(file, "holdReportedTurnout", spec.holdReportedTurnout(), c.nationalTurnout(), TOLERANCE);
        }
        if (spec.questions().regionsMajorityAtLeast() > 0 || rule == ReferendumRule.CONSTITUTIONAL) {
            check(file, "questions.regionsMajorityAtLeast", spec.questions().regionsMajorityAtLeast(),
                    rule.regionsNeeded(law), 0);
        }
    }

    /** A figure of a scenario file is within {@code tolerance} of what the law or the data give. */
    void check(String file, String field, double value, double expected, double tolerance) {
        if (!(Math.abs(value - expected) <= tolerance)) {
            throw DataException.of("the scenario file disagrees with the law or the data, which give " + expected)
                    .file(dir.resolve(file)).column(field).value(Double.toString(value))
                    .fix("set it to " + expected).build();
        }
    }
}
