package org.psephos.cases.kazakhstan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psephos.data.DataException;

class KazakhstanSensitivityTest {
    private static final Path FILE = Path.of("datasets/kazakhstan/scenarios/sensitivity.json");

    /**
     * The shipped grid: station sd × size log-sd, 3 × 3 around the calibrated values, crossed with three regional
     * sds: 27 distinct cells, the calibrated one first, every (station sd, size log-sd) pair of the 3 × 3 present at
     * the calibrated regional sd.
     */
    @Test
    void theShippedGridCrossesStationSdSizeAndRegionalSd() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(FILE));
        List<KazakhstanModel.Params> cells = SensitivityFile.cells(root, FILE);
        assertEquals(27, cells.size());
        assertEquals(27, new HashSet<>(cells).size(), "each cell once");
        assertEquals(KazakhstanModel.Params.DEFAULT, cells.get(0));
        for (double sd : new double[] {0.05, 0.08, 0.11}) {
            for (double size : new double[] {0.4, 0.6, 0.8}) {
                assertTrue(cells.contains(new KazakhstanModel.Params(size, sd, sd, 0.15)), sd + " " + size);
            }
        }
        for (KazakhstanModel.Params p : cells) {
            assertEquals(p.stationTurnoutSd(), p.stationShareSd(), 0, "one station sd for turnout and support");
            assertTrue(List.of(0.05, 0.08, 0.11).contains(p.stationTurnoutSd())
                    && List.of(0.4, 0.6, 0.8).contains(p.sizeSigma())
                    && List.of(0.075, 0.15, 0.3).contains(p.regionShareSd()), p.toString());
        }
    }

    /** Two grids in one file: their union, each cell once, the calibrated one first. */
    @Test
    void gridsAreUnitedWithoutRepeats() throws IOException {
        JsonNode root = new ObjectMapper().readTree("""
                {"grids": [{"stationSd": [0.05, 0.08]}, {"stationSd": [0.08, 0.11], "regionShareSd": [0.3]}]}
                """);
        List<KazakhstanModel.Params> cells = SensitivityFile.cells(root, FILE);
        KazakhstanModel.Params d = KazakhstanModel.Params.DEFAULT;
        assertEquals(List.of(d, new KazakhstanModel.Params(0.6, 0.05, 0.05, 0.15),
                new KazakhstanModel.Params(0.6, 0.08, 0.08, 0.3), new KazakhstanModel.Params(0.6, 0.11, 0.11, 0.3)),
                cells);
        JsonNode bad = new ObjectMapper().readTree("{\"grids\": [{\"stationSD\": [0.05]}]}");
        DataException e = assertThrows(DataException.class, () -> SensitivityFile.cells(bad, FILE));
        assertTrue(e.getMessage().contains("stationSD"), e.getMessage());
    }

    /**
     * The summary over a 2 × 2 grid, against hand-computed values: figure = 10 × station sd + size log-sd on cells
     * (0.05, 0.4), (0.05, 0.8), (0.11, 0.4), (0.11, 0.8), calibrated (0.08, 0.6) first: values 1.4, 0.9, 1.3, 1.5,
     * 1.9, so the range is 0.9 (cell 1) to 1.9 (cell 4); the main effects are the ranges of the means per value.
     */
    @Test
    void summariesGiveRangeAndMainEffects() {
        double[][] grid = {{0.08, 0.6}, {0.05, 0.4}, {0.05, 0.8}, {0.11, 0.4}, {0.11, 0.8}};
        List<KazakhstanSensitivity.Variant> variants = new ArrayList<>();
        for (int i = 0; i < grid.length; i++) {
            double sd = grid[i][0];
            double size = grid[i][1];
            variants.add(new KazakhstanSensitivity.Variant(i == 0, new KazakhstanModel.Params(size, sd, sd, 0.15), 0,
                    0, List.of(new KazakhstanSensitivity.Figure("a", "x", 10 * sd + size, 0.01 * (i + 1),
                    KazakhstanSensitivity.Kind.INTENSITY))));
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        values.put("stationSd", List.of(0.05, 0.08, 0.11));
        values.put("sizeSigma", List.of(0.4, 0.6, 0.8));
        values.put("regionShareSd", List.of(0.15));
        List<KazakhstanSensitivity.Summary> s = SensitivityFigures.summaries(variants, values);
        assertEquals(1, s.size());
        KazakhstanSensitivity.Summary m = s.get(0);
        assertEquals(1.4, m.calibrated(), 1e-12);
        assertEquals(0.01, m.calibratedError(), 0);
        assertEquals(0.9, m.lowest(), 1e-12);
        assertEquals(1, m.lowestAt());
        assertEquals(1.9, m.highest(), 1e-12);
        assertEquals(4, m.highestAt());
        // station sd: means 1.1 (cells 1, 2), 1.4 (cell 0), 1.7 (cells 3, 4): effect 0.6; size: means 1.2, 1.4, 1.6:
        // effect 0.4; the regional sd is not varied and has no effect entry.
        assertEquals(0.6, m.effects().get("stationSd"), 1e-12);
        assertEquals(0.4, m.effects().get("sizeSigma"), 1e-12);
        assertEquals(2, m.effects().size());
        assertEquals(0.05, m.largestError(), 1e-15);
    }

    /**
     * The power reruns of the grid and scenario d: a power p from R replicates has Monte Carlo error
     * sqrt(p (1 − p) / R), at most 0.5 / sqrt(R), which is below the report's bound of 0.03 from R = 278 on, whatever
     * the power turns out to be.
     */
    @Test
    void powerReplicatesHonourTheProbabilityBoundAtAnyPower() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode runs = json.readTree(Files.readString(FILE)).get("runs");
        int d = runs.get("d-detection-power.json").get("replicates").asInt();
        int main = json.readTree(Files.readString(FILE.resolveSibling("d-detection-power.json"))).get("replicates")
                .asInt();
        for (int r : new int[] {d, main}) {
            assertTrue(0.5 / Math.sqrt(r) < 0.03, r + " replicates");
        }
    }
}
