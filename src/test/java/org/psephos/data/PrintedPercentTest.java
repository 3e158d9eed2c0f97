package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rounding tolerance comes from the printed decimals. */
class PrintedPercentTest {

    @Test
    void toleranceIsHalfAUnitInTheLastPrintedDigit() {
        assertEquals(0.05, PrintedPercent.parse("77.5").halfUnit(), 1e-15);
        assertEquals(0.005, PrintedPercent.parse("77.50").halfUnit(), 1e-15);
        assertEquals(0.5, PrintedPercent.parse("77").halfUnit(), 1e-15);
        assertTrue(PrintedPercent.parse("77.5").roundsFrom(77.5404), "2019: 77.54 derived, 77.5 printed");
        assertFalse(PrintedPercent.parse("77.50").roundsFrom(77.5404));
        assertTrue(PrintedPercent.parse("70.96").roundsFrom(70.955), "exactly half a unit is accepted");
    }

    @Test
    void truncationIsDistinguishedFromRounding() {
        PrintedPercent cec = PrintedPercent.parse("95.46");
        double exact = 100.0 * 7_932_834 / 8_309_637;
        assertFalse(cec.roundsFrom(exact), "95.4655 rounds to 95.47");
        assertTrue(cec.truncatesFrom(exact));
        assertFalse(cec.truncatesFrom(95.47));
    }

    @Test
    void rejectsWhatIsNotAPrintedPercentage() {
        assertThrows(NumberFormatException.class, () -> PrintedPercent.parse("70,96"));
        assertThrows(NumberFormatException.class, () -> PrintedPercent.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> PrintedPercent.parse("100.01"));
    }
}
