package org.psephos.cases.kazakhstan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.psephos.scenarios.ScenarioPresets;

/**
 * The scenario-file presets of the Kazakhstan case, {@link KazakhstanModel#PRESETS} ({@code kazakhstan-2019},
 * {@code kazakhstan-2022}, {@code kazakhstan-2022-referendum}, {@code kazakhstan-2024-referendum}): the electorate
 * {@link KazakhstanModel} calibrates on the preset's dataset directory for the election of the same index in
 * {@link KazakhstanModel#ELECTIONS}, with its official "against all" figures. Listed in
 * {@code META-INF/services/org.psephos.scenarios.ScenarioPresets$Provider}, so {@link ScenarioPresets#installed()}
 * holds them. Stateless.
 *
 * @since 0.1
 */
public final class KazakhstanPresets implements ScenarioPresets.Provider {
    /** For {@link java.util.ServiceLoader}. */
    public KazakhstanPresets() {
    }

    /** @return the presets, each calibrating its dataset directory with the default assumptions */
    @Override
    public Map<String, ScenarioPresets.Preset> presets() {
        return presets(KazakhstanModel::calibrate);
    }

    /**
     * @param calibrations the calibration of a dataset directory and election (e.g. ones already computed)
     * @return the presets, calibrated by {@code calibrations}
     */
    static ScenarioPresets of(BiFunction<Path, String, KazakhstanModel.Calibration> calibrations) {
        return ScenarioPresets.of(presets(calibrations));
    }

    private static Map<String, ScenarioPresets.Preset> presets(
            BiFunction<Path, String, KazakhstanModel.Calibration> calibrations) {
        Map<String, ScenarioPresets.Preset> out = new LinkedHashMap<>();
        for (int i = 0; i < KazakhstanModel.PRESETS.size(); i++) {
            String election = KazakhstanModel.ELECTIONS.get(i);
            out.put(KazakhstanModel.PRESETS.get(i), dir -> {
                KazakhstanModel.Calibration c = calibrations.apply(dir, election);
                return new ScenarioPresets.Calibrated(KazakhstanModel.electorate(c), c::againstAll);
            });
        }
        return out;
    }
}
