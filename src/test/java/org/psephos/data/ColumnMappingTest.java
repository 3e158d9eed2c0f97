package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The column reference syntax and its resolution against a header. */
class ColumnMappingTest {
    private static final List<String> HEADER = List.of("region", "A+B", "A", "B", "C", "Votes", "votes2");

    private static int[] resolve(String ref) {
        return new ColumnResolver("f.csv", HEADER, 1).resolve("--x", ColumnRef.parse("--x", ref));
    }

    @Test
    void namesPositionsSumsAndRanges() {
        assertArrayEquals(new int[] {2}, resolve("A"));
        assertArrayEquals(new int[] {4}, resolve("#5"));
        assertArrayEquals(new int[] {2, 3, 4}, resolve("A + #4 + C"));
        assertArrayEquals(new int[] {2, 3, 4}, resolve("#3..#5"));
        assertArrayEquals(new int[] {5}, resolve("VOTES"), "case-insensitive when unique");
    }

    @Test
    void namesWithPlusMatchExactlyFirst() {
        assertArrayEquals(new int[] {1}, resolve("A+B"), "the header 'A+B', not A plus B");
        assertArrayEquals(new int[] {1, 4}, resolve("A+B+C"), "'A+B' rejoined, then C");
        assertArrayEquals(new int[] {2, 4}, resolve("A+C"));
    }

    @Test
    void missingTermIsADataError() {
        DataException ex = assertThrows(DataException.class, () -> resolve("A+Z"));
        assertTrue(ex.getMessage().contains("'Z'"), ex.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "#0", "#x", "#", "A++B", "A+", "+A", "#3..#1", "#2..#x", "#99999999999"})
    void syntaxErrorsAreIllegalArguments(String ref) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.builder().candidate(ref).build());
        assertTrue(ex.getMessage().startsWith("--candidate"), ex.getMessage());
    }

    @Test
    void rangeOnlyForCandidates() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.builder().ballots("#2..#4").build());
        assertTrue(ex.getMessage().contains("only allowed for candidates"), ex.getMessage());
    }

    @Test
    void positionZeroMessageSaysPositionsStartAtOne() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.builder().registered("#0").build());
        assertTrue(ex.getMessage().contains("start at #1"), ex.getMessage());
    }

    @Test
    void candidateListIsImmutable() {
        ColumnMapping m = ColumnMapping.builder().candidate("A").build();
        assertThrows(UnsupportedOperationException.class, () -> m.candidates().add("B"));
        assertEquals(null, m.shareOf(), "the default, resolved by the reader (ShareBase.defaultFor)");
    }
}
