package org.psephos.estimation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.Spikes;
import org.psephos.forensics.TestRegistry;

/**
 * The fraud estimators as forensic tests: {@code KlimekFit}, {@code Shpilkin}, {@code FraudMixture}, all of scope
 * {@link ForensicTest.Scope#LEADER_AND_TURNOUT}, and Rozenas's {@code Spikes} ({@link Spikes}, run on every
 * option). They are not in the default battery
 * ({@link TestRegistry#standard()}): the Klimek fit simulates thousands of elections and the Shpilkin redraws
 * cost R binomial draws per unit, so they run only when named ({@code analyze --tests KlimekFit,Shpilkin,…}).
 * {@link #registry()} is the standard battery followed by the estimators, the registry {@code --tests} looks ids
 * up in. Immutable.
 *
 * @since 0.1
 */
public final class Estimators {
    private static final List<ForensicTest> ESTIMATORS = List.of(KlimekFit.withDefaults(), Shpilkin.withDefaults(),
            FraudMixture.withDefaults(), Spikes.withDefaults());
    private static final TestRegistry ALL = TestRegistry.standard().plus(ESTIMATORS);
    private static final Set<String> IDS = ESTIMATORS.stream().map(ForensicTest::id)
            .collect(Collectors.toUnmodifiableSet());

    private Estimators() {
    }

    /** @return the estimators with their default settings, in table order */
    public static List<ForensicTest> estimators() {
        return ESTIMATORS;
    }

    /** @param id a test id @return whether it is one of {@link #estimators()} */
    static boolean isEstimator(String id) {
        return IDS.contains(id);
    }

    /** @return the standard tests, then the estimators */
    public static TestRegistry registry() {
        return ALL;
    }
}
