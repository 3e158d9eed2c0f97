package org.psephos.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every finding of one {@link ArithmeticAudit} run, in the order the checks ran (grouped by election). Immutable.
 *
 * @param findings the findings
 * @since 0.1
 */
public record AuditReport(List<AuditFinding> findings) {

    /** Copies the list. */
    public AuditReport {
        findings = List.copyOf(findings);
    }

    /**
     * @param status a status
     * @return how many findings have it
     */
    public long count(AuditFinding.Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    /** @return the findings that are not {@link AuditFinding.Status#OK}, in order */
    public List<AuditFinding> problems() {
        return findings.stream().filter(f -> f.status() != AuditFinding.Status.OK).toList();
    }

    /**
     * @param election an election identifier
     * @param check    a check identifier
     * @return the findings of that check on that election (every area), in order
     */
    public List<AuditFinding> find(String election, String check) {
        return findings.stream().filter(f -> f.election().equals(election) && f.check().equals(check)).toList();
    }

    /** @return the findings grouped by election, in order of first appearance */
    public Map<String, List<AuditFinding>> byElection() {
        Map<String, List<AuditFinding>> out = new LinkedHashMap<>();
        for (AuditFinding f : findings) {
            out.computeIfAbsent(f.election(), k -> new ArrayList<>()).add(f);
        }
        return out;
    }
}
