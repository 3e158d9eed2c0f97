package org.psephos.forensics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forensic tests by id, in the order tables list them (the ids of issue 4: {@code 2BL}, {@code 2BLChi2},
 * {@code LastC}, …). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TestRegistry {
    private static final TestRegistry STANDARD = new TestRegistry(List.of(
            SecondDigitMean.withDefaults(),
            SecondDigitChi2.withDefaults(),
            LastDigitMean.withDefaults(),
            LastDigitChi2.withDefaults(),
            ZeroFiveCounts.withDefaults(),
            ZeroFivePercents.withDefaults(),
            RepeatedDigits.withDefaults(),
            AdjacentDigits.withDefaults(),
            DistantDigits.withDefaults(),
            Skewness.withDefaults(),
            Kurtosis.withDefaults(),
            DipTest.withDefaults(),
            TurnoutShareCorrelation.withDefaults(),
            Sobyanin.withDefaults(),
            LogVoteKurtosis.withDefaults(),
            IntegerPercentTest.withDefaults()));

    private final Map<String, ForensicTest> tests;

    private TestRegistry(List<ForensicTest> list) {
        Map<String, ForensicTest> m = new LinkedHashMap<>();
        for (ForensicTest t : list) {
            if (m.put(t.id(), t) != null) {
                throw new IllegalArgumentException("test id repeats: " + t.id());
            }
        }
        this.tests = Collections.unmodifiableMap(m);
    }

    /** @return every test with its default settings */
    public static TestRegistry standard() {
        return STANDARD;
    }

    /**
     * @param list tests, in table order
     * @return a registry of them
     * @throws IllegalArgumentException if two share an id
     */
    public static TestRegistry of(List<? extends ForensicTest> list) {
        return new TestRegistry(List.copyOf(list));
    }

    /**
     * @param more tests to add after these (e.g. the estimators of {@code org.psephos.estimation})
     * @return a registry of these tests and then those
     * @throws IllegalArgumentException if an id repeats
     */
    public TestRegistry plus(List<? extends ForensicTest> more) {
        List<ForensicTest> all = new ArrayList<>(tests.values());
        all.addAll(more);
        return new TestRegistry(all);
    }

    /** @return the ids, in table order */
    public List<String> ids() {
        return List.copyOf(tests.keySet());
    }

    /** @return the tests, in table order */
    public List<ForensicTest> tests() {
        return List.copyOf(tests.values());
    }

    /**
     * @param id a test id (exact, case-sensitive)
     * @return the test
     * @throws IllegalArgumentException naming the known ids if there is no such test
     */
    public ForensicTest get(String id) {
        ForensicTest t = tests.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no test with id '" + id + "'; tests are " + ids());
        }
        return t;
    }

    /**
     * @param ids test ids
     * @return those tests, in registry (table) order, each once
     * @throws IllegalArgumentException if an id is unknown
     */
    public List<ForensicTest> select(List<String> ids) {
        for (String id : ids) {
            get(id);
        }
        return tests.values().stream().filter(t -> ids.contains(t.id())).toList();
    }
}
