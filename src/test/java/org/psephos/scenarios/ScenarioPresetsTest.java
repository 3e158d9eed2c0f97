package org.psephos.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.DataException;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;

/** A scenario file's preset comes from the set it is read with; the library itself names none. */
class ScenarioPresetsTest {
    private static final String FILE = """
            {"name": "p", "seed": 1, "replicates": 10,
             "electorate": {"preset": "%s", "dataset": "data", "againstAll": "%s"},
             "families": [{"model": "ballot-stuffing", "sweep": "share", "values": [0, 0.1]}]}
            """;

    private static RegionalElectorate toy() {
        return new RegionalElectorate(List.of(new RegionalElectorate.Region("A", 10,
                new SizeDistribution.Uniform(500, 1000), ProportionDistribution.normal(0.6, 0.05),
                ProportionDistribution.normal(0.5, 0.05))), 0, 2, 20, 0.01);
    }

    @Test
    void aPresetIsCalibratedOnTheDatasetNextToTheFile(@TempDir Path dir) throws IOException {
        RegionalElectorate toy = toy();
        List<Path> asked = new ArrayList<>();
        Map<String, ScenarioPresets.Preset> byName = new LinkedHashMap<>();
        byName.put("toy", dataset -> {
            asked.add(dataset);
            return new ScenarioPresets.Calibrated(toy, rule -> new AgainstAll(rule, 0.05, 0.1));
        });
        ScenarioPresets presets = ScenarioPresets.of(byName);
        ScenarioSpec s = ScenarioFiles.read(ScenarioRunnerTest.write(dir, "p.json", FILE.formatted("toy",
                "proportional")), presets);
        assertEquals(List.of(dir.resolve("data").toAbsolutePath().normalize()), asked);
        assertSame(toy, s.electorate());
        assertEquals(new AgainstAll(AgainstAll.Rule.PROPORTIONAL, 0.05, 0.1), s.againstAll());
        assertTrue(s.preset());
        assertEquals("toy", s.electorateLabel());
    }

    @Test
    void anUnknownPresetNamesTheKnownOnes(@TempDir Path dir) throws IOException {
        Map<String, ScenarioPresets.Preset> byName = new LinkedHashMap<>();
        byName.put("b", d -> null);
        byName.put("a", d -> null);
        Path f = ScenarioRunnerTest.write(dir, "p.json", FILE.formatted("c", "held"));
        DataException e = assertThrows(DataException.class, () -> ScenarioFiles.read(f, ScenarioPresets.of(byName)));
        assertTrue(e.getMessage().contains("unknown preset (use one of b, a)"), e.getMessage());
        assertEquals(List.of("b", "a"), ScenarioPresets.of(byName).names());
    }
}
