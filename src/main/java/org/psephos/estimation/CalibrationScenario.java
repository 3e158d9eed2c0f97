package org.psephos.estimation;

import java.util.List;
import java.util.Objects;
import org.psephos.data.Election;
import org.psephos.forensics.nulls.CleanTwins;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Progress;
import org.psephos.simulation.SimulationModel;

/**
 * One population of elections a {@link Calibration} runs the battery on: clean elections (whose rejections are
 * false positives) or elections with a known fraud (whose rejections are detections). The built-in ones are made by
 * {@link CalibrationScenarios}. Implementations are immutable and draw election k of a run from the seed they are
 * given alone.
 *
 * @since 0.1
 */
public sealed interface CalibrationScenario {
    /** Whether a scenario's elections are clean. */
    enum Kind {
        /** No fraud: a rejection is a false positive. */
        CLEAN("clean"),
        /** A known fraud: a rejection is a detection. */
        FRAUD("fraud");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** @return the spelling in tables and JSON */
        public String id() {
            return id;
        }
    }

    /** @return the scenario's name, as tables print it */
    String name();

    /** @return clean or fraud */
    Kind kind();

    /** @return what the elections are, in words (the {@code simulate} options that draw them, or the file) */
    String description();

    /** @return the ids of the tests this fraud targets (whose power against it decides "no power"); empty if clean */
    List<String> targets();

    /**
     * @param seed the election's seed
     * @return the election (all units: the battery applies its unit filter)
     */
    Election election(long seed);

    /**
     * Elections simulated by the engine: an electorate and the frauds applied to it (none for a clean scenario).
     *
     * @param name        the name
     * @param kind        clean (no frauds) or fraud
     * @param description the {@code simulate} options that draw it
     * @param model       the electorate and frauds
     * @param targets     the tests the fraud targets
     */
    record Simulated(String name, Kind kind, String description, SimulationModel model, List<String> targets)
            implements CalibrationScenario {
        /** @throws IllegalArgumentException if a clean scenario has frauds or a fraud scenario has none */
        public Simulated {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(model, "model");
            targets = List.copyOf(targets);
            boolean noFraud = model.frauds().stream().allMatch(FraudModel::isNoOp);
            if (kind == Kind.CLEAN && !noFraud) {
                throw new IllegalArgumentException("clean scenario " + name + " has a fraud model");
            }
            if (kind == Kind.FRAUD && noFraud) {
                throw new IllegalArgumentException("fraud scenario " + name + " changes no unit");
            }
        }

        @Override
        public Election election(long seed) {
            return MonteCarloEngine.run(model, seed, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE,
                    Progress.NONE).units().orElseThrow();
        }
    }

    /**
     * Clean twins of a real election ({@link CleanTwins}: every unit's registered voters and group kept, turnout and
     * shares drawn from the no-fraud model fitted to the election): the elections {@code calibrate --like FILE}
     * measures a file's false-positive rates on.
     *
     * @param name        the name
     * @param description the file and the fit
     * @param twins       the fitted twins
     */
    record Twins(String name, String description, CleanTwins twins) implements CalibrationScenario {
        /** Checks the fields. */
        public Twins {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(twins, "twins");
        }

        @Override
        public Kind kind() {
            return Kind.CLEAN;
        }

        @Override
        public List<String> targets() {
            return List.of();
        }

        /** @return twin 0 of the seed: each election of a run is the first twin of its own seed */
        @Override
        public Election election(long seed) {
            return twins.election(seed, 0);
        }
    }
}
