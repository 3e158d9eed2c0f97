package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;

/**
 * The sorted-hash duplicate search agrees with the obvious hash map of (id, groups) on random ids from a tiny
 * alphabet, where repeats and hash collisions ("Aa" and "BB" share {@link String#hashCode}) are common.
 */
class DuplicateIdsTest {
    @Property(tries = 300)
    void agreesWithAHashMap(@ForAll @Size(max = 60) List<@StringLength(max = 2) @Chars({'A', 'a', 'B'}) String> ids,
                            @ForAll @IntRange(min = 1, max = 3) int groupCount) {
        int[] groups = new int[ids.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = (i * 7 + ids.get(i).length()) % groupCount;
        }
        Map<String, Integer> seen = new HashMap<>();
        int count = 0;
        int first = -1;
        int repeat = -1;
        for (int i = 0; i < ids.size(); i++) {
            Integer f = seen.putIfAbsent(ids.get(i) + "\u0000" + groups[i], i);
            if (f != null && count++ == 0) {
                first = f;
                repeat = i;
            }
        }
        assertEquals(new DuplicateIds.Found(count, first, repeat), DuplicateIds.find(ids, List.of(groups)));
    }
}
