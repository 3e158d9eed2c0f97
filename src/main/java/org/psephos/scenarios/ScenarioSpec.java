package org.psephos.scenarios;

import java.util.List;
import java.util.Objects;
import org.psephos.estimation.FraudSpec;
import org.psephos.simulation.FraudModel;

/**
 * A scenario file, parsed (see {@link ScenarioFiles} for the JSON format): an electorate, fraud families each swept
 * over one intensity parameter, optionally a sweep of the clean leader support, and the questions asked of every
 * point. Immutable.
 *
 * @param name                name, for outputs
 * @param description         free text
 * @param file                the file it was read from ("" if built in code)
 * @param seed                run seed
 * @param replicates          Monte Carlo replicates per point
 * @param electorate          the clean electorate
 * @param electorateLabel     how the electorate was given (a preset name or "explicit")
 * @param cleanShares         clean leader supports to sweep, empty for the electorate's own
 * @param families            the fraud families, at least one
 * @param holdReportedTurnout if set (not NaN), the national clean turnout of each point is lowered to
 *                            (T − s)/(1 − s), s = stuffed fraction × share, so that the reported turnout stays T
 * @param questions           the outcome probabilities asked
 * @param solve               the target leader share to solve for, or null
 * @param minimal             the minimal-fraud search, or null
 * @param power               detection-power entries (recorded; see {@link PowerSpec}), or null
 * @param observer            the observer-sampling question, or null
 * @since 0.1
 */
public record ScenarioSpec(String name, String description, String file, long seed, int replicates,
                           RegionalElectorate electorate, String electorateLabel, List<Double> cleanShares,
                           List<Family> families, double holdReportedTurnout, Questions questions, Solve solve,
                           Minimal minimal, PowerSpec power, Observer observer) {
    /** Copies the lists. */
    public ScenarioSpec {
        Objects.requireNonNull(electorate, "electorate");
        cleanShares = List.copyOf(cleanShares);
        families = List.copyOf(families);
        Objects.requireNonNull(questions, "questions");
    }

    /**
     * A fraud family: one fraud model whose parameter {@code sweep} takes each of {@code values}; the parameters the
     * scenario file does not set take {@link FraudSpec#defaults(String)}, in the points and in the detection power
     * alike.
     *
     * @param label  label for outputs
     * @param fraud  the fraud model with its fixed parameters
     * @param sweep  the swept parameter's name, one of the model's parameters
     * @param values its values, increasing
     */
    public record Family(String label, FraudSpec fraud, String sweep, List<Double> values) {
        /**
         * Copies the list.
         *
         * @throws IllegalArgumentException if {@code sweep} is not a parameter of the model
         */
        public Family {
            values = List.copyOf(values);
            if (!fraud.parameters().containsKey(sweep)) {
                throw new IllegalArgumentException("fraud model " + fraud.name() + " has no parameter '" + sweep
                        + "'; parameters are " + fraud.parameters().keySet());
            }
        }

        /** @return the model's name ({@code ballot-stuffing}, {@code vote-switching}, {@code klimek}, …) */
        public String model() {
            return fraud.name();
        }

        /**
         * @param value a value of the swept parameter
         * @return the fraud model at that intensity
         * @throws IllegalArgumentException if a value is outside the model's range
         */
        public FraudModel at(double value) {
            return fraud.with(sweep, value).model();
        }
    }

    /**
     * The questions asked of every point; NaN for a question not asked.
     *
     * @param runoffAtMost       a runoff happens when the leader's share is at most this (e.g. 0.5)
     * @param runoffOfBallots    whether that share is of ballots (voters who took part) rather than of valid votes
     * @param turnoutAtMost      P(turnout ≤ this)
     * @param leaderAtLeast      P(leader's share of valid votes ≥ this), e.g. the reported share
     * @param cleanTurnoutAtMost P(clean turnout, without the fraud, ≤ this), e.g. a participation threshold
     */
    public record Questions(double runoffAtMost, boolean runoffOfBallots, double turnoutAtMost, double leaderAtLeast,
                            double cleanTurnoutAtMost) {
    }

    /** @param leaderShare the leader's share of valid votes to reach (Monte Carlo mean) */
    public record Solve(double leaderShare) {
    }

    /**
     * @param noRunoffProbability the probability of no runoff to reach, e.g. 0.95
     * @param steps               bisection steps between the family's first and last value
     */
    public record Minimal(double noRunoffProbability, int steps) {
    }

    /**
     * Observer sampling (see {@link ObserverSampling}): stations needed to detect turnout inflations.
     *
     * @param inflations inflations k in turnout points
     * @param alpha      test level
     * @param power      target power
     * @param trials     Monte Carlo samples per k
     */
    public record Observer(List<Double> inflations, double alpha, double power, int trials) {
        /** Copies the list. */
        public Observer {
            inflations = List.copyOf(inflations);
        }
    }

    /**
     * Detection power: which forensic tests and estimators to run on each point's simulated polling-station data,
     * at which false-positive rate; computed by {@code org.psephos.estimation.PowerAnalysis} for every family.
     *
     * @param tests          tests and estimators by id ({@code Estimators.registry()})
     * @param alpha          the false-positive rate the flags are calibrated to
     * @param testReplicates Monte Carlo or bootstrap replicates inside each test
     * @param note           how it is computed
     */
    public record PowerSpec(List<String> tests, double alpha, int testReplicates, String note) {
        /** Copies the list. */
        public PowerSpec {
            tests = List.copyOf(tests);
        }
    }
}
