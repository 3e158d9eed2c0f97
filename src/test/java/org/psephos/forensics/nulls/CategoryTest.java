package org.psephos.forensics.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Category}: its rows in {@link CountLayout}'s weights (options 0 .. K − 1, other valid K, invalid K + 1,
 * unfound K + 2).
 */
class CategoryTest {
    @Test
    void everyRowIsOneCategoryAndBack() {
        int options = 4;
        Set<Category> seen = new HashSet<>();
        for (int row = 0; row < options + 3; row++) {
            Category c = Category.ofRow(row, options);
            assertEquals(row, c.row(options));
            assertTrue(seen.add(c), "row " + row + " repeats " + c);
        }
        assertEquals(Category.option(2), Category.ofRow(2, options));
        assertEquals(Category.OTHER_VALID, Category.ofRow(4, options));
        assertEquals(Category.INVALID, Category.ofRow(5, options));
        assertEquals(Category.UNFOUND, Category.ofRow(6, options));
        assertTrue(Category.option(0).isOption());
        assertFalse(Category.INVALID.isOption());
    }

    @Test
    void anOptionHasAnIndexAndNothingElseDoes() {
        assertThrows(IllegalArgumentException.class, () -> new Category(Category.Kind.OPTION, -1));
        assertThrows(IllegalArgumentException.class, () -> new Category(Category.Kind.UNFOUND, 0));
    }
}
