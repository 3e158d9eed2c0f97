package org.psephos.cli;

import java.util.function.Function;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.SimulationModel;
import picocli.CommandLine.Option;

/**
 * The fraud options of {@code psephos simulate} (Klimek's incremental and extreme fraud, ballot stuffing, vote
 * switching, carousel voting, invalidated opposition ballots, an inflated register, invented results and digits): a
 * picocli mixin that adds the {@link FraudModel}s they name to a model, in that order.
 */
final class FraudOptions {
    @Option(names = "--incremental", paramLabel = "F_I", defaultValue = "0",
            description = "Klimek incremental fraud: share of units (default: ${DEFAULT-VALUE}).")
    double incremental;

    @Option(names = "--theta", paramLabel = "THETA", defaultValue = "0.4",
            description = "Klimek incremental intensity x = |N(0, THETA)| (default: ${DEFAULT-VALUE}).")
    double theta;

    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "2",
            description = "Klimek stealing exponent: stolen ~ Bin(opposition, x^ALPHA) (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--extreme", paramLabel = "F_E", defaultValue = "0",
            description = "Klimek extreme fraud: share of units, x = 1 - |N(0, 0.075)| (default: ${DEFAULT-VALUE}).")
    double extreme;

    @Option(names = "--stuffing", paramLabel = "FRACTION:SHARE",
            description = "Ballot stuffing of SHARE of non-voters in FRACTION of units.")
    String stuffing;

    @Option(names = "--switching", paramLabel = "FRACTION:SHARE",
            description = "Vote switching of SHARE of other options' votes to the leader in FRACTION of units.")
    String switching;

    @Option(names = "--carousel", paramLabel = "FRACTION:RATE",
            description = "Carousel voting: RATE repeat ballots per voter for the leader in FRACTION of units.")
    String carousel;

    @Option(names = "--invalidated", paramLabel = "FRACTION:SHARE",
            description = "SHARE of other options' ballots declared invalid in FRACTION of units.")
    String invalidated;

    @Option(names = "--inflated", paramLabel = "FRACTION:RATE:TURNOUT",
            description = "Inflated register: RATE phantoms per voter, TURNOUT of them vote for the leader.")
    String inflated;

    @Option(names = "--invented", paramLabel = "FRACTION",
            description = "Invented results rounded up to whole percentages in FRACTION of units.")
    Double invented;

    @Option(names = "--invented-digits", paramLabel = "FRACTION",
            description = "Invented digits: in FRACTION of units every digit of the leader's count after the first is "
                    + "redrawn with human preferences (0 and 5 favoured), the ballots moving with it.")
    Double inventedDigits;

    @Option(names = "--invented-target", paramLabel = "WHAT", defaultValue = "both",
            description = "turnout, share or both (default: ${DEFAULT-VALUE}).")
    String inventedTarget;

    /**
     * @param clean the model so far
     * @return the model with every fraud the options give
     * @throws IllegalArgumentException if a value is invalid (the caller reports it as a usage error)
     */
    SimulationModel addTo(SimulationModel clean) {
        SimulationModel m = clean;
        if (incremental > 0 || extreme > 0) {
            m = m.with(FraudModel.Klimek.of(incremental, theta, alpha, extreme));
        }
        m = withFraud(m, "--stuffing", stuffing, 2, p -> new FraudModel.BallotStuffing(p[0], p[1]));
        m = withFraud(m, "--switching", switching, 2, p -> new FraudModel.VoteSwitching(p[0], p[1]));
        m = withFraud(m, "--carousel", carousel, 2, p -> new FraudModel.CarouselVoting(p[0], p[1]));
        m = withFraud(m, "--invalidated", invalidated, 2, p -> new FraudModel.InvalidatedOpposition(p[0], p[1]));
        m = withFraud(m, "--inflated", inflated, 3, p -> new FraudModel.InflatedRegister(p[0], p[1], p[2]));
        if (invented != null) {
            m = m.with(new FraudModel.InventedResults(invented,
                    FraudModel.InventedResults.Target.parse(inventedTarget)));
        }
        if (inventedDigits != null) {
            m = m.with(new FraudModel.InventedDigits(inventedDigits));
        }
        return m;
    }

    /**
     * Adds the fraud model of an option of {@code count} colon-separated numbers, when the option is given.
     *
     * @param m      the model so far
     * @param option the option's name, for the message of a malformed value
     * @param value  the option's value, or null when it is not given
     * @param count  how many numbers the value holds
     * @param make   the fraud model of the numbers
     * @return the model with the fraud, or {@code m}
     */
    private static SimulationModel withFraud(SimulationModel m, String option, String value, int count,
                                             Function<double[], FraudModel> make) {
        return value == null ? m : m.with(make.apply(ColonNumbers.parse(option, value, count, count)));
    }
}
