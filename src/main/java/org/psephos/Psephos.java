package org.psephos;

import java.nio.file.Path;
import org.psephos.data.ColumnMapping;
import org.psephos.data.Election;
import org.psephos.data.ElectionCsv;
import org.psephos.data.ShareBase;
import org.psephos.estimation.Estimators;
import org.psephos.forensics.Battery;
import org.psephos.forensics.BatteryOptions;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SimulationResult;

/**
 * One-call entry points for scripts and notebooks: load a results file, run the forensic battery, simulate an
 * election. Each call delegates to the package that does the work and documents it: {@link ElectionCsv} (column
 * mapping, filters, {@code docs/loading.md}), {@link Battery} (the tests of Mebane, Beber and Scacco, Klimek et al.,
 * Kobak et al. and the Election Forensics Toolkit, with the papers in each test's javadoc) and
 * {@link MonteCarloEngine} (seeded, thread-count-independent Monte Carlo with the fraud models of Klimek et al.
 * 2012). Inputs and results are immutable records or immutable classes.
 *
 * <pre>{@code
 * Election e = Psephos.load(Path.of("results.csv"));
 * Analysis a = Psephos.analyze(e, AnalysisOptions.defaults().withLevel("region").withReplicates(500));
 * a.flagged().forEach(r -> System.out.println(r.id() + " " + r.variable() + " q=" + r.qValue()));
 * a.writeHtml(Path.of("report.html"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Psephos {
    private Psephos() {
    }

    /** @return the toolkit's version from the jar manifest, or "development build" */
    public static String version() {
        String v = Psephos.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /**
     * Loads a results file, recognising the columns by name (see {@code docs/loading.md}).
     *
     * @param file a CSV (plain, gzip or single-file zip) with one row per unit
     * @return the election
     * @throws org.psephos.data.DataException if the file cannot be read or holds invalid values
     */
    public static Election load(Path file) {
        return ElectionCsv.load(file).election();
    }

    /**
     * Loads a results file with an explicit column mapping.
     *
     * @param file    the file
     * @param mapping which column is which ({@link ColumnMapping#builder()})
     * @return the election
     * @throws org.psephos.data.DataException if the file cannot be read or holds invalid values
     * @throws IllegalArgumentException       if the mapping is malformed
     */
    public static Election load(Path file, ColumnMapping mapping) {
        return ElectionCsv.load(file, mapping).election();
    }

    /**
     * Runs every forensic test on the whole election with the default options.
     *
     * @param election the election
     * @return the results
     */
    public static Analysis analyze(Election election) {
        return analyze(election, AnalysisOptions.defaults());
    }

    /**
     * Runs the forensic battery.
     *
     * @param election the election
     * @param options  tests, level, replicates, seed, threads, conventions and share base
     * @return the results
     * @throws IllegalArgumentException if the level names no grouping of the election
     */
    public static Analysis analyze(Election election, AnalysisOptions options) {
        Battery battery = Battery.withDefaults().withLevel(options.level());
        if (!options.tests().isEmpty()) {
            battery = battery.withTests(Estimators.registry().select(options.tests()));
        }
        BatteryOptions settings = options.batteryOptions();
        ShareBase base = options.shareBaseFor(election);
        Election e = base == election.shareBase() ? election : election.withShareBase(base);
        return new Analysis(e, battery.run(e, settings, Progress.NONE));
    }

    /**
     * Simulates an election: the summary over replicates and the first replicate's units (an {@link Election}
     * that {@link #analyze} accepts).
     *
     * @param model      the electorate and its fraud models
     * @param seed       the seed; the result does not depend on the thread count
     * @param replicates replicates, at least 1
     * @return the summary and the first replicate's units
     * @throws IllegalArgumentException if replicates is not positive
     */
    public static SimulationResult simulate(SimulationModel model, long seed, int replicates) {
        return MonteCarloEngine.run(model, seed, Parallel.defaultThreads(), replicates,
                MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE);
    }

    /**
     * Simulates one election and returns its units.
     *
     * @param model the electorate and its fraud models
     * @param seed  the seed
     * @return the units of one simulated election
     */
    public static Election simulateUnits(SimulationModel model, long seed) {
        return simulate(model, seed, 1).units().orElseThrow();
    }
}
