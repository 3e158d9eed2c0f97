package org.psephos.cases.kazakhstan;

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
import org.psephos.data.DataException;
import org.psephos.scenarios.ScenarioFiles;
import org.psephos.scenarios.ScenarioPresets;
import org.psephos.scenarios.ScenarioSpec;

/** The case's presets reach scenario files through the service registration, not through library code. */
class KazakhstanPresetsTest {
    private static final Path KZ = Path.of("datasets/kazakhstan");

    @Test
    void installedThroughTheServiceFile() {
        assertEquals(List.of("kazakhstan-2019", "kazakhstan-2022", "kazakhstan-2022-referendum",
                "kazakhstan-2024-referendum"), ScenarioPresets.installed().names());
        assertEquals(KazakhstanModel.PRESETS, ScenarioPresets.installed().names());
    }

    @Test
    void kazakhScenarioFilesParse() {
        for (String name : List.of("a-fraud-to-reported", "b-no-runoff", "c-referendum-2022-turnout",
                "c-referendum-2024-turnout", "d-detection-power", "e-observer-sampling", "f-referendum-2022-regions")) {
            ScenarioSpec s = ScenarioFiles.read(KZ.resolve("scenarios").resolve(name + ".json"));
            String election = name.contains("2022-") ? "kz-2022-referendum" : name.contains("2024") ? "kz-2024-referendum"
                    : "kz-2022-presidential";
            assertEquals(KazakhstanModel.calibrate(KZ, election).stations(), s.electorate().units(), name);
            assertTrue(s.preset());
            assertFalse(s.name().isEmpty());
        }
    }

    @Test
    void anUnknownPresetListsTheInstalledOnes(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.json");
        Files.writeString(f, """
                {"name": "x", "electorate": {"preset": "kazakhstan-2023"},
                 "families": [{"model": "ballot-stuffing", "sweep": "share", "values": [0]}]}
                """);
        DataException e = assertThrows(DataException.class, () -> ScenarioFiles.read(f));
        assertTrue(e.getMessage().contains("unknown preset (use one of kazakhstan-2019, kazakhstan-2022, "
                + "kazakhstan-2022-referendum, kazakhstan-2024-referendum)"), e.getMessage());
        assertTrue(e.getMessage().contains("electorate.preset"), e.getMessage());
    }
}
