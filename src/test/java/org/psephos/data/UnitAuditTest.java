package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psephos.data.AuditFinding.Status.DISCREPANCY;
import static org.psephos.data.AuditFinding.Status.OK;
import static org.psephos.data.AuditFinding.Status.UNVERIFIABLE;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-unit audit on built elections with planted errors: counts, sizes and the units named. */
class UnitAuditTest {
    private static final int M = Election.MISSING;

    private static Election planted() {
        // unit:                        s1   s2   s3   s4   s5   s6   s7
        return Election.builder("planted")
                .registered(new int[] {100, 100, 100, 100, 100, 50, 100})
                .ballots(new int[] {80, 80, 80, 80, 80, 60, M})
                .valid(new int[] {75, 75, 70, 75, 75, 60, 75})
                .invalid(new int[] {5, 5, 5, 5, 3, 0, 5})
                .option("A", new int[] {50, 50, 50, 50, 50, 40, 50})
                .option("B", new int[] {25, 26, 20, 25, 25, 20, M})
                .unitIds(new String[] {"s1", "s2", "s3", "s4", "s5", "s6", "s7"})
                .build();
    }

    private static AuditFinding find(AuditReport r, String check) {
        List<AuditFinding> f = r.find("planted", check);
        assertEquals(1, f.size(), check);
        return f.get(0);
    }

    @Test
    void countsFailingUnitsPerCheckAndNamesThem() {
        AuditReport r = ArithmeticAudit.audit(planted());
        AuditFinding sum = find(r, "options-sum=valid");
        assertEquals(DISCREPANCY, sum.status());
        assertEquals(1, sum.found(), "only s2 (76 vs 75); s7 is skipped for its missing cell");
        assertEquals(List.of("s2"), sum.units());
        assertTrue(sum.explanation().contains("1 units skipped for missing cells"), sum.explanation());

        AuditFinding ballots = find(r, "valid+invalid=ballots");
        assertEquals(2, ballots.found(), "s3 (75 vs 80) and s5 (78 vs 80)");
        assertEquals(List.of("s3", "s5"), ballots.units());
        assertTrue(ballots.explanation().contains("total |difference| 7"), ballots.explanation());

        AuditFinding registered = find(r, "ballots<=registered");
        assertEquals(List.of("s6"), registered.units(), "60 ballots, 50 registered");
        assertEquals(DISCREPANCY, registered.status());
    }

    @Test
    void aCleanElectionPassesAndMissingColumnsAreUnverifiable() {
        Election clean = Election.builder("clean")
                .registered(new int[] {100, 200}).ballots(new int[] {60, 150})
                .option("A", new int[] {40, 100}).option("B", new int[] {20, 50}).build();
        AuditReport r = ArithmeticAudit.audit(clean);
        assertEquals(UNVERIFIABLE, r.find("clean", "options-sum=valid").get(0).status());
        assertEquals(UNVERIFIABLE, r.find("clean", "valid+invalid=ballots").get(0).status());
        AuditFinding reg = r.find("clean", "ballots<=registered").get(0);
        assertEquals(OK, reg.status());
        assertTrue(reg.explanation().startsWith("holds in all 2 units"), reg.explanation());
    }

    @Test
    void namesAtMostFiveUnits() {
        int n = 12;
        int[] reg = new int[n];
        int[] bal = new int[n];
        java.util.Arrays.fill(reg, 10);
        java.util.Arrays.fill(bal, 11);
        Election e = Election.builder("planted").registered(reg).ballots(bal).option("A", bal).build();
        AuditFinding f = find(ArithmeticAudit.audit(e), "ballots<=registered");
        assertEquals(12, f.found());
        assertEquals(List.of("1", "2", "3", "4", "5"), f.units(), "positions when the units have no ids");
    }
}
