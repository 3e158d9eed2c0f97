package org.psephos.cases.kazakhstan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psephos.data.DataException;
import org.psephos.scenarios.AgainstAll;
import org.psephos.scenarios.CompositeSimulation;
import org.psephos.scenarios.RegionalElectorate;
import org.psephos.scenarios.ReplicateEstimate;
import org.psephos.scenarios.ScenarioFiles;
import org.psephos.scenarios.ScenarioSpec;
import org.psephos.simulation.ReplicateTotals;

class KazakhstanModelTest {
    private static final Path KZ = Path.of("datasets/kazakhstan");

    /**
     * Every region's modelled expected turnout is its latest published figure within 0.05 points (the fit is exact up
     * to the bisection's precision), in both presidential elections and both referendums; the model covers the
     * stations in the country and the register in the country.
     */
    @ParameterizedTest
    @ValueSource(strings = {"kz-2019-presidential", "kz-2022-presidential", "kz-2022-referendum",
        "kz-2024-referendum"})
    void everyRegionIsCalibratedToItsPublishedTurnout(String election) {
        KazakhstanModel.Calibration c = KazakhstanModel.calibrate(KZ, election);
        for (KazakhstanModel.RegionTurnout r : c.regions()) {
            assertTrue(Math.abs(r.modelled() - r.published()) < 0.05, r.toString());
            assertEquals(r.published(), r.modelled(), 1e-6, r.area());
            assertEquals(r.modelled() / 100, KazakhstanModel.electorate(c).expectedTurnout(
                    c.regions().indexOf(r)), 1e-12);
        }
        assertEquals(c.stations(), c.regions().stream().mapToInt(KazakhstanModel.RegionTurnout::stations).sum());
        assertEquals(c.registeredInCountry(), c.regions().stream()
                .mapToDouble(KazakhstanModel.RegionTurnout::registered).sum(), 1);
        assertTrue(c.briefings() > 0);
        // The support centre gives the official share as the expected share of valid votes.
        assertEquals(c.leaderShare(), KazakhstanModel.electorate(c).expectedShare(), 1e-9);
    }

    @Test
    void regionsStationsAndRegistersAsPublished() {
        KazakhstanModel.Calibration c19 = KazakhstanModel.calibrate(KZ, "kz-2019-presidential");
        KazakhstanModel.Calibration c22 = KazakhstanModel.calibrate(KZ, "kz-2022-presidential");
        assertEquals(17, c19.regions().size());
        assertEquals(20, c22.regions().size());
        // CEC: 9,968 stations in 2019, 64 abroad; 10,101 in 2022, 68 abroad.
        assertEquals(9968 - 64, c19.stations());
        assertEquals(10101 - 68, c22.stations());
        assertEquals(68, c22.stationsAbroad());
        // Register in the country = the final register less the 12,841 voters listed abroad.
        assertEquals(11953465 - 12841, c22.registeredInCountry(), 0);
        KazakhstanModel.RegionTurnout wko = region(c22, "West Kazakhstan Region");
        assertEquals(442903, wko.registered(), 0);
        assertEquals(505, wko.stations());
        assertEquals("published", wko.registeredBasis());
        assertEquals(770000, region(c22, "Karaganda Region").registered(), 0);
        assertEquals(642, region(c22, "Karaganda Region").stations());
        assertEquals(28.72, region(c22, "Almaty (city)").published(), 0);
        assertEquals("22:00", region(c22, "Almaty (city)").asOf());
        // The four western regions without a published count share the rest equally: 10,033 - 8,707 = 1,326.
        assertEquals(1326, Stream.of("Aktobe Region", "Atyrau Region", "Mangystau Region", "Kyzylorda Region")
                .mapToInt(a -> region(c22, a).stations()).sum());
        // 2019: the estimated registers of the regions on capital time against the CEC's 9,627,073 at 07:00
        // (not used by the estimate): within 1%.
        KazakhstanModel.Check group = c19.checks().stream().filter(k -> k.what().startsWith("regions on capital"))
                .findFirst().orElseThrow();
        assertEquals(9627073, group.published(), 0);
        assertTrue(Math.abs(group.modelled() / group.published() - 1) < 0.01, group.toString());
        // Almaty's estimated 2022 register against its register at the June 2022 referendum: within 20%.
        KazakhstanModel.Check almaty = c22.checks().stream().filter(k -> k.what().equals("Almaty (city)"))
                .findFirst().orElseThrow();
        assertTrue(Math.abs(almaty.modelled() / almaty.published() - 1) < 0.2, almaty.toString());
    }

    /** The national figure is reproduced up to the difference between the preliminary 22:00 and the final one. */
    @Test
    void nationalResidualIsReportedNotForced() {
        KazakhstanModel.Calibration c22 = KazakhstanModel.calibrate(KZ, "kz-2022-presidential");
        assertEquals(8300046.0 / 11953465, c22.nationalTurnout(), 1e-12);
        assertEquals(c22.modelledTurnout() - c22.nationalTurnout(), c22.residual(), 0);
        assertTrue(Math.abs(c22.residual()) < 0.001, "the 22:00 national figure 69.43 against the final 69.44: "
                + c22.residual());
        assertEquals(6456392.0 / 7940477, c22.leaderShare(), 1e-12);
        assertEquals(460484.0 / (7940477 - 6456392), c22.againstAllShare(), 1e-12);
        assertEquals(359569.0 / 8300046, c22.invalidRate(), 1e-12);
        assertTrue(c22.invalidDerived());
    }

    /** Simulated regional turnouts agree with the calibrated expectations within four Monte Carlo errors. */
    @Test
    void simulatedRegionalTurnoutMatchesTheCalibration() {
        KazakhstanModel.Calibration c = KazakhstanModel.calibrate(KZ, "kz-2022-presidential");
        RegionalElectorate e = KazakhstanModel.electorate(c);
        int reps = 30;
        List<List<ReplicateTotals>> byRegion = CompositeSimulation.regionalTotals(e, List.of(), 7, 2, 0, reps);
        for (int r = 0; r < byRegion.size(); r++) {
            double[] t = byRegion.get(r).stream().mapToDouble(ReplicateTotals::turnout).toArray();
            ReplicateEstimate est = ReplicateEstimate.of(t);
            double expected = c.regions().get(r).modelled() / 100;
            assertEquals(expected, est.mean(), 4 * est.meanError() + 1e-4, c.regions().get(r).area());
        }
        List<ReplicateTotals> national = CompositeSimulation.national(byRegion, e.options());
        ReplicateEstimate share = ReplicateEstimate.of(national.stream()
                .mapToDouble(CompositeSimulation::leaderShareOfValid).toArray());
        assertEquals(c.leaderShare(), share.mean(), 4 * share.meanError() + 5e-4);
    }

    @Test
    void scenarioPresetsTakeAGivenCalibration() {
        KazakhstanModel.Calibration c = KazakhstanModel.calibrate(KZ, "kz-2022-presidential");
        int[] calls = new int[1];
        ScenarioSpec s = ScenarioFiles.read(KZ.resolve("scenarios/b-no-runoff.json"),
                KazakhstanPresets.of((dir, election) -> {
                    calls[0]++;
                    assertEquals(KZ.toAbsolutePath().normalize(), dir);
                    assertEquals("kz-2022-presidential", election);
                    return c;
                }));
        assertEquals(1, calls[0]);
        assertEquals(KazakhstanModel.electorate(c), s.electorate());
        // "against all" held at its official 2022 share of valid votes, the proportional fraction kept for the
        // sensitivity row: 460,484 of 7,940,477 valid votes, of which 1,484,085 not for Tokayev.
        assertEquals(AgainstAll.Rule.HELD, s.againstAll().rule());
        assertEquals(460484.0 / 7940477, s.againstAll().ofValid(), 1e-15);
        assertEquals(460484.0 / (7940477 - 6456392), s.againstAll().ofOthers(), 1e-15);
        assertEquals(ScenarioFiles.read(KZ.resolve("scenarios/b-no-runoff.json")).electorate(), s.electorate());
    }

    /** A bad row of the briefings file is a data error naming file, line and column. */
    @Test
    void badBriefingRowsNameFileLineAndColumn(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(KZ)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path intraday = dir.resolve("intraday_turnout.csv");
        List<String> lines = Files.readAllLines(intraday);
        lines.add("kz-2022-presidential,22:7,Abai Region,80.18,test");
        Files.write(intraday, lines);
        DataException e = assertThrows(DataException.class, () -> KazakhstanModel.calibrate(dir,
                "kz-2022-presidential"));
        assertTrue(e.file().endsWith("intraday_turnout.csv"), e.getMessage());
        assertEquals(lines.size(), e.line(), e.getMessage());
        assertEquals("22:7", e.value(), e.getMessage());
        lines.set(lines.size() - 1, "kz-2022-presidential,23:00,Abai Region,180,test");
        Files.write(intraday, lines);
        e = assertThrows(DataException.class, () -> KazakhstanModel.calibrate(dir, "kz-2022-presidential"));
        assertEquals("180", e.value(), e.getMessage());
        assertTrue(e.column().contains("turnout_percent"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KazakhstanModel.calibrate(dir, "kz-2021-mazhilis"));
    }

    private static KazakhstanModel.RegionTurnout region(KazakhstanModel.Calibration c, String area) {
        return c.regions().stream().filter(r -> r.area().equals(area)).findFirst().orElseThrow();
    }

    /**
     * The scenarios simulate the leader against the rest ({@link RegionalElectorate#leaderAndRest()}): on the 2022
     * ballot of seven options, with and without vote switching (which takes from every other option), the means and
     * sds over replicates of everything a scenario reads (turnout, the leader's share of valid votes and of ballots,
     * invalid ballots) agree with the full ballot's within sampling error (|z| &lt; 4 on the difference of means; sds
     * within 35%, a loose bound for 60 replicates), and the merged option carries every non-leading vote.
     */
    @Test
    void theLeaderAgainstTheRestHasTheFullBallotsDistribution() {
        RegionalElectorate full = KazakhstanModel.electorate(KazakhstanModel.calibrate(KZ, "kz-2022-presidential"));
        RegionalElectorate merged = full.leaderAndRest();
        assertEquals(7, full.options());
        assertEquals(2, merged.options());
        assertEquals(merged, merged.leaderAndRest());
        int reps = 60;
        for (List<org.psephos.simulation.FraudModel> fraud : List.of(List.<org.psephos.simulation.FraudModel>of(),
                List.<org.psephos.simulation.FraudModel>of(new org.psephos.simulation.FraudModel.VoteSwitching(1,
                        0.3)))) {
            List<ReplicateTotals> a = CompositeSimulation.run(full, fraud, 11, 2, reps, false,
                    org.psephos.simulation.Progress.NONE).totals();
            List<ReplicateTotals> b = CompositeSimulation.run(merged, fraud, 12, 2, reps, false,
                    org.psephos.simulation.Progress.NONE).totals();
            for (ReplicateTotals t : b) {
                assertEquals(2, t.votes().length);
            }
            List<java.util.function.ToDoubleFunction<ReplicateTotals>> figures = List.of(
                    t -> (double) t.ballots() / t.registered(),
                    t -> (double) t.votes()[0] / java.util.Arrays.stream(t.votes()).sum(),
                    t -> (double) t.votes()[0] / t.ballots(),
                    t -> (double) t.invalid() / t.ballots());
            for (int f = 0; f < figures.size(); f++) {
                double[] x = a.stream().mapToDouble(figures.get(f)).toArray();
                double[] y = b.stream().mapToDouble(figures.get(f)).toArray();
                double mx = java.util.Arrays.stream(x).average().orElseThrow();
                double my = java.util.Arrays.stream(y).average().orElseThrow();
                double sx = new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(x);
                double sy = new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(y);
                double z = (mx - my) / Math.sqrt((sx * sx + sy * sy) / reps);
                assertTrue(Math.abs(z) < 4, "figure " + f + " fraud " + fraud + ": " + mx + " vs " + my + ", z " + z);
                assertTrue(sy > 0.65 * sx && sy < sx / 0.65, "figure " + f + " sd " + sx + " vs " + sy);
            }
        }
    }
}
