package org.psephos;

import java.util.List;
import java.util.Objects;
import org.psephos.data.ShareBase;
import org.psephos.estimation.Estimators;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.Conventions;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.NullSettings;
import org.psephos.simulation.Parallel;

/**
 * How {@link Psephos#analyze(org.psephos.data.Election, AnalysisOptions)} runs the forensic battery: the tests (by
 * id, as in {@link Estimators#registry()}, the registry {@code psephos analyze --tests} uses: the forensic tests and
 * the estimators), a grouping to test per group as well, the bootstrap and Monte Carlo replicates,
 * the seed, the thread count (results do not depend on it), whose conventions the tests follow and the share
 * base. Immutable; {@code withX} methods return copies.
 *
 * @param tests       test ids to run, in any order; empty for every test except the opt-in estimators
 * @param level       a grouping name (e.g. {@code "region"}) or {@code null} for the whole election only
 * @param replicates  bootstrap and Monte Carlo replicates, at least 1
 * @param seed        the seed of every random draw
 * @param threads     worker threads, at least 1
 * @param conventions whose definitions the tests follow ({@link Conventions#PSEPHOS} by default)
 * @param shareBase   the denominator of vote shares given explicitly, or {@code null} for the conventions' (and
 *                    under Psephos's, the election's own); an explicit base wins over the conventions'
 * @param nulls       how the nulls are drawn: calibrated (the default under Psephos's conventions) or reference, and
 *                    the calibrated nulls' settings ({@link NullSettings})
 * @param fdr         the false discovery rate at which calibrated rows are flagged (default 0.05)
 * @since 0.1
 */
public record AnalysisOptions(List<String> tests, String level, int replicates, long seed, int threads,
                              Conventions conventions, ShareBase shareBase, NullSettings nulls, double fdr) {
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
        Objects.requireNonNull(conventions, "conventions");
        Objects.requireNonNull(nulls, "nulls");
        if (!(fdr > 0 && fdr < 1)) {
            throw new IllegalArgumentException("false discovery rate is not in (0, 1): " + fdr);
        }
    }

    /**
     * Options under Psephos's conventions, with the election's share base.
     *
     * @param tests      test ids
     * @param level      a grouping name or {@code null}
     * @param replicates replicates
     * @param seed       seed
     * @param threads    threads
     */
    public AnalysisOptions(List<String> tests, String level, int replicates, long seed, int threads) {
        this(tests, level, replicates, seed, threads, Conventions.PSEPHOS, null, NullSettings.defaults(),
                BatteryOptions.DEFAULT_FDR);
    }

    /**
     * @return every test, whole election only, 1000 replicates, seed 42, all processors, Psephos's conventions,
     *         calibrated nulls, flags at a false discovery rate of 0.05
     */
    public static AnalysisOptions defaults() {
        BatteryOptions d = BatteryOptions.defaults();
        return new AnalysisOptions(List.of(), null, d.replicates(), d.seed(), Parallel.defaultThreads());
    }

    /**
     * @param c whose definitions the tests follow; it sets the share base too (EFToolkit: ballots; Kobak et al.:
     *          valid + invalid) unless {@link #withShareBase} gives one
     * @return a copy
     */
    public AnalysisOptions withConventions(Conventions c) {
        return new AnalysisOptions(tests, level, replicates, seed, threads, c, shareBase, nulls, fdr);
    }

    /** @param base the denominator of vote shares, or {@code null} for the conventions' @return a copy */
    public AnalysisOptions withShareBase(ShareBase base) {
        return new AnalysisOptions(tests, level, replicates, seed, threads, conventions, base, nulls, fdr);
    }

    /**
     * @param election an election
     * @return the share base the analysis uses on it: the explicit one, else the conventions', else the election's
     */
    public ShareBase shareBaseFor(org.psephos.data.Election election) {
        if (shareBase != null) {
            return shareBase;
        }
        return conventions.shareBase() != null ? conventions.shareBase() : election.shareBase();
    }

    /** @param ids test ids (empty for all) @return a copy */
    public AnalysisOptions withTests(String... ids) {
        return new AnalysisOptions(List.of(ids), level, replicates, seed, threads, conventions, shareBase, nulls,
                fdr);
    }

    /** @param grouping a grouping name, or null @return a copy */
    public AnalysisOptions withLevel(String grouping) {
        return new AnalysisOptions(tests, grouping, replicates, seed, threads, conventions, shareBase, nulls, fdr);
    }

    /** @param r replicates @return a copy */
    public AnalysisOptions withReplicates(int r) {
        return new AnalysisOptions(tests, level, r, seed, threads, conventions, shareBase, nulls, fdr);
    }

    /** @param s the seed @return a copy */
    public AnalysisOptions withSeed(long s) {
        return new AnalysisOptions(tests, level, replicates, s, threads, conventions, shareBase, nulls, fdr);
    }

    /** @param t threads @return a copy */
    public AnalysisOptions withThreads(int t) {
        return new AnalysisOptions(tests, level, replicates, seed, t, conventions, shareBase, nulls, fdr);
    }

    /**
     * @param k calibrated or reference nulls (a reference tool's conventions always use the tool's own)
     * @return a copy
     */
    public AnalysisOptions withNulls(NullKind k) {
        return withNulls(nulls.withKind(k));
    }

    /** @param n how the nulls are drawn @return a copy */
    public AnalysisOptions withNulls(NullSettings n) {
        return new AnalysisOptions(tests, level, replicates, seed, threads, conventions, shareBase, n, fdr);
    }

    /** @param q the false discovery rate of the row flags, in (0, 1) @return a copy */
    public AnalysisOptions withFdr(double q) {
        return new AnalysisOptions(tests, level, replicates, seed, threads, conventions, shareBase, nulls, q);
    }

    /** @return the battery settings these options give */
    public BatteryOptions batteryOptions() {
        return BatteryOptions.defaults().withReplicates(replicates).withSeed(seed).withThreads(threads)
                .withConventions(conventions).withNulls(nulls).withFdr(fdr);
    }
}
