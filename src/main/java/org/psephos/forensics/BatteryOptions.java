package org.psephos.forensics;

/**
 * Settings shared by the forensic tests. Immutable; {@code withX} methods return modified copies.
 *
 * @param replicates  null replicates of the calibrated nulls, and bootstrap and Monte Carlo replicates where a test
 *                    draws its own (default 1000, as in EFToolkit and Kobak et al.)
 * @param seed        seed of every random computation
 * @param threads     worker threads (results do not depend on it)
 * @param minUnits    fewest units for which a distribution test applies (default 10)
 * @param conventions whose definitions the tests follow (default {@link Conventions#PSEPHOS})
 * @param nulls       how the nulls are drawn (default calibrated, {@link NullSettings#defaults()})
 * @param fdr         the false discovery rate at which calibrated rows are flagged by their q-value (default 0.05)
 * @since 0.1
 */
public record BatteryOptions(int replicates, long seed, int threads, int minUnits, Conventions conventions,
                             NullSettings nulls, double fdr) {
    /** The default false discovery rate of the row flags. */
    public static final double DEFAULT_FDR = 0.05;

    /** Validates the settings. */
    public BatteryOptions {
        java.util.Objects.requireNonNull(conventions, "conventions");
        java.util.Objects.requireNonNull(nulls, "nulls");
        if (!(fdr > 0 && fdr < 1)) {
            throw new IllegalArgumentException("false discovery rate is not in (0, 1): " + fdr);
        }
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates is not positive: " + replicates);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads is not positive: " + threads);
        }
        if (minUnits < 1) {
            throw new IllegalArgumentException("minimum units is not positive: " + minUnits);
        }
    }

    /**
     * Settings under Psephos's conventions.
     *
     * @param replicates bootstrap and Monte Carlo replicates
     * @param seed       seed
     * @param threads    worker threads
     * @param minUnits   fewest units for which a distribution test applies
     */
    public BatteryOptions(int replicates, long seed, int threads, int minUnits) {
        this(replicates, seed, threads, minUnits, Conventions.PSEPHOS, NullSettings.defaults(), DEFAULT_FDR);
    }

    /**
     * @return 1000 replicates, seed 42, all processors, at least 10 units, Psephos's conventions, calibrated nulls,
     *         flags at a false discovery rate of 0.05
     */
    public static BatteryOptions defaults() {
        return new BatteryOptions(1000, 42L, Runtime.getRuntime().availableProcessors(), 10);
    }

    /**
     * @return whether the rows are judged against calibrated nulls: the kind asked for is calibrated and the
     *         conventions are Psephos's (a reference tool's conventions bring the tool's own nulls and flag rules)
     */
    public boolean calibrated() {
        return nulls.kind() == NullKind.CALIBRATED && conventions == Conventions.PSEPHOS;
    }

    /** @return the kind of null the rows are judged against ({@link #calibrated()}) */
    public NullKind nullKind() {
        return calibrated() ? NullKind.CALIBRATED : NullKind.REFERENCE;
    }

    /**
     * The seed of a test that draws its own simulations or bootstrap on one group: the run seed for the national
     * input, else the seed of the run's child stream keyed by the group's label ({@link Bootstrap#key}, 64 bits),
     * so groups get independent draws and adding a group changes no other group's.
     *
     * @param level the input's level ({@link TestInput#NATIONAL} or a group label)
     * @return the seed
     */
    public long seedFor(String level) {
        return TestInput.NATIONAL.equals(level) ? seed
                : org.psephos.simulation.RandomStreams.seeded(seed).child(Bootstrap.key(level)).seed();
    }

    /** @param r replicates @return a copy */
    public BatteryOptions withReplicates(int r) {
        return new BatteryOptions(r, seed, threads, minUnits, conventions, nulls, fdr);
    }

    /** @param s seed @return a copy */
    public BatteryOptions withSeed(long s) {
        return new BatteryOptions(replicates, s, threads, minUnits, conventions, nulls, fdr);
    }

    /** @param t threads @return a copy */
    public BatteryOptions withThreads(int t) {
        return new BatteryOptions(replicates, seed, t, minUnits, conventions, nulls, fdr);
    }

    /** @param m fewest units for which a distribution test applies @return a copy */
    public BatteryOptions withMinUnits(int m) {
        return new BatteryOptions(replicates, seed, threads, m, conventions, nulls, fdr);
    }

    /** @param c whose definitions the tests follow @return a copy */
    public BatteryOptions withConventions(Conventions c) {
        return new BatteryOptions(replicates, seed, threads, minUnits, c, nulls, fdr);
    }

    /** @param n how the nulls are drawn @return a copy */
    public BatteryOptions withNulls(NullSettings n) {
        return new BatteryOptions(replicates, seed, threads, minUnits, conventions, n, fdr);
    }

    /** @param k calibrated or reference nulls @return a copy */
    public BatteryOptions withNulls(NullKind k) {
        return withNulls(nulls.withKind(k));
    }

    /** @param q the false discovery rate of the row flags, in (0, 1) @return a copy */
    public BatteryOptions withFdr(double q) {
        return new BatteryOptions(replicates, seed, threads, minUnits, conventions, nulls, q);
    }

    /**
     * @param testId a test id
     * @return the conventions that test runs under: {@link #conventions()} if the tool has the test, else Psephos's
     */
    public Conventions conventionsFor(String testId) {
        return conventions.forTest(testId);
    }
}
