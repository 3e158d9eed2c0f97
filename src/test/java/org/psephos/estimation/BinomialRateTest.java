package org.psephos.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BinomialRate} against R's {@code binom.test} run on this machine (golden file
 * {@code golden/binom-test/binom_test.csv}, made by {@code binom_test.R} next to it) and against the closed forms of
 * the Clopper–Pearson interval at x = 0 and x = n and of the binomial tail at x = n.
 */
class BinomialRateTest {
    @Test
    void matchesRBinomTest() throws IOException {
        List<String> lines;
        try (InputStream in = BinomialRateTest.class.getResourceAsStream("/golden/binom-test/binom_test.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("x,")) {
                continue;
            }
            String[] c = line.split(",");
            int x = Integer.parseInt(c[0]);
            int n = Integer.parseInt(c[1]);
            BinomialRate r = BinomialRate.of(x, n, 0.05);
            assertEquals(Double.parseDouble(c[2]), r.low(), 1e-9, line);
            assertEquals(Double.parseDouble(c[3]), r.high(), 1e-9, line);
            double p = Double.parseDouble(c[4]);
            assertEquals(p, r.pAbove(), 1e-9 * Math.max(p, 1e-300), line + " (relative)");
            checked++;
        }
        assertEquals(9, checked);
    }

    @Test
    void closedFormsAtTheEnds() {
        for (int n : new int[] {1, 7, 200, 1000}) {
            // x = 0: upper end 1 − (0.025)^(1/n); x = n: lower end (0.025)^(1/n)
            assertEquals(1 - Math.pow(0.025, 1.0 / n), BinomialRate.of(0, n, 0.05).high(), 1e-12);
            assertEquals(0.0, BinomialRate.of(0, n, 0.05).low());
            assertEquals(Math.pow(0.025, 1.0 / n), BinomialRate.of(n, n, 0.05).low(), 1e-12);
            assertEquals(1.0, BinomialRate.of(n, n, 0.05).high());
            // P(X >= n) = p^n, kept to full relative precision however small
            assertEquals(Math.pow(0.05, n), BinomialRate.upperTail(n, n, 0.05), 1e-12 * Math.pow(0.05, n));
        }
        assertEquals(1.0, BinomialRate.upperTail(0, 10, 0.05));
    }

    @Test
    void aboveTheLevelOnlyWhenSignificant() {
        assertTrue(BinomialRate.of(25, 200, 0.05).above(0.05), "12.5% of 200 is significantly above 5%");
        assertFalse(BinomialRate.of(14, 200, 0.05).above(0.05), "7% of 200 is not");
        assertTrue(Double.isNaN(BinomialRate.of(0, 0, 0.05).rate()));
        assertThrows(IllegalArgumentException.class, () -> BinomialRate.of(3, 2, 0.05));
        assertThrows(IllegalArgumentException.class, () -> BinomialRate.of(1, 2, 1.0));
    }
}
