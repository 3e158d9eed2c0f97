package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counts written with a thousands separator ({@link Thousands}): groups of exactly three digits after the first group
 * of one to three, so that {@code 123.0} stays the integral decimal 123 and {@code 1.413} is 1413 with a point; and the
 * message a separated cell gets without the option, which names it.
 */
class ThousandsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{0}] with {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "1.413|POINT|1413", "1.413.200|POINT|1413200", "123.0|POINT|123", "123.000|POINT|123000", "42|POINT|42",
        "999.999|POINT|999999", "1.41|POINT|-5", "1.4130|POINT|-5", "1234.567|POINT|-5", "12.345.6|POINT|-5",
        "1,234|POINT|-6", ".413|POINT|-2", "1..413|POINT|-2", "-1.413|POINT|-3",
        "1,234|COMMA|1234", "1,234,567|COMMA|1234567", "1,234.0|COMMA|1234", "12,34|COMMA|-6", "1,2345|COMMA|-6",
        "123.0|COMMA|123", "` 1,234 `|COMMA|1234",
        "1 234|SPACE|1234", "`1\u00A0234`|SPACE|1234", "`1\u202F234 567`|SPACE|1234567", "1 23|SPACE|-6",
        "1.413|NONE|-5", "1,234|NONE|-6", "2.147.483.648|POINT|-4"})
    void groupsOfExactlyThreeDigits(String text, Thousands t, long expected) {
        assertEquals(expected, CountCell.parse(text, t));
    }

    @Test
    void parsesTheCommandLineSpellings() {
        assertEquals(Thousands.POINT, Thousands.parse("."));
        assertEquals(Thousands.COMMA, Thousands.parse(","));
        assertEquals(Thousands.SPACE, Thousands.parse("space"));
        assertEquals(Thousands.SPACE, Thousands.parse("SPACE"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Thousands.parse(";"));
        assertTrue(e.getMessage().contains(". , or space"), e.getMessage());
    }

    /**
     * A ';'-separated official file where a few rows write a count with a point between thousands: without the
     * option the load stops on that cell, and the fix names {@code --thousands .}; with it the count is 1413.
     */
    @Test
    void aSeparatedCellNamesTheOptionAndLoadsWithIt() throws Exception {
        Path f = CsvFiles.write(dir, "sep.csv", "registered;ballots;A;B\n2000;1.413;900;513\n1000;600;300;300\n");
        DataException e = assertThrows(DataException.class, () -> ElectionCsv.load(f));
        String m = e.getMessage();
        assertTrue(m.contains("line 2") && m.contains("'ballots'") && m.contains("1.413"), m);
        assertTrue(m.contains("--thousands ."), m);
        Election el = ElectionCsv.load(f, ColumnMapping.builder().thousands(Thousands.POINT).build()).election();
        assertEquals(1413, el.ballots(0));
        assertEquals(600, el.ballots(1));
        Path c = CsvFiles.write(dir, "comma.csv", "registered,ballots,A\n\"2,000\",\"1,413\",\"1,413\"\n");
        DataException ce = assertThrows(DataException.class, () -> ElectionCsv.load(c));
        assertTrue(ce.getMessage().contains("--thousands ,"), ce.getMessage());
        assertEquals(2000, ElectionCsv.load(c, ColumnMapping.builder().thousands(Thousands.COMMA).build()).election()
                .registered(0));
    }
}
