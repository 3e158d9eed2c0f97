package org.psephos;

import java.util.List;
import java.util.Objects;
import org.psephos.estimation.Estimators;
import org.psephos.forensics.BatteryOptions;
import org.psephos.simulation.Parallel;

/**
 * How {@link Psephos#analyze(org.psephos.data.Election, AnalysisOptions)} runs the forensic battery: the tests (by
 * id, as in {@link Estimators#registry()}, the registry {@code psephos analyze --tests} uses: the forensic tests and
 * the estimators), a grouping to test per group as well, the bootstrap and Monte Carlo replicates,
 * the seed and the thread count (results do not depend on it). Immutable; {@code withX} methods return copies.
 *
 * @param tests      test ids to run, in any order; empty for every test except the opt-in estimators
 * @param level      a grouping name (e.g. {@code "region"}) or {@code null} for the whole election only
 * @param replicates bootstrap and Monte Carlo replicates, at least 1
 * @param seed       the seed of every random draw
 * @param threads    worker threads, at least 1
 * @since 0.1
 */
public record AnalysisOptions(List<String> tests, String level, int replicates, long seed, int threads) {
    /**
     * @throws IllegalArgumentException if replicates or threads is not positive or a test id is unknown
     */
    public AnalysisOptions {
        tests = List.copyOf(Objects.requireNonNull(tests, "tests"));
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates is not positive: " + replicates);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads is not positive: " + threads);
        }
        Estimators.registry().select(tests);
    }

    /** @return every test, whole election only, 1000 replicates, seed 42, all processors */
    public static AnalysisOptions defaults() {
        BatteryOptions d = BatteryOptions.defaults();
        return new AnalysisOptions(List.of(), null, d.replicates(), d.seed(), Parallel.defaultThreads());
    }

    /** @param ids test ids (empty for all) @return a copy */
    public AnalysisOptions withTests(String... ids) {
        return new AnalysisOptions(List.of(ids), level, replicates, seed, threads);
    }

    /** @param grouping a grouping name, or null @return a copy */
    public AnalysisOptions withLevel(String grouping) {
        return new AnalysisOptions(tests, grouping, replicates, seed, threads);
    }

    /** @param r replicates @return a copy */
    public AnalysisOptions withReplicates(int r) {
        return new AnalysisOptions(tests, level, r, seed, threads);
    }

    /** @param s the seed @return a copy */
    public AnalysisOptions withSeed(long s) {
        return new AnalysisOptions(tests, level, replicates, s, threads);
    }

    /** @param t threads @return a copy */
    public AnalysisOptions withThreads(int t) {
        return new AnalysisOptions(tests, level, replicates, seed, t);
    }
}
