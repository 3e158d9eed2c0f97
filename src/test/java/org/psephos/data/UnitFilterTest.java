package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitFilterTest {

    /** Seven units, one per drop reason plus one clean unit, so each reason is counted exactly once. */
    private static Election oneOfEach() {
        int m = Election.MISSING;
        return Election.builder("t")
                //                 ok   miss noReg small zeroB b>r  v>b  zeroBase
                .registered(new int[] {100, 100, 0, 10, 100, 100, 100, 100})
                .ballots(new int[] {50, m, 0, 5, 0, 120, 50, 50})
                .invalid(new int[] {2, 0, 0, 0, 0, 0, 0, 0})
                .option("A", new int[] {30, 10, 0, 3, 0, 60, 40, 0})
                .option("B", new int[] {18, 10, 0, 2, 0, 60, 20, 0})
                .build();
    }

    @Test
    void countsEachUnitUnderItsFirstReason() {
        UnitFilter.Filtered f = new UnitFilter(50).apply(oneOfEach());
        assertEquals(1, f.report().kept());
        assertEquals(8, f.report().read());
        assertEquals(Map.of(DropReason.MISSING_VALUE, 1, DropReason.NO_REGISTERED, 1, DropReason.TOO_SMALL, 1,
                DropReason.ZERO_BALLOTS, 1, DropReason.BALLOTS_EXCEED_REGISTERED, 1,
                DropReason.VOTES_EXCEED_BALLOTS, 1, DropReason.ZERO_SHARE_BASE, 1), f.report().dropped());
        assertEquals(50, f.election().ballots(0));
        assertEquals(50, f.election().found(0)); // 30 + 18 votes + 2 invalid
    }

    /** The reference tools' rules (issue 14): EFToolkit keeps every unit, Kobak et al. drop a missing leader only. */
    @Test
    void referenceToolRulesKeepWhatTheToolsKeep() {
        Election e = oneOfEach();
        UnitFilter.Filtered all = UnitFilter.keepAll().apply(e);
        assertEquals(8, all.report().kept());
        assertEquals(Map.of(), all.report().dropped());
        int[] a = e.votesColumn(0);
        a[6] = Election.MISSING;
        Election edited = Election.builder("t").registered(e.registeredColumn()).ballots(e.ballotsColumn())
                .invalid(e.invalidColumn()).option("A", a).option("B", e.votesColumn(1)).leader(0).build();
        UnitFilter.Filtered kobak = UnitFilter.leaderPresent().apply(edited);
        assertEquals(7, kobak.report().kept(), "only the unit without the leader's count");
        assertEquals(Map.of(DropReason.MISSING_VALUE, 1), kobak.report().dropped());
        assertEquals(UnitFilter.Rule.STANDARD, new UnitFilter(50).rule());
    }

    @Test
    void totalsAreLongAndSkipMissingCells() {
        int big = 2_000_000_000;
        Election e = Election.builder("t").registered(new int[] {big, big, big})
                .ballots(new int[] {big, big, Election.MISSING})
                .option("A", new int[] {big, big, 1}).build();
        ElectionTotals t = e.totals();
        assertEquals(6_000_000_000L, t.registered());
        assertEquals(4_000_000_000L, t.ballots());
        assertEquals(4_000_000_001L, t.optionVotes()[0]);
        assertEquals(2.0 / 3.0, t.turnout(), 1e-15);
    }
}
