package org.psephos.forensics;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.psephos.simulation.NormalTails;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** p-values against scipy 1.17.1 and R 4 (golden values; each case records the command that produced it). */
class NullDistributionsTest {

    /** {@code python3 -c "import scipy.stats as s; print(repr(s.binomtest(k, n, p).pvalue))"}. */
    static Stream<Arguments> binomial() {
        return Stream.of(
                Arguments.of(7, 20, 0.2, 0.09822172861346881),
                Arguments.of(3, 40, 0.1, 0.7941129565588019),
                Arguments.of(130, 1000, 0.1, 0.002201726144861195),
                Arguments.of(1096, 5490, 0.2, 0.9596367768426655),
                Arguments.of(500, 5000, 0.2, 1.3738788804281057e-81),
                Arguments.of(1300, 5000, 0.2, 1.066442493884519e-24),
                Arguments.of(18, 100, 0.18, 1.0),
                Arguments.of(25, 100, 0.18, 0.08903441942048126),
                Arguments.of(700, 1000, 0.72, 0.15906482314856624));
    }

    @ParameterizedTest
    @MethodSource
    void binomial(int k, int n, double p, double expected) {
        assertEquals(expected, NullDistributions.binomialTwoSided(k, n, p), expected * 1e-9);
    }

    @Test
    void chiSquareOfUniformDigitsMatchesScipy() {
        // scipy.stats.chisquare([21, 18, 24, 17, 30, 9, 11, 14, 20, 16]) -> statistic 19.111111111111107,
        // pvalue 0.024264542827210158
        long[] obs = {21, 18, 24, 17, 30, 9, 11, 14, 20, 16};
        double[] uniform = new double[10];
        java.util.Arrays.fill(uniform, 0.1);
        double x2 = NullDistributions.chiSquare(obs, uniform);
        assertEquals(19.111111111111107, x2, 1e-12);
        assertEquals(0.024264542827210158, NullDistributions.chiSquareUpper(x2, 9), 1e-12);
    }

    @Test
    void chiSquareAgainstBenfordSecondDigitsMatchesScipy() {
        // q = [sum(math.log10(1 + 1/(10*k + d)) for k in range(1, 10)) for d in range(10)]
        // scipy.stats.chisquare(obs, [sum(obs) * x for x in q]) -> 2.9509394122499906, 0.9662082835763888
        long[] obs = {130, 118, 101, 110, 95, 99, 88, 85, 90, 84};
        double x2 = NullDistributions.chiSquare(obs, BenfordSecondDigit.probabilities());
        assertEquals(2.9509394122499906, x2, 1e-12);
        assertEquals(0.9662082835763888, NullDistributions.chiSquareUpper(x2, 9), 1e-12);
    }

    @Test
    void normalTailIsTwoSided() {
        // R: 2 * pnorm(-1.959963984540054) = 0.05; 2 * pnorm(-6) = 1.973175290075e-09
        assertEquals(0.05, NormalTails.twoSided(1.959963984540054), 1e-15);
        assertEquals(0.05, NormalTails.twoSided(-1.959963984540054), 1e-15);
        assertEquals(1.973175290075e-09, NormalTails.twoSided(6), 1e-20);
    }
}
