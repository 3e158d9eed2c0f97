package org.psephos.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the arithmetic identities of a published result and lists every finding, so that a reader can see which
 * printed figures hold together, which contradict each other and which cannot be checked because a figure the
 * identity needs was never published.
 *
 * <h2>Aggregate results</h2>
 * For each election and area ({@link #audit(List)}):
 * <ul>
 *   <li>{@code votes-published}: every option has a vote count (reported only when one has none);</li>
 *   <li>{@code options-sum=valid}: \( \sum_k v_k = \text{valid} \), when valid is published;</li>
 *   <li>{@code valid+invalid=ballots}: valid (or the options' sum) + invalid = ballots; when invalid is not
 *       published the gap ballots − valid is reported as unexplained;</li>
 *   <li>{@code turnout}, {@code turnout-alt}: \( 100 \cdot \text{ballots} / \text{registered} \) reproduces the
 *       printed turnout within half a unit of its last printed digit (see {@link PrintedPercent}); without
 *       registered voters, the registered count the printed turnout implies;</li>
 *   <li>{@code percent-base}, {@code percent-alt-base}: the printed percentages reproduce within rounding on one of
 *       the bases valid, options' sum, ballots (all are named when several fit); if on none, the base they imply,
 *       \( B \in \bigcap_k [100 v_k/(p_k + h_k),\ 100 v_k/(p_k - h_k)] \), and what it implies (unpublished
 *       invalid ballots, votes of an option without a count);</li>
 *   <li>{@code percent-bases-agree}: the main and the other source's percentages use the same base;</li>
 *   <li>regional against national ({@code regional-sum-registered}, {@code regional-sum-ballots},
 *       {@code regional-sum-votes}, {@code regional-turnout-weighted}, {@code regional-turnout-range}): sums where
 *       both exist; where regions print only a turnout, the weighted comparison is reported as unverifiable and
 *       only the necessary condition min ≤ national ≤ max is checked.</li>
 * </ul>
 *
 * <h2>Per-unit results</h2>
 * For an {@link Election} ({@link #audit(Election)}), on every unit with the needed cells: options' sum = valid,
 * valid + invalid = ballots, ballots ≤ registered, each with the number of failing units, the total absolute
 * difference and the first {@value UnitChecks#EXAMPLES} unit identifiers.
 *
 * <p>Discrepancies are findings, not errors: nothing here throws on inconsistent data. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ArithmeticAudit {
    private ArithmeticAudit() {
    }

    /**
     * @param results national and regional results, possibly from several files; regional results are compared
     *                with the national result of the same election identifier
     * @return the findings, grouped by election in order of first appearance
     */
    public static AuditReport audit(List<AggregateResult> results) {
        return new AuditReport(AggregateChecks.run(results));
    }

    /**
     * @param files read aggregate files
     * @return the findings on all their results together
     */
    public static AuditReport auditFiles(List<AggregateResults> files) {
        List<AggregateResult> all = new ArrayList<>();
        files.forEach(f -> all.addAll(f.results()));
        return audit(all);
    }

    /**
     * @param election a per-unit result
     * @return one finding per identity, with failing unit counts and examples
     */
    public static AuditReport audit(Election election) {
        return new AuditReport(UnitChecks.run(election));
    }
}
