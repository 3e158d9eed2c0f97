package org.psephos.cases.kazakhstan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.psephos.data.DataException;
import org.psephos.scenarios.ScenarioFiles;
import org.psephos.scenarios.ScenarioResult;
import org.psephos.scenarios.ScenarioSpec;

/**
 * The sensitivity of the case study's answers to its station-level assumptions, over a grid: the station sd (of
 * clean turnout and support alike), the log-sd of station size and the regional sd of support take the values of
 * {@code scenarios/sensitivity.json}'s grids (each grid crosses the values it lists, the parameters it leaves out
 * keep their calibrated values, {@link KazakhstanModel.Params#DEFAULT}; the union of the grids' cells is run, each
 * once, the calibrated cell first), the electorates are recalibrated on every cell (every region still reproduces
 * its published turnout), and reduced forms of scenarios a–e, detection power included, are rerun on each as the
 * file says (replicates, families, values, clean shares, tests, observer samples). Each figure is then summarised
 * over the grid: its value on the calibrated cell, its lowest and highest values, and the main effect of each
 * parameter (the range of the figure's mean at each of the parameter's values, the mean taken over the cells with
 * that value; on a full factorial grid the classical main effect). Immutable results. The file is read by
 * {@code SensitivityFile}, the figures are read and summarised by {@code SensitivityFigures}.
 *
 * @since 0.1
 */
public final class KazakhstanSensitivity {
    /** The grid parameters, as the sensitivity file names them. */
    public static final List<String> PARAMETERS = List.of("stationSd", "sizeSigma", "regionShareSd");

    private KazakhstanSensitivity() {
    }

    /**
     * One answer on one variant.
     *
     * @param scenario the scenario file's letter
     * @param label    what the figure is
     * @param value    the figure (a proportion for shares, turnouts, intensities and powers; stations for e)
     * @param error    its Monte Carlo standard error (NaN where there is none)
     * @param kind     what kind of figure it is (which precision bound applies)
     */
    public record Figure(String scenario, String label, double value, double error, Kind kind) {
    }

    /** The kinds of figure: fraud intensity, share or turnout, probability or power, other (e.g. a count). */
    public enum Kind {
        /** a fraud intensity */
        INTENSITY,
        /** a share or turnout (proportion) */
        SHARE,
        /** a probability or power */
        PROBABILITY,
        /** anything else */
        OTHER
    }

    /**
     * One cell of the grid.
     *
     * @param calibrated whether it is the calibrated cell
     * @param params     the station-level parameters of the cell
     * @param residual   modelled − official national turnout of the 2022 calibration
     * @param regionalDifference the largest |modelled − published| regional turnout of the cell's calibrations,
     *                   percentage points
     * @param figures    its answers
     */
    public record Variant(boolean calibrated, KazakhstanModel.Params params, double residual,
                          double regionalDifference, List<Figure> figures) {
        /** Copies the list. */
        public Variant {
            figures = List.copyOf(figures);
        }

        /**
         * @param parameter one of {@link #PARAMETERS}
         * @return the cell's value of it
         */
        public double value(String parameter) {
            return KazakhstanSensitivity.value(params, parameter);
        }

        /**
         * @param scenario the scenario's letter
         * @param label    what the figure is
         * @return the cell's figure of that label, or null if the cell has none
         */
        public Figure figure(String scenario, String label) {
            return figures.stream().filter(f -> f.scenario().equals(scenario) && f.label().equals(label)).findFirst()
                    .orElse(null);
        }
    }

    /**
     * One figure over the grid.
     *
     * @param scenario    the scenario's letter
     * @param label       what the figure is
     * @param kind        its kind
     * @param calibrated  its value on the calibrated cell
     * @param calibratedError that value's Monte Carlo error (NaN where there is none)
     * @param lowest      its lowest value over the cells
     * @param lowestAt    the index of the cell where it is lowest (first such)
     * @param highest     its highest value
     * @param highestAt   the index of the cell where it is highest
     * @param effects     per parameter of {@link #PARAMETERS} that the grid varies, the main effect: the range of
     *                    the figure's mean at each of the parameter's values
     * @param largestError the largest Monte Carlo error of the figure over the cells (NaN where there is none)
     */
    public record Summary(String scenario, String label, Kind kind, double calibrated, double calibratedError,
                          double lowest, int lowestAt, double highest, int highestAt, Map<String, Double> effects,
                          double largestError) {
        /** Copies the map. */
        public Summary {
            effects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(effects));
        }
    }

    /**
     * @param description the sensitivity file's description
     * @param values      per parameter of {@link #PARAMETERS}, the values the grids give it (increasing; the
     *                    calibrated value alone where no grid varies it)
     * @param variants    the cells, the calibrated one first
     * @param summaries   every figure over the grid, in the order of the calibrated cell's figures
     * @param precision   the largest Monte Carlo errors of the figures reported (shares and probabilities; the
     *                    intensities carry their own errors)
     */
    public record Result(String description, Map<String, List<Double>> values, List<Variant> variants,
                         List<Summary> summaries, ScenarioResult.Precision precision) {
        /** Copies the lists. */
        public Result {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            variants = List.copyOf(variants);
            summaries = List.copyOf(summaries);
        }

        /** @return the parameters the grids vary, in the order of {@link #PARAMETERS} */
        public List<String> varied() {
            return PARAMETERS.stream().filter(p -> values.get(p).size() > 1).toList();
        }
    }

    /**
     * @param params    the station-level parameters
     * @param parameter one of {@link #PARAMETERS}
     * @return the parameter's value
     */
    static double value(KazakhstanModel.Params params, String parameter) {
        return switch (parameter) {
            case "stationSd" -> params.stationTurnoutSd();
            case "sizeSigma" -> params.sizeSigma();
            case "regionShareSd" -> params.regionShareSd();
            default -> throw new IllegalArgumentException("not a grid parameter: " + parameter);
        };
    }

    /**
     * @param dataset the dataset directory (with {@code scenarios/sensitivity.json})
     * @param data    the dataset's files
     * @param runner  runs a scenario (with progress) on the engine
     * @return the sensitivity
     * @throws DataException naming the file and field if the sensitivity file is malformed
     */
    static Result run(Path dataset, KazakhstanModel.Dataset data, Function<ScenarioSpec, ScenarioResult> runner) {
        SensitivityFile file = SensitivityFile.read(dataset);
        List<KazakhstanModel.Params> params = file.cells();
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            KazakhstanModel.Params p = params.get(i);
            Map<String, KazakhstanModel.Calibration> cal = new LinkedHashMap<>();
            BiFunction<Path, String, KazakhstanModel.Calibration> calibrations = (dir, election) ->
                    cal.computeIfAbsent(election, e -> KazakhstanModel.calibrate(data, e, p));
            List<Figure> figures = new ArrayList<>();
            for (SensitivityFile.Run run : file.runs()) {
                ScenarioSpec spec = file.reduce(ScenarioFiles.read(dataset.resolve("scenarios").resolve(run.file()),
                        KazakhstanPresets.of(calibrations)), run);
                figures.addAll(SensitivityFigures.of(run.file().substring(0, 1), runner.apply(spec)));
            }
            double residual = calibrations.apply(dataset, "kz-2022-presidential").residual();
            out.add(new Variant(i == 0, p, residual, cal.values().stream()
                    .mapToDouble(KazakhstanModel.Calibration::largestRegionalDifference).max().orElse(0), figures));
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String key : PARAMETERS) {
            values.put(key, params.stream().map(x -> value(x, key)).distinct().sorted().toList());
        }
        double share = 0;
        double prob = 0;
        for (Variant v : out) {
            for (Figure f : v.figures()) {
                if (Double.isFinite(f.error()) && f.kind() == Kind.SHARE) {
                    share = Math.max(share, f.error());
                } else if (Double.isFinite(f.error()) && f.kind() == Kind.PROBABILITY) {
                    prob = Math.max(prob, f.error());
                }
            }
        }
        return new Result(file.description(), values, out, SensitivityFigures.summaries(out, values),
                new ScenarioResult.Precision(share, prob));
    }
}
