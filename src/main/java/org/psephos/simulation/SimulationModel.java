package org.psephos.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to simulate: a clean electorate ({@link ElectorateModel}) and the fraud models applied to it, in order.
 * An empty fraud list is the null model: a clean election. Immutable.
 *
 * @param electorate the electorate and its clean behaviour
 * @param frauds     fraud models, applied to each unit in list order
 * @since 0.1
 */
public record SimulationModel(ElectorateModel electorate, List<FraudModel> frauds) {
    /** @throws NullPointerException if the electorate, the list or an element is null */
    public SimulationModel {
        Objects.requireNonNull(electorate, "electorate");
        frauds = List.copyOf(frauds);
    }

    /**
     * @param electorate the electorate
     * @return the clean model
     */
    public static SimulationModel clean(ElectorateModel electorate) {
        return new SimulationModel(electorate, List.of());
    }

    /**
     * @param fraud a fraud model
     * @return a copy with the fraud model appended
     */
    public SimulationModel with(FraudModel fraud) {
        List<FraudModel> all = new ArrayList<>(frauds);
        all.add(Objects.requireNonNull(fraud, "fraud"));
        return new SimulationModel(electorate, all);
    }

    /** @param e an electorate @return a copy with that electorate and the same frauds */
    public SimulationModel withElectorate(ElectorateModel e) {
        return new SimulationModel(e, frauds);
    }
}
