package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link TestResult} built by name is the row the former positional record made: same numbers in the same places,
 * same equality, hash code and text (issue 18, item 1).
 */
class TestResultTest {
    private static final ResultDetails CHI2 = new DigitDetails.Chi2(9, new long[] {1, 2}, new double[] {0.5, 0.5});

    private static TestResult named() {
        return TestResult.of("2BLChi2", "A", "north").statistic(12.5).expected(9).interval(1, 2).pValue(0.03)
                .qValue(0.06).flag(true).n(321).details(CHI2);
    }

    @Test
    @SuppressWarnings("deprecation")
    void eachNameSetsItsOwnNumberAndTheRowEqualsThePositionalOne() {
        TestResult r = named();
        assertEquals(new TestResult("2BLChi2", "A", "north", 12.5, 9, 1, 2, 0.03, 0.06, true, 321, true, "",
                CHI2.toMap()), r);
        assertEquals(new TestResult.RowKey("2BLChi2", "A", "north"), r.key());
        assertEquals(new TestResult.Estimate(12.5, 9, 1, 2), r.estimate());
        assertEquals(new TestResult.Significance(0.03, 0.06, true), r.significance());
        assertEquals(new TestResult.Coverage(321, true, ""), r.coverage());
        assertEquals(12.5, r.value());
        assertEquals(9, r.expected());
        assertEquals(1, r.ciLow());
        assertEquals(2, r.ciHigh());
        assertEquals(0.03, r.pValue());
        assertEquals(0.06, r.qValue());
        assertTrue(r.flag());
        assertEquals(321, r.n());
        assertTrue(r.applicable());
        assertEquals("", r.reason());
    }

    @Test
    void whatIsNotSetIsNaNFalseZeroAndApplicable() {
        TestResult r = TestResult.of("T", "turnout", TestInput.NATIONAL).details(ResultDetails.NONE);
        for (double x : new double[] {r.value(), r.expected(), r.ciLow(), r.ciHigh(), r.pValue(), r.qValue()}) {
            assertTrue(Double.isNaN(x));
        }
        assertFalse(r.flag());
        assertEquals(0, r.n());
        assertTrue(r.applicable());
        assertEquals("", r.reason());
        TestResult na = TestResult.of("T", "turnout", TestInput.NATIONAL).n(7).notApplicable("too few")
                .details(ResultDetails.NONE);
        assertFalse(na.applicable());
        assertEquals("too few", na.reason());
        assertEquals(7, na.n());
    }

    @Test
    void equalityComparesTheDerivedDetailsAndEveryNumber() {
        TestResult r = named();
        TestResult sameJson = r.withDetails(new DigitDetails.Chi2(9, new long[] {1, 2}, new double[] {0.5, 0.5}));
        assertEquals(r, sameJson, "equal arrays, equal rows");
        assertEquals(r.hashCode(), sameJson.hashCode());
        assertNotEquals(r, r.withQValue(0.07));
        assertNotEquals(r, r.withFlag(false));
        assertNotEquals(r, r.toBuilder().expected(8).details(CHI2));
        assertEquals(r, r.toBuilder().details(CHI2), "a builder from a row keeps every number");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", 1);
        TestResult keyed = TestResult.of("T", "v", "l").details(m);
        assertEquals(new ResultDetails.Keyed(m), keyed.typedDetails());
        assertEquals(ResultDetails.NONE, TestResult.of("T", "v", "l").details(Map.of()).typedDetails());
    }

    @Test
    void copiesChangeOneThing() {
        TestResult r = named();
        TestResult q = r.withQValue(0.5);
        assertEquals(0.5, q.qValue());
        assertEquals(r.estimate(), q.estimate());
        assertEquals(r.pValue(), q.pValue());
        assertEquals(r.flag(), q.flag());
        TestResult f = r.withFlag(false);
        assertFalse(f.flag());
        assertEquals(r.qValue(), f.qValue());
        assertEquals(r.coverage(), f.coverage());
    }
}
