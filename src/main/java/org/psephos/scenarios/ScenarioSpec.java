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
 * @param againstAll          how "against all" is modelled (the candidates base, {@link FirstRoundBase}): a
 *                            preset's official figures under the file's rule, {@link AgainstAll#NONE} where the
 *                            ballot has no such line
 * @since 0.1
 */
public record ScenarioSpec(String name, String description, String file, long seed, int replicates,
                           RegionalElectorate electorate, String electorateLabel, List<Double> cleanShares,
                           List<Family> families, double holdReportedTurnout, Questions questions, Solve solve,
                           Minimal minimal, PowerSpec power, Observer observer, AgainstAll againstAll) {
    /** Electorate label of a scenario whose electorate the file gives explicitly (not a preset). */
    public static final String EXPLICIT = "explicit";

    /** Copies the lists. */
    public ScenarioSpec {
        Objects.requireNonNull(electorate, "electorate");
        cleanShares = List.copyOf(cleanShares);
        families = List.copyOf(families);
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(againstAll, "againstAll");
    }

    /**
     * @return whether the electorate is a calibrated preset: its clean support and turnout are then set by their
     *         expected values ({@link RegionalElectorate#withExpectedShare}, {@link
     *         RegionalElectorate#withExpectedTurnout}) rather than by the centres of the station distributions
     */
    public boolean preset() {
        return !EXPLICIT.equals(electorateLabel);
    }

    /**
     * @param seed       the run seed
     * @param replicates replicates per point
     * @return a copy with that seed and replicate count
     */
    public ScenarioSpec with(long seed, int replicates) {
        return new ScenarioSpec(name, description, file, seed, replicates, electorate, electorateLabel, cleanShares,
                families, holdReportedTurnout, questions, solve, minimal, power, observer, againstAll);
    }

    /**
     * @param e     another electorate (e.g. another calibration of the same country)
     * @param label how it was given
     * @return a copy on that electorate
     */
    public ScenarioSpec withElectorate(RegionalElectorate e, String label) {
        return new ScenarioSpec(name, description, file, seed, replicates, e, label, cleanShares, families,
                holdReportedTurnout, questions, solve, minimal, power, observer, againstAll);
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
     * The questions asked of every point; NaN (0 for the count) for a question not asked.
     *
     * @param runoffAtMost           a runoff happens when the leader's share is at most this (the law's win
     *                               threshold, e.g. 0.5)
     * @param runoffBase             the base of that share for the headline probability; every point also reports
     *                               the probability on each of the three {@link FirstRoundBase}s
     * @param turnoutAtMost          P(turnout ≤ this)
     * @param leaderAtLeast          P(leader's share of valid votes ≥ this), e.g. the reported share
     * @param cleanTurnoutAtMost     P(clean turnout, without the fraud, ≤ this), e.g. a referendum's turnout rule
     * @param regionsMajorityAtLeast k &gt; 0: P(the leader has more than half of all ballots in at least k regions),
     *                               e.g. the 2/3-of-regions rule for constitutional amendments; 0 not asked
     */
    public record Questions(double runoffAtMost, FirstRoundBase runoffBase, double turnoutAtMost,
                            double leaderAtLeast, double cleanTurnoutAtMost, int regionsMajorityAtLeast) {
        /** @throws NullPointerException if the base is null */
        public Questions {
            Objects.requireNonNull(runoffBase, "runoffBase");
        }
    }

    /** What a solve targets. */
    public enum Target {
        /** The mean leader share of valid votes, reached from below as the intensity grows. */
        LEADER_SHARE,
        /** The mean clean turnout (without the fraud), reached from above as the intensity grows. */
        CLEAN_TURNOUT
    }

    /**
     * The intensity at which the Monte Carlo mean of a quantity reaches a value.
     *
     * @param target what is solved for
     * @param value  the value to reach
     */
    public record Solve(Target target, double value) {
        /** @throws NullPointerException if the target is null */
        public Solve {
            Objects.requireNonNull(target, "target");
        }
    }

    /** How the smallest sufficient fraud is searched. */
    public enum Method {
        /** Bisection between a family's first and last value, one point per round. */
        BISECTION,
        /**
         * Every value of the family in one round; each replicate's crossing of the rule (the smallest intensity at
         * which it passes, linearly interpolated between grid values) is found on every base, and the smallest
         * sufficient fraud is the required quantile of the crossings.
         */
        CROSSING
    }

    /** The rule a fraud must carry. */
    public enum Rule {
        /** The leader passes the win threshold in the first round. */
        NO_RUNOFF,
        /** The leader has more than half of all ballots in at least the asked number of regions. */
        REGIONAL_MAJORITY
    }

    /**
     * The smallest fraud with which the rule holds with at least the given probability.
     *
     * @param probability the probability to reach, e.g. 0.95
     * @param steps       bisection steps between the family's first and last value (bisection only)
     * @param method      bisection or per-replicate crossings on the grid
     * @param rule        the rule
     */
    public record Minimal(double probability, int steps, Method method, Rule rule) {
        /** @throws NullPointerException if the method or rule is null */
        public Minimal {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(rule, "rule");
        }
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
