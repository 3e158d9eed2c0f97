package org.psephos.data;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one arithmetic check of {@link ArithmeticAudit} on one election (and area): whether the identity
 * holds, what the counts imply, what was published and how far apart they are, in words a reader can check by hand.
 *
 * <p>Numbers follow one convention: {@code expected} is what the other published figures imply (a sum, a computed
 * turnout, a base), {@code found} is the published or implied figure being checked, and
 * {@code difference = found - expected}. A number that does not apply is {@code NaN}. Per-unit checks count units:
 * expected 0 failing units, found the number failing, with the first few unit identifiers in {@code units}.
 * Immutable.
 *
 * @param election    the election's identifier (or the per-unit election's name)
 * @param area        {@link AggregateResult#NATIONAL}, a region's name, or {@code units} for per-unit checks
 * @param check       the check's identifier, e.g. {@code valid+invalid=ballots}
 * @param status      the outcome
 * @param expected    what the other figures imply, or NaN
 * @param found       the figure checked, or NaN
 * @param difference  {@code found - expected}, or NaN
 * @param explanation one or two sentences with the numbers and what they mean
 * @param units       for per-unit checks, the first few failing units' identifiers; otherwise empty
 * @since 0.1
 */
public record AuditFinding(String election, String area, String check, Status status, double expected, double found,
                           double difference, String explanation, List<String> units) {

    /** The outcome of a check. */
    public enum Status {
        /** The identity holds within the rounding of the printed figures. */
        OK,
        /** The identity fails, or sources contradict each other. */
        DISCREPANCY,
        /** A figure the identity needs was not published; the explanation says what the others imply. */
        UNVERIFIABLE
    }

    /**
     * Copies {@code units}.
     *
     * @throws NullPointerException if an argument is null
     */
    public AuditFinding {
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(explanation, "explanation");
        units = List.copyOf(units);
    }

    /**
     * @param result      the result checked
     * @param check       the check's identifier
     * @param status      the outcome
     * @param expected    what the other figures imply, or NaN
     * @param found       the figure checked, or NaN
     * @param explanation the explanation
     * @return a finding on an aggregate result, with {@code difference = found - expected}
     */
    static AuditFinding of(AggregateResult result, String check, Status status, double expected, double found,
                           String explanation) {
        return new AuditFinding(result.election(), result.area(), check, status, expected, found, found - expected,
                explanation, List.of());
    }
}
