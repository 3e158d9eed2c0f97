package org.psephos.forensics;

import java.util.Set;
import org.psephos.data.ShareBase;
import org.psephos.data.UnitFilter;

/**
 * Whose definitions the tests follow: Psephos's own, or those of a reference tool, so that a user who analysed a
 * file with that tool gets its numbers back ({@code --conventions}, {@code AnalysisOptions.withConventions}).
 *
 * <p>One value sets every convention the tool uses, per test as the tool's code does it: which units are kept
 * ({@link #unitFilter}), the denominator of vote shares ({@link #shareBase()}), and, inside the tests that consult
 * it, the caps, digit inclusion rules, bin edges, moment definitions, sd divisors and peak rules. A test the tool
 * does not have runs under {@link #PSEPHOS} conventions ({@link #forTest}), and reports say so on its row. The
 * per-test rules, with the file and function of the tool's source each one comes from, are listed in
 * {@code docs/conventions.md}.
 *
 * <ul>
 *   <li>{@link #PSEPHOS}: Psephos's own definitions (the default), documented in each test's javadoc.</li>
 *   <li>{@link #EFTOOLKIT}: the Election Forensics Toolkit of Kalinin and Mebane ({@code kkalininMI/EFToolkit},
 *       {@code R/BasicElectionForensics.R}, {@code R/helper_functions.R} {@code estimate_fraud}): every unit kept,
 *       each statistic over the values it can compute ({@code na.rm = TRUE}); shares of {@code TotalVotes}
 *       (ballots), capped at 1 for the bootstrapped statistics only; its applicability (any usable value); its
 *       Shpilkin bins and peak rule ({@code estimate_fraud}) and its Klimek fit ({@code ComputeKlimekModel}).</li>
 *   <li>{@link #KOBAK}: Kobak, Shpilkin and Pshenichnikov's code ({@code dkobak/elections},
 *       {@code analysis/2024/2024.ipynb} {@code loaddata} and {@code anomaly}): only units without the leader's
 *       count dropped before the integer-percentage test's own inclusion rules; leader / (valid + invalid); the
 *       integer indicator in floating point as numpy evaluates it; the Monte Carlo sd with numpy's divisor n; the
 *       clean moments of Klimek et al.'s model as {@code meduza2018/meduza.ipynb} estimates them (the first local
 *       maximum above 0.3 of scipy's kernel density), kept as estimated in the fit.</li>
 * </ul>
 *
 * <p>Conventions do not choose the null distributions or flag rules beyond those the tests already take from the
 * tools; a null-kind switch (calibrated or reference nulls) sits beside this value in {@link BatteryOptions}.
 * Immutable.
 *
 * @since 0.1
 */
public enum Conventions {
    /** Psephos's own definitions. */
    PSEPHOS("psephos", "Psephos's own definitions", Set.of()),
    /** The Election Forensics Toolkit (R package EFToolkit). */
    EFTOOLKIT("eftoolkit", "EFToolkit (Kalinin and Mebane, R package, kkalininMI/EFToolkit)",
            Set.of("2BL", "LastC", "P05s", "C05s", "Skew", "Kurt", "DipT", "Sobyanin", "Correlation", "Shpilkin",
                    "KlimekFit")),
    /** Kobak, Shpilkin and Pshenichnikov's notebooks. */
    KOBAK("kobak", "Kobak, Shpilkin and Pshenichnikov (dkobak/elections notebooks)",
            Set.of("IntegerPercent", "KlimekFit"));

    private final String id;
    private final String source;
    private final Set<String> tests;

    Conventions(String id, String source, Set<String> tests) {
        this.id = id;
        this.source = source;
        this.tests = tests;
    }

    /** @return the command-line spelling, e.g. {@code "eftoolkit"} */
    public String id() {
        return id;
    }

    /** @return the tool whose definitions these are, for reports */
    public String source() {
        return source;
    }

    /**
     * @param text {@code psephos}, {@code eftoolkit} or {@code kobak}, in any case
     * @return the conventions
     * @throws IllegalArgumentException naming the choices if the text names none
     */
    public static Conventions parse(String text) {
        for (Conventions c : values()) {
            if (c.id.equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("conventions are psephos, eftoolkit or kobak: " + text);
    }

    /**
     * @param testId a test id
     * @return whether the tool has this test, so that the test follows these conventions
     */
    public boolean has(String testId) {
        return this == PSEPHOS || tests.contains(testId);
    }

    /**
     * @param testId a test id
     * @return the conventions the test runs under: these if the tool has the test, else {@link #PSEPHOS}
     */
    public Conventions forTest(String testId) {
        return has(testId) ? this : PSEPHOS;
    }

    /**
     * @return the denominator of vote shares the tool uses, or {@code null} to keep the election's (Psephos: the
     *         loader's {@code --share-of}); an explicit share base given by the user wins over it
     */
    public ShareBase shareBase() {
        return switch (this) {
            case PSEPHOS -> null;
            case EFTOOLKIT -> ShareBase.BALLOTS;
            case KOBAK -> ShareBase.FOUND;
        };
    }

    /**
     * @param psephos the filter Psephos's own tests use (the battery's)
     * @return the filter a test under these conventions runs after: Psephos's; EFToolkit keeps every unit (its
     *         statistics leave out, per variable, what they cannot compute); Kobak et al.'s {@code loaddata} drops
     *         the units without the leader's count
     */
    public UnitFilter unitFilter(UnitFilter psephos) {
        return switch (this) {
            case PSEPHOS -> psephos;
            case EFTOOLKIT -> UnitFilter.keepAll();
            case KOBAK -> UnitFilter.leaderPresent();
        };
    }

    /**
     * @param psephos the fewest values Psephos requires for a statistic
     * @return the fewest these conventions require: the tools compute a statistic whenever it is defined, so 1
     *         for a reference tool
     */
    int minimum(int psephos) {
        return this == PSEPHOS ? psephos : 1;
    }
}
