package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountCellTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "0|0", "42|42", "` 42 `|42", "`\t7\t`|7", "007|7", "123.0|123", "123.00|123", "-0|0",
        "2147483647|2147483647",
        "``|-1", "NA|-1", "na|-1", "N/A|-1", "` NA `|-1",
        "-3|-3", "2147483648|-4", "99999999999999999999999|-4", "12.5|-5", "1.|-2", "1,234|-6", "1 234|-6",
        "1e5|-7", "1.5E3|-7", "NaN|-8", "Infinity|-8", "-inf|-8", "nan|-8", "+Infinity|-8", "nano|-2", "abc|-2", "-|-2", "+5|-2", "12abc|-2", "1.2.3|-2"})
    void parsesThePolicy(String text, long expected) {
        assertEquals(expected, CountCell.parse(text));
    }
}
