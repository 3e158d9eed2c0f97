package org.psephos.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.psephos.data.DataException;

/**
 * The electorate presets a scenario file can name ({@code "electorate": {"preset": NAME, "dataset": DIR}}): each a
 * model calibrated on a dataset directory. The library defines none: a country case (e.g.
 * {@code org.psephos.cases.kazakhstan}) supplies its presets through a {@link Provider} listed in its
 * {@code META-INF/services/org.psephos.scenarios.ScenarioPresets$Provider}, found with {@link ServiceLoader}. So
 * the case depends on this package and never the reverse, and every entry point (the command line, Java scripts,
 * Spark drivers, tests) sees the same presets without a registration call or shared mutable state. A caller may
 * also pass its own set to {@link ScenarioFiles#read(Path, ScenarioPresets)} (e.g. with calibrations already
 * computed). Immutable.
 *
 * @since 0.1
 */
public final class ScenarioPresets {
    private final Map<String, Preset> byName;

    private ScenarioPresets(Map<String, Preset> byName) {
        this.byName = byName;
    }

    /**
     * An electorate calibrated on a dataset, and the dataset's official "against all" figures under a rule.
     *
     * @param electorate the electorate
     * @param againstAll the official "against all" figures under each rule (may throw
     *                   {@link IllegalArgumentException} if the dataset's figures are out of range)
     */
    public record Calibrated(RegionalElectorate electorate, Function<AgainstAll.Rule, AgainstAll> againstAll) {
        /** @throws NullPointerException if a component is null */
        public Calibrated {
            Objects.requireNonNull(electorate, "electorate");
            Objects.requireNonNull(againstAll, "againstAll");
        }
    }

    /** One named preset. */
    @FunctionalInterface
    public interface Preset {
        /**
         * @param dataset the dataset directory the scenario file names
         * @return the electorate calibrated on it
         * @throws DataException            if a file of the dataset cannot be read or lacks a figure
         * @throws IllegalArgumentException if the dataset's figures admit no electorate
         */
        Calibrated calibrate(Path dataset);
    }

    /** What a country case implements (with a public no-argument constructor) and lists as a service. */
    public interface Provider {
        /** @return its presets by name, in the order error messages list them */
        Map<String, Preset> presets();
    }

    /**
     * @param presets presets by name, in the order error messages list them
     * @return a set of exactly these presets
     */
    public static ScenarioPresets of(Map<String, Preset> presets) {
        Map<String, Preset> copy = new LinkedHashMap<>();
        presets.forEach((name, preset) -> copy.put(Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(preset, "preset")));
        return new ScenarioPresets(copy);
    }

    /**
     * @return the presets of every {@link Provider} on the class path (providers in the order of their class names);
     *         loaded once
     * @throws IllegalStateException if two providers define the same name
     */
    public static ScenarioPresets installed() {
        return Installed.PRESETS;
    }

    /** Loads the providers once, on first use. */
    private static final class Installed {
        static final ScenarioPresets PRESETS = load();

        private static ScenarioPresets load() {
            List<Provider> providers = new ArrayList<>();
            ServiceLoader.load(Provider.class).forEach(providers::add);
            providers.sort(Comparator.comparing(p -> p.getClass().getName()));
            Map<String, Preset> all = new LinkedHashMap<>();
            for (Provider p : providers) {
                p.presets().forEach((name, preset) -> {
                    if (all.putIfAbsent(name, preset) != null) {
                        throw new IllegalStateException("two scenario preset providers define " + name);
                    }
                });
            }
            return of(all);
        }
    }

    /**
     * @param name a preset's name
     * @return the preset, or null if there is none of that name
     */
    public Preset get(String name) {
        return byName.get(name);
    }

    /** @return the names, in order */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
