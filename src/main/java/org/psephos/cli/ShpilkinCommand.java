package org.psephos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.psephos.data.Election;
import org.psephos.data.UnitFilter;
import org.psephos.estimation.Shpilkin;
import org.psephos.estimation.ShpilkinResult;
import org.psephos.estimation.ShpilkinSensitivity;
import org.psephos.forensics.Conventions;
import org.psephos.report.ShpilkinReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psephos shpilkin}: the leader's anomalous votes by Shpilkin's clean-peak method ({@link Shpilkin}),
 * nationally and per group of {@code --level}, with the per-unit anomalous votes in {@code --csv}. Parses and
 * delegates.
 */
@Command(name = "shpilkin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Estimates the leader's anomalous votes by Shpilkin's clean-peak extrapolation (1%% "
            + "turnout bins), split into ballot stuffing and vote switching, nationally and per group of --level; "
            + "--csv writes the anomalous votes of every unit. It says how fragile the estimate is: the clean peak "
            + "chosen and why, the estimate under every peak rule, and the excess votes with the clean peak put at "
            + "each turnout of --sensitivity (printed, and in --json, --sensitivity-csv and the --report chart)."},
        footer = {"", Main.EXIT_CODES})
final class ShpilkinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputColumns input;

    @Option(names = "--peak", paramLabel = "RULE",
            description = "Clean peak: first (the first peak from below of the other options' votes smoothed over "
                    + "5 bins, at least a quarter as high as the highest: where the next 5 bins rise by at most "
                    + "10%%; a higher pile of stuffed units above it is ignored), smoothed (the maximum of the "
                    + "smoothed other options' votes: integer-percent spikes ignored), others (the bin with most "
                    + "votes of the other options), height (most leader votes; under --conventions eftoolkit "
                    + "EFToolkit's rule: the highest peak below the official turnout) or a turnout in [0, 1] (under "
                    + "eftoolkit a bin label such as 0.65). Default: first; height under --conventions eftoolkit.")
    String peak;

    @Option(names = "--sensitivity", paramLabel = "FROM:TO:STEP", defaultValue = "40:90:2",
            description = "Clean-peak turnouts, in whole per cent, at which the excess votes are recomputed with the "
                    + "peak put there by hand (default ${DEFAULT-VALUE}: 40%%, 42%%, ..., 90%%).")
    String sensitivity;

    @Option(names = "--sensitivity-csv", paramLabel = "FILE",
            description = "Write the sensitivity table: the estimate under each peak rule (kind rule, the chosen one "
                    + "marked) and at each clean-peak turnout of --sensitivity (kind grid).")
    Path sensitivityCsv;

    @Option(names = "--redraws", paramLabel = "R", defaultValue = "200",
            description = "Bootstrap resamples of the units for the sd (default ${DEFAULT-VALUE}).")
    int redraws;

    @Mixin
    AnalysisSettings settings;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write each unit's anomalous votes.")
    Path csv;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write a self-contained HTML report: the estimate, the votes-by-turnout chart, the groups.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the estimates as JSON.")
    Path json;

    @Override
    public Integer call() {
        Path file = input.file;
        MappingOptions mapping = input.mapping;
        OutputFiles.requireNotInput(List.of(file), json, csv, report, sensitivityCsv);
        int[] grid = sensitivityGrid();
        Shpilkin method;
        int t = settings.threads.resolve();
        Conventions c = settings.conventions.resolve();
        try {
            if (mapping.levels.size() > 1) {
                throw new IllegalArgumentException("shpilkin takes one --level; got " + mapping.levels);
            }
            Shpilkin base = Shpilkin.withDefaults().withConventions(c);
            String p = peak == null ? "" : peak.trim().toLowerCase(Locale.ROOT);
            method = switch (p) {
                case "" -> base;
                case "others" -> base.with(Shpilkin.PeakRule.OTHERS);
                case "height" -> base.with(Shpilkin.PeakRule.HEIGHT);
                case "smoothed" -> base.with(Shpilkin.PeakRule.SMOOTHED);
                case "first" -> base.with(Shpilkin.PeakRule.FIRST_PEAK);
                default -> base.withManualTurnout(Double.parseDouble(p));
            };
        } catch (NumberFormatException e) {
            throw new UsageException("--peak is not first, smoothed, others, height or a turnout: " + peak, e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Election all = InputColumns.load(file, mapping);
        Election e = c.unitFilter(UnitFilter.standard()).apply(ConventionsOption.withShareBase(all, mapping, c))
                .election();
        String level = mapping.levelName(all);
        MappingOptions.requireGrouping(e, level);
        ShpilkinResult national;
        ShpilkinSensitivity fragility;
        try {
            national = method.estimate(e, redraws, settings.seed, t);
            fragility = method.sensitivity(e, grid[0], grid[1], grid[2]);
        } catch (IllegalArgumentException ex) {
            throw new UsageException("no estimate: " + ex.getMessage(), ex);
        }
        List<Shpilkin.GroupEstimate> groups = level == null ? List.of() : method.byGroup(e, level);
        PrintWriter out = spec.commandLine().getOut();
        ShpilkinOutput.printTables(out, national, groups, fragility);
        out.flush();
        if (sensitivityCsv != null) {
            ShpilkinOutput.writeSensitivity(sensitivityCsv, fragility);
        }
        if (csv != null) {
            ShpilkinOutput.writeUnits(csv, e, national.estimate(), groups, level);
        }
        if (json != null) {
            OutputFiles.writeJson(json, ShpilkinOutput.json(file.getFileName().toString(), c,
                    peak != null ? peak : method.peakRule().label(), groups, national, redraws, fragility));
        }
        if (report != null) {
            ShpilkinReport.html(e, national, groups, peakLabel(method), fragility).write(report);
        }
        return Main.OK;
    }

    /** @return the peak rule as the report names it, with the conventions when they are not Psephos's */
    private String peakLabel(Shpilkin method) {
        String rule = method.peakRule() == Shpilkin.PeakRule.MANUAL ? peak : method.peakRule().label();
        Conventions c = settings.conventions.resolve();
        return c == Conventions.PSEPHOS ? rule : rule + " (" + c.id() + " conventions)";
    }

    /** @return {from, to, step} of --sensitivity, in whole per cent @throws UsageException if malformed */
    private int[] sensitivityGrid() {
        double[] g = ColonNumbers.parse("--sensitivity", sensitivity, 3, 3);
        int[] out = new int[3];
        for (int k = 0; k < 3; k++) {
            if (g[k] != Math.rint(g[k])) {
                throw new UsageException("--sensitivity takes whole percentages FROM:TO:STEP, e.g. 40:90:2; got "
                        + sensitivity);
            }
            out[k] = (int) g[k];
        }
        if (out[0] < 0 || out[1] > 100 || out[0] > out[1] || out[2] < 1) {
            throw new UsageException("--sensitivity needs 0 <= FROM <= TO <= 100 and STEP >= 1, e.g. 40:90:2; got "
                    + sensitivity);
        }
        return out;
    }
}
