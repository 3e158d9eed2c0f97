package org.psephos.forensics;

/**
 * Settings shared by the forensic tests. Immutable; {@code withX} methods return modified copies.
 *
 * @param replicates bootstrap and Monte Carlo replicates (default 1000, as in EFToolkit and Kobak et al.)
 * @param seed       seed of every random computation
 * @param threads    worker threads (results do not depend on it)
 * @param minUnits    fewest units for which a distribution test applies (default 10)
 * @param conventions whose definitions the tests follow (default {@link Conventions#PSEPHOS})
 * @since 0.1
 */
public record BatteryOptions(int replicates, long seed, int threads, int minUnits, Conventions conventions) {

    /** Validates the settings. */
    public BatteryOptions {
        java.util.Objects.requireNonNull(conventions, "conventions");
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
        this(replicates, seed, threads, minUnits, Conventions.PSEPHOS);
    }

    /** @return 1000 replicates, seed 42, all processors, at least 10 units, Psephos's conventions */
    public static BatteryOptions defaults() {
        return new BatteryOptions(1000, 42L, Runtime.getRuntime().availableProcessors(), 10);
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
        return new BatteryOptions(r, seed, threads, minUnits, conventions);
    }

    /** @param s seed @return a copy */
    public BatteryOptions withSeed(long s) {
        return new BatteryOptions(replicates, s, threads, minUnits, conventions);
    }

    /** @param t threads @return a copy */
    public BatteryOptions withThreads(int t) {
        return new BatteryOptions(replicates, seed, t, minUnits, conventions);
    }

    /** @param m fewest units for which a distribution test applies @return a copy */
    public BatteryOptions withMinUnits(int m) {
        return new BatteryOptions(replicates, seed, threads, m, conventions);
    }

    /** @param c whose definitions the tests follow @return a copy */
    public BatteryOptions withConventions(Conventions c) {
        return new BatteryOptions(replicates, seed, threads, minUnits, c);
    }

    /**
     * @param testId a test id
     * @return the conventions that test runs under: {@link #conventions()} if the tool has the test, else Psephos's
     */
    public Conventions conventionsFor(String testId) {
        return conventions.forTest(testId);
    }
}
