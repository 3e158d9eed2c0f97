package org.psephos.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.cases.kazakhstan.KazakhstanLaw;
import org.psephos.data.DataException;

/** Election-day increments on the regions' clocks; expected values by hand and with python3/numpy. */
class IntradayTurnoutTest {
    private static final Path KZ = Path.of("datasets/kazakhstan");
    private static final KazakhstanLaw LAW = KazakhstanLaw.read(KZ.resolve("law.json"));

    private static IntradayTurnout.Series series(IntradayTurnout t, String area) {
        return t.regions().stream().filter(s -> s.area().equals(area)).findFirst().orElseThrow();
    }

    @Test
    void incrementsOnTheRegionsClocks2022() {
        IntradayTurnout t = IntradayTurnout.read(KZ.resolve("intraday_turnout.csv"), KZ.resolve("regions.csv"),
                "kz-2022-presidential", LAW.pollsOpen(), LAW.pollsClose());
        assertEquals(20, t.regions().size());
        assertEquals(List.of("10:05", "12:05", "14:05", "16:05", "18:05", "22:00"), t.briefings());
        IntradayTurnout.Series almaty = series(t, "Almaty Region");
        // Capital time: 16:05 is 9 h 5 min of voting in Almaty Region (UTC+6, polls from 07:00).
        IntradayTurnout.Increment jump = almaty.increments().stream().filter(i -> i.from().equals("16:05"))
                .findFirst().orElseThrow();
        assertEquals(70.92 - 55.11, jump.points(), 1e-9);
        assertEquals(2.0, jump.hours(), 1e-9);
        // From 16:05 to the 22:00 figure (polls closed at 20:00): 72.10 - 55.11 over 13 - 9.0833 hours.
        assertEquals("16:05", almaty.lateFrom());
        assertEquals((72.10 - 55.11) / (13 - (9 + 5 / 60.0)), almaty.lateRate(), 1e-12);
        assertEquals(4.3378723404255295, almaty.lateRate(), 1e-9);
        // West Kazakhstan is an hour behind: 10:05 capital time is 09:05 local, two hours and five minutes of voting.
        IntradayTurnout.Series west = series(t, "West Kazakhstan Region");
        assertEquals(-1, west.clockShift(), 0);
        assertEquals("09:05", west.snapshots().get(0).localTime());
        assertEquals(2 + 5 / 60.0, west.snapshots().get(0).hoursOpen(), 1e-12);
        // Its briefing closest to 16:00 local is 16:05 capital = 15:05 local (55 minutes off; 18:05 is 17:05).
        assertEquals("16:05", west.lateFrom());
        assertEquals((68.67 - 54.62) / (13 - (8 + 5 / 60.0)), west.lateRate(), 1e-12);
        // Median and MAD of the 20 late rates and Almaty Region's modified z-score (numpy: 1.676711143166247,
        // 0.6911792282726308, 2.5969): not above 3.5, so not flagged.
        assertEquals(1.6767111431662474, t.median(), 1e-9);
        assertEquals(0.6911792282726308, t.mad(), 1e-9);
        assertEquals(2.5969, almaty.lateZ(), 1e-4);
        assertFalse(almaty.flagged());
        assertTrue(t.flagged().isEmpty());
        assertEquals(List.of("10:05", "12:05", "14:05", "16:05", "18:05", "22:00"),
                t.national().stream().map(IntradayTurnout.Snapshot::capitalTime).toList());
    }

    /** In 2024 every region was on one clock: no shift, and the late increment runs from 16:00 to 20:00. */
    @Test
    void oneClockIn2024() {
        IntradayTurnout t = IntradayTurnout.read(KZ.resolve("intraday_turnout.csv"), KZ.resolve("regions.csv"),
                "kz-2024-referendum", LAW.pollsOpen(), LAW.pollsClose());
        assertTrue(t.regions().stream().allMatch(s -> s.clockShift() == 0));
        IntradayTurnout.Series kyz = series(t, "Kyzylorda Region");
        assertEquals("16:00", kyz.lateFrom());
        assertEquals((82.48 - 76.15) / 4, kyz.lateRate(), 1e-12);
    }

    /** An outlying late surge among otherwise even regions is flagged. */
    @Test
    void anOutlyingLateSurgeIsFlagged(@TempDir Path dir) throws IOException {
        Path intraday = dir.resolve("i.csv");
        Path regions = dir.resolve("r.csv");
        StringBuilder i = new StringBuilder("election,capital_time,area,turnout_percent\n");
        StringBuilder r = new StringBuilder("election,area,utc_offset\n");
        for (int k = 0; k < 8; k++) {
            r.append("x,R").append(k).append(",+06:00\n");
            i.append("x,16:00,R").append(k).append(",").append(50 + k).append('\n');
            i.append("x,20:00,R").append(k).append(",").append(k == 7 ? 90 : 58 + k + k % 2).append('\n');
        }
        Files.writeString(intraday, i);
        Files.writeString(regions, r);
        IntradayTurnout t = IntradayTurnout.read(intraday, regions, "x", 7, 20);
        assertEquals(List.of("R7"), t.flagged().stream().map(IntradayTurnout.Series::area).toList());
        // Median of the rates {8, 9, 8, 9, 8, 9, 8, 33}/4 is 2.125 (8.5/4), MAD 0.125: M = 0.6745 (8.25 - 2.125) / 0.125.
        assertEquals(0.6745 * (33 / 4.0 - 8.5 / 4) / 0.125, series(t, "R7").lateZ(), 1e-9);
        Files.writeString(intraday, i + "x,25:00,R1,60\n");
        DataException e = assertThrows(DataException.class, () -> IntradayTurnout.read(intraday, regions, "x", 7, 20));
        assertTrue(e.getMessage().contains("25:00") || "25:00".equals(e.value()), e.getMessage());
        Files.writeString(intraday, i + "x,21:00,R9,60\n");
        e = assertThrows(DataException.class, () -> IntradayTurnout.read(intraday, regions, "x", 7, 20));
        assertEquals("R9", e.value(), e.getMessage());
    }
}
