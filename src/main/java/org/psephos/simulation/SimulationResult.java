package org.psephos.simulation;

import java.util.Objects;
import java.util.Optional;
import org.psephos.data.Election;

/**
 * What a Monte Carlo run returns: the summary over all replicates and, when asked for, the units of the first
 * replicate as an {@link Election} (groupings {@code region} and {@code fraud}, the true fraud class of every unit).
 * Immutable.
 *
 * @param summary        the summary over replicates
 * @param firstReplicate the first replicate's units, or {@code null} in summary mode
 * @since 0.1
 */
public record SimulationResult(SimulationSummary summary, Election firstReplicate) {
    /** @throws NullPointerException if the summary is null */
    public SimulationResult {
        Objects.requireNonNull(summary, "summary");
    }

    /** @return the first replicate's units, if the run kept them */
    public Optional<Election> units() {
        return Optional.ofNullable(firstReplicate);
    }
}
