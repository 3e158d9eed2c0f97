package org.psephos.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.DataException;
import org.psephos.simulation.Progress;
import org.psephos.simulation.ReplicateTotals;

class KazakhstanModelTest {
    private static final Path KZ = Path.of("datasets/kazakhstan");

    @Test
    void calibration2022UsesThe1805FigureOnlyWhereThe2200OneIsMissing() {
        KazakhstanModel.Calibration c = KazakhstanModel.calibrate(KZ, 2022);
        assertEquals(20, c.regions().size());
        assertEquals(6, c.regions().stream().filter(r -> r.asOf().startsWith("18:05")).count());
        KazakhstanModel.RegionTurnout astana = c.regions().stream().filter(r -> r.area().startsWith("Astana"))
                .findFirst().orElseThrow();
        assertEquals(48.01, astana.published(), 0);
        assertEquals(8300046.0 / 11953465, c.nationalTurnout(), 1e-12);
        assertEquals(6456392.0 / 7940477, c.leaderShare(), 1e-12);
        assertEquals(359569.0 / 8300046, c.invalidRate(), 1e-12);
        assertTrue(c.invalidDerived());
        double mean = c.regions().stream().mapToDouble(KazakhstanModel.RegionTurnout::calibrated).average()
                .orElseThrow();
        assertEquals(c.nationalTurnout(), mean, 1e-9);
    }

    @Test
    void scenarioPresetsTakeAGivenCalibration() {
        KazakhstanModel.Calibration c = KazakhstanModel.calibrate(KZ, 2022);
        assertEquals(c, KazakhstanModel.calibrate(KZ, 2022,
                org.psephos.data.AggregateResults.read(KZ.resolve("national_results.csv"))));
        int[] calls = new int[1];
        ScenarioSpec s = ScenarioFiles.read(KZ.resolve("scenarios/b-no-runoff.json"), (dir, year) -> {
            calls[0]++;
            assertEquals(KZ.toAbsolutePath().normalize(), dir);
            assertEquals(2022, year);
            return c;
        });
        assertEquals(1, calls[0]);
        assertEquals(KazakhstanModel.electorate(c), s.electorate());
        assertEquals(ScenarioFiles.read(KZ.resolve("scenarios/b-no-runoff.json")).electorate(), s.electorate());
    }

    @Test
    void simulatedNationalFiguresMatchTheCalibration() {
        KazakhstanModel.Calibration c = KazakhstanModel.calibrate(KZ, 2019);
        RegionalElectorate e = KazakhstanModel.electorate(c);
        assertEquals(KazakhstanModel.STATIONS, e.units());
        CompositeSimulation.Result r = CompositeSimulation.run(e, List.of(), 7, 2, 40, false, Progress.NONE);
        double turnout = r.totals().stream().mapToDouble(ReplicateTotals::turnout).average().orElseThrow();
        double share = r.totals().stream().mapToDouble(CompositeSimulation::leaderShareOfValid).average()
                .orElseThrow();
        double reg = r.totals().get(0).registered();
        assertEquals(c.nationalTurnout(), turnout, 0.01);
        assertEquals(c.leaderShare(), share, 0.01);
        assertEquals(c.registered(), reg, 0.03 * c.registered());
        org.psephos.simulation.ElectorateModel m = e.toElectorateModel();
        assertEquals(17, m.regions());
        assertEquals(KazakhstanModel.STATIONS, m.units());
        assertEquals(c.nationalTurnout(), m.turnout().mean(), 0.01);
        assertEquals(c.leaderShare(), m.share().mean(), 1e-12);
    }

    /** A short or malformed row of a regional turnout file is a data error naming file, line and column. */
    @Test
    void badRegionalRowsNameFileLineAndColumn(@TempDir Path dir) throws IOException {
        Files.copy(KZ.resolve("national_results.csv"), dir.resolve("national_results.csv"));
        Path regional = dir.resolve("regional_turnout_2022.csv");
        String header = "\uFEFFelection,area,turnout_percent,turnout_percent_at_1805\n";
        String good = "kz-2022-presidential,\"Abai Region, east\",80.18,78.88\n";
        Files.writeString(regional, header + good + "\n" + "kz-2022-presidential,Akmola Region\n");
        DataException e = assertThrows(DataException.class, () -> KazakhstanModel.calibrate(dir, 2022));
        assertTrue(e.file().endsWith("regional_turnout_2022.csv"), e.getMessage());
        assertEquals(4, e.line(), e.getMessage());
        assertEquals("'turnout_percent' (#3)", e.column(), e.getMessage());
        Files.writeString(regional, header + good + "kz-2022-presidential,Akmola Region,\n");
        e = assertThrows(DataException.class, () -> KazakhstanModel.calibrate(dir, 2022));
        assertEquals(3, e.line(), e.getMessage());
        assertEquals("'turnout_percent_at_1805' (#4)", e.column(), e.getMessage());
        Files.writeString(regional, header + good + "kz-2022-presidential,Akmola Region,7x.1,\n");
        e = assertThrows(DataException.class, () -> KazakhstanModel.calibrate(dir, 2022));
        assertEquals(3, e.line(), e.getMessage());
        assertEquals("'turnout_percent' (#3)", e.column(), e.getMessage());
        assertEquals("7x.1", e.value(), e.getMessage());
        Files.writeString(regional, header + good + "kz-2022-presidential,Akmola Region,,78.1\n");
        KazakhstanModel.Calibration c = KazakhstanModel.calibrate(dir, 2022);
        assertEquals(List.of("Abai Region, east", "Akmola Region"),
                c.regions().stream().map(KazakhstanModel.RegionTurnout::area).toList());
        assertEquals("18:05 (no 22:00 figure)", c.regions().get(1).asOf());
    }
}
